// Calls back at start + k * interval for k = 0, 1, ... until the end: a fixed schedule that
// never drifts and never slows down, whatever happens to the packets it sends.
#pragma once

#include <cstdint>
#include <functional>

#include <ns3/simulator.h>

#include "sim/core/workload_plan.hpp"

namespace lmlab {

class FixedRateTicker {
 public:
  FixedRateTicker(const SendSchedule& schedule, std::function<void(std::uint64_t)> tick)
      : schedule_(schedule), tick_(std::move(tick)) {}

  void begin() { schedule(0); }

 private:
  void schedule(std::uint64_t k) {
    const Time at = schedule_.send_time(k);
    if (at >= schedule_.end) return;
    ns3::Simulator::Schedule(ns3::NanoSeconds(at.count()) - ns3::Simulator::Now(), [this, k] {
      tick_(k);
      schedule(k + 1);
    });
  }

  SendSchedule schedule_;
  std::function<void(std::uint64_t)> tick_;
};

}  // namespace lmlab
