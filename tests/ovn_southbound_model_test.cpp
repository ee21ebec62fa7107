// The Southbound of the OVN model on its own: port bindings and their RARP activation as
// ovn-controller applies them (live-migration-facts.md, "OVN multi-chassis binding"), the
// binding_active events they log, and the per-switch lookups the chassis pipelines ask.
#include "models/ovn_southbound_model.hpp"

#include <gtest/gtest.h>

#include "tests/logical_rows.hpp"
#include "tests/manual_clock.hpp"

namespace lmlab {
namespace {

using std::chrono::milliseconds;
using testing::logical_switch;
using testing::vif_port;

constexpr const char* kVm = "vm1.default";
constexpr const char* kVmMac = "0a:58:0a:10:00:0a";
constexpr const char* kVmIp = "10.16.0.10";

class SouthboundModel : public ::testing::Test {
 protected:
  void apply(NorthboundChange change) {
    southbound.apply(NorthboundTransaction{}.add(std::move(change)));
  }
  // A switch holding the VM's port, bound to `requested_chassis`.
  void create_vm_port(std::vector<std::string> requested_chassis) {
    southbound.apply(NorthboundTransaction{}
                         .add(logical_switch("ovn-default"))
                         .add(vif_port(kVm, "ovn-default", kVmMac, kVmIp,
                                       std::move(requested_chassis), "vm1")));
  }
  std::vector<PhaseEvent> binding_events() const {
    std::vector<PhaseEvent> found;
    for (const auto& event : log.events())
      if (event.phase == Phase::binding_active) found.push_back(event);
    return found;
  }

  testing::ManualClock clock;
  EventLog log;
  OvnSouthboundModel southbound{clock, log};
};

TEST_F(SouthboundModel, NewPortIsReportedBoundOnItsChassisWithTheVmThatOwnsIt) {
  log.set_port_owner(kVm, "vm1");  // as the runner's Northbound mirror notes it
  clock.run_until(milliseconds(40));
  create_vm_port({"node-a"});
  const auto events = binding_events();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].time, milliseconds(40));
  EXPECT_EQ(events[0].node, "node-a");
  EXPECT_EQ(events[0].port, kVm);
  EXPECT_EQ(events[0].vm, "vm1");
  EXPECT_EQ(events[0].detail, "port bound");
}

TEST_F(SouthboundModel, KubeOvnMigrationForwardsOnTheTargetOnlyOnceItsRarpIsSeen) {
  create_vm_port({"node-a"});
  // MigrationScheduling: source and target, the target blocked until a RARP.
  apply(SetPortBinding{kVm, {"node-a", "node-b"}, "rarp"});
  EXPECT_TRUE(southbound.forwards_on(kVm, "node-a"));
  EXPECT_FALSE(southbound.forwards_on(kVm, "node-b"));
  EXPECT_TRUE(southbound.awaits_rarp(kVm, "node-b"));
  EXPECT_EQ(binding_events().size(), 1u);  // only "port bound" on node-a

  clock.run_until(milliseconds(700));
  southbound.activate(kVm, "node-b");
  EXPECT_TRUE(southbound.forwards_on(kVm, "node-a"));
  EXPECT_TRUE(southbound.forwards_on(kVm, "node-b"));
  EXPECT_FALSE(southbound.awaits_rarp(kVm, "node-b"));
  auto events = binding_events();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].time, milliseconds(700));
  EXPECT_EQ(events[1].node, "node-b");
  EXPECT_EQ(events[1].port, kVm);
  EXPECT_EQ(events[1].detail, "activated by RARP");

  // MigrationSucceeded: the target alone, nothing newly forwarding to report.
  apply(SetPortBinding{kVm, {"node-b"}, std::nullopt});
  EXPECT_FALSE(southbound.forwards_on(kVm, "node-a"));
  EXPECT_TRUE(southbound.forwards_on(kVm, "node-b"));
  EXPECT_EQ(binding_events().size(), 2u);
}

TEST_F(SouthboundModel, AdditionalChassisWithoutActivationStrategyIsReportedAsBindingChanged) {
  create_vm_port({"node-a"});
  apply(SetPortBinding{kVm, {"node-a", "node-b"}, std::nullopt});
  const auto events = binding_events();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].node, "node-b");
  EXPECT_EQ(events[1].detail, "binding changed");
}

TEST_F(SouthboundModel, RarpChangesNothingWhereThePortDoesNotAwaitOne) {
  create_vm_port({"node-a"});
  apply(SetPortBinding{kVm, {"node-a", "node-b"}, "rarp"});
  southbound.activate(kVm, "node-a");  // the main chassis
  southbound.activate(kVm, "node-c");  // not requested
  EXPECT_FALSE(southbound.forwards_on(kVm, "node-c"));
  EXPECT_TRUE(southbound.awaits_rarp(kVm, "node-b"));
  EXPECT_EQ(binding_events().size(), 1u);
}

TEST_F(SouthboundModel, RolledBackTargetAwaitsANewRarpOnTheNextAttempt) {
  create_vm_port({"node-a", "node-b"});
  apply(SetPortBinding{kVm, {"node-a", "node-b"}, "rarp"});
  southbound.activate(kVm, "node-b");
  apply(SetPortBinding{kVm, {"node-a"}, std::nullopt});  // MigrationFailed
  apply(SetPortBinding{kVm, {"node-a", "node-b"}, "rarp"});
  EXPECT_TRUE(southbound.awaits_rarp(kVm, "node-b"));
}

