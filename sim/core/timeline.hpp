// A compact picture of each flow over the run, for drawing timelines: when probes were
// delivered, and how a TCP stream's data progressed. Small enough for the result JSON (runs
// and simplified curves, not packets) and exact where it matters: probe delivery runs split
// at every gap the figures list, progress curves stay within one chunk of the records.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/core/units.hpp"

namespace lmlab {

// Deliveries no more than two probe intervals apart: the complement of ProbeFigures::gaps.
struct DeliveryRun {
  Time start;  // first delivery of the run
  Time end;    // last delivery of the run
  std::uint64_t deliveries = 0;
};

// Cumulative bytes at a moment; consecutive points are joined by straight lines.
struct ProgressPoint {
  Time time;
  std::uint64_t bytes = 0;
};

struct FlowTimeline {
  std::uint32_t flow = 0;                  // FlowInfo::id
  std::vector<DeliveryRun> delivery_runs;  // probe flows
  std::vector<ProgressPoint> written;      // TCP: bytes the application wrote
  std::vector<ProgressPoint> delivered;    // TCP: bytes the receiver read
};

// The shape of the timeline section of the result JSON; it changes with the schema version.
inline constexpr int kTimelineVersion = 2;

struct Timeline {
  std::vector<FlowTimeline> flows;  // one per flow, in flow id order
};

}  // namespace lmlab
