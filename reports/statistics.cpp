#include "reports/statistics.hpp"

#include <algorithm>
#include <cmath>

namespace lmlab {

double percentile(const std::vector<double>& sorted, double p) {
  const double rank = p / 100 * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(rank));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (rank - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

std::optional<Summary> summarize(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  return Summary{values.size(),          percentile(values, 50),
                 percentile(values, 95), values.front(),
                 values.back(),          percentile(values, 75) - percentile(values, 25)};
}

}  // namespace lmlab
