// Scenarios played on real OVS/OVN (`--backend ovn`): the figures the facts predict, and the
// same result shape as on ns-3 so the two can be compared figure by figure. They need root and
// the OVS/OVN packages; without them they fail, they do not skip.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "reports/result_json.hpp"
#include "sim/runner/runner.hpp"
#include "tests/result_queries.hpp"
#include "sim/loader/scenario_loader.hpp"

namespace lmlab {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;

Scenario load(const std::string& name) {
  return load_scenario_file(std::string(LMLAB_SOURCE_DIR) + "/scenarios/" + name);
}

// One run of each, shared by the tests below (each takes the scenario's 12 s).
const Result& kube_ovn_on_ovn() {
  static const Result result = run_scenario(load("tcp-survival.yaml"), {"ovn", std::nullopt, {}});
  return result;
}
const Result& naive_on_ovn() {
  static const Result result =
      run_scenario(load("tcp-survival-naive.yaml"), {"ovn", std::nullopt, {}});
  return result;
}

// The keys of a JSON document, recursively; arrays by the shape of their first element.
json shape_of(const json& value) {
  if (value.is_object()) {
    json shape = json::object();
    for (const auto& [key, inner] : value.items()) shape[key] = shape_of(inner);
    return shape;
  }
  if (value.is_array()) return value.empty() ? json::array() : json::array({shape_of(value[0])});
  return value.type_name();
}

TEST(OvnRun, KubeOvnSwitchOverCostsThePauseAndFewMilliseconds) {
  const auto& result = kube_ovn_on_ovn();
  EXPECT_EQ(result.backend, "ovn");
  ASSERT_EQ(result.figures.probes.size(), 2u);  // client-to-vm and vm-to-client
  ASSERT_EQ(result.figures.breakdowns.size(), 1u);
  const auto& breakdown = result.figures.breakdowns.front();
  ASSERT_TRUE(breakdown.paused_at && breakdown.first_delivery_at && breakdown.vm_paused);
  // live-migration-facts.md, Kube-OVN: traffic duplicated to the target, unblocked by the
  // first RARP: from the pause to the first probe through the target is the pause plus a few
  // milliseconds. (The run's downtime figure is the longest gap anywhere in the migration; on
  // this shared host a chassis' flow recompute after an SB change sometimes adds a second,
  // longer one, which the median over runs in README.md shows.)
  const Time switch_over = *breakdown.first_delivery_at - *breakdown.paused_at;
  EXPECT_LE(switch_over, milliseconds(50));
  EXPECT_GE(switch_over, *breakdown.vm_paused);
  const Time attributed = breakdown.vm_paused.value_or(Time{0}) +
                          breakdown.announce.value_or(Time{0}) +
                          breakdown.network_converging.value_or(Time{0}) +
                          breakdown.first_packet.value_or(Time{0});
  ASSERT_TRUE(breakdown.through_again_at);
  EXPECT_EQ(attributed, *breakdown.through_again_at - *breakdown.paused_at)
      << "the segments add up from the pause until traffic was through again";
  for (const auto& probe : result.figures.probes) {
    EXPECT_GE(probe.downtime, *breakdown.vm_paused - milliseconds(2)) << to_string(probe.direction);
    // Where the longest gap is the switch-over's, the breakdown accounts for it to within a
    // probe interval.
    if (probe.gap_start <= *breakdown.paused_at && probe.gap_end >= breakdown.first_delivery_at)
      EXPECT_LE(attributed - probe.downtime, probe.interval) << to_string(probe.direction);
  }
  ASSERT_FALSE(result.figures.tcp_streams.empty());
  EXPECT_TRUE(result.figures.tcp_streams.front().survived);
}

TEST(OvnRun, TargetChassisIsUnblockedByTheRarpAsTheSouthboundRecords) {
  const auto& result = kube_ovn_on_ovn();
  const auto resumed = events_of(result, Phase::target_resumed);
  ASSERT_EQ(resumed.size(), 1u);
  const auto active = events_of(result, Phase::binding_active);
  const auto unblocked = std::find_if(active.begin(), active.end(), [](const PhaseEvent& event) {
    return event.vm == "vm1" && event.node == "node-b" && event.detail == "activated by RARP";
  });
  ASSERT_NE(unblocked, active.end()) << "no RARP activation on node-b in the SB";
  EXPECT_GE(unblocked->time, resumed.front().time);
  EXPECT_LE(unblocked->time, resumed.front().time + milliseconds(100));
  // QEMU's announce schedule: 5 RARPs at 0, 50, 200, 450, 800 ms after resume.
  EXPECT_EQ(events_of(result, Phase::rarp_sent).size(), 5u);
}

TEST(OvnRun, NaiveRebindingWaitsForTheCompletionReport) {
  const auto& naive = naive_on_ovn();
  // The naive strategy re-binds only when KubeVirt reports success, completion_report after
  // the target resumed: the downtime holds at least that.
  EXPECT_GE(worst_downtime(naive), naive.scenario.cluster.kubevirt.completion_report);
  EXPECT_GT(worst_downtime(naive), worst_downtime(kube_ovn_on_ovn()) + milliseconds(400));
}

TEST(OvnRun, UnderlayVlanMigrationKeepsTheExternalHostConnected) {
  // Kube-OVN underlay (live-migration-facts.md): the VM talks to a host on the provider
  // VLAN; after the switch-over the ToR must send the VM's traffic to node-b's trunk, which
  // QEMU's RARP teaches it. Measured here: the same few milliseconds beyond the pause.
  const auto result = run_scenario(load("underlay-vlan.yaml"), {"ovn", std::nullopt, {}});
  const auto& breakdown = result.figures.breakdowns.front();
  ASSERT_TRUE(breakdown.paused_at && breakdown.first_delivery_at);
  EXPECT_LE(*breakdown.first_delivery_at - *breakdown.paused_at, milliseconds(50));
  ASSERT_FALSE(result.figures.tcp_streams.empty());
  EXPECT_TRUE(result.figures.tcp_streams.front().survived);
}

TEST(OvnRun, JumboFramesCrossTheTunnel) {
  // A 9000-byte network MTU: the lab's underlay grows to carry it plus Geneve's overhead, so
  // probes of the largest size that fits cross in both directions, lost only in the
  // switch-over, and TCP's full-sized segments (sent as it catches up) get through.
  const auto scenario = load("tcp-survival-jumbo.yaml");
  ASSERT_EQ(scenario.cluster.network.mtu, 9000u);
  const auto result = run_scenario(scenario, {"ovn", std::nullopt, {}});
  ASSERT_EQ(result.figures.probes.size(), 2u);
  for (const auto& probe : result.figures.probes) {
    EXPECT_GT(probe.received, probe.sent / 2) << to_string(probe.direction);
    EXPECT_EQ(probe.lost_outside_migration, 0u) << to_string(probe.direction);
    EXPECT_TRUE(probe.recovered) << to_string(probe.direction);
  }
  const auto& breakdown = result.figures.breakdowns.front();
  ASSERT_TRUE(breakdown.paused_at && breakdown.first_delivery_at);
  EXPECT_LE(*breakdown.first_delivery_at - *breakdown.paused_at, milliseconds(50));
  ASSERT_FALSE(result.figures.tcp_streams.empty());
  const auto& stream = result.figures.tcp_streams.front();
  EXPECT_TRUE(stream.survived) << stream.failure;
}

TEST(OvnRun, ResultHasTheSameShapeAsOnNs3) {
  const auto on_ns3 = run_scenario(load("tcp-survival.yaml"), {"ns3", std::nullopt, {}});
  const auto ns3_json = json::parse(render_result_json(on_ns3));
  const auto ovn_json = json::parse(render_result_json(kube_ovn_on_ovn()));
  EXPECT_EQ(shape_of(ovn_json), shape_of(ns3_json));
  EXPECT_EQ(ovn_json["flows"], ns3_json["flows"]);
}

TEST(OvnRun, VmKeepsItsAddressAndMac) {
  const auto& identity = kube_ovn_on_ovn().figures.identities;
  ASSERT_FALSE(identity.empty());
  for (const auto& vm : identity) {
    EXPECT_TRUE(vm.ip_preserved) << vm.vm;
    EXPECT_TRUE(vm.mac_preserved) << vm.vm;
  }
}

}  // namespace
}  // namespace lmlab