TEST_F(SouthboundModel, RecreatedPortAwaitsANewRarp) {
  create_vm_port({"node-a", "node-b"});
  apply(SetPortBinding{kVm, {"node-a", "node-b"}, "rarp"});
  southbound.activate(kVm, "node-b");
  // The VM is deleted and created again under the same name: a new Port_Binding, without
  // the old one's additional-chassis-activated.
  apply(DeletePort{kVm});
  auto port = vif_port(kVm, "ovn-default", kVmMac, kVmIp, {"node-a", "node-b"});
  port.activation_strategy = "rarp";
  apply(port);
  EXPECT_TRUE(southbound.awaits_rarp(kVm, "node-b"));
  EXPECT_FALSE(southbound.forwards_on(kVm, "node-b"));
}

TEST_F(SouthboundModel, DisabledPortForwardsNowhereUntilEnabled) {
  auto port = vif_port(kVm, "ovn-default", kVmMac, kVmIp, {"node-a", "node-b"});
  port.enabled = false;
  southbound.apply(NorthboundTransaction{}.add(logical_switch("ovn-default")).add(port));
  EXPECT_FALSE(southbound.forwards_on(kVm, "node-a"));
  EXPECT_FALSE(southbound.forwards_on(kVm, "node-b"));
  EXPECT_TRUE(binding_events().empty());

  apply(SetPortEnabled{kVm, true});
  EXPECT_TRUE(southbound.forwards_on(kVm, "node-a"));
  EXPECT_TRUE(southbound.forwards_on(kVm, "node-b"));
  EXPECT_EQ(binding_events().size(), 2u);
}

TEST_F(SouthboundModel, L2LookupAndArpResponderAnswerOnlyForTheirOwnSwitch) {
  // ls-blue and ls-red hold a port each with the same IP and different MACs; ls-green
  // only a port with addresses=[].
  auto unaddressed = vif_port("green-1", "ls-green", kVmMac, kVmIp, {"node-a"});
  unaddressed.addresses.reset();
  southbound.apply(NorthboundTransaction{}
                       .add(logical_switch("ls-blue"))
                       .add(logical_switch("ls-red"))
                       .add(logical_switch("ls-green"))
                       .add(vif_port("blue-1", "ls-blue", kVmMac, kVmIp, {"node-a"}))
                       .add(vif_port("red-1", "ls-red", "0a:58:0a:10:00:0b", kVmIp, {"node-a"}))
                       .add(unaddressed));
  EXPECT_EQ(southbound.port_with_mac("ls-blue", kVmMac), "blue-1");
  EXPECT_EQ(southbound.port_with_mac("ls-red", kVmMac), std::nullopt);
  EXPECT_EQ(southbound.port_with_mac("ls-green", kVmMac), std::nullopt);
  EXPECT_EQ(southbound.mac_of_ip("ls-blue", kVmIp), kVmMac);
  EXPECT_EQ(southbound.mac_of_ip("ls-red", kVmIp), "0a:58:0a:10:00:0b");
  EXPECT_EQ(southbound.mac_of_ip("ls-green", kVmIp), std::nullopt);
  EXPECT_EQ(southbound.ports_on("ls-blue"), std::vector<std::string>{"blue-1"});
}

TEST_F(SouthboundModel, SwitchPortsAreListedInCreationOrder) {
  southbound.apply(NorthboundTransaction{}
                       .add(logical_switch("ovn-default"))
                       .add(vif_port("vm9", "ovn-default", "0a:58:0a:10:00:09", "10.16.0.9", {}))
                       .add(vif_port("vm1", "ovn-default", "0a:58:0a:10:00:01", "10.16.0.1", {})));
  apply(vif_port("vm5", "ovn-default", "0a:58:0a:10:00:05", "10.16.0.5", {}));
  EXPECT_EQ(southbound.ports_on("ovn-default"), (std::vector<std::string>{"vm9", "vm1", "vm5"}));
}

TEST_F(SouthboundModel, TunnelKeysAreStableAndNotReusedAfterADelete) {
  southbound.apply(NorthboundTransaction{}
                       .add(logical_switch("ovn-default"))
                       .add(vif_port("vm1", "ovn-default", "0a:58:0a:10:00:01", "10.16.0.1", {}))
                       .add(vif_port("vm2", "ovn-default", "0a:58:0a:10:00:02", "10.16.0.2", {})));
  const auto vm1_key = southbound.key_of("vm1");
  const auto vm2_key = southbound.key_of("vm2");
  EXPECT_NE(vm1_key, 0u);  // 0 is no port in Geneve's option
  EXPECT_NE(vm1_key, vm2_key);
  EXPECT_EQ(southbound.port_with_key(vm1_key), "vm1");
  EXPECT_EQ(southbound.port_with_key(vm2_key), "vm2");

  apply(DeletePort{"vm1"});
  apply(vif_port("vm3", "ovn-default", "0a:58:0a:10:00:03", "10.16.0.3", {}));
  EXPECT_EQ(southbound.port_with_key(vm1_key), std::nullopt);
  EXPECT_EQ(southbound.key_of("vm2"), vm2_key);
  EXPECT_NE(southbound.key_of("vm3"), vm1_key);
  EXPECT_NE(southbound.key_of("vm3"), vm2_key);
  EXPECT_EQ(southbound.port_with_key(southbound.key_of("vm3")), "vm3");
  EXPECT_EQ(southbound.port_with_key(0), std::nullopt);
}

}  // namespace
}  // namespace lmlab
