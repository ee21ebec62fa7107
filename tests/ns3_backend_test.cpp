// The ns-3 backend end to end: scenario files -> engine -> OVN model -> analysis.
// Figures are checked against the facts the model rests on (live-migration-facts.md).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "reports/result_json.hpp"
#include "reports/result_json_reader.hpp"
#include "sim/runner/runner.hpp"
#include "tests/result_queries.hpp"
#include "sim/loader/scenario_loader.hpp"

namespace lmlab {
namespace {

using std::chrono::milliseconds;

Scenario shipped(const std::string& name) {
  return load_scenario_file(std::string(LMLAB_SOURCE_DIR) + "/scenarios/" + name + ".yaml");
}

// Runs each shipped scenario once for the whole suite: a run takes about a second.
const Result& result_of(const std::string& name) {
  static std::map<std::string, Result> results;
  auto found = results.find(name);
  if (found == results.end()) found = results.emplace(name, run_scenario(shipped(name), {})).first;
  return found->second;
}

std::string without_metadata(const Result& result) {
  auto json = result_to_json(result);
  json.erase("metadata");
  return json.dump();
}

TEST(KubeOvnOnNs3, DowntimeIsTensOfMillisecondsAndTcpSurvives) {
  const Result& result = result_of("tcp-survival");
  ASSERT_EQ(result.figures.probes.size(), 2u);  // both directions
  for (const auto& probe : result.figures.probes) {
    EXPECT_TRUE(probe.recovered);
    EXPECT_GE(probe.downtime, milliseconds(10)) << to_string(probe.direction);
    EXPECT_LT(probe.downtime, milliseconds(50)) << to_string(probe.direction);
    EXPECT_GT(probe.lost, 0u);
    EXPECT_LT(probe.lost, 60u);
  }
  ASSERT_EQ(result.figures.tcp_streams.size(), 1u);
  EXPECT_TRUE(result.figures.tcp_streams[0].survived);
  EXPECT_GT(result.figures.tcp_streams[0].retransmissions, 0u);
  EXPECT_TRUE(result.passed);
}

// The downtime is the VM's pause plus RARP activation: the breakdown must add up to it.
TEST(KubeOvnOnNs3, BreakdownExplainsTheDowntime) {
  const Result& result = result_of("tcp-survival");
  const Scenario& scenario = result.scenario;
  ASSERT_EQ(result.figures.breakdowns.size(), 1u);
  const auto& breakdown = result.figures.breakdowns[0];
  ASSERT_TRUE(breakdown.vm_paused && breakdown.announce && breakdown.network_converging &&
              breakdown.first_packet);
  // QEMU's first RARP goes out as the target resumes.
  EXPECT_EQ(*breakdown.announce, Time(0));
  // The target unblocks the port once ovn-controller handles that RARP.
  // (plus the RARP's 51 ns on the 10 Gbit/s VIF)
  EXPECT_NEAR(to_milliseconds(*breakdown.network_converging),
              to_milliseconds(scenario.cluster.control_plane.activation), 0.01);
  EXPECT_LT(*breakdown.first_packet, milliseconds(2));
  const Time explained = *breakdown.vm_paused + *breakdown.announce +
                         *breakdown.network_converging + *breakdown.first_packet;
  for (const auto& probe : result.figures.probes)
    EXPECT_NEAR(to_milliseconds(probe.downtime), to_milliseconds(explained), 2.0);
}

// Kube-OVN's target stays blocked until the RARP (facts: controller/physical.c priority
// 1000 drop), and the paused source receives nothing: the duplication never reaches the VM
// twice.
TEST(KubeOvnOnNs3, MultiChassisDuplicationDeliversNoDuplicates) {
  for (const auto& probe : result_of("tcp-survival").figures.probes)
    EXPECT_EQ(probe.duplicates, 0u);
  const auto active = events_of(result_of("tcp-survival"), Phase::binding_active);
  const auto on_target = std::find_if(active.begin(), active.end(),
                                      [](const PhaseEvent& e) { return e.node == "node-b"; });
  ASSERT_NE(on_target, active.end());
  EXPECT_EQ(on_target->detail, "activated by RARP");
}

TEST(KubeOvnOnNs3, IdentityIsPreserved) {
  const auto& identity = result_of("tcp-survival").figures.identities.at(0);
  EXPECT_EQ(identity.ip_after, "10.16.0.10");
  EXPECT_EQ(identity.mac_after, "0a:58:0a:10:00:0a");
  EXPECT_TRUE(identity.ip_preserved);
  EXPECT_TRUE(identity.mac_preserved);
}

// The baseline loses traffic from the pause until KubeVirt reports success and the new
// binding reaches the chassis: the completion report delay plus the control-plane path.
TEST(NaiveOnNs3, DowntimeRunsUntilTheRebindingReachesTheTarget) {
  const Result& naive = result_of("tcp-survival-naive");
  const Result& kube_ovn = result_of("tcp-survival");
  const auto& delays = naive.scenario.cluster.control_plane;
  const Time propagation = delays.northd + delays.southbound + delays.ovn_controller;
  const auto& breakdown = naive.figures.breakdowns.at(0);
  ASSERT_TRUE(breakdown.network_converging);
  EXPECT_EQ(*breakdown.network_converging,
            naive.scenario.cluster.kubevirt.completion_report + propagation);
  EXPECT_GT(worst_downtime(naive), worst_downtime(kube_ovn) + milliseconds(400));
  for (const auto& probe : naive.figures.probes)
    EXPECT_NEAR(to_milliseconds(probe.downtime),
                to_milliseconds(*breakdown.vm_paused + *breakdown.network_converging), 3.0);
  const auto active = events_of(naive, Phase::binding_active);
  ASSERT_FALSE(active.empty());
  EXPECT_EQ(active.back().node, "node-b");
  EXPECT_EQ(active.back().detail, "binding changed");
}

// With ns-3's MinRto set to Linux's 200 ms, a ~520 ms outage costs TCP its exponential
// backoff: retransmissions at 200 and 600 ms, so the stall outlasts the outage.
TEST(NaiveOnNs3, TcpSurvivesWithAStallLongerThanTheOutage) {
  const auto& tcp = result_of("tcp-survival-naive").figures.tcp_streams.at(0);
  EXPECT_TRUE(tcp.survived);
  EXPECT_GT(tcp.stall, worst_downtime(result_of("tcp-survival-naive")));
  EXPECT_GT(tcp.retransmissions, result_of("tcp-survival").figures.tcp_streams.at(0).retransmissions);
}

// A VM dirtying memory fast needs a second pre-copy pass and a long stop-and-copy: the pause,
// not the network, is the downtime.
TEST(BusyVmOnNs3, TheStopAndCopyIsMostOfTheDowntime) {
  const Result& result = result_of("busy-vm-ping");
  EXPECT_TRUE(result.passed);
  EXPECT_EQ(events_of(result, Phase::precopy_iteration).size(), 2u);
  const auto& breakdown = result.figures.breakdowns.at(0);
  ASSERT_TRUE(breakdown.vm_paused);
  EXPECT_GT(*breakdown.vm_paused, milliseconds(70));
  ASSERT_EQ(result.figures.probes.size(), 2u);
  for (const auto& probe : result.figures.probes) {
    EXPECT_EQ(probe.protocol, ProbeProtocol::icmp);
    EXPECT_GT(to_milliseconds(*breakdown.vm_paused), 0.9 * to_milliseconds(probe.downtime));
  }
}

TEST(Ns3Backend, SameSeedGivesIdenticalResults) {
  const Scenario scenario = shipped("tcp-survival");
  EXPECT_EQ(without_metadata(run_scenario(scenario, {})), without_metadata(result_of("tcp-survival")));
}

// Reports made later from result.json see exactly what the run wrote (the naive run has the
// most gaps, stalls and timeline points).
TEST(Ns3Backend, ResultJsonReadsBackUnchanged) {
  const std::string text = render_result_json(result_of("tcp-survival-naive"));
  EXPECT_EQ(render_result_json(result_from_json(nlohmann::json::parse(text))), text);
}

// A progress display watching the run changes nothing in its result.
TEST(Ns3Backend, ProgressCallbackOnlyObserves) {
  std::vector<Time> reached;
  RunOptions options;
  options.progress = [&reached](Time simulated) { reached.push_back(simulated); };
  const Result watched = run_scenario(shipped("tcp-survival"), options);
  EXPECT_EQ(without_metadata(watched), without_metadata(result_of("tcp-survival")));
  ASSERT_GE(reached.size(), 90u);
  EXPECT_TRUE(std::is_sorted(reached.begin(), reached.end()));
  EXPECT_EQ(reached.front(), milliseconds(120));
  EXPECT_LE(reached.back(), watched.scenario.duration);
}

TEST(Ns3Backend, AnotherSeedMovesTheProbeSchedule) {
  const Scenario scenario = shipped("tcp-survival");
  const Result other = run_scenario(scenario, {"ns3", 7, {}});
  EXPECT_EQ(other.seed, 7u);
  // The figures themselves differ, not only the seed echoed in the result.
  EXPECT_NE(result_to_json(other)["figures"]["probes"],
            result_to_json(result_of("tcp-survival"))["figures"]["probes"]);
}

TEST(Ns3Backend, WithoutMigrationNothingIsLost) {
  Scenario scenario = shipped("tcp-survival");
  scenario.migrations.clear();
  scenario.duration = std::chrono::seconds(3);
  const Result result = run_scenario(scenario, {});
  for (const auto& probe : result.figures.probes) {
    EXPECT_EQ(probe.lost, 0u) << to_string(probe.direction);
    EXPECT_EQ(probe.downtime, Time(0));
    EXPECT_EQ(probe.received, probe.sent);
    EXPECT_GE(probe.sent, 2790u);  // 1 ms probes from 0.1 s to 0.1 s before the end
  }
  EXPECT_EQ(result.figures.tcp_streams.at(0).retransmissions, 0u);
  EXPECT_NEAR(result.figures.tcp_streams.at(0).throughput_before_bps, 10e6, 0.2e6);
}

TEST(Ns3Backend, IcmpProbesMeasureTheSameOutage) {
  Scenario scenario = shipped("tcp-survival");
  scenario.workloads.probes[0].protocol = ProbeProtocol::icmp;
  const Result result = run_scenario(scenario, {});
  ASSERT_EQ(result.figures.probes.size(), 2u);
  for (const auto& probe : result.figures.probes) {
    EXPECT_EQ(probe.protocol, ProbeProtocol::icmp);
    EXPECT_GT(probe.received, 11000u);
    EXPECT_NEAR(to_milliseconds(probe.downtime), to_milliseconds(worst_downtime(result_of("tcp-survival"))), 3.0);
  }
}

TEST(Ns3Backend, TcpFromTheVmSurvivesToo) {
  Scenario scenario = shipped("tcp-survival");
  scenario.workloads.tcp_streams[0].direction = Direction::vm_to_client;
  const Result result = run_scenario(scenario, {});
  const auto& tcp = result.figures.tcp_streams.at(0);
  EXPECT_TRUE(tcp.survived);
  EXPECT_LT(tcp.stall, milliseconds(300));
  EXPECT_NEAR(tcp.throughput_after_bps, 10e6, 0.5e6);
}

// While pre-copy runs, Kube-OVN already duplicates the VM's traffic to the target chassis,
// where no VM runs yet: the copy there must cost the running VM nothing. (Failure and
// rollback are covered by the engine tests: a non-converging pre-copy gives up only after
// minutes.)
TEST(Ns3Backend, DuplicationDuringPrecopyCostsTheRunningVmNothing) {
  Scenario scenario = shipped("tcp-survival");
  scenario.vms[0].memory_bytes = 64ull << 30;  // 55 s per pass at 10 Gbit/s: still copying
  const Result result = run_scenario(scenario, {});
  EXPECT_EQ(events_of(result, Phase::migration_scheduled).size(), 1u);
  EXPECT_EQ(events_of(result, Phase::memory_transfer_started).size(), 1u);
  EXPECT_TRUE(events_of(result, Phase::source_paused).empty());
  for (const auto& probe : result.figures.probes) {
    EXPECT_EQ(probe.lost, 0u) << to_string(probe.direction);
    EXPECT_EQ(probe.duplicates, 0u) << to_string(probe.direction);
  }
}

TEST(Ns3Backend, UnknownBackendIsRefused) {
  EXPECT_THROW(run_scenario(shipped("tcp-survival"), {"kind", std::nullopt, {}}), std::invalid_argument);
}

TEST(Ns3Backend, RefusesDhcpAndGatewayScenariosItDoesNotModel) {
  const auto scenario =
      load_scenario_file(std::string(LMLAB_SOURCE_DIR) + "/scenarios/dhcp-gateway.yaml");
  try {
    run_scenario(scenario, {"ns3", std::nullopt, {}});
    FAIL() << "ns-3 played a DHCP scenario it has no model for";
  } catch (const std::invalid_argument& error) {
    EXPECT_THAT(error.what(), ::testing::HasSubstr("--backend ovn"));
  }
}

}  // namespace
}  // namespace lmlab
