#include "sim/analysis/timeline_summary.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "sim/analysis/delivery_log.hpp"

namespace lmlab {
namespace {

std::vector<DeliveryRun> delivery_runs(const Records& records, Time interval) {
  const DeliveryLog log =
      read_deliveries(records, RecordKind::probe_sent, RecordKind::probe_received);
  std::vector<DeliveryRun> runs;
  for (const Time time : log.delivery_times) {
    // The same threshold as the gaps the analyzer lists, so runs and gaps tile the run.
    if (runs.empty() || time - runs.back().end > 2 * interval) {
      runs.push_back(DeliveryRun{time, time, 0});
    }
    runs.back().end = time;
    ++runs.back().deliveries;
  }
  return runs;
}

struct Curve {
  std::vector<ProgressPoint> points;
  std::uint32_t largest_step = 0;
};

Curve cumulative_bytes(const Records& records, RecordKind kind) {
  Curve curve;
  std::uint64_t total = 0;
  for (const PacketRecord* record : records) {
    if (record->kind != kind) continue;
    total += record->bytes;
    curve.points.push_back(ProgressPoint{record->time, total});
    curve.largest_step = std::max(curve.largest_step, record->bytes);
  }
  return curve;
}

// Within one chunk: finer than any stall or burst a timeline can show, coarse enough that a
// steady stream collapses to a few segments.
std::vector<ProgressPoint> progress(const Records& records, RecordKind kind) {
  const Curve curve = cumulative_bytes(records, kind);
  return simplify_curve(curve.points, curve.largest_step);
}

// How far `point` lies from the line through `from` and `to`, along the byte axis. Points at
// the same moment as a vertical segment's ends lie on it when between them.
double distance_from_line(const ProgressPoint& point, const ProgressPoint& from,
                          const ProgressPoint& to) {
  const double y = static_cast<double>(point.bytes);
  const double y0 = static_cast<double>(from.bytes);
  const double y1 = static_cast<double>(to.bytes);
  if (to.time == from.time) {
    const double low = std::min(y0, y1), high = std::max(y0, y1);
    return y < low ? low - y : (y > high ? y - high : 0);
  }
  const double fraction = static_cast<double>((point.time - from.time).count()) /
                          static_cast<double>((to.time - from.time).count());
  return std::abs(y - (y0 + fraction * (y1 - y0)));
}

}  // namespace

std::vector<ProgressPoint> simplify_curve(const std::vector<ProgressPoint>& curve,
                                          double tolerance_bytes) {
  if (curve.size() <= 2) return curve;
  std::vector<bool> keep(curve.size(), false);
  keep.front() = keep.back() = true;
  std::vector<std::pair<std::size_t, std::size_t>> spans{{0, curve.size() - 1}};
  while (!spans.empty()) {
    const auto [first, last] = spans.back();
    spans.pop_back();
    std::size_t farthest = first;
    double farthest_distance = tolerance_bytes;
    for (std::size_t i = first + 1; i < last; ++i) {
      const double distance = distance_from_line(curve[i], curve[first], curve[last]);
      if (distance > farthest_distance) {
        farthest = i;
        farthest_distance = distance;
      }
    }
    if (farthest == first) continue;
    keep[farthest] = true;
    spans.emplace_back(first, farthest);
    spans.emplace_back(farthest, last);
  }
  std::vector<ProgressPoint> kept;
  for (std::size_t i = 0; i < curve.size(); ++i)
    if (keep[i]) kept.push_back(curve[i]);
  return kept;
}

Timeline summarize_timeline(const RunOutput& output) {
  const std::vector<Records> records = split_by_flow(output);
  Timeline timeline;
  for (const FlowInfo& flow : output.flows) {
    FlowTimeline flow_timeline;
    flow_timeline.flow = flow.id;
    if (is_probe(flow.kind)) {
      flow_timeline.delivery_runs = delivery_runs(records[flow.id], flow.interval);
    } else {
      flow_timeline.written = progress(records[flow.id], RecordKind::tcp_chunk_sent);
      flow_timeline.delivered = progress(records[flow.id], RecordKind::tcp_chunk_delivered);
    }
    timeline.flows.push_back(std::move(flow_timeline));
  }
  return timeline;
}

}  // namespace lmlab
