// Progress of a run for displays: the run's time reported every `step` on the run's clock.
// Kept C++17-compatible: the ns-3 library includes it.
#pragma once

#include <functional>

#include "sim/core/clock.hpp"

namespace lmlab {

// Reports clock.now() every `step` until `end`. Its events only read the clock: ns-3 orders
// events by time and then by insertion, so the model's own events keep their order and no
// random stream is drawn from. `progress` must outlive the run.
void schedule_progress(Clock& clock, Time step, Time end,
                       const std::function<void(Time)>& progress);

}  // namespace lmlab
