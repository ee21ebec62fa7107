// Questions tests ask of a Result, whichever backend produced it.
#pragma once

#include <algorithm>
#include <iterator>
#include <vector>

#include "sim/core/result.hpp"

namespace lmlab {

// The longest downtime over the run's probe directions.
inline Time worst_downtime(const Result& result) {
  Time worst{0};
  for (const auto& probe : result.figures.probes) worst = std::max(worst, probe.downtime);
  return worst;
}

// The run's phase events of one kind, in order.
inline std::vector<PhaseEvent> events_of(const Result& result, Phase phase) {
  std::vector<PhaseEvent> found;
  std::copy_if(result.events.begin(), result.events.end(), std::back_inserter(found),
               [&](const PhaseEvent& event) { return event.phase == phase; });
  return found;
}

}  // namespace lmlab
