#include "sim/cli/matrix_command.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include <fmt/core.h>
#include <fmt/ranges.h>

#include "reports/result_json.hpp"
#include "reports/result_json_reader.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/matrix_output.hpp"
#include "sim/cli/progress_display.hpp"
#include "sim/cli/run_failure.hpp"
#include "sim/runner/runner.hpp"
#include "sim/loader/scenario_loader.hpp"

namespace lmlab::cli {

namespace {

constexpr const char* kOwnStrategy = "scenario";

std::vector<std::string> strategy_names() {
  std::vector<std::string> names;
  for (const StrategyKind strategy : all_strategies()) names.push_back(to_string(strategy));
  return names;
}

std::vector<std::optional<StrategyKind>> strategy_choices(const std::vector<std::string>& names) {
  std::vector<std::optional<StrategyKind>> choices;
  if (names.empty()) {
    for (const StrategyKind strategy : all_strategies()) choices.emplace_back(strategy);
    return choices;
  }
  for (const std::string& name : names) {
    if (name == kOwnStrategy) {
      if (names.size() > 1)
        throw std::invalid_argument("--strategy scenario cannot be combined with other strategies");
      choices.emplace_back(std::nullopt);
      continue;
    }
    const auto all = all_strategies();
    const auto found = std::find_if(
        all.begin(), all.end(), [&](StrategyKind strategy) { return name == to_string(strategy); });
    choices.emplace_back(*found);  // the option's check admits known names only
  }
  return choices;
}

std::vector<Scenario> load_scenarios(const MatrixArguments& arguments) {
  const std::vector<std::string> files = arguments.scenario_files.empty()
                                             ? scenario_files_in(arguments.scenario_directory)
                                             : arguments.scenario_files;
  if (files.empty()) throw std::invalid_argument("no scenario files to play");
  std::vector<Scenario> scenarios;
  for (const std::string& file : files) {
    auto scenario = load_scenario_file(file);
    // The shipped library holds scenarios some backends cannot play yet: a default matrix
    // leaves those out and says so; a scenario asked for by name is refused before any run.
    const auto refusal = std::find_if(
        arguments.backends.begin(), arguments.backends.end(),
        [&](const std::string& backend) { return backend_cannot_play(scenario, backend); });
    if (refusal != arguments.backends.end()) {
      const std::string reason = *backend_cannot_play(scenario, *refusal);
      if (!arguments.scenario_files.empty())
        throw std::invalid_argument(fmt::format("{}: {}", file, reason));
      fmt::print(stderr, "matrix: leaving out {}: {}\n", scenario.name, reason);
      continue;
    }
    scenarios.push_back(std::move(scenario));
    for (std::size_t i = 0; i + 1 < scenarios.size(); ++i)
      if (scenarios[i].name == scenarios.back().name)
        throw std::invalid_argument(
            fmt::format("{} and {} are both named {}; a matrix needs "
                        "distinct scenario names",
                        scenarios[i].source_file, file, scenarios.back().name));
  }
  if (scenarios.empty()) throw std::invalid_argument("no scenario these backends can play");
  return scenarios;
}

std::string label_of(const MatrixRunEntry& run) {
  return fmt::format("{} {} {} seed {}", run.scenario, run.strategy, run.backend, run.seed);
}

}  // namespace

CLI::App* add_matrix_command(CLI::App& app, MatrixArguments& arguments) {
  auto* command = app.add_subcommand(
      "matrix", "play scenarios × strategies × backends × repeats and summarize each cell");
  command->add_option("scenarios", arguments.scenario_files,
                      "scenario files (default: every scenario shipped with lmlab)");
  std::vector<std::string> strategies = strategy_names();
  strategies.push_back(kOwnStrategy);
  command
      ->add_option("--strategy", arguments.strategies,
                   "strategies to play, comma-separated (default: every one); 'scenario' keeps "
                   "each scenario's own")
      ->delimiter(',')
      ->check(CLI::IsMember(strategies));
  command->add_option("--backend", arguments.backends, "backends, comma-separated")
      ->delimiter(',')
      ->check(CLI::IsMember(available_backends()))
      ->capture_default_str();
  command->add_option("--repeat", arguments.repeat, "runs per cell; repeat k plays seed + k")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command->add_option("--shard", arguments.shard,
                      "play only shard i of n (i/n), for CI runners sharing a matrix");
  command->add_option("--out", arguments.out_directory, "directory for the matrix's files")
      ->capture_default_str();
  command->add_option("--junit", arguments.junit_file, "also write JUnit XML to this file");
  command->footer(
      "Exit codes: 0 every run met its expectations, 1 some did not, 2 bad input (nothing is "
      "played or written), 3 a run could not be carried out on this host: the other runs are "
      "still played and reported, and the reports list it with its cause.");
  return command;
}

int matrix(const MatrixArguments& arguments) {
  try {
    const auto wall_start = std::chrono::steady_clock::now();
    std::optional<Shard> shard;
    if (!arguments.shard.empty() && !(shard = parse_shard(arguments.shard)))
      throw std::invalid_argument(
          fmt::format("--shard {}: expected i/n with 1 <= i <= n, e.g. 2/4", arguments.shard));
    const std::vector<Scenario> scenarios = load_scenarios(arguments);
    MatrixAxes axes{
        {}, strategy_choices(arguments.strategies), arguments.backends, arguments.repeat};
    MatrixMetadata metadata{LMLAB_VERSION, utc_timestamp(), 0, {}};
    for (const Scenario& scenario : scenarios) {
      axes.scenarios.push_back(scenario.name);
      metadata.scenario_files.push_back(scenario.source_file);
    }
    const std::vector<MatrixRun> plan = plan_matrix(axes);
    const std::vector<MatrixRun> runs = shard ? runs_of_shard(plan, *shard) : plan;

    std::vector<Time> durations;
    for (const MatrixRun& run : runs) durations.push_back(scenarios[run.scenario].duration);
    ProgressDisplay progress(stderr, is_terminal(stderr), durations);
    std::vector<MatrixRunEntry> entries;
    std::vector<Result> results;
    results.reserve(runs.size());
    std::vector<FailedRun> failed_runs;
    for (std::size_t i = 0; i < runs.size(); ++i) {
      const MatrixRun& run = runs[i];
      Scenario scenario = scenarios[run.scenario];
      if (run.strategy) scenario.cluster.strategy = *run.strategy;
      const std::uint64_t seed = repeat_seed(scenario.seed, run.repeat);
      MatrixRunEntry entry{run.index,   scenario.name, to_string(scenario.cluster.strategy),
                           run.backend, seed,          false,
                           ""};
      entry.result_file =
          run_directory(entry.scenario, entry.strategy, entry.backend, seed) + "/result.json";
      progress.start(i, label_of(entry));
      try {
        const Result played = carry_out([&] {
          return run_scenario(scenario, {run.backend, seed, progress.callback()});
        });
        // Summaries are made from the result as result.json records it, as merge will read it.
        results.push_back(result_from_json(result_to_json(played)));
        entry.passed = results.back().passed;
        write_run_reports(arguments.out_directory, entry, results.back());
        progress.finish(entry.passed);
        entries.push_back(std::move(entry));
      } catch (const RunFailure& failure) {
        // The other runs may still be carried out; this one is reported with its cause.
        progress.fail(failure.what());
        failed_runs.push_back(FailedRun{run.index, entry.scenario, entry.strategy, entry.backend,
                                        seed, failure.what()});
      }
    }
    progress.clear();

    metadata.wall_time_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
    std::vector<const Result*> pointers;
    for (const Result& result : results) pointers.push_back(&result);
    const MatrixReport report =
        summarize_matrix(std::move(axes), shard, std::move(entries), pointers,
                         std::move(failed_runs), std::move(metadata));
    return finish_matrix(arguments.out_directory, report, pointers, arguments.junit_file);
  } catch (const std::exception&) {
    return report_error();
  }
}

}  // namespace lmlab::cli
