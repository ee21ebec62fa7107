#include "reports/timeline_section.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "reports/markup.hpp"
#include "reports/text_format.hpp"

namespace lmlab {
namespace {

std::string swatch(const std::string& css_class, const std::string& meaning) {
  return fmt::format(R"(<span><span class="swatch {}"></span>{}</span>)", css_class,
                     escape_markup(meaning));
}

bool has_kind(const std::vector<TimelineRun>& runs, const std::string& vm, bool probes) {
  for (const TimelineRun& run : runs)
    for (const FlowInfo& flow : run.result->flows)
      if (flow.vm == vm && is_probe(flow.kind) == probes) return true;
  return false;
}

// Only the marks the charts above it use.
std::string legend(const std::vector<TimelineRun>& runs, const std::string& vm, bool zoomed) {
  std::string items =
      swatch("ph-target", "target pod starting") +
      swatch("ph-precopy", "memory transfer (pre-copy, the VM keeps running)") +
      swatch("ph-paused", "VM paused (last memory and device state copied)") +
      swatch("ph-converging", "network converging (until the port forwards on the target)") +
      swatch("ph-cleanup", "source cleanup") +
      swatch("seg-announce", "RARP: QEMU announces the VM's MAC from the target");
  if (has_kind(runs, vm, true))
    items +=
        swatch("delivered", "probes delivered") +
        swatch("gap", "no probe delivered (labelled with its length; the longest is the downtime)");
  if (has_kind(runs, vm, false)) {
    items += swatch("stall", "TCP stall: no data delivered") + swatch("retx", "TCP retransmission");
    if (runs.size() == 1) {
      items += swatch("run-0", "TCP data delivered") +
               swatch("written", "TCP data written by the application");
    } else {
      for (std::size_t i = 0; i < runs.size(); ++i)
        items += swatch(fmt::format("run-{}", i), runs[i].label + ": TCP data delivered");
    }
  }
  if (zoomed) items += swatch("highlight", "the region zoomed on below");
  items += "<span>dashed lines: paused, resumed, port active on the target</span>";
  return R"(<div class="legend">)" + items + "</div>\n";
}

}  // namespace

std::string timeline_section_html(const std::vector<TimelineRun>& runs, const std::string& vm) {
  Time run_end{0};
  std::vector<TimeWindow> disruptions;
  for (const TimelineRun& run : runs) {
    run_end = std::max(run_end, run.result->scenario.duration);
    if (const auto window = disruption_window(*run.result, vm)) disruptions.push_back(*window);
  }
  std::optional<TimeWindow> zoom;
  if (!disruptions.empty()) zoom = union_of(disruptions);

  std::string html =
      fmt::format("<h3>The whole run, {}</h3>\n", escape_markup(format_seconds(run_end, " s")));
  html += render_svg_timeline(runs, vm, TimelineView{TimeWindow{Time{0}, run_end}, zoom});
  if (zoom) {
    html += fmt::format("<h3>Zoomed on the disruption: {} to {} ({})</h3>\n",
                        escape_markup(format_seconds(zoom->start, " s")),
                        escape_markup(format_seconds(zoom->end, " s")),
                        escape_markup(format_short_duration(zoom->end - zoom->start)));
    html += render_svg_timeline(runs, vm, TimelineView{*zoom, std::nullopt});
  }
  return html + legend(runs, vm, zoom.has_value());
}

}  // namespace lmlab
