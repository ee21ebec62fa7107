#include "reports/svg_breakdown.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "reports/svg.hpp"
#include "reports/text_format.hpp"

namespace lmlab {
namespace {

constexpr double kBarTop = 6;
constexpr double kBarHeight = 26;
constexpr double kLabelRowHeight = 15;

struct Segment {
  const char* name;
  std::string meaning;
  const char* css_class;
  std::optional<Time> duration;
};

}  // namespace

Time breakdown_total(const DowntimeBreakdown& breakdown) {
  Time total{0};
  for (const auto& segment : {breakdown.vm_paused, breakdown.announce, breakdown.network_converging,
                              breakdown.first_packet})
    total += segment.value_or(Time{0});
  return total;
}

std::string render_svg_breakdown(const DowntimeBreakdown& breakdown, const std::string& label,
                                 std::optional<Time> full_scale) {
  const std::vector<Segment> segments = {
      {"VM paused", "the VM runs nowhere while its last memory and device state are copied",
       "seg-paused", breakdown.vm_paused},
      {"QEMU announce", "from the resume to QEMU's first RARP", "seg-announce", breakdown.announce},
      {"network converging", "until the port forwards on " + breakdown.target_node,
       "seg-converging", breakdown.network_converging},
      {"first packet", "until a probe got through in every direction", "seg-first",
       breakdown.first_packet},
  };
  const Time total = breakdown_total(breakdown);
  if (total <= Time{0}) return "";
  const Time scale = std::max(total, full_scale.value_or(total));

  SvgDocument svg(kChartWidth, fmt::format("Where the downtime of {} went", breakdown.vm));
  svg.text({8, kBarTop + 12},
           label.empty() ? "downtime, by cause" : label + " · downtime, by cause", "lane-label");
  svg.text({8, kBarTop + 26}, "total " + format_short_duration(total), "lane-sub");
  double x = kPlotLeft;
  std::vector<LabelRow> rows(segments.size());
  int rows_used = 0;
  for (const Segment& segment : segments) {
    if (!segment.duration) continue;
    const double width = kPlotWidth * static_cast<double>(segment.duration->count()) /
                         static_cast<double>(scale.count());
    const std::string label =
        fmt::format("{} {}", segment.name, format_short_duration(*segment.duration));
    const std::string tooltip = fmt::format("{}: {}", label, segment.meaning);
    svg.rect(x, kBarTop, std::max(width, 1.0), kBarHeight, segment.css_class, tooltip);
    if (text_width(label) + 10 <= width) {
      svg.text({x + width / 2, kBarTop + 18}, label, "segment-label", TextAnchor::middle, tooltip);
    } else {
      // Too narrow to hold its name: labelled underneath, on the first free row.
      const auto [left, right] = centered_span(x + width / 2, text_width(label));
      int row = 0;
      while (row + 1 < static_cast<int>(rows.size()) && !rows[row].fits(left, right)) ++row;
      rows[row].take(left, right);
      rows_used = std::max(rows_used, row + 1);
      const double baseline = kBarTop + kBarHeight + kLabelRowHeight * (row + 1);
      svg.line({x + width / 2, kBarTop + kBarHeight}, {x + width / 2, baseline - 10}, "marker");
      svg.text({left, baseline}, label, "marker-label", TextAnchor::start, tooltip);
    }
    x += width;
  }
  return svg.render(kBarTop + kBarHeight + kLabelRowHeight * rows_used + 8);
}

}  // namespace lmlab
