#include "reports/svg_timeline.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <utility>

#include <fmt/format.h>

#include "reports/svg.hpp"
#include "reports/text_format.hpp"

namespace lmlab {
namespace {

// ---- Layout ----------------------------------------------------------------------------

constexpr double kAxisHeight = 30;
constexpr double kLabelRow = 15;  // one row of small labels
constexpr double kLaneGap = 10;
constexpr double kBandHeight = 22;
constexpr double kBarHeight = 16;
constexpr double kChartHeight = 120;
constexpr double kRetransmissionTick = 7;
constexpr int kMarkerRows = 4;
constexpr double kClusterPixels = 6;  // events closer than this share one label
constexpr double kMinimumMark = 2;    // a gap or stall stays visible however short
// Gaps and stalls narrower than this share of the plot are drawn but not labelled, except
// the one that is the downtime or the stall figure.
constexpr double kLabelledShare = 0.01;
// disruption_window: room on each side, as a share of the disruption, and at least this.
constexpr double kWindowPadding = 0.2;
constexpr Time kMinimumPadding = std::chrono::milliseconds(2);

class TimeScale {
 public:
  explicit TimeScale(TimeWindow window) : window_(window) {}

  double x(Time time) const {
    const Time clamped = std::clamp(time, window_.start, window_.end);
    return kPlotLeft + kPlotWidth * static_cast<double>((clamped - window_.start).count()) /
                           static_cast<double>((window_.end - window_.start).count());
  }
  bool overlaps(Time from, Time to) const { return to >= window_.start && from <= window_.end; }

