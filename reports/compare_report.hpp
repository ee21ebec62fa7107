// A comparison of runs as text for the terminal, Markdown for a pull request and an HTML
// page with the runs' timelines overlaid on one time axis.
#pragma once

#include <string>

#include "reports/compare.hpp"

namespace lmlab {

std::string render_compare_text(const Comparison& comparison);
std::string render_compare_markdown(const Comparison& comparison);
std::string render_compare_html(const Comparison& comparison);

}  // namespace lmlab
