// JUnit XML, the test report shape CI systems show natively: a testsuite per run, a
// testcase per expectation, the measured figure in every failure's message (and in the
// output of those that passed).
#pragma once

#include <string>
#include <vector>

#include "sim/result.hpp"

namespace lmlab {

std::string render_junit_report(const std::vector<const Result*>& results);

}  // namespace lmlab
