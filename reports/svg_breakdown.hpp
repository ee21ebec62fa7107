// Where one migration's downtime went, as a stacked bar: VM paused, QEMU announce, network
// converging, first packet through. Lines up with the timelines drawn above or below it.
#pragma once

#include <string>

#include "sim/figures.hpp"

namespace lmlab {

// Empty when the breakdown has no measured segment (the VM was never paused).
std::string render_svg_breakdown(const DowntimeBreakdown& breakdown);

}  // namespace lmlab
