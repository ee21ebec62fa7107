// Checks a scenario's expectations against the figures of a run.
#pragma once

#include <vector>

#include "sim/core/figures.hpp"
#include "sim/core/result.hpp"
#include "sim/core/scenario.hpp"

namespace lmlab {

std::vector<ExpectationResult> evaluate_expectations(const Scenario& scenario,
                                                     const Figures& figures);

}  // namespace lmlab
