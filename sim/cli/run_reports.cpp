#include "sim/cli/run_reports.hpp"

#include <fmt/core.h>

#include "reports/console_summary.hpp"
#include "reports/html_report.hpp"
#include "reports/junit_report.hpp"
#include "reports/markdown_report.hpp"
#include "reports/result_json.hpp"
#include "sim/cli/commands.hpp"

namespace lmlab::cli {

std::vector<ReportFile> readable_reports(const Result& result) {
  return {{"report.md", render_markdown_report(result)},
          {"report.html", render_html_report(result)}};
}

std::vector<ReportFile> run_reports(const Result& result) {
  std::vector<ReportFile> files{{"result.json", render_result_json(result)}};
  for (ReportFile& file : readable_reports(result)) files.push_back(std::move(file));
  return files;
}

std::string describe_written(const std::string& directory, const std::vector<ReportFile>& files,
                             const std::vector<std::string>& more) {
  std::vector<std::string> paths;
  for (const ReportFile& file : files) paths.push_back(directory + "/" + file.name);
  for (const std::string& path : more)
    if (!path.empty()) paths.push_back(path);
  std::string text = "wrote";
  for (std::size_t i = 0; i < paths.size(); ++i)
    text += (i == 0 ? " " : (i + 1 == paths.size() ? " and " : ", ")) + paths[i];
  return text;
}

int publish_run(const Result& result, const std::string& directory,
                const std::vector<ReportFile>& files, const std::string& junit_file) {
  write_report_files(directory, files);
  if (!junit_file.empty()) write_report_file(junit_file, render_junit_report({&result}));
  fmt::print("{}", render_console_summary(result));
  fmt::print("\n{}\n", describe_written(directory, files, {junit_file}));
  return result.passed ? kExitPassed : kExitExpectationsNotMet;
}

}  // namespace lmlab::cli
