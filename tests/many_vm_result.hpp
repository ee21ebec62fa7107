// A made-up node drain for report tests: many VMs, each with 1 ms UDP probes both ways and
// migrated one after another, with every figure, event, expectation and timeline entry a run
// of that shape writes, and short losses all through the run besides each VM's downtime.
#pragma once

#include <chrono>
#include <string>

#include <fmt/format.h>

#include "sim/core/result.hpp"

namespace lmlab {

struct ManyVmShape {
  std::size_t vms = 200;
  Time duration = std::chrono::seconds(60);
  std::size_t losses_per_direction = 100;  // short gaps outside the migration
};

// VM i's worst downtime is 17 ms plus i*37 mod 40 ms; `not_recovered` VMs never get probes
// through again after their pause.
inline Result many_vm_result(const ManyVmShape& shape = {}, std::size_t not_recovered = 1) {
  using namespace std::chrono_literals;
  Result result;
  Scenario& scenario = result.scenario;
  scenario.source_file = "drain.yaml";
  scenario.name = "drain";
  scenario.duration = shape.duration;
  scenario.cluster.nodes = {"node-a", "node-b", "node-c"};
  scenario.cluster.network.subnet = "10.16.0.0/16";
  scenario.expectations.max_downtime = 50ms;
  scenario.clients.push_back(ClientSpec{
      .name = "client", .node = "node-c", .mac = "0a:58:0a:10:00:64", .ips = {"10.16.0.100"}});
  result.backend = "ns3";
  result.seed = 1;
  result.metadata.lmlab_version = "0.1.0";
  const Time interval = 1ms;
  for (std::size_t i = 0; i < shape.vms; ++i) {
    const std::string vm = fmt::format("vm{}", i);
    const std::string probe = fmt::format("probe{}", i);
    scenario.vms.push_back(VmSpec{.name = vm,
                                  .node = "node-a",
                                  .mac = fmt::format("0a:58:0a:10:{:02x}:{:02x}", i / 250, i % 250),
                                  .ips = {fmt::format("10.16.{}.{}", 1 + i / 250, 1 + i % 250)},
                                  .memory_bytes = 1ULL << 30,
                                  .dirty_rate_bytes_per_second = 16ULL << 20});
    scenario.workloads.probes.push_back(ProbeWorkload{
        .name = probe, .vm = vm, .client = "client", .interval = interval, .size_bytes = 64});
    const Time migration = 2s + Time(static_cast<Time::rep>(i) * 20'000'000);
    scenario.migrations.push_back(MigrationSpec{
        .vm = vm, .target_node = "node-b", .start = migration, .bandwidth_bps = 10'000'000'000});
    const Time paused = migration + 1200ms;
    const Time downtime = 17ms + Time(static_cast<Time::rep>(i * 37 % 40) * 1'000'000);
    const bool recovered = i >= not_recovered;
    for (const Direction direction : {Direction::client_to_vm, Direction::vm_to_client}) {
      const auto flow = static_cast<std::uint32_t>(result.flows.size());
      result.flows.push_back(
          FlowInfo{flow, probe, vm, direction, FlowKind::udp_probe, interval, AddressFamily::ipv4});
      ProbeFigures figures;
      figures.workload = probe;
      figures.vm = vm;
      figures.direction = direction;
      figures.interval = interval;
      figures.sent = static_cast<std::uint64_t>(shape.duration / interval);
      figures.recovered = recovered;
      figures.downtime = recovered ? downtime : shape.duration - paused;
      figures.gap_start = paused - interval;
      if (recovered) figures.gap_end = paused + downtime;
      // Losses of two probes, spread evenly through the run; then the downtime.
      FlowTimeline timeline{.flow = flow, .delivery_runs = {}, .written = {}, .delivered = {}};
      Time run_start = 0ms;
      const Time spacing = shape.duration / static_cast<Time::rep>(shape.losses_per_direction + 2);
      for (std::size_t k = 1; k <= shape.losses_per_direction; ++k) {
        const Time loss = spacing * static_cast<Time::rep>(k) + Time(static_cast<Time::rep>(i));
        if (loss + 3ms > figures.gap_start && loss < paused + downtime + 3ms) continue;
        figures.gaps.push_back(Gap{loss, loss + 3ms});
        timeline.delivery_runs.push_back(DeliveryRun{
            run_start, loss, static_cast<std::uint64_t>((loss - run_start) / interval)});
        run_start = loss + 3ms;
        figures.lost += 2;
      }
      figures.gaps.push_back(Gap{*figures.gap_start, figures.gap_end});
      timeline.delivery_runs.push_back(
          DeliveryRun{run_start, *figures.gap_start,
                      static_cast<std::uint64_t>((*figures.gap_start - run_start) / interval)});
      if (recovered)
        timeline.delivery_runs.push_back(DeliveryRun{
            *figures.gap_end, shape.duration,
            static_cast<std::uint64_t>((shape.duration - *figures.gap_end) / interval)});
      std::sort(figures.gaps.begin(), figures.gaps.end(),
                [](const Gap& a, const Gap& b) { return a.start < b.start; });
      std::sort(timeline.delivery_runs.begin(), timeline.delivery_runs.end(),
                [](const DeliveryRun& a, const DeliveryRun& b) { return a.start < b.start; });
      figures.received = figures.sent - figures.lost;
      result.figures.probes.push_back(std::move(figures));
      result.timeline.flows.push_back(std::move(timeline));
      result.expectations.push_back(ExpectationResult{
          "max_downtime", fmt::format("{} {} {}", vm, probe, to_string(direction)), "<= 50ms",
          recovered ? fmt::format("{}ms", downtime.count() / 1'000'000) : "not recovered",
          recovered && downtime <= 50ms});
    }
    result.figures.breakdowns.push_back(DowntimeBreakdown{.vm = vm,
                                                          .target_node = "node-b",
                                                          .paused_at = paused,
                                                          .resumed_at = paused + 16ms,
                                                          .first_rarp_at = paused + 16ms,
                                                          .binding_active_at = paused + 17ms,
                                                          .first_delivery_at = paused + downtime,
                                                          .vm_paused = 16ms,
                                                          .announce = 0ms,
                                                          .network_converging = 1ms,
                                                          .first_packet = downtime - 17ms});
    const std::string port = vm + ".default";
    const auto event = [&](Time at, Phase phase, const char* node, std::string detail) {
      result.events.push_back(PhaseEvent{at, vm, phase, node, std::move(detail), port});
    };
    event(migration, Phase::migration_scheduled, "node-b", "target pod created");
    event(migration + 1s, Phase::target_ready, "node-b", "");
    event(migration + 1s, Phase::memory_transfer_started, "node-b", "");
    event(migration + 1100ms, Phase::precopy_iteration, "node-b", "pass 1: 1.0 GiB");
    event(paused, Phase::source_paused, "node-a", "stop-and-copy 13.7 MiB");
    event(paused + 16ms, Phase::target_resumed, "node-b", "");
    for (const int ms : {0, 50, 200, 450, 800})
      event(paused + 16ms + Time(ms * 1'000'000), Phase::rarp_sent, "node-b", "");
    event(paused + 17ms, Phase::binding_active, "node-b", "RARP activation");
    event(paused + 516ms, Phase::migration_completed, "node-b", "");
    event(paused + 516ms, Phase::northbound_update, "", "options:requested-chassis=node-b");
    event(paused + 1516ms, Phase::source_deleted, "node-a", "");
    for (const Time at : {migration - 10ms, shape.duration})
      result.identity_observations.push_back(IdentityObservation{
          at, vm, scenario.vms.back().ips.front(), scenario.vms.back().mac, AddressFamily::ipv4});
    result.figures.identities.push_back(IdentityFigures{.vm = vm,
                                                        .ip_before = scenario.vms.back().ips[0],
                                                        .ip_after = scenario.vms.back().ips[0],
                                                        .mac_before = scenario.vms.back().mac,
                                                        .mac_after = scenario.vms.back().mac,
                                                        .ip_preserved = true,
                                                        .mac_preserved = true});
  }
  result.passed = false;
  return result;
}

}  // namespace lmlab