 private:
  TimeWindow window_;
};

std::string seconds_label(Time time) { return format_seconds(time, " s"); }

std::string span_label(Time from, Time to) {
  return fmt::format("{}–{}", format_seconds(from), seconds_label(to));
}

// ---- What is drawn, found in the result ------------------------------------------------

std::string run_class(std::size_t index) { return fmt::format("run-{}", index); }

std::string prefixed(const TimelineRun& run, const std::string& text) {
  return run.label.empty() ? text : run.label + " · " + text;
}

const FlowTimeline* flow_timeline(const Result& result, const std::string& vm,
                                  const std::string& workload, Direction direction, bool probe) {
  for (const FlowInfo& flow : result.flows) {
    if (flow.vm != vm || flow.workload != workload || flow.direction != direction ||
        is_probe(flow.kind) != probe)
      continue;
    for (const FlowTimeline& timeline : result.timeline.flows)
      if (timeline.flow == flow.id) return &timeline;
  }
  return nullptr;
}

template <typename Figures>
const Figures* matching(const std::vector<Figures>& all, const Figures& like) {
  const auto found = std::find_if(all.begin(), all.end(), [&](const Figures& figures) {
    return figures.vm == like.vm && figures.workload == like.workload &&
           figures.direction == like.direction;
  });
  return found == all.end() ? nullptr : &*found;
}

template <typename Figures>
std::vector<const Figures*> of_vm(const std::vector<Figures>& all, const std::string& vm) {
  std::vector<const Figures*> found;
  for (const Figures& figures : all)
    if (figures.vm == vm) found.push_back(&figures);
  return found;
}

Time gap_end(const Gap& gap, const Result& result) {
  return gap.end.value_or(result.scenario.duration);
}

// A phase between two events: from each `from` event to the first matching `to` after it, or
// to the end of the run when that never came.
struct Band {
  Time start;
  Time end;
  const char* label;
  const char* css_class;
  std::string tooltip;
};

using EventMatch = std::function<bool(const PhaseEvent& from, const PhaseEvent& candidate)>;

EventMatch phase_is(Phase phase) {
  return
      [phase](const PhaseEvent&, const PhaseEvent& candidate) { return candidate.phase == phase; };
}

void add_bands(std::vector<Band>& bands, const Result& result, const std::string& vm, Phase from,
               const EventMatch& to, const char* label, const char* css_class) {
  const auto& events = result.events;
  for (auto start = events.begin(); start != events.end(); ++start) {
    if (start->vm != vm || start->phase != from) continue;
    const auto end = std::find_if(start + 1, events.end(), [&](const PhaseEvent& event) {
      return event.vm == vm && to(*start, event);
    });
    const Time end_time = end == events.end() ? result.scenario.duration : end->time;
    std::string tooltip = fmt::format("{}: {} ({})", label, span_label(start->time, end_time),
                                      format_short_duration(end_time - start->time));
    if (!start->detail.empty()) tooltip += "\n" + start->detail;
    bands.push_back(Band{start->time, end_time, label, css_class, std::move(tooltip)});
  }
}

std::vector<Band> phase_bands(const Result& result, const std::string& vm) {
  std::vector<Band> bands;
  add_bands(bands, result, vm, Phase::migration_scheduled, phase_is(Phase::target_ready),
            "target pod starting", "ph-target");
  add_bands(bands, result, vm, Phase::memory_transfer_started, phase_is(Phase::source_paused),
            "memory transfer (pre-copy)", "ph-precopy");
  add_bands(bands, result, vm, Phase::source_paused, phase_is(Phase::target_resumed), "VM paused",
            "ph-paused");
  // From the resume until the port forwards on the node the VM now runs on.
  add_bands(
      bands, result, vm, Phase::target_resumed,
      [](const PhaseEvent& resumed, const PhaseEvent& candidate) {
        return candidate.phase == Phase::binding_active && candidate.node == resumed.node;
      },
      "network converging", "ph-converging");
  add_bands(bands, result, vm, Phase::migration_completed, phase_is(Phase::source_deleted),
            "source cleanup", "ph-cleanup");
  return bands;
}

struct Marker {
  Time time;
  std::string label;
  std::string tooltip;
  bool rarp = false;
};

// The label a point event gets on the chart, or "" for events the bands already show.
std::string marker_label(const PhaseEvent& event) {
  switch (event.phase) {
    case Phase::migration_scheduled: return "target pod created";
    case Phase::target_ready: return "target ready";
    case Phase::source_paused: return "VM paused";
    case Phase::target_resumed: return "VM resumed on " + event.node;
    case Phase::rarp_sent: {
      // The engine's detail is "round N".
      const auto space = event.detail.rfind(' ');
      return space == std::string::npos ? "RARP" : "RARP " + event.detail.substr(space + 1);
    }
    case Phase::northbound_update: return "NB update";
    case Phase::binding_active: return "port active on " + event.node;
    case Phase::migration_completed: return "completed";
    case Phase::source_deleted: return "source pod deleted";
    case Phase::migration_failed: return "FAILED";
    case Phase::memory_transfer_started:
    case Phase::precopy_iteration: return "";
  }
  return "";
}

std::vector<Marker> markers(const Result& result, const std::string& vm) {
  std::vector<Marker> found;
  for (const PhaseEvent& event : result.events) {
    if (event.vm != vm) continue;
    std::string label = marker_label(event);
    if (label.empty()) continue;
    std::string tooltip = fmt::format("{}: {}", seconds_label(event.time), label);
    if (!event.detail.empty()) tooltip += " (" + event.detail + ")";
    found.push_back(
        Marker{event.time, std::move(label), std::move(tooltip), event.phase == Phase::rarp_sent});
  }
  return found;
}

// Markers a few pixels apart become one, labelled with all their names.
std::vector<Marker> cluster(const std::vector<Marker>& sorted, const TimeScale& scale) {
  std::vector<Marker> clusters;
  for (const Marker& marker : sorted) {
    if (!scale.overlaps(marker.time, marker.time)) continue;
    if (!clusters.empty() &&
        scale.x(marker.time) - scale.x(clusters.back().time) < kClusterPixels) {
      Marker& last = clusters.back();
      last.label += ", " + marker.label;
      last.tooltip += "\n" + marker.tooltip;
      last.rarp = last.rarp || marker.rarp;
    } else {
      clusters.push_back(marker);
    }
  }
  return clusters;
}

// The portion of a cumulative curve inside the window, with points interpolated at its
// edges.
std::vector<ProgressPoint> clip(const std::vector<ProgressPoint>& curve, TimeWindow window) {
  if (curve.empty()) return {};
  const Time from = std::max(window.start, curve.front().time);
  const Time to = std::min(window.end, curve.back().time);
  if (from > to) return {};
  const auto value_at = [&](Time time) {
    const auto after =
        std::lower_bound(curve.begin(), curve.end(), time,
                         [](const ProgressPoint& point, Time at) { return point.time < at; });
    if (after == curve.begin()) return after->bytes;
    const auto before = after - 1;
    if (after == curve.end()) return before->bytes;
    const double fraction = static_cast<double>((time - before->time).count()) /
                            static_cast<double>((after->time - before->time).count());
    return before->bytes + static_cast<std::uint64_t>(std::llround(
                               fraction * static_cast<double>(after->bytes - before->bytes)));
  };
  std::vector<ProgressPoint> clipped{{from, value_at(from)}};
  for (const ProgressPoint& point : curve)
    if (point.time > from && point.time < to) clipped.push_back(point);
  clipped.push_back({to, value_at(to)});
  return clipped;
}

std::string megabytes(double bytes, int decimals) {
  return fmt::format("{:.{}f} MB", bytes / 1e6, decimals);
}

// ---- Drawing ---------------------------------------------------------------------------

class TimelineChart {
 public:
  TimelineChart(const std::vector<TimelineRun>& runs, std::string vm, const TimelineView& view)
      : runs_(runs),
        vm_(std::move(vm)),
        view_(view),
        scale_(view.window),
        svg_(kChartWidth, fmt::format("Timeline of {} from {}", vm_,
                                      span_label(view.window.start, view.window.end))) {}

