// The timeline summary the result JSON carries for drawing: probe delivery runs and TCP
// progress curves.
#include "sim/analysis/timeline_summary.hpp"

#include <gtest/gtest.h>

#include "sim/analysis/analyzer.hpp"
#include "tests/run_builder.hpp"

namespace lmlab {
namespace {

using namespace std::chrono_literals;

// The run's value at `time` on the polyline through `points`.
double value_at(const std::vector<ProgressPoint>& points, Time time) {
  for (std::size_t i = 1; i < points.size(); ++i) {
    if (points[i].time < time) continue;
    const auto& from = points[i - 1];
    const auto& to = points[i];
    if (to.time == from.time) return static_cast<double>(to.bytes);
    const double fraction = static_cast<double>((time - from.time).count()) /
                            static_cast<double>((to.time - from.time).count());
    return static_cast<double>(from.bytes) +
           fraction * (static_cast<double>(to.bytes) - static_cast<double>(from.bytes));
  }
  return static_cast<double>(points.back().bytes);
}

TEST(TimelineSummary, ProbeRunsSplitWhereTheFiguresSeeAGap) {
  RunBuilder run;
  const auto flow = run.add_flow(FlowKind::udp_probe, Direction::client_to_vm, kInterval);
  std::set<std::uint64_t> lost = range(400, 20);
  lost.insert(700);  // one lost probe is no gap: 2 intervals between deliveries
  run.probes(flow, 1000, lost);
  run.deliver_probe(flow, 10, 10ms + 2 * kLatency);  // a duplicate counts once
  const RunOutput output = run.finish();

  const Timeline timeline = summarize_timeline(output);
  ASSERT_EQ(timeline.flows.size(), 1u);
  const auto& runs = timeline.flows[0].delivery_runs;
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].start, kLatency);
  EXPECT_EQ(runs[0].end, 399ms + kLatency);
  EXPECT_EQ(runs[0].deliveries, 400u);
  EXPECT_EQ(runs[1].start, 420ms + kLatency);
  EXPECT_EQ(runs[1].end, 999ms + kLatency);
  EXPECT_EQ(runs[1].deliveries, 579u);
  EXPECT_TRUE(timeline.flows[0].written.empty());

  Scenario scenario;
  scenario.duration = 1s;
  const auto gaps = analyze(scenario, output, {}).probes.at(0).gaps;
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_EQ(gaps[0].start, runs[0].end);
  EXPECT_EQ(gaps[0].end, runs[1].start);
}

TEST(TimelineSummary, SteadyStreamCollapsesToItsEnds) {
  RunBuilder run;
  const auto flow = run.add_flow(FlowKind::tcp_stream, Direction::client_to_vm, kChunkInterval);
  run.chunks(flow);
  const Timeline timeline = summarize_timeline(run.finish());
  const auto& delivered = timeline.flows.at(0).delivered;
  ASSERT_EQ(delivered.size(), 2u);
  EXPECT_EQ(delivered.front().time, 1ms);
  EXPECT_EQ(delivered.front().bytes, kChunkBytes);
  EXPECT_EQ(delivered.back().bytes, 100u * kChunkBytes);
  EXPECT_EQ(timeline.flows.at(0).written.back().bytes, 100u * kChunkBytes);
  EXPECT_TRUE(timeline.flows.at(0).delivery_runs.empty());
}

TEST(TimelineSummary, StallKeepsItsCornersAndTheTotal) {
  RunBuilder run;
  const auto flow = run.add_flow(FlowKind::tcp_stream, Direction::client_to_vm, kChunkInterval);
  run.chunks(flow, 300ms, 500ms);
  const auto& delivered = summarize_timeline(run.finish()).flows.at(0).delivered;
  // Up the ramp, flat through the hole, up again.
  ASSERT_EQ(delivered.size(), 4u);
  EXPECT_EQ(delivered[1].time, 291ms);
  EXPECT_EQ(delivered[2].time, 501ms);
  EXPECT_EQ(delivered[1].bytes, delivered[2].bytes - kChunkBytes);
  EXPECT_EQ(delivered.back().bytes, 80u * kChunkBytes);
}

TEST(SimplifyCurve, EveryDroppedPointStaysWithinTheTolerance) {
  std::vector<ProgressPoint> curve;
  std::uint64_t total = 0;
  for (int i = 0; i < 2000; ++i) {
    // A bumpy stream: bursts of 1..7 chunks, a burst every 3 ms, a pause in the middle.
    const Time at = i * 3ms + (i > 1000 ? 400ms : 0ms);
    total += 1000 * (1 + (i * 7919) % 7);
    curve.push_back(ProgressPoint{at, total});
  }
  const double tolerance = 4000;
  const auto kept = simplify_curve(curve, tolerance);
  EXPECT_LT(kept.size(), curve.size() / 2);
  EXPECT_EQ(kept.front().time, curve.front().time);
  EXPECT_EQ(kept.back().bytes, curve.back().bytes);
  for (const ProgressPoint& point : curve)
    EXPECT_LE(std::abs(value_at(kept, point.time) - static_cast<double>(point.bytes)), tolerance)
        << point.time.count();
}

TEST(SimplifyCurve, SimultaneousPointsOnAJumpAreDropped) {
  const std::vector<ProgressPoint> burst{
      {0ms, 0}, {5ms, 1000}, {5ms, 5000}, {5ms, 9000}, {10ms, 9000}};
  const auto kept = simplify_curve(burst, 500);
  ASSERT_EQ(kept.size(), 4u);
  EXPECT_EQ(kept[1].bytes, 1000u);
  EXPECT_EQ(kept[2].bytes, 9000u);
}

}  // namespace
}  // namespace lmlab
