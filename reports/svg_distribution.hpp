// How one figure spreads over the repeats of each matrix cell, one row per cell on a shared
// axis: every repeat as a dot, the interquartile range as a box, the median as a bar, the
// whiskers from minimum to maximum.
#pragma once

#include <string>
#include <vector>

namespace lmlab {

struct DistributionRow {
  std::string label;           // the cell, e.g. "tcp-survival · naive · ns3"
  std::vector<double> values;  // one per repeat that measured it
  bool passed = true;          // every repeat met its expectations
};

// Empty when no row has a value. `unit` follows the numbers on the axis and in labels.
std::string render_svg_distribution(const std::string& title, const std::string& unit,
                                    const std::vector<DistributionRow>& rows);

}  // namespace lmlab
