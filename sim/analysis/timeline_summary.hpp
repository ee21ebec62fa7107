// Builds the Timeline of a run from a backend's packet records.
#pragma once

#include <vector>

#include "sim/core/packet_record.hpp"
#include "sim/core/timeline.hpp"

namespace lmlab {

Timeline summarize_timeline(const RunOutput& output);

// The fewest points of `curve` (sorted by time) such that every dropped point lies within
// `tolerance_bytes` of the line through the kept ones (Ramer-Douglas-Peucker, measured along
// the byte axis). The first and last points are always kept.
std::vector<ProgressPoint> simplify_curve(const std::vector<ProgressPoint>& curve,
                                          double tolerance_bytes);

}  // namespace lmlab
