// Where one migration's downtime went, as a stacked bar: VM paused, QEMU announce, network
// converging, first packet through. Lines up with the timelines drawn above or below it.
#pragma once

#include <optional>
#include <string>

#include "sim/core/figures.hpp"

namespace lmlab {

// Empty when the breakdown has no measured segment (the VM was never paused). `label` names
// the run when several are compared; `full_scale`, the same for all of them, is the duration
// the whole width stands for (by default this breakdown's total).
std::string render_svg_breakdown(const DowntimeBreakdown& breakdown, const std::string& label = "",
                                 std::optional<Time> full_scale = std::nullopt);

// The sum of the breakdown's measured segments.
Time breakdown_total(const DowntimeBreakdown& breakdown);

}  // namespace lmlab
