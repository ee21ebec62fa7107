// JUnit XML, the test report shape CI systems show natively: a testsuite per run, a
// testcase per expectation, the measured figure in every failure's message (and in the
// output of those that passed). A run that could not be carried out is a testsuite whose one
// testcase holds an error with the cause: JUnit's error (the test could not run), where a
// failure is an expectation not met.
#pragma once

#include <string>
#include <vector>

#include "reports/failed_run.hpp"
#include "sim/core/result.hpp"

namespace lmlab {

std::string render_junit_report(const std::vector<const Result*>& results,
                                const std::vector<FailedRun>& failed_runs = {});

}  // namespace lmlab
