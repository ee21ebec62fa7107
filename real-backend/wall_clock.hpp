// The engine's Clock in wall-clock time: actions run on an asio io_context at their run time,
// measured on the run's monotonic clock.
#pragma once

#include <asio/io_context.hpp>

#include "real-backend/traffic/run_epoch.hpp"
#include "sim/core/clock.hpp"

namespace lmlab::real {

class WallClock : public Clock {
 public:
  WallClock(asio::io_context& io, const RunEpoch& epoch) : io_(io), epoch_(epoch) {}

  Time now() const override { return epoch_.since_start(); }
  void schedule_at(Time at, std::function<void()> action) override;

 private:
  asio::io_context& io_;
  const RunEpoch& epoch_;
};

}  // namespace lmlab::real
