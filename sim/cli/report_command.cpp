#include "sim/cli/report_command.hpp"

#include <filesystem>

#include <fmt/core.h>

#include "reports/result_json_reader.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/run_reports.hpp"

namespace lmlab::cli {

CLI::App* add_report_command(CLI::App& app, ReportArguments& arguments) {
  auto* command = app.add_subcommand("report", "write the reports of a result.json again");
  command->add_option("result", arguments.result_file, "result.json of a run")->required();
  command->add_option("--out", arguments.out_directory,
                      "directory for report.md and report.html (default: the result's)");
  command->add_option("--junit", arguments.junit_file, "also write JUnit XML to this file");
  return command;
}

int report(const ReportArguments& arguments) {
  try {
    const Result result =
        read_result_file(arguments.result_file, SchemaVersion2::read_with_defaults);
    std::string directory =
        arguments.out_directory.empty()
            ? std::filesystem::path(arguments.result_file).parent_path().string()
            : arguments.out_directory;
    if (directory.empty()) directory = ".";
    return publish_run(result, directory, readable_reports(result), arguments.junit_file);
  } catch (const std::exception& error) {
    fmt::print(stderr, "lmlab: {}\n", error.what());
    return kExitBadInput;
  }
}

}  // namespace lmlab::cli
