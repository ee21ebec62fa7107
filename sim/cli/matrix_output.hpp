// The files of a matrix, written the same way by `matrix` and by `merge`, so that merged
// shards give what one unsharded matrix gives: each run's reports under runs/, then
// matrix.json, matrix.md and matrix.html (and JUnit when asked).
#pragma once

#include <string>
#include <vector>

#include "reports/matrix.hpp"
#include "sim/core/result.hpp"

namespace lmlab::cli {

// Where a run's files go, relative to the matrix directory:
// runs/<scenario>/<strategy>/<backend>/seed-<seed>.
std::string run_directory(const std::string& scenario, const std::string& strategy,
                          const std::string& backend, std::uint64_t seed);

// result.json, report.md and report.html of one run under `matrix_directory`.
void write_run_reports(const std::string& matrix_directory, const MatrixRunEntry& run,
                       const Result& result);

// matrix.json, matrix.md and matrix.html, JUnit over `results` (in report.runs order) and the
// failed runs when `junit_file` is set; prints the summary and returns the exit status:
// kExitRunFailed when a run could not be carried out, else that of the runs' verdicts.
int finish_matrix(const std::string& matrix_directory, const MatrixReport& report,
                  const std::vector<const Result*>& results, const std::string& junit_file);

}  // namespace lmlab::cli
