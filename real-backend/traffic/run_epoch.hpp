// The time origin of a run on real software. Senders and timers use the monotonic clock;
// capture timestamps come from the realtime clock (CLOCK_REALTIME), so both origins are taken
// together and every time is expressed since the run started, like simulated time.
#pragma once

#include <chrono>
#include <ctime>

#include "sim/core/units.hpp"

namespace lmlab::real {

class RunEpoch {
 public:
  // The run starts now.
  RunEpoch();

  // Monotonic time since the run started.
  Time since_start() const;
  // The monotonic time point of a run time, for timers.
  std::chrono::steady_clock::time_point steady_at(Time run_time) const;
  // A realtime timestamp (a capture's) as run time.
  Time from_realtime(const timespec& realtime) const;

 private:
  std::chrono::steady_clock::time_point steady_origin_;
  Time realtime_origin_;  // CLOCK_REALTIME at the same moment, since the Unix epoch
};

}  // namespace lmlab::real