  std::string render() {
    axis();
    for (std::size_t i = 0; i < runs_.size(); ++i) phases(i);
    for (const ProbeFigures* probe : of_vm(first().figures.probes, vm_))
      for (std::size_t i = 0; i < runs_.size(); ++i) probe_lane(i, *probe);
    for (const TcpFigures* stream : of_vm(first().figures.tcp_streams, vm_)) tcp_chart(*stream);
    background();
    return svg_.render(y_ + (view_.highlight ? 18 : 6));
  }

 private:
  const Result& first() const { return *runs_.front().result; }

  // Marks that have a colour of their own (stall labels, retransmissions, guides) take the
  // run's colour only when runs are compared.
  std::string compared(const std::string& css_class, std::size_t index) const {
    return runs_.size() == 1 ? css_class : css_class + " " + run_class(index);
  }

  void lane_label(const std::string& title, const std::string& subtitle, double top) {
    svg_.text({8, top + 13}, title, "lane-label");
    if (!subtitle.empty()) svg_.text({8, top + 27}, subtitle, "lane-sub");
  }

  // Time labels, about ten across.
  void axis() {
    const auto seconds = [](Time time) { return std::chrono::duration<double>(time).count(); };
    const Ticks ticks = nice_ticks(seconds(view_.window.start), seconds(view_.window.end), 10);
    for (const double tick : ticks.values) {
      const Time at(static_cast<Time::rep>(std::llround(tick * 1e9)));
      ticks_.push_back(scale_.x(at));
      svg_.text({scale_.x(at), 14}, fmt::format("{:.{}f} s", tick, ticks.decimals), "axis-label",
                TextAnchor::middle);
    }
    y_ = kAxisHeight;
  }

  void phases(std::size_t index) {
    const TimelineRun& run = runs_[index];
    const Result& result = *run.result;
    const double top = y_;
    lane_label(prefixed(run, "migration phases"), "", top);
    svg_.rect(kPlotLeft, top, kPlotWidth, kBandHeight, "lane-bg");
    for (const Band& band : phase_bands(result, vm_)) {
      if (!scale_.overlaps(band.start, band.end)) continue;
      const double left = scale_.x(band.start);
      const double width = std::max(kMinimumMark, scale_.x(band.end) - left);
      svg_.rect(left, top, width, kBandHeight, band.css_class, band.tooltip);
      if (text_width(band.label) + 8 <= width)
        svg_.text({left + width / 2, top + 15}, band.label, "band-label", TextAnchor::middle,
                  band.tooltip);
    }
    y_ = top + kBandHeight;
    event_markers(result);
    if (guide_top_ == 0) guide_top_ = top;
  }

  // Ticks under the phase bands with labels on up to kMarkerRows rows.
  void event_markers(const Result& result) {
    std::vector<Marker> all = markers(result, vm_);
    std::stable_sort(all.begin(), all.end(),
                     [](const Marker& a, const Marker& b) { return a.time < b.time; });
    std::vector<LabelRow> rows(kMarkerRows);
    int rows_used = 0;
    const double top = y_;
    for (const Marker& marker : cluster(all, scale_)) {
      const double x = scale_.x(marker.time);
      const double width = text_width(marker.label);
      const bool leftwards = x + 4 + width > kPlotRight;
      const double left = leftwards ? x - 4 - width : x + 4;
      int row = 0;
      while (row + 1 < kMarkerRows && !rows[row].fits(left, left + width)) ++row;
      rows[row].take(left, left + width);
      rows_used = std::max(rows_used, row + 1);
      const double baseline = top + kLabelRow * (row + 1);
      svg_.line({x, top}, {x, baseline}, marker.rarp ? "marker rarp" : "marker", marker.tooltip);
      if (marker.rarp) svg_.polygon({{x - 4, top + 7}, {x + 4, top + 7}, {x, top}}, "rarp-glyph");
      svg_.text({leftwards ? x - 4 : x + 4, baseline - 3}, marker.label,
                marker.rarp ? "marker-label rarp" : "marker-label",
                leftwards ? TextAnchor::end : TextAnchor::start, marker.tooltip);
    }
    y_ = top + kLabelRow * std::max(rows_used, 1) + kLaneGap;
  }

