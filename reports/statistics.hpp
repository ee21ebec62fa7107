// Summary statistics of a figure over the repeats of a matrix cell.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace lmlab {

struct Summary {
  std::size_t count = 0;
  double median = 0;
  double p95 = 0;
  double minimum = 0;
  double maximum = 0;
  double iqr = 0;  // interquartile range, p75 - p25: the spread, robust to one odd repeat
};

// nullopt for no values.
std::optional<Summary> summarize(std::vector<double> values);

// The p-th percentile (0..100) of sorted values, interpolating linearly between neighbours
// (the method spreadsheets and numpy use by default): with five repeats p95 lies between the
// two largest.
double percentile(const std::vector<double>& sorted, double p);

}  // namespace lmlab
