// One analyzer for every backend: packet records + phase events -> figures.
#pragma once

#include <vector>

#include "sim/figures.hpp"
#include "sim/packet_record.hpp"
#include "sim/phase_event.hpp"
#include "sim/scenario.hpp"

namespace lmlab {

Figures analyze(const Scenario& scenario, const RunOutput& output,
                const std::vector<PhaseEvent>& events);

}  // namespace lmlab
