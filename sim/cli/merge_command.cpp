#include "sim/cli/merge_command.hpp"

#include <algorithm>
#include <filesystem>
#include <numeric>
#include <stdexcept>

#include <fmt/core.h>

#include "reports/result_json_reader.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/matrix_output.hpp"

namespace lmlab::cli {

namespace fs = std::filesystem;

namespace {

struct ShardFiles {
  std::string directory;
  MatrixReport report;
};

bool same_plan(const MatrixAxes& a, const MatrixAxes& b) {
  return a.scenarios == b.scenarios && a.strategies == b.strategies && a.backends == b.backends &&
         a.repeat == b.repeat;
}

// Every shard of one plan, each exactly once.
void check_shards(const std::vector<ShardFiles>& shards) {
  const ShardFiles& first = shards.front();
  for (const ShardFiles& shard : shards) {
    if (!shard.report.shard)
      throw std::invalid_argument(
          fmt::format("{} holds a whole matrix, not a shard", shard.directory));
    if (!same_plan(shard.report.axes, first.report.axes))
      throw std::invalid_argument(fmt::format("{} and {} hold shards of different matrices",
                                              first.directory, shard.directory));
  }
  const unsigned count = first.report.shard->count;
  std::vector<std::string> seen(count + 1);
  for (const ShardFiles& shard : shards) {
    const Shard& which = *shard.report.shard;
    if (which.count != count)
      throw std::invalid_argument(fmt::format("{} is shard {}/{}, {} shard {}/{}", shard.directory,
                                              which.index, which.count, first.directory,
                                              first.report.shard->index, count));
    if (!seen[which.index].empty())
      throw std::invalid_argument(fmt::format("{} and {} are both shard {}/{}", seen[which.index],
                                              shard.directory, which.index, count));
    seen[which.index] = shard.directory;
  }
  for (unsigned index = 1; index <= count; ++index)
    if (seen[index].empty())
      throw std::invalid_argument(fmt::format("shard {}/{} is missing", index, count));
}

}  // namespace

CLI::App* add_merge_command(CLI::App& app, MergeArguments& arguments) {
  auto* command =
      app.add_subcommand("merge", "join the shards of a matrix into the whole matrix's report");
  command
      ->add_option("shards", arguments.shard_directories,
                   "directories written by lmlab matrix --shard i/n, one per shard")
      ->required();
  command->add_option("--out", arguments.out_directory, "directory for the merged matrix")
      ->capture_default_str();
  command->add_option("--junit", arguments.junit_file, "also write JUnit XML to this file");
  command->footer(
      "Exit codes: as the whole matrix would have exited (0, 1, or 3 when a run could not be "
      "carried out); 2 bad input (shards missing, twice or of other matrices; nothing is "
      "written).");
  return command;
}

int merge(const MergeArguments& arguments) {
  try {
    std::vector<ShardFiles> shards;
    for (const std::string& directory : arguments.shard_directories)
      shards.push_back(
          ShardFiles{directory, read_matrix_file((fs::path(directory) / "matrix.json").string())});
    check_shards(shards);

    const MatrixAxes& axes = shards.front().report.axes;
    MatrixMetadata metadata = shards.front().report.metadata;
    metadata.wall_time_seconds = 0;
    std::vector<MatrixRunEntry> entries;
    std::vector<Result> results;
    results.reserve(plan_matrix(axes).size());
    std::vector<FailedRun> failed_runs;
    for (const ShardFiles& shard : shards) {
      metadata.started_at = std::min(metadata.started_at, shard.report.metadata.started_at);
      metadata.wall_time_seconds += shard.report.metadata.wall_time_seconds;
      for (const MatrixRunEntry& entry : shard.report.runs) {
        // Refuses schema version 2: the merge writes each result.json again, and defaults in
        // place of what version 2 did not record would pass for the run's own scenario.
        results.push_back(
            read_result_file((fs::path(shard.directory) / entry.result_file).string()));
        entries.push_back(entry);
      }
      failed_runs.insert(failed_runs.end(), shard.report.failed_runs.begin(),
                         shard.report.failed_runs.end());
    }
    // The shards of a plan hold each of its runs once, played or failed: as many runs as the
    // plan, no index twice.
    std::vector<bool> held(plan_matrix(axes).size(), false);
    const auto hold = [&](std::size_t index, const std::string& what) {
      if (index >= held.size() || held[index])
        throw std::invalid_argument(
            fmt::format("run {} ({}) is not in the plan or appears twice", index, what));
      held[index] = true;
    };
    for (const MatrixRunEntry& entry : entries) hold(entry.index, entry.result_file);
    for (const FailedRun& run : failed_runs)
      hold(run.index, fmt::format("{} {} {} seed {}, which could not run", run.scenario,
                                  run.strategy, run.backend, run.seed));
    if (std::find(held.begin(), held.end(), false) != held.end())
      throw std::invalid_argument("the shards do not hold every run of the matrix");

    // In plan order, as an unsharded matrix lists them.
    std::vector<std::size_t> order(entries.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return entries[a].index < entries[b].index; });
    std::vector<MatrixRunEntry> sorted;
    std::vector<const Result*> pointers;
    for (const std::size_t i : order) {
      write_run_reports(arguments.out_directory, entries[i], results[i]);
      sorted.push_back(entries[i]);
      pointers.push_back(&results[i]);
    }
    const MatrixReport report = summarize_matrix(axes, std::nullopt, std::move(sorted), pointers,
                                                 std::move(failed_runs), std::move(metadata));
    return finish_matrix(arguments.out_directory, report, pointers, arguments.junit_file);
  } catch (const std::exception& error) {
    fmt::print(stderr, "lmlab: {}\n", error.what());
    return kExitBadInput;
  }
}

}  // namespace lmlab::cli
