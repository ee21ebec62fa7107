// Calls back at start + k * interval for k = 0, 1, ... until the end: a fixed schedule that
// never drifts and never slows down, whatever happens to the packets it sends.
#pragma once

#include <cstdint>
#include <functional>

#include <ns3/simulator.h>

#include "sim/units.hpp"

namespace lmlab {

class FixedRateTicker {
 public:
  FixedRateTicker(Time start, Time interval, Time end, std::function<void(std::uint64_t)> tick)
      : start_(start), interval_(interval), end_(end), tick_(std::move(tick)) {}

  void begin() { schedule(0); }

 private:
  void schedule(std::uint64_t k) {
    const Time at = start_ + interval_ * static_cast<Time::rep>(k);
    if (at >= end_) return;
    ns3::Simulator::Schedule(ns3::NanoSeconds(at.count()) - ns3::Simulator::Now(), [this, k] {
      tick_(k);
      schedule(k + 1);
    });
  }

  Time start_;
  Time interval_;
  Time end_;
  std::function<void(std::uint64_t)> tick_;
};

}  // namespace lmlab
