// How one figure spreads over many subjects, e.g. the downtime of each of a run's 200 VMs:
// a histogram of how many fall in each bin, and over it the cumulative share (CDF) against
// a 0-100% scale, so "90% of VMs were back within X" reads off the chart.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace lmlab {

// Empty for no values. `limit`, when given, is drawn as a line (an expectation's bound);
// `unit` follows the numbers; `subjects` names what is counted ("VMs").
std::string render_svg_histogram(const std::string& title, const std::string& unit,
                                 const std::string& subjects, const std::vector<double>& values,
                                 std::optional<double> limit = std::nullopt);

}  // namespace lmlab
