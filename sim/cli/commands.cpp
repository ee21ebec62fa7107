#include "sim/cli/commands.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include <fmt/core.h>

#include "sim/cli/progress_display.hpp"
#include "sim/cli/run_failure.hpp"
#include "sim/cli/run_reports.hpp"
#include "sim/runner/runner.hpp"
#include "sim/loader/scenario_loader.hpp"

namespace lmlab::cli {

namespace fs = std::filesystem;

int run(const RunArguments& arguments) {
  try {
    const Scenario scenario = load_scenario_file(arguments.scenario_file);
    ProgressDisplay progress(stderr, is_terminal(stderr), {scenario.duration});
    progress.start(0, fmt::format("{} on {}", scenario.name, arguments.backend));
    const Result result = carry_out([&] {
      return run_scenario(scenario, {arguments.backend, arguments.seed, progress.callback()});
    });
    progress.clear();
    const std::string directory = arguments.out_directory.empty()
                                      ? (fs::path("results") / scenario.name).string()
                                      : arguments.out_directory;
    return publish_run(result, directory, run_reports(result), arguments.junit_file);
  } catch (const std::exception&) {
    return report_error();
  }
}

int validate(const std::string& scenario_file) {
  try {
    const Scenario scenario = load_scenario_file(scenario_file);
    fmt::print("{}: ok ({}: {} nodes, {} VMs, {} migrations)\n", scenario_file, scenario.name,
               scenario.cluster.nodes.size(), scenario.vms.size(), scenario.migrations.size());
    return kExitPassed;
  } catch (const ScenarioError& error) {
    fmt::print(stderr, "{}\n", error.what());
    return kExitBadInput;
  }
}

std::vector<std::string> scenario_files_in(const std::string& directory) {
  std::error_code error;
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(directory, error))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path().string());
  if (error) throw std::runtime_error("cannot list " + directory + ": " + error.message());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace lmlab::cli
