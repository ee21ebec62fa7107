#include "sim/analysis/analyzer.hpp"

#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "tests/run_builder.hpp"

namespace lmlab {
namespace {

using namespace std::chrono_literals;

// One VM with probes and a TCP stream, migrating during [100 ms, 600 ms) of a 1 s run.
Scenario make_scenario() {
  Scenario scenario;
  scenario.name = "analysis";
  scenario.duration = 1s;
  scenario.workloads.probes.push_back(ProbeWorkload{.name = "probe",
                                                    .vm = "vm1",
                                                    .client = "client",
                                                    .protocol = ProbeProtocol::udp,
                                                    .interval = kInterval,
                                                    .size_bytes = 64});
  scenario.workloads.probes.push_back(ProbeWorkload{.name = "ping",
                                                    .vm = "vm1",
                                                    .client = "client",
                                                    .protocol = ProbeProtocol::icmp,
                                                    .interval = kInterval,
                                                    .size_bytes = 64});
  scenario.migrations.push_back(MigrationSpec{
      .vm = "vm1", .target_node = "node-b", .start = 100ms, .bandwidth_bps = 10'000'000'000});
  return scenario;
}

PhaseEvent event(Time time, Phase phase, std::string node = "") {
  return PhaseEvent{
      .time = time, .vm = "vm1", .phase = phase, .node = std::move(node), .detail = ""};
}

std::vector<PhaseEvent> migration_events() {
  return {event(100ms, Phase::migration_scheduled, "node-b"),
          event(400ms, Phase::source_paused, "node-a"),
          event(420ms, Phase::target_resumed, "node-b"),
          event(600ms, Phase::migration_completed, "node-b")};
}

ProbeFigures analyze_probes(const RunOutput& output,
                            const std::vector<PhaseEvent>& events = migration_events()) {
  const Figures figures = analyze(make_scenario(), output, events);
  EXPECT_EQ(figures.probes.size(), 1u);
  return figures.probes.at(0);
}

// ---- Probes ----------------------------------------------------------------------------

TEST(ProbeAnalysis, HoleDuringMigrationIsDowntimeAtProbeResolution) {
  RunBuilder run;
  const auto flow = run.add_flow(FlowKind::udp_probe, Direction::client_to_vm, kInterval);
  run.probes(flow, 1000, range(400, 20));
  const ProbeFigures probe = analyze_probes(run.finish());

  EXPECT_EQ(probe.sent, 1000u);
  EXPECT_EQ(probe.received, 980u);
  EXPECT_EQ(probe.lost, 20u);
  EXPECT_EQ(probe.downtime, 20 * kInterval);
  EXPECT_EQ(probe.gap_start, 399ms + kLatency);
  EXPECT_EQ(probe.gap_end, 420ms + kLatency);
  EXPECT_TRUE(probe.recovered);
  ASSERT_EQ(probe.gaps.size(), 1u);
  EXPECT_EQ(probe.gaps[0].start, 399ms + kLatency);
  EXPECT_EQ(probe.gaps[0].end, 420ms + kLatency);
  EXPECT_EQ(probe.protocol, ProbeProtocol::udp);
}

TEST(ProbeAnalysis, GapOutsideTheMigrationWindowDoesNotCount) {
  RunBuilder run;
  const auto flow = run.add_flow(FlowKind::udp_probe, Direction::client_to_vm, kInterval);
  std::set<std::uint64_t> lost = range(700, 50);  // after migration_completed at 600 ms
  lost.merge(range(410, 5));
  run.probes(flow, 1000, lost);
  const ProbeFigures probe = analyze_probes(run.finish());

  EXPECT_EQ(probe.downtime, 5 * kInterval);
  EXPECT_EQ(probe.gap_start, 409ms + kLatency);
  EXPECT_EQ(probe.lost, 55u);
  EXPECT_EQ(probe.gaps.size(), 2u);  // both are listed; only one overlaps the window
}

TEST(ProbeAnalysis, LossOutsideTheMigrationIsCountedApart) {
  RunBuilder run;
  const auto flow = run.add_flow(FlowKind::udp_probe, Direction::client_to_vm, kInterval);
  std::set<std::uint64_t> lost = range(50, 10);  // before migration_scheduled at 100 ms
  lost.merge(range(410, 5));
  run.probes(flow, 1000, lost);
  const ProbeFigures probe = analyze_probes(run.finish());

  EXPECT_EQ(probe.lost, 15u);
  EXPECT_EQ(probe.sent_outside_migration, 100u);  // no source_deleted: the rest is inside
  EXPECT_EQ(probe.lost_outside_migration, 10u);
}

TEST(ProbeAnalysis, NoLossGivesZeroDowntime) {
  RunBuilder run;
  const auto flow = run.add_flow(FlowKind::udp_probe, Direction::client_to_vm, kInterval);
  run.probes(flow, 1000);
  const ProbeFigures probe = analyze_probes(run.finish());

  EXPECT_EQ(probe.downtime, Time{0});
  EXPECT_TRUE(probe.recovered);
  EXPECT_TRUE(probe.gaps.empty());
}

TEST(ProbeAnalysis, DuplicatesAreCountedWithoutReducingLoss) {
  RunBuilder run;
  const auto flow = run.add_flow(FlowKind::udp_probe, Direction::vm_to_client, kInterval);
  run.probes(flow, 1000, range(400, 10));
  // Multi-chassis duplication: probes 420..469 arrive through both chassis.
  for (std::uint64_t seq = 420; seq < 470; ++seq) {
    run.deliver_probe(flow, seq, static_cast<Time::rep>(seq) * kInterval + 2 * kLatency);
  }
  const ProbeFigures probe = analyze_probes(run.finish());

  EXPECT_EQ(probe.duplicates, 50u);
  EXPECT_EQ(probe.lost, 10u);
  EXPECT_EQ(probe.received, 990u);
  EXPECT_EQ(probe.reordered, 0u);
  EXPECT_EQ(probe.downtime, 10 * kInterval);
}

TEST(ProbeAnalysis, LateProbeAfterAHigherOneIsReordered) {
  RunBuilder run;
  const auto flow = run.add_flow(FlowKind::udp_probe, Direction::client_to_vm, kInterval);
  run.probes(flow, 1000, {300});
  run.deliver_probe(flow, 300, 301ms + 2 * kLatency);  // overtaken by probe 301
  const ProbeFigures probe = analyze_probes(run.finish());

  EXPECT_EQ(probe.reordered, 1u);
  EXPECT_EQ(probe.lost, 0u);
  EXPECT_EQ(probe.duplicates, 0u);
}

TEST(ProbeAnalysis, NoDeliveryUntilTheEndIsNotRecovered) {
  RunBuilder run;
  const auto flow = run.add_flow(FlowKind::udp_probe, Direction::client_to_vm, kInterval);
  run.probes(flow, 1000, range(500, 500));
  const ProbeFigures probe = analyze_probes(run.finish());

  EXPECT_FALSE(probe.recovered);
  EXPECT_EQ(probe.gap_start, 499ms + kLatency);
  EXPECT_EQ(probe.gap_end, std::nullopt);
  EXPECT_EQ(probe.downtime, 1s - (499ms + kLatency) - kInterval);
  ASSERT_EQ(probe.gaps.size(), 1u);
  EXPECT_EQ(probe.gaps[0].end, std::nullopt);
}

TEST(ProbeAnalysis, VmWithoutMigrationHasNoDowntime) {
  RunBuilder run;
  const auto flow = run.add_flow(FlowKind::udp_probe, Direction::client_to_vm, kInterval);
  run.probes(flow, 1000, range(400, 20));
  const ProbeFigures probe = analyze_probes(run.finish(), {});

  EXPECT_EQ(probe.downtime, Time{0});
  EXPECT_EQ(probe.gap_start, std::nullopt);
  EXPECT_TRUE(probe.recovered);
  EXPECT_EQ(probe.gaps.size(), 1u);
}

TEST(ProbeAnalysis, ProtocolComesFromTheWorkload) {
  RunBuilder run;
  const auto flow = run.add_flow(FlowKind::icmp_probe, Direction::vm_to_client, kInterval, "ping");
  run.probes(flow, 10);
  EXPECT_EQ(analyze_probes(run.finish()).protocol, ProbeProtocol::icmp);
}

// ---- TCP -------------------------------------------------------------------------------

TcpFigures analyze_tcp(const RunOutput& output) {
  const Figures figures = analyze(make_scenario(), output, migration_events());
  EXPECT_EQ(figures.tcp_streams.size(), 1u);
  return figures.tcp_streams.at(0);
}

TEST(TcpAnalysis, RetransmissionsAreSegmentsBelowTheHighestSequenceSent) {
  RunBuilder run;
  const auto flow = run.add_flow(FlowKind::tcp_stream, Direction::client_to_vm, kChunkInterval);
  run.chunks(flow);
  run.record(flow, RecordKind::tcp_segment_sent, 10ms, 0, 1000);
  run.record(flow, RecordKind::tcp_segment_sent, 11ms, 1000, 1000);
  run.record(flow, RecordKind::tcp_segment_sent, 12ms, 2000, 1000);
  run.record(flow, RecordKind::tcp_segment_sent, 250ms, 1000, 1000);  // RTO
  run.record(flow, RecordKind::tcp_segment_sent, 251ms, 3000, 1000);
  run.record(flow, RecordKind::tcp_segment_sent, 252ms, 2500, 500);  // partial re-send
  const TcpFigures tcp = analyze_tcp(run.finish());

  EXPECT_EQ(tcp.segments_sent, 6u);
  EXPECT_EQ(tcp.retransmissions, 2u);
  EXPECT_EQ(tcp.retransmission_times, (std::vector<Time>{250ms, 252ms}));
}

TEST(TcpAnalysis, ThroughputAndStallPerMigrationPhase) {
  RunBuilder run;
  const auto flow = run.add_flow(FlowKind::tcp_stream, Direction::client_to_vm, kChunkInterval);
  run.chunks(flow, 200ms, 300ms);
  const TcpFigures tcp = analyze_tcp(run.finish());

  EXPECT_DOUBLE_EQ(tcp.throughput_before_bps, 1e6);    // 10 chunks in [0, 100 ms)
  EXPECT_DOUBLE_EQ(tcp.throughput_during_bps, 0.8e6);  // 40 chunks in [100, 600 ms)
  EXPECT_DOUBLE_EQ(tcp.throughput_after_bps, 1e6);     // 40 chunks in [600 ms, 1 s]
  EXPECT_EQ(tcp.bytes_delivered, 90u * kChunkBytes);
  EXPECT_EQ(tcp.stall, 110ms);
  EXPECT_EQ(tcp.stall_start, 191ms);
  EXPECT_EQ(tcp.stall_end, 301ms);
  ASSERT_EQ(tcp.stalls.size(), 1u);
  EXPECT_EQ(tcp.stalls[0].start, 191ms);
  EXPECT_TRUE(tcp.survived);
  EXPECT_EQ(tcp.failure, "");
}

TEST(TcpAnalysis, FailureRecordMeansNotSurvived) {
  RunBuilder run;
  const auto flow = run.add_flow(FlowKind::tcp_stream, Direction::client_to_vm, kChunkInterval);
  run.chunks(flow);
  run.record(flow, RecordKind::tcp_connection_failed, 500ms, 0);
  const TcpFigures tcp = analyze_tcp(run.finish());

  EXPECT_FALSE(tcp.survived);
  EXPECT_EQ(tcp.failure, "connection failed at 0.500s");
}

TEST(TcpAnalysis, NothingDeliveredAfterResumeMeansNotSurvived) {
  RunBuilder run;
  const auto flow = run.add_flow(FlowKind::tcp_stream, Direction::client_to_vm, kChunkInterval);
  run.chunks(flow, 400ms, 1s);
  const TcpFigures tcp = analyze_tcp(run.finish());

  EXPECT_FALSE(tcp.survived);
  EXPECT_EQ(tcp.failure, "no data delivered after the VM resumed");
  EXPECT_EQ(tcp.stall_end, std::nullopt);
  EXPECT_EQ(tcp.stall, 1s - 391ms);
}

TEST(TcpAnalysis, ThroughputThatDidNotRecoverMeansNotSurvived) {
  RunBuilder run;
  const auto flow = run.add_flow(FlowKind::tcp_stream, Direction::client_to_vm, kChunkInterval);
  run.chunks(flow, 650ms, 1s);  // data flows on the target, then dries up
  const TcpFigures tcp = analyze_tcp(run.finish());

  EXPECT_FALSE(tcp.survived);
  EXPECT_EQ(tcp.failure,
            "throughput after the migration 0.12 Mbit/s, below 90% of the 1.00 Mbit/s before it");
}

TEST(TcpAnalysis, NothingDeliveredAtAllMeansNotSurvived) {
  RunBuilder run;
  const auto flow = run.add_flow(FlowKind::tcp_stream, Direction::client_to_vm, kChunkInterval);
  run.record(flow, RecordKind::tcp_chunk_sent, 10ms, 0, kChunkBytes);
  const Figures figures = analyze(make_scenario(), run.finish(), {});

  EXPECT_FALSE(figures.tcp_streams.at(0).survived);
  EXPECT_EQ(figures.tcp_streams.at(0).failure, "no data delivered");
}

// Senders stop before the run ends so nothing is in flight then; the quiet tail is not part
// of the stream's throughput.
TEST(TcpAnalysis, ThroughputEndsWithTheLastWrite) {
  RunBuilder run;
  const auto flow = run.add_flow(FlowKind::tcp_stream, Direction::client_to_vm, kChunkInterval);
  for (std::uint64_t seq = 0; seq < 50; ++seq) {  // writes stop at 490 ms of the 1 s run
    const Time sent = static_cast<Time::rep>(seq) * kChunkInterval;
    run.record(flow, RecordKind::tcp_chunk_sent, sent, seq, kChunkBytes);
    run.record(flow, RecordKind::tcp_chunk_delivered, sent + 1ms, seq, kChunkBytes, sent);
  }
  const Figures figures = analyze(make_scenario(), run.finish(), {});

  EXPECT_DOUBLE_EQ(figures.tcp_streams.at(0).throughput_before_bps, 1e6);
}

// ---- Downtime breakdown ----------------------------------------------------------------

// A Kube-OVN migration as the ns-3 model reports it, starting at 3 s.
std::vector<PhaseEvent> realistic_events(Time binding_active_on_target) {
  std::vector<PhaseEvent> events = {
      event(0ms, Phase::binding_active, "node-a"),
      event(3000ms, Phase::migration_scheduled, "node-b"),
      event(4000ms, Phase::target_ready, "node-b"),
      event(4001ms, Phase::memory_transfer_started, "node-a"),
      event(4800ms, Phase::source_paused, "node-a"),
      event(4816ms, Phase::target_resumed, "node-b"),
      event(4816ms, Phase::rarp_sent, "node-b"),
      event(binding_active_on_target, Phase::binding_active, "node-b"),
      event(4866ms, Phase::rarp_sent, "node-b"),
      event(5316ms, Phase::migration_completed, "node-b")};
  std::stable_sort(events.begin(), events.end(),
                   [](const PhaseEvent& a, const PhaseEvent& b) { return a.time < b.time; });
  return events;
}

Scenario realistic_scenario() {
  Scenario scenario = make_scenario();
  scenario.duration = 12s;
  scenario.migrations[0].start = 3s;
  return scenario;
}

// Probes in both directions, the last before the pause just before it; afterwards the first
// through arrive at the given times.
RunOutput realistic_probes(Time first_to_vm, Time first_to_client) {
  RunBuilder run;
  const auto to_vm = run.add_flow(FlowKind::udp_probe, Direction::client_to_vm, kInterval);
  const auto to_client = run.add_flow(FlowKind::udp_probe, Direction::vm_to_client, kInterval);
  for (const auto flow : {to_vm, to_client}) run.deliver_probe(flow, 4799, 4799ms + kLatency);
  run.deliver_probe(to_vm, 4817, first_to_vm);
  run.deliver_probe(to_client, 4817, first_to_client);
  run.deliver_probe(to_vm, 4818, first_to_vm + 1ms);
  return run.finish();
}

TEST(DowntimeBreakdown, SegmentsFollowTheMigrationTimeline) {
  const Figures figures = analyze(realistic_scenario(), realistic_probes(4817500us, 4817200us),
                                  realistic_events(4817ms));
  ASSERT_EQ(figures.breakdowns.size(), 1u);
  const DowntimeBreakdown& breakdown = figures.breakdowns[0];

  EXPECT_EQ(breakdown.vm, "vm1");
  EXPECT_EQ(breakdown.target_node, "node-b");
  EXPECT_EQ(breakdown.paused_at, 4800ms);
  EXPECT_EQ(breakdown.resumed_at, 4816ms);
  EXPECT_EQ(breakdown.first_rarp_at, 4816ms);
  EXPECT_EQ(breakdown.binding_active_at, 4817ms);
  EXPECT_EQ(breakdown.first_delivery_at, 4817500us);  // the later of the two directions
  EXPECT_EQ(breakdown.through_again_at, 4817450us);  // less the path's latency before
  EXPECT_EQ(breakdown.vm_paused, 16ms);
  EXPECT_EQ(breakdown.announce, 0ms);
  EXPECT_EQ(breakdown.network_converging, 1ms);
  EXPECT_EQ(breakdown.first_packet, 450us);
}

Time sum_of_segments(const DowntimeBreakdown& breakdown) {
  return breakdown.vm_paused.value_or(0ms) + breakdown.announce.value_or(0ms) +
         breakdown.network_converging.value_or(0ms) + breakdown.first_packet.value_or(0ms);
}

// Each boundary keeps its order: a binding active before the RARP ends its segment where the
// RARP did, and the segments still add up from the pause to the first delivery.
TEST(DowntimeBreakdown, BindingActiveBeforeTheRarpTakesNoTime) {
  const Figures figures = analyze(realistic_scenario(), realistic_probes(4817500us, 4817200us),
                                  realistic_events(4810ms));
  const DowntimeBreakdown& breakdown = figures.breakdowns.at(0);

  EXPECT_EQ(breakdown.binding_active_at, 4810ms);
  EXPECT_EQ(breakdown.network_converging, 0ms);
  EXPECT_EQ(breakdown.first_packet, 1450us);
  EXPECT_EQ(sum_of_segments(breakdown), 17450us);
}

// A binding the Southbound shows only after traffic already flows (a watch that polls):
// converging ends when traffic was through again, and the first packet takes no time.
TEST(DowntimeBreakdown, BindingSeenAfterTheFirstDeliveryEndsThere) {
  const Figures figures = analyze(realistic_scenario(), realistic_probes(4817500us, 4817200us),
                                  realistic_events(4822ms));
  const DowntimeBreakdown& breakdown = figures.breakdowns.at(0);

  EXPECT_EQ(breakdown.binding_active_at, 4822ms);  // as observed
  EXPECT_EQ(breakdown.network_converging, 1450us);
  EXPECT_EQ(breakdown.first_packet, 0ms);
  EXPECT_EQ(sum_of_segments(breakdown), 17450us);
}

// The breakdown explains the downtime: its segments add up to the longest downtime of the
// VM's probes to within one probe interval.
TEST(DowntimeBreakdown, SegmentsAddUpToTheDowntimeWithinAProbeInterval) {
  for (const Time binding : {4810ms, 4817ms, 4822ms}) {
    const Figures figures = analyze(realistic_scenario(), realistic_probes(4817500us, 4817200us),
                                    realistic_events(binding));
    Time downtime{0};
    for (const auto& probe : figures.probes) downtime = std::max(downtime, probe.downtime);
    const Time sum = sum_of_segments(figures.breakdowns.at(0));
    EXPECT_LE(sum - downtime, kInterval) << binding.count();
    EXPECT_LE(downtime - sum, kInterval) << binding.count();
  }
}

TEST(DowntimeBreakdown, MissingPointsLeaveTheirSegmentsEmpty) {
  std::vector<PhaseEvent> events = realistic_events(4817ms);
  std::erase_if(events, [](const PhaseEvent& e) { return e.phase == Phase::rarp_sent; });
  const Figures figures =
      analyze(realistic_scenario(), realistic_probes(4817500us, 4817200us), events);
  const DowntimeBreakdown& breakdown = figures.breakdowns.at(0);

  EXPECT_EQ(breakdown.first_rarp_at, std::nullopt);
  EXPECT_EQ(breakdown.announce, std::nullopt);
  EXPECT_EQ(breakdown.network_converging, std::nullopt);
  EXPECT_EQ(breakdown.vm_paused, 16ms);
  EXPECT_EQ(breakdown.first_packet, 450us);
}

// A probe sent before the pause and delivered after it (held in a datapath queue) did not
// cross the target: the first packet is the first probe sent since the pause.
TEST(DowntimeBreakdown, FirstPacketIsAProbeSentSinceThePause) {
  RunBuilder run;
  const auto to_vm = run.add_flow(FlowKind::udp_probe, Direction::client_to_vm, kInterval);
  run.deliver_probe(to_vm, 4799, 4816500us);  // sent at 4799 ms, before the pause at 4800 ms
  run.deliver_probe(to_vm, 4817, 4817300us);
  const Figures figures = analyze(realistic_scenario(), run.finish(), realistic_events(4817ms));

  EXPECT_EQ(figures.breakdowns.at(0).first_delivery_at, 4817300us);
}

TEST(DowntimeBreakdown, FallsBackToTcpDeliveriesWithoutProbes) {
  RunBuilder run;
  const auto flow = run.add_flow(FlowKind::tcp_stream, Direction::client_to_vm, kChunkInterval);
  run.record(flow, RecordKind::tcp_chunk_delivered, 4790ms, 1, kChunkBytes);
  run.record(flow, RecordKind::tcp_chunk_delivered, 5020ms, 2, kChunkBytes);
  const Figures figures = analyze(realistic_scenario(), run.finish(), realistic_events(4817ms));

  EXPECT_EQ(figures.breakdowns.at(0).first_delivery_at, 5020ms);
}

// ---- Identity --------------------------------------------------------------------------

IdentityFigures analyze_identity(RunBuilder& run) {
  const Figures figures = analyze(make_scenario(), run.finish(), migration_events());
  EXPECT_EQ(figures.identities.size(), 1u);
  return figures.identities.at(0);
}

TEST(IdentityAnalysis, SameAddressesBeforeAndAfterArePreserved) {
  RunBuilder run;
  run.observe(10ms, "10.16.0.10", "0a:58:0a:10:00:0a");
  run.observe(800ms, "10.16.0.10", "0a:58:0a:10:00:0a");
  const IdentityFigures identity = analyze_identity(run);

  EXPECT_EQ(identity.vm, "vm1");
  EXPECT_EQ(identity.ip_before, "10.16.0.10");
  EXPECT_EQ(identity.ip_after, "10.16.0.10");
  EXPECT_TRUE(identity.ip_preserved);
  EXPECT_TRUE(identity.mac_preserved);
}

TEST(IdentityAnalysis, ChangedAddressIsNotPreserved) {
  RunBuilder run;
  run.observe(10ms, "10.16.0.10", "0a:58:0a:10:00:0a");
  run.observe(300ms, "10.16.0.10", "0a:58:0a:10:00:0a");  // during migration: ignored
  run.observe(800ms, "10.16.0.99", "0a:58:0a:10:00:0a");
  const IdentityFigures identity = analyze_identity(run);

  EXPECT_EQ(identity.ip_after, "10.16.0.99");
  EXPECT_FALSE(identity.ip_preserved);
  EXPECT_TRUE(identity.mac_preserved);
}

TEST(IdentityAnalysis, MissingObservationIsNotPreserved) {
  RunBuilder run;
  run.observe(10ms, "10.16.0.10", "0a:58:0a:10:00:0a");
  const IdentityFigures identity = analyze_identity(run);

  EXPECT_EQ(identity.ip_after, "");
  EXPECT_FALSE(identity.ip_preserved);
  EXPECT_FALSE(identity.mac_preserved);
}

}  // namespace
}  // namespace lmlab
