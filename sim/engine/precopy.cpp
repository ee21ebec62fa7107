#include "sim/engine/precopy.hpp"

#include <algorithm>

namespace lmlab {

namespace {
// live-migration-facts.md, KubeVirt: initial 150 ms, 7 steps after iteration 3, max 900 ms.
constexpr Time kInitialDowntimeLimit = std::chrono::milliseconds(150);
constexpr Time kMaxDowntimeLimit = std::chrono::milliseconds(900);
constexpr std::size_t kTuningStartsAfterPass = 3;
constexpr std::size_t kTuningSteps = 7;
// A migration whose dirty rate outruns the bandwidth never converges; stop planning then.
constexpr std::size_t kMaxPasses = 100;

Time transfer_time(std::uint64_t bytes, std::uint64_t bandwidth_bps) {
  // bytes * 8 bits / bps seconds, in ns, without overflowing for terabytes.
  const long double seconds = static_cast<long double>(bytes) * 8.0L / bandwidth_bps;
  return Time(static_cast<Time::rep>(seconds * 1e9L));
}

std::uint64_t dirtied_during(Time duration, std::uint64_t dirty_rate, std::uint64_t memory) {
  const long double bytes = static_cast<long double>(dirty_rate) * duration.count() / 1e9L;
  return std::min<std::uint64_t>(memory, static_cast<std::uint64_t>(bytes));
}
}  // namespace

Time downtime_limit_after(std::size_t completed_passes) {
  if (completed_passes <= kTuningStartsAfterPass) return kInitialDowntimeLimit;
  const auto step = static_cast<Time::rep>(
      std::min(completed_passes - kTuningStartsAfterPass, kTuningSteps));
  const auto steps = static_cast<Time::rep>(kTuningSteps);
  return kInitialDowntimeLimit + (kMaxDowntimeLimit - kInitialDowntimeLimit) * step / steps;
}

PrecopyPlan plan_precopy(std::uint64_t memory_bytes, std::uint64_t dirty_rate_bytes_per_second,
                         std::uint64_t bandwidth_bps) {
  PrecopyPlan plan;
  std::uint64_t to_send = memory_bytes;  // the first pass sends all of memory
  while (plan.passes.size() < kMaxPasses) {
    const Time duration = transfer_time(to_send, bandwidth_bps);
    const std::uint64_t dirtied =
        dirtied_during(duration, dirty_rate_bytes_per_second, memory_bytes);
    const Time limit = downtime_limit_after(plan.passes.size() + 1);
    plan.passes.push_back({to_send, duration, limit});
    // QEMU stops the VM once the expected downtime (what is left / bandwidth) fits the limit.
    if (transfer_time(dirtied, bandwidth_bps) <= limit) {
      plan.converged = true;
      plan.stop_copy_bytes = dirtied;
      plan.stop_copy_duration = transfer_time(dirtied, bandwidth_bps);
      return plan;
    }
    to_send = dirtied;
  }
  return plan;
}

}  // namespace lmlab
