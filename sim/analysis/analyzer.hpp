// One analyzer for every backend: packet records + phase events -> figures.
#pragma once

#include <vector>

#include "sim/core/figures.hpp"
#include "sim/core/packet_record.hpp"
#include "sim/core/phase_event.hpp"
#include "sim/core/scenario.hpp"

namespace lmlab {

Figures analyze(const Scenario& scenario, const RunOutput& output,
                const std::vector<PhaseEvent>& events);

}  // namespace lmlab
