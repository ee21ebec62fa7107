#include "sim/cli/list_command.hpp"

#include <filesystem>
#include <optional>
#include <vector>

#include <fmt/core.h>

#include "sim/cli/commands.hpp"
#include "sim/core/backend.hpp"
#include "sim/loader/scenario_loader.hpp"

namespace lmlab::cli {

namespace {

namespace fs = std::filesystem;

struct Refusal {
  std::string scenario;
  std::string backend;
  std::string reason;
};

}  // namespace

// One row per scenario: a column per backend saying "plays" or "no", the description; then
// the reasons of every "no", so the table stays narrow.
int list(const std::string& scenario_directory) {
  std::vector<std::string> files;
  try {
    files = scenario_files_in(scenario_directory);
  } catch (const std::exception& error) {
    fmt::print(stderr, "lmlab: {}\n", error.what());
    return kExitBadInput;
  }
  fmt::print("{:<28}", "scenario");
  for (const Backend* backend : backends()) fmt::print(" {:<6}", backend->name());
  fmt::print(" description\n");
  std::vector<Refusal> refusals;
  int status = kExitPassed;
  for (const auto& file : files) {
    try {
      const Scenario scenario = load_scenario_file(file);
      const auto name = fs::path(file).filename().string();
      fmt::print("{:<28}", name);
      for (const Backend* backend : backends()) {
        const auto reason = backend->cannot_play(scenario);
        fmt::print(" {:<6}", reason ? "no" : "plays");
        if (reason) refusals.push_back({name, backend->name(), *reason});
      }
      fmt::print(" {}\n", scenario.description);
    } catch (const ScenarioError& problem) {
      fmt::print(stderr, "{}\n", problem.what());
      status = kExitBadInput;
    }
  }
  if (!refusals.empty()) fmt::print("\nwhy not:\n");
  for (const auto& refusal : refusals)
    fmt::print("  {} on {}: {}\n", refusal.scenario, refusal.backend, refusal.reason);
  return status;
}

}  // namespace lmlab::cli
