// Time source and scheduler for the engine, so the same engine runs in simulated time
// (ns-3) and in wall-clock time (real backends).
#pragma once

#include <functional>
#include <utility>

#include "sim/core/units.hpp"

namespace lmlab {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Time now() const = 0;
  // Runs `action` at `at`, measured from the start of the run; `at` is never before now().
  virtual void schedule_at(Time at, std::function<void()> action) = 0;

  void schedule_in(Time delay, std::function<void()> action) {
    schedule_at(now() + delay, std::move(action));
  }
};

}  // namespace lmlab
