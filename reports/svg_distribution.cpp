#include "reports/svg_distribution.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "reports/statistics.hpp"
#include "reports/svg.hpp"

namespace lmlab {
namespace {

constexpr double kAxisHeight = 26;
constexpr double kRowHeight = 30;
constexpr double kBoxHeight = 14;
// Room right of the plot for the median and p95 of a row.
constexpr double kSummaryWidth = 230;
constexpr double kPlotEnd = kPlotRight - kSummaryWidth;

}  // namespace

std::string render_svg_distribution(const std::string& title, const std::string& unit,
                                    const std::vector<DistributionRow>& rows) {
  double largest = 0;
  bool any = false;
  for (const DistributionRow& row : rows)
    for (const double value : row.values) {
      largest = std::max(largest, value);
      any = true;
    }
  if (!any) return "";
  const Ticks ticks = nice_ticks(0, largest > 0 ? largest * 1.05 : 1, 8);
  const double axis_end = std::max(ticks.values.back(), largest > 0 ? largest : 1.0);
  const auto x_of = [&](double value) {
    return kPlotLeft + (kPlotEnd - kPlotLeft) * value / axis_end;
  };

  SvgDocument svg(kChartWidth, title);
  const double bottom = kAxisHeight + kRowHeight * static_cast<double>(rows.size());
  for (const double tick : ticks.values) {
    if (tick > axis_end) continue;
    svg.line({x_of(tick), kAxisHeight - 6}, {x_of(tick), bottom}, "grid");
    svg.text({x_of(tick), 14}, fmt::format("{:.{}f} {}", tick, ticks.decimals, unit), "axis-label",
             TextAnchor::middle);
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const DistributionRow& row = rows[i];
    const double middle = kAxisHeight + kRowHeight * (static_cast<double>(i) + 0.5);
    svg.text({8, middle + 4}, fit_text(row.label, kPlotLeft - 12),
             row.passed ? "row-label" : "row-label failed-cell", TextAnchor::start, row.label);
    const auto summary = summarize(row.values);
    if (!summary) {
      svg.text({kPlotLeft + 12, middle + 4}, "not measured", "lane-sub");
      continue;
    }
    std::vector<double> sorted = row.values;
    std::sort(sorted.begin(), sorted.end());
    const std::string tooltip = fmt::format(
        "{}: median {:.3f} {unit}, p95 {:.3f} {unit}, min {:.3f} {unit}, max {:.3f} {unit}, IQR "
        "{:.3f} {unit} over {} repeats",
        row.label, summary->median, summary->p95, summary->minimum, summary->maximum, summary->iqr,
        summary->count, fmt::arg("unit", unit));
    svg.line({x_of(summary->minimum), middle}, {x_of(summary->maximum), middle}, "range");
    const double q1 = x_of(percentile(sorted, 25));
    svg.rect(q1, middle - kBoxHeight / 2, std::max(1.0, x_of(percentile(sorted, 75)) - q1),
             kBoxHeight, "iqr", tooltip);
    svg.line({x_of(summary->median), middle - kBoxHeight / 2 - 3},
             {x_of(summary->median), middle + kBoxHeight / 2 + 3}, "median", tooltip);
    for (std::size_t k = 0; k < row.values.size(); ++k) {
      // Repeats with equal values spread a little up and down instead of hiding each other.
      const double offset = (static_cast<double>(k % 3) - 1) * 3;
      svg.rect(x_of(row.values[k]) - 2.5, middle + offset - 2.5, 5, 5, "dot",
               fmt::format("repeat {}: {:.3f} {}", k + 1, row.values[k], unit));
    }
    svg.text({kPlotEnd + 10, middle + 4},
             fmt::format("median {:.1f} · p95 {:.1f} {}", summary->median, summary->p95, unit),
             "distribution-label");
  }
  return svg.render(bottom + 6);
}

}  // namespace lmlab
