#include "sim/engine/run_progress.hpp"

namespace lmlab {

void schedule_progress(Clock& clock, Time step, Time end,
                       const std::function<void(Time)>& progress) {
  clock.schedule_in(step, [&clock, step, end, &progress] {
    progress(clock.now());
    if (clock.now() + step <= end) schedule_progress(clock, step, end, progress);
  });
}

}  // namespace lmlab