  // Green while probes arrive, red for every gap, the gaps' lengths above them.
  void probe_lane(std::size_t index, const ProbeFigures& like) {
    const TimelineRun& run = runs_[index];
    const Result& result = *run.result;
    const ProbeFigures* probe = matching(result.figures.probes, like);
    if (!probe) return;
    const double top = y_ + kLabelRow;
    lane_label(
        prefixed(run, fmt::format("{} {}", probe->workload, direction_arrow(probe->direction))),
        fmt::format("{} probes every {}", to_string(probe->protocol),
                    format_short_duration(probe->interval)),
        y_);
    svg_.rect(kPlotLeft, top, kPlotWidth, kBarHeight, "lane-bg");
    if (const FlowTimeline* timeline =
            flow_timeline(result, vm_, probe->workload, probe->direction, true)) {
      for (const DeliveryRun& delivered : timeline->delivery_runs) {
        if (!scale_.overlaps(delivered.start, delivered.end)) continue;
        const double left = scale_.x(delivered.start);
        svg_.rect(left, top, std::max(1.0, scale_.x(delivered.end) - left), kBarHeight, "delivered",
                  fmt::format("{} probes delivered, {}", delivered.deliveries,
                              span_label(delivered.start, delivered.end)));
      }
    }
    // The downtime gap first, then the longest: they get labels before the rest.
    std::vector<const Gap*> gaps;
    for (const Gap& gap : probe->gaps) gaps.push_back(&gap);
    const auto is_downtime = [&](const Gap* gap) { return probe->gap_start == gap->start; };
    std::stable_sort(gaps.begin(), gaps.end(), [&](const Gap* a, const Gap* b) {
      if (is_downtime(a) != is_downtime(b)) return is_downtime(a);
      return gap_end(*a, result) - a->start > gap_end(*b, result) - b->start;
    });
    LabelRow labels;
    for (const Gap* gap : gaps) {
      const Time end = gap_end(*gap, result);
      if (!scale_.overlaps(gap->start, end)) continue;
      const Time lost = std::max(Time{0}, end - gap->start - probe->interval);
      const std::string length =
          gap->end ? format_short_duration(lost) : format_short_duration(lost) + ", not recovered";
      const std::string tooltip =
          fmt::format("no probe delivered {}: {} {}", span_label(gap->start, end),
                      is_downtime(gap) ? "downtime" : "gap of", length);
      const double left = scale_.x(gap->start);
      const double width = std::max(kMinimumMark, scale_.x(end) - left);
      svg_.rect(left, top, width, kBarHeight, "gap", tooltip);
      if (!is_downtime(gap) && width < kLabelledShare * kPlotWidth) continue;
      const std::string text = is_downtime(gap) ? "downtime " + length : length;
      const auto [label_left, label_right] = centered_span(left + width / 2, text_width(text));
      if (!labels.fits(label_left, label_right)) continue;
      labels.take(label_left, label_right);
      svg_.text({label_left, top - 4}, text, is_downtime(gap) ? "gap-label main" : "gap-label",
                TextAnchor::start, tooltip);
    }
    y_ = top + kBarHeight + kLaneGap;
  }

