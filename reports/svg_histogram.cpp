#include "reports/svg_histogram.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "reports/svg.hpp"

namespace lmlab {
namespace {

constexpr double kTop = 14;
constexpr double kPlotHeight = 180;
constexpr double kBottom = kTop + kPlotHeight;
constexpr int kAboutBins = 24;

}  // namespace

std::string render_svg_histogram(const std::string& title, const std::string& unit,
                                 const std::string& subjects, const std::vector<double>& values,
                                 std::optional<double> limit) {
  if (values.empty()) return "";
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  const double largest = std::max({sorted.back(), limit.value_or(0.0), 1e-9});
  // Bins on the axis's 1-2-5 grid, so bin edges are round numbers.
  const Ticks edges = nice_ticks(0, largest, kAboutBins);
  const double width = edges.values.size() > 1 ? edges.values[1] - edges.values[0] : largest;
  const std::size_t bins =
      std::max<std::size_t>(1, static_cast<std::size_t>(std::floor(largest / width)) + 1);
  std::vector<std::size_t> counts(bins, 0);
  for (const double value : sorted)
    ++counts[std::min(bins - 1, static_cast<std::size_t>(std::max(0.0, value / width)))];
  const double axis_end = width * static_cast<double>(bins);
  const std::size_t most = *std::max_element(counts.begin(), counts.end());
  const auto x_of = [&](double value) { return kPlotLeft + kPlotWidth * value / axis_end; };
  const auto y_of_share = [&](double share) { return kBottom - kPlotHeight * share; };

  SvgDocument svg(kChartWidth, title);
  svg.set_layer(SvgLayer::background);
  for (const double tick : nice_ticks(0, axis_end, 10).values) {
    svg.line({x_of(tick), kTop}, {x_of(tick), kBottom}, "grid");
    svg.text({x_of(tick), kBottom + 14}, fmt::format("{:.{}f} {}", tick, edges.decimals, unit),
             "axis-label", TextAnchor::middle);
  }
  for (const int percent : {0, 50, 90, 100}) {
    const double y = y_of_share(percent / 100.0);
    svg.line({kPlotLeft, y}, {kPlotRight, y}, "grid");
    svg.text({kPlotLeft - 6, y + 4}, fmt::format("{}%", percent), "axis-label", TextAnchor::end);
  }
  svg.text({8, kTop + 10}, fmt::format("{} {}", values.size(), subjects), "lane-label");
  svg.text({8, kTop + 26}, "bars: how many", "lane-sub");
  svg.text({8, kTop + 40}, "line: share at most", "lane-sub");
  svg.set_layer(SvgLayer::foreground);
  for (std::size_t bin = 0; bin < bins; ++bin) {
    if (counts[bin] == 0) continue;
    const double low = width * static_cast<double>(bin);
    const double height =
        kPlotHeight * static_cast<double>(counts[bin]) / static_cast<double>(most);
    svg.rect(x_of(low) + 1, kBottom - height, std::max(1.0, x_of(low + width) - x_of(low) - 2),
             height, "bar",
             fmt::format("{} {} from {:.3f} to {:.3f} {}", counts[bin], subjects, low, low + width,
                         unit));
  }
  // The CDF as steps: at each value, the share of subjects at most that value.
  std::vector<Point> cdf{{x_of(0), y_of_share(0)}};
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (i + 1 < sorted.size() && sorted[i + 1] == sorted[i]) continue;
    const double share = static_cast<double>(i + 1) / static_cast<double>(sorted.size());
    cdf.push_back({x_of(sorted[i]), cdf.back().y});
    cdf.push_back({x_of(sorted[i]), y_of_share(share)});
  }
  cdf.push_back({x_of(axis_end), cdf.back().y});
  svg.polyline(cdf, "cdf");
  if (limit) {
    svg.line({x_of(*limit), kTop}, {x_of(*limit), kBottom}, "limit",
             fmt::format("expected at most {:.3f} {}", *limit, unit));
    svg.text({x_of(*limit) + 4, kTop + 10}, fmt::format("limit {:g} {}", *limit, unit),
             "limit-label");
  }
  return svg.render(kBottom + 22);
}

}  // namespace lmlab
