// A Clock for tests: runs scheduled actions in time order when asked to.
#pragma once

#include <functional>
#include <map>
#include <utility>

#include "sim/core/clock.hpp"

namespace lmlab::testing {

class ManualClock : public Clock {
 public:
  Time now() const override { return now_; }
  void schedule_at(Time at, std::function<void()> action) override {
    queue_.emplace(std::make_pair(at, sequence_++), std::move(action));
  }
  // Runs every action due up to `end`, including the ones they schedule.
  void run_until(Time end) {
    while (!queue_.empty() && queue_.begin()->first.first <= end) {
      auto next = queue_.begin();
      now_ = next->first.first;
      auto action = std::move(next->second);
      queue_.erase(next);
      action();
    }
    now_ = end;
  }

 private:
  Time now_{0};
  unsigned long sequence_ = 0;  // keeps same-time actions in scheduling order
  std::map<std::pair<Time, unsigned long>, std::function<void()>> queue_;
};

}  // namespace lmlab::testing