  // Bytes delivered (and, for one run, written) over time; stalls shaded, retransmissions
  // ticked along the bottom.
  void tcp_chart(const TcpFigures& like) {
    struct Series {
      std::size_t index;
      const TcpFigures* stream;
      std::vector<ProgressPoint> delivered;
      std::vector<ProgressPoint> written;
    };
    std::vector<Series> series;
    for (std::size_t i = 0; i < runs_.size(); ++i) {
      const Result& result = *runs_[i].result;
      const TcpFigures* stream = matching(result.figures.tcp_streams, like);
      if (!stream) continue;
      const FlowTimeline* timeline =
          flow_timeline(result, vm_, stream->workload, stream->direction, false);
      Series one{i, stream, {}, {}};
      if (timeline) {
        one.delivered = clip(timeline->delivered, view_.window);
        if (runs_.size() == 1) one.written = clip(timeline->written, view_.window);
      }
      series.push_back(std::move(one));
    }
    if (series.empty()) return;

    // Each run's stall labels get a row of their own above the chart.
    const double top = y_ + kLabelRow * static_cast<double>(series.size());
    const double bottom = top + kChartHeight;
    std::string retransmissions;
    for (const Series& one : series)
      retransmissions += (retransmissions.empty() ? "" : ", ") +
                         prefixed(runs_[one.index], std::to_string(one.stream->retransmissions));
    lane_label(fmt::format("{} {}", like.workload, direction_arrow(like.direction)),
               "TCP data delivered", y_);
    svg_.text({8, y_ + 41}, "retransmissions: " + retransmissions, "lane-sub");
    svg_.rect(kPlotLeft, top, kPlotWidth, kChartHeight, "lane-bg");

    double low = INFINITY, high = -INFINITY;
    for (const Series& one : series)
      for (const auto* curve : {&one.delivered, &one.written})
        for (const ProgressPoint& point : *curve) {
          low = std::min(low, static_cast<double>(point.bytes));
          high = std::max(high, static_cast<double>(point.bytes));
        }
    if (!(low < high)) {
      low = std::isfinite(low) ? low - 1000 : 0;
      high = low + 2000;
    }
    const auto y_of = [&](double bytes) {
      return bottom - kRetransmissionTick * static_cast<double>(runs_.size()) - 4 -
             (bytes - low) / (high - low) *
                 (kChartHeight - 12 - kRetransmissionTick * static_cast<double>(runs_.size()));
    };
    const int decimals = high - low < 5e4 ? 3 : (high - low < 5e5 ? 2 : 1);
    for (const double bytes : {low, (low + high) / 2, high}) {
      svg_.line({kPlotLeft, y_of(bytes)}, {kPlotRight, y_of(bytes)}, "chart-grid");
      svg_.text({kPlotLeft + 4, y_of(bytes) - 3}, megabytes(bytes, decimals), "chart-tick");
    }

    for (std::size_t k = 0; k < series.size(); ++k)
      stalls(series[k].index, *series[k].stream, top,
             y_ + kLabelRow * static_cast<double>(k + 1) - 4);
    for (const Series& one : series) {
      const auto to_points = [&](const std::vector<ProgressPoint>& curve) {
        std::vector<Point> points;
        for (const ProgressPoint& point : curve)
          points.push_back({scale_.x(point.time), y_of(static_cast<double>(point.bytes))});
        return points;
      };
      svg_.polyline(to_points(one.written), "written");
      svg_.polyline(to_points(one.delivered), "curve " + run_class(one.index));
      const double tick_top =
          bottom - kRetransmissionTick * static_cast<double>(series.size() - one.index);
      for (const Time at : one.stream->retransmission_times) {
        if (!scale_.overlaps(at, at)) continue;
        svg_.line({scale_.x(at), tick_top}, {scale_.x(at), tick_top + kRetransmissionTick - 1},
                  compared("retx", one.index),
                  prefixed(runs_[one.index], "retransmission at " + seconds_label(at)));
      }
    }
    y_ = bottom + kLaneGap;
  }

  void stalls(std::size_t index, const TcpFigures& stream, double top, double label_baseline) {
    const Result& result = *runs_[index].result;
    LabelRow labels;
    for (const Gap& stall : stream.stalls) {
      const Time end = gap_end(stall, result);
      if (!scale_.overlaps(stall.start, end)) continue;
      const bool main = stream.stall_start == stall.start;
      const double left = scale_.x(stall.start);
      const double width = std::max(kMinimumMark, scale_.x(end) - left);
      const std::string text =
          prefixed(runs_[index], "stall " + format_short_duration(end - stall.start));
      const std::string tooltip =
          fmt::format("{}: no data delivered {}", text, span_label(stall.start, end));
      svg_.rect(left, top, width, kChartHeight, "stall", tooltip);
      if (!main && width < kLabelledShare * kPlotWidth) continue;
      const auto [label_left, label_right] = centered_span(left + width / 2, text_width(text));
      if (!labels.fits(label_left, label_right)) continue;
      labels.take(label_left, label_right);
      svg_.text({label_left, label_baseline}, text, compared("stall-label", index),
                TextAnchor::start, tooltip);
    }
  }

