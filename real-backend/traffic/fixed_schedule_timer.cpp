#include "real-backend/traffic/fixed_schedule_timer.hpp"

namespace lmlab::real {

FixedScheduleTimer::FixedScheduleTimer(asio::io_context& io, const RunEpoch& epoch,
                                       const SendSchedule& schedule, Tick tick)
    : timer_(io), epoch_(epoch), schedule_(schedule), tick_(std::move(tick)) {}

void FixedScheduleTimer::start() { wait_for_next(); }

void FixedScheduleTimer::stop() {
  stopped_ = true;
  timer_.cancel();
}

void FixedScheduleTimer::wait_for_next() {
  const Time at = schedule_.send_time(next_);
  if (stopped_ || at >= schedule_.end) return;
  timer_.expires_at(epoch_.steady_at(at));
  // The handler keeps the timer alive until it has run, even when its owner is gone.
  timer_.async_wait([self = shared_from_this()](const std::error_code& error) {
    if (error || self->stopped_) return;
    self->tick_what_is_due();
    self->wait_for_next();
  });
}

void FixedScheduleTimer::tick_what_is_due() {
  const Time now = epoch_.since_start();
  for (Time at = schedule_.send_time(next_); at <= now && at < schedule_.end && !stopped_;
       at = schedule_.send_time(next_)) {
    tick_(next_++);
  }
}

}  // namespace lmlab::real
