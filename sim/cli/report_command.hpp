// `lmlab report RESULT.json`: the readable reports (and JUnit) of a run made earlier, from its
// result.json alone.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace lmlab::cli {

struct ReportArguments {
  std::string result_file;
  std::string out_directory;  // empty: the directory of the result file
  std::string junit_file;     // empty: no JUnit XML
};

CLI::App* add_report_command(CLI::App& app, ReportArguments& arguments);
int report(const ReportArguments& arguments);

}  // namespace lmlab::cli
