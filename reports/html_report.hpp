// The HTML report of one run: a self-contained page with the verdicts, where the downtime
// went, and per VM a timeline of the whole run and one zoomed on the disruption; a run of
// many VMs shows how their downtime spread, the worst few in full and a table of all.
#pragma once

#include <string>

#include "sim/core/result.hpp"

namespace lmlab {

std::string render_html_report(const Result& result);

}  // namespace lmlab
