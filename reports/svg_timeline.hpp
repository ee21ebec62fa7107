// Timelines of one VM's migration as SVG: the migration phases and events (RARPs among
// them), probe deliveries per direction with every gap highlighted and labelled, and TCP
// progress with stalls and retransmissions, over a window of the run. Several runs of the
// same scenario share one time axis when they are compared.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/core/result.hpp"

namespace lmlab {

struct TimeWindow {
  Time start;
  Time end;
};

struct TimelineRun {
  std::string label;  // empty for a single run; "A", "B", ... when runs are compared
  const Result* result = nullptr;
};

// The part of the run worth a close look: from the VM's pause, or the first outage around
// it, to the end of the last probe gap or TCP stall chained to them, with room on both sides.
// nullopt when the VM was never paused and never lost traffic around its migration.
std::optional<TimeWindow> disruption_window(const Result& result, const std::string& vm);

// The smallest window holding all of `windows`.
TimeWindow union_of(const std::vector<TimeWindow>& windows);

struct TimelineView {
  TimeWindow window;
  std::optional<TimeWindow> highlight;  // an overview marks the region zoomed on elsewhere
};

std::string render_svg_timeline(const std::vector<TimelineRun>& runs, const std::string& vm,
                                const TimelineView& view);

}  // namespace lmlab
