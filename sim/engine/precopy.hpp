// QEMU pre-copy as KubeVirt drives it: iterate memory passes until the remaining dirty
// memory fits in the allowed downtime, then stop and copy the rest.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/core/units.hpp"

namespace lmlab {

struct PrecopyPass {
  std::uint64_t bytes = 0;
  Time duration{0};
  Time downtime_limit{0};  // the limit in force when this pass ended
};

struct PrecopyPlan {
  std::vector<PrecopyPass> passes;
  bool converged = false;          // false: the dirty rate outruns the bandwidth
  std::uint64_t stop_copy_bytes = 0;
  Time stop_copy_duration{0};      // remaining memory at the pre-copy bandwidth
};

// KubeVirt's downtime limit after `completed_passes` passes (live-migration-facts.md:
// "downtime tuning: initial 150 ms, 7 steps, starting after iteration 3", ceiling
// DefaultMigrationMaxDowntimeMs = 900).
Time downtime_limit_after(std::size_t completed_passes);

PrecopyPlan plan_precopy(std::uint64_t memory_bytes, std::uint64_t dirty_rate_bytes_per_second,
                         std::uint64_t bandwidth_bps);

}  // namespace lmlab
