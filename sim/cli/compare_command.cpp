#include "sim/cli/compare_command.hpp"

#include <stdexcept>

#include <fmt/core.h>

#include "reports/compare.hpp"
#include "reports/compare_report.hpp"
#include "reports/report_files.hpp"
#include "reports/result_json_reader.hpp"
#include "sim/cli/commands.hpp"

namespace lmlab::cli {

namespace {
// As many runs as the report has colours for.
constexpr std::size_t kMaxRuns = 6;
}  // namespace

CLI::App* add_compare_command(CLI::App& app, CompareArguments& arguments) {
  auto* command =
      app.add_subcommand("compare", "compare runs of one scenario, each against the first");
  command->add_option("results", arguments.result_files, "result.json files, 2 to 6")->required();
  command->add_option("--html", arguments.html_file, "write an HTML page with overlaid timelines");
  command->add_option("--markdown", arguments.markdown_file,
                      "write a Markdown summary for a pull request");
  command->add_option("--max-regression", arguments.max_regression,
                      "exit 1 when a run's downtime or TCP stall is worse than the first's by "
                      "more than this (20% or 5ms), or it loses survival or identity");
  return command;
}

int compare(const CompareArguments& arguments) {
  try {
    if (arguments.result_files.size() < 2 || arguments.result_files.size() > kMaxRuns)
      throw std::invalid_argument(fmt::format("compare takes 2 to {} result files, not {}",
                                              kMaxRuns, arguments.result_files.size()));
    std::optional<Tolerance> tolerance;
    if (!arguments.max_regression.empty()) {
      tolerance = parse_tolerance(arguments.max_regression);
      if (!tolerance)
        throw std::invalid_argument(
            fmt::format("--max-regression {}: expected a share like 20% or a duration like 5ms",
                        arguments.max_regression));
    }
    std::vector<Result> results;
    for (const std::string& file : arguments.result_files)
      results.push_back(read_result_file(file, SchemaVersion2::read_with_defaults));
    std::vector<ComparedRun> runs;
    for (std::size_t i = 0; i < results.size(); ++i)
      runs.push_back(ComparedRun{std::string(1, static_cast<char>('A' + i)),
                                 arguments.result_files[i], &results[i]});
    const Comparison comparison = compare_runs(std::move(runs), tolerance);

    if (!arguments.html_file.empty())
      write_report_file(arguments.html_file, render_compare_html(comparison));
    if (!arguments.markdown_file.empty())
      write_report_file(arguments.markdown_file, render_compare_markdown(comparison));
    fmt::print("{}", render_compare_text(comparison));
    return comparison.regressions.empty() ? kExitPassed : kExitExpectationsNotMet;
  } catch (const std::exception& error) {
    fmt::print(stderr, "lmlab: {}\n", error.what());
    return kExitBadInput;
  }
}

}  // namespace lmlab::cli
