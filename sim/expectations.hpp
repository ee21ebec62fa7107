// Checks a scenario's expectations against the figures of a run.
#pragma once

#include <vector>

#include "sim/figures.hpp"
#include "sim/result.hpp"
#include "sim/scenario.hpp"

namespace lmlab {

std::vector<ExpectationResult> evaluate_expectations(const Scenario& scenario,
                                                     const Figures& figures);

}  // namespace lmlab
