// One VM's timelines on an HTML page: the whole run as an overview with the disruption
// marked, the same lanes zoomed on the disruption (so a 17 ms gap in a 12 s run is plain to
// see), and a legend of every mark.
#pragma once

#include <string>
#include <vector>

#include "reports/svg_timeline.hpp"

namespace lmlab {

std::string timeline_section_html(const std::vector<TimelineRun>& runs, const std::string& vm);

}  // namespace lmlab