  // Grid lines, the zoomed region and the moments the downtime is measured against, behind
  // everything and across every lane.
  void background() {
    svg_.set_layer(SvgLayer::background);
    if (view_.highlight && scale_.overlaps(view_.highlight->start, view_.highlight->end)) {
      const double left = scale_.x(view_.highlight->start);
      const double width = std::max(6.0, scale_.x(view_.highlight->end) - left);
      const std::string tooltip =
          "zoomed on below: " + span_label(view_.highlight->start, view_.highlight->end);
      svg_.rect(left - 2, kAxisHeight - 8, width + 4, y_ - kAxisHeight + 8, "highlight", tooltip);
      svg_.text({left + width / 2, y_ + 12}, "zoomed below", "highlight-label", TextAnchor::middle,
                tooltip);
    }
    for (const double x : ticks_) svg_.line({x, 18}, {x, y_}, "grid");
    for (std::size_t i = 0; i < runs_.size(); ++i) {
      for (const DowntimeBreakdown& breakdown : runs_[i].result->figures.breakdowns) {
        if (breakdown.vm != vm_) continue;
        for (const auto& [moment, name] :
             {std::pair{breakdown.paused_at, "paused"},
              {breakdown.resumed_at, "resumed"},
              {breakdown.binding_active_at, "port active on the target"}}) {
          if (!moment || !scale_.overlaps(*moment, *moment)) continue;
          svg_.line({scale_.x(*moment), guide_top_}, {scale_.x(*moment), y_}, compared("guide", i),
                    prefixed(runs_[i], fmt::format("{} at {}", name, seconds_label(*moment))));
        }
      }
    }
    svg_.set_layer(SvgLayer::foreground);
  }

  const std::vector<TimelineRun>& runs_;
  std::string vm_;
  TimelineView view_;
  TimeScale scale_;
  SvgDocument svg_;
  double y_ = 0;
  double guide_top_ = 0;
  std::vector<double> ticks_;
};

}  // namespace

std::optional<TimeWindow> disruption_window(const Result& result, const std::string& vm) {
  std::optional<TimeWindow> span;
  const auto include = [&span](Time from, Time to) {
    span = span ? TimeWindow{std::min(span->start, from), std::max(span->end, to)}
                : TimeWindow{from, to};
  };
  for (const DowntimeBreakdown& breakdown : result.figures.breakdowns) {
    if (breakdown.vm != vm || !breakdown.paused_at) continue;
    include(*breakdown.paused_at, breakdown.first_delivery_at.value_or(
                                      breakdown.binding_active_at.value_or(*breakdown.paused_at)));
  }
  std::vector<Gap> outages;
  for (const ProbeFigures* probe : of_vm(result.figures.probes, vm)) {
    if (probe->gap_start)
      include(*probe->gap_start, probe->gap_end.value_or(result.scenario.duration));
    outages.insert(outages.end(), probe->gaps.begin(), probe->gaps.end());
  }
  for (const TcpFigures* stream : of_vm(result.figures.tcp_streams, vm)) {
    if (stream->stall_start)
      include(*stream->stall_start, stream->stall_end.value_or(result.scenario.duration));
    outages.insert(outages.end(), stream->stalls.begin(), stream->stalls.end());
  }
  if (!span) return std::nullopt;
  // Outages that begin before the disruption ends belong to it (TCP's backoff stalls).
  std::sort(outages.begin(), outages.end(),
            [](const Gap& a, const Gap& b) { return a.start < b.start; });
  for (const Gap& outage : outages)
    if (outage.start >= span->start && outage.start <= span->end)
      span->end = std::max(span->end, gap_end(outage, result));
  const Time padding =
      std::max(kMinimumPadding,
               Time(static_cast<Time::rep>(static_cast<double>((span->end - span->start).count()) *
                                           kWindowPadding)));
  return TimeWindow{std::max(Time{0}, span->start - padding),
                    std::min(result.scenario.duration, span->end + padding)};
}

TimeWindow union_of(const std::vector<TimeWindow>& windows) {
  TimeWindow all = windows.front();
  for (const TimeWindow& window : windows) {
    all.start = std::min(all.start, window.start);
    all.end = std::max(all.end, window.end);
  }
  return all;
}

std::string render_svg_timeline(const std::vector<TimelineRun>& runs, const std::string& vm,
                                const TimelineView& view) {
  return TimelineChart(runs, vm, view).render();
}

}  // namespace lmlab
