#include "real-backend/traffic/run_epoch.hpp"

namespace lmlab::real {

namespace {
Time since_unix_epoch(const timespec& realtime) {
  return std::chrono::seconds(realtime.tv_sec) + std::chrono::nanoseconds(realtime.tv_nsec);
}
}  // namespace

RunEpoch::RunEpoch() {
  // The realtime origin is read between two monotonic readings and paired with their middle,
  // so the two origins are at most half a clock read apart.
  const auto before = std::chrono::steady_clock::now();
  timespec realtime{};
  clock_gettime(CLOCK_REALTIME, &realtime);
  const auto after = std::chrono::steady_clock::now();
  steady_origin_ = before + (after - before) / 2;
  realtime_origin_ = since_unix_epoch(realtime);
}

Time RunEpoch::since_start() const {
  return std::chrono::duration_cast<Time>(std::chrono::steady_clock::now() - steady_origin_);
}

std::chrono::steady_clock::time_point RunEpoch::steady_at(Time run_time) const {
  return steady_origin_ + std::chrono::duration_cast<std::chrono::steady_clock::duration>(run_time);
}

Time RunEpoch::from_realtime(const timespec& realtime) const {
  return since_unix_epoch(realtime) - realtime_origin_;
}

}  // namespace lmlab::real
