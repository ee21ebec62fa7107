// Calls back at start + k * interval of the run's clock, k = 0, 1, ... before the end: a
// schedule that never drifts and never slows down, whatever happens to the packets sent on
// it. When the loop was busy past a send time, the ticks it missed are called at once, each
// with its own k, so a late loop shifts sends by its lateness but loses none.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>

#include <asio.hpp>

#include "real-backend/traffic/run_epoch.hpp"
#include "sim/core/workload_plan.hpp"

namespace lmlab::real {

class FixedScheduleTimer : public std::enable_shared_from_this<FixedScheduleTimer> {
 public:
  using Tick = std::function<void(std::uint64_t k)>;

  FixedScheduleTimer(asio::io_context& io, const RunEpoch& epoch, const SendSchedule& schedule,
                     Tick tick);

  void start();
  // No tick is called after this, not even one already due.
  void stop();

 private:
  void wait_for_next();
  void tick_what_is_due();

  asio::steady_timer timer_;
  const RunEpoch& epoch_;
  SendSchedule schedule_;
  Tick tick_;
  std::uint64_t next_ = 0;
  bool stopped_ = false;
};

}  // namespace lmlab::real
