// The engine's Clock in ns-3 simulated time.
#pragma once

#include "sim/core/clock.hpp"

namespace lmlab {

class Ns3Clock : public Clock {
 public:
  Time now() const override;
  void schedule_at(Time at, std::function<void()> action) override;
};

}  // namespace lmlab
