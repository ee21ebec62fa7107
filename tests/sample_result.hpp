// A made-up but plausible run of tcp-survival for report tests: figures, events, timeline,
// expectations (one unmet) and metadata, without playing anything.
#pragma once

#include <chrono>

#include "sim/core/result.hpp"

namespace lmlab {

inline Scenario sample_scenario() {
  using namespace std::chrono_literals;
  Scenario scenario;
  scenario.source_file = "scenarios/tcp-survival.yaml";
  scenario.name = "tcp-survival";
  scenario.description = "TCP stream and 1 ms probes";
  scenario.duration = 12s;
  scenario.cluster.nodes = {"node-a", "node-b", "node-c"};
  scenario.cluster.network.subnet = "10.16.0.0/16";
  scenario.clients.push_back(ClientSpec{
      .name = "client", .node = "node-c", .mac = "0a:58:0a:10:00:64", .ips = {"10.16.0.100"}});
  scenario.vms.push_back(VmSpec{.name = "vm1",
                                .node = "node-a",
                                .mac = "0a:58:0a:10:00:0a",
                                .ips = {"10.16.0.10"},
                                .memory_bytes = 1ULL << 30,
                                .dirty_rate_bytes_per_second = 16ULL << 20});
  scenario.workloads.probes.push_back(ProbeWorkload{.name = "probe",
                                                    .vm = "vm1",
                                                    .client = "client",
                                                    .protocol = ProbeProtocol::udp,
                                                    .interval = 1ms,
                                                    .size_bytes = 64});
  scenario.workloads.tcp_streams.push_back(TcpWorkload{.name = "stream",
                                                       .vm = "vm1",
                                                       .client = "client",
                                                       .direction = Direction::client_to_vm,
                                                       .rate_bps = 10'000'000});
  scenario.migrations.push_back(MigrationSpec{
      .vm = "vm1", .target_node = "node-b", .start = 3s, .bandwidth_bps = 10'000'000'000});
  scenario.expectations.max_downtime = 50ms;
  scenario.expectations.tcp_survives = true;
  return scenario;
}

inline ProbeFigures sample_probe(Direction direction, Time downtime) {
  using namespace std::chrono_literals;
  ProbeFigures probe;
  probe.workload = "probe";
  probe.vm = "vm1";
  probe.direction = direction;
  probe.protocol = ProbeProtocol::udp;
  probe.interval = 1ms;
  probe.sent = 12000;
  probe.received = 11980;
  probe.lost = 20;
  probe.duplicates = 7;
  probe.reordered = 1;
  probe.downtime = downtime;
  probe.gap_start = 4799050us;
  probe.gap_end = 4820050us;
  probe.gaps = {Gap{4799050us, 4820050us}, Gap{Time{11'000'123'456}, std::nullopt}};
  return probe;
}

inline Figures sample_figures() {
  using namespace std::chrono_literals;
  Figures figures;
  figures.probes = {sample_probe(Direction::client_to_vm, 20ms),
                    sample_probe(Direction::vm_to_client, 17500us)};
  TcpFigures tcp;
  tcp.workload = "stream";
  tcp.vm = "vm1";
  tcp.direction = Direction::client_to_vm;
  tcp.survived = false;
  tcp.failure = "connection failed at 5.123s";
  tcp.stall = 230ms;
  tcp.stall_start = 4790ms;
  tcp.stall_end = 5020ms;
  tcp.segments_sent = 10000;
  tcp.retransmissions = 3;
  tcp.bytes_delivered = 15'000'000;
  tcp.throughput_before_bps = 10e6;
  tcp.throughput_during_bps = 9.5e6;
  tcp.throughput_after_bps = 10e6;
  tcp.retransmission_times = {5000ms};
  tcp.stalls = {Gap{4790ms, 5020ms}};
  figures.tcp_streams = {tcp};
  DowntimeBreakdown breakdown;
  breakdown.vm = "vm1";
  breakdown.target_node = "node-b";
  breakdown.paused_at = 4800ms;
  breakdown.resumed_at = 4816ms;
  breakdown.first_rarp_at = 4816ms;
  breakdown.binding_active_at = 4817ms;
  breakdown.vm_paused = 16ms;
  breakdown.announce = 0ms;
  breakdown.network_converging = 1ms;
  figures.breakdowns = {breakdown};
  figures.identities = {IdentityFigures{.vm = "vm1",
                                        .ip_before = "10.16.0.10",
                                        .ip_after = "10.16.0.10",
                                        .mac_before = "0a:58:0a:10:00:0a",
                                        .mac_after = "0a:58:0a:10:00:0a",
                                        .ip_preserved = true,
                                        .mac_preserved = true}};
  return figures;
}

inline Result sample_result() {
  using namespace std::chrono_literals;
  Result result;
  result.scenario = sample_scenario();
  result.backend = "ns3";
  result.seed = 1;
  const auto flow = [](std::uint32_t id, const char* workload, Direction direction, FlowKind kind,
                       Time interval) {
    return FlowInfo{id, workload, "vm1", direction, kind, interval};
  };
  result.flows = {flow(0, "probe", Direction::client_to_vm, FlowKind::udp_probe, 1ms),
                  flow(1, "probe", Direction::vm_to_client, FlowKind::udp_probe, 1ms),
                  flow(2, "stream", Direction::client_to_vm, FlowKind::tcp_stream, 800us)};
  result.events = {
      PhaseEvent{3s, "vm1", Phase::migration_scheduled, "node-b", "target pod created"},
      PhaseEvent{4800ms, "vm1", Phase::source_paused, "node-a", ""},
      PhaseEvent{4817600us, "vm1", Phase::northbound_update, "",
                 "options:requested-chassis=node-a|node-b"},
  };
  result.figures = sample_figures();
  result.timeline.flows = {
      FlowTimeline{.flow = 0,
                   .delivery_runs = {DeliveryRun{100ms, 4799050us, 4700},
                                     DeliveryRun{4820050us, 11900ms, 7080}},
                   .written = {},
                   .delivered = {}},
      FlowTimeline{
          .flow = 2,
          .delivery_runs = {},
          .written = {ProgressPoint{100ms, 1000}, ProgressPoint{11900ms, 14750000}},
          .delivered = {ProgressPoint{101ms, 1000}, ProgressPoint{4790ms, 5860000},
                        ProgressPoint{5020ms, 5861000}, ProgressPoint{11901ms, 14750000}}}};
  result.expectations = {
      ExpectationResult{"max_downtime", "vm1 probe client-to-vm", "<= 50ms", "20ms", true},
      ExpectationResult{"tcp_survives", "vm1 stream client-to-vm", "true",
                        "false (connection failed at 5.123s)", false}};
  result.passed = false;
  result.metadata = RunMetadata{.lmlab_version = "0.1.0",
                                .backend_version = "ns-3.37",
                                .started_at = "2024-01-01T00:00:00Z",
                                .wall_time_seconds = 0.8,
                                .simulator_events = 123456,
                                .events_per_second = 154320};
  return result;
}

}  // namespace lmlab
