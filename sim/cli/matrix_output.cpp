#include "sim/cli/matrix_output.hpp"

#include <filesystem>

#include <fmt/core.h>

#include "reports/junit_report.hpp"
#include "reports/matrix_report.hpp"
#include "reports/report_files.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/run_reports.hpp"

namespace lmlab::cli {

std::string run_directory(const std::string& scenario, const std::string& strategy,
                          const std::string& backend, std::uint64_t seed) {
  return fmt::format("runs/{}/{}/{}/seed-{}", scenario, strategy, backend, seed);
}

void write_run_reports(const std::string& matrix_directory, const MatrixRunEntry& run,
                       const Result& result) {
  const std::filesystem::path file = std::filesystem::path(matrix_directory) / run.result_file;
  write_report_files(file.parent_path().string(), run_reports(result));
}

int finish_matrix(const std::string& matrix_directory, const MatrixReport& report,
                  const std::vector<const Result*>& results, const std::string& junit_file) {
  const std::vector<ReportFile> files = {{"matrix.json", render_matrix_json(report)},
                                         {"matrix.md", render_matrix_markdown(report)},
                                         {"matrix.html", render_matrix_html(report)}};
  write_report_files(matrix_directory, files);
  if (!junit_file.empty())
    write_report_file(junit_file, render_junit_report(results, report.failed_runs));
  fmt::print("{}\n{}\n", render_matrix_text(report),
             describe_written(matrix_directory, files, {junit_file}));
  if (!report.failed_runs.empty()) return kExitRunFailed;
  return report.passed() ? kExitPassed : kExitExpectationsNotMet;
}

}  // namespace lmlab::cli
