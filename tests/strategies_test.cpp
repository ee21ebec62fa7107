#include "sim/engine/strategy.hpp"

#include <gtest/gtest.h>

#include "sim/core/logical_network.hpp"
#include "tests/engine_fakes.hpp"

namespace lmlab {
namespace {

using testing::NorthboundSpy;

const MigrationContext kMigration{"vm1", "node-a", "node-b", "vm1.default", "vm1.default"};

Scenario two_nodes() {
  Scenario scenario;
  scenario.cluster.nodes = {"node-a", "node-b"};
  scenario.cluster.network.subnet = "10.16.0.0/16";
  scenario.clients = {{"client", "node-b", "0a:58:0a:10:00:64", {"10.16.0.100"}}};
  scenario.vms = {{"vm1", "node-a", "0a:58:0a:10:00:0a", {"10.16.0.10"}, 1ull << 30, 0}};
  return scenario;
}

LogicalNetwork laid_out(const Scenario& scenario, StrategyKind strategy) {
  NorthboundSpy nb;
  make_strategy(strategy)->build_network(scenario, nb);
  LogicalNetwork network;
  for (const auto& transaction : nb.transactions) network.apply(transaction);
  return network;
}

// live-migration-facts.md, Kube-OVN: one subnet switch spanning the nodes; a VM's port is
// `<vm>.<namespace>` and the target pod reuses it.
TEST(KubeOvnNetwork, OneSwitchWithAPortPerPodOnItsNode) {
  for (const auto kind : all_strategies()) {
    const auto network = laid_out(two_nodes(), kind);
    ASSERT_EQ(network.switches().size(), 1u);
    EXPECT_EQ(network.switches().begin()->second.subnet, "10.16.0.0/16");
    const auto& vm = network.port_of("vm1", "node-a");
    EXPECT_EQ(vm.name, "vm1.default");
    EXPECT_EQ(vm.logical_switch, "ovn-default");
    ASSERT_TRUE(vm.addresses);
    EXPECT_EQ(vm.addresses->mac, "0a:58:0a:10:00:0a");
    EXPECT_EQ(vm.addresses->ips, std::vector<std::string>{"10.16.0.10"});
    EXPECT_EQ(network.port_of("client", "node-b").name, "client.default");
    EXPECT_EQ(make_strategy(kind)->port_name("vm1", "node-b"), "vm1.default");
    EXPECT_TRUE(network.routers().empty());
  }
}

TEST(KubeOvnNetwork, DhcpOptionsOnTheDhcpVmsPorts) {
  Scenario scenario = two_nodes();
  scenario.cluster.network.subnet_v6 = "fd00:10:16::/64";
  scenario.cluster.network.dhcp = DhcpSpec{};
  scenario.cluster.network.dhcp->server_mac = "0a:58:a9:fe:00:fe";
  scenario.vms[0].ips.push_back("fd00:10:16::10");
  scenario.vms[0].addressing = Addressing::dhcp;
  const auto network = laid_out(scenario, StrategyKind::kube_ovn);
  const auto& vm = network.port_of("vm1", "node-a");
  ASSERT_TRUE(vm.dhcpv4_options && vm.dhcpv6_options);
  const auto& v4 = network.dhcp_options().at(*vm.dhcpv4_options);
  EXPECT_EQ(v4.cidr, "10.16.0.0/16");
  EXPECT_EQ(v4.options.at("lease_time"), "3600");
  EXPECT_EQ(v4.options.at("server_id"), "169.254.0.254");
  EXPECT_EQ(network.dhcp_options().at(*vm.dhcpv6_options).cidr, "fd00:10:16::/64");
  EXPECT_FALSE(network.port_of("client", "node-b").dhcpv4_options);
}

TEST(KubeOvnNetwork, GatewayIsAnsweredByArpProxyOnTheClusterRoutersPort) {
  Scenario scenario = two_nodes();
  scenario.cluster.network.gateway = "169.254.1.1";
  const auto network = laid_out(scenario, StrategyKind::kube_ovn);
  const auto* router_port = network.arp_proxy_for("169.254.1.1");
  ASSERT_NE(router_port, nullptr);
  EXPECT_EQ(router_port->router, "ovn-cluster");
  EXPECT_EQ(router_port->networks, std::vector<std::string>{"10.16.0.1/16"});
  EXPECT_EQ(router_port->mac, "0a:58:0a:10:00:01");
}

TEST(KubeOvnNetwork, UnderlayVlanIsALocalnetPortWithItsTag) {
  Scenario scenario = two_nodes();
  scenario.cluster.underlay.vlan = 100;
  const auto network = laid_out(scenario, StrategyKind::kube_ovn);
  const auto* localnet = network.port("localnet.physnet");
  ASSERT_NE(localnet, nullptr);
  EXPECT_EQ(localnet->type, PortType::localnet);
  EXPECT_EQ(localnet->tag, 100);
  EXPECT_EQ(localnet->network_name, kProviderNetwork);
}

// live-migration-facts.md, Kube-OVN pkg/controller/kubevirt.go.
TEST(KubeOvnStrategy, BindsBothChassisWithRarpActivationWhenScheduled) {
  NorthboundSpy nb;
  make_strategy(StrategyKind::kube_ovn)->on_migration_scheduled(kMigration, nb);
  ASSERT_EQ(nb.bindings().size(), 1u);
  EXPECT_EQ(nb.bindings()[0].port, "vm1.default");
  EXPECT_EQ(nb.bindings()[0].requested_chassis, (std::vector<std::string>{"node-a", "node-b"}));
  EXPECT_EQ(nb.bindings()[0].activation_strategy, "rarp");
}

TEST(KubeOvnStrategy, KeepsOnlyTheTargetOnSuccess) {
  NorthboundSpy nb;
  make_strategy(StrategyKind::kube_ovn)->on_migration_succeeded(kMigration, nb);
  ASSERT_EQ(nb.bindings().size(), 1u);
  EXPECT_EQ(nb.bindings()[0].requested_chassis, std::vector<std::string>{"node-b"});
  EXPECT_FALSE(nb.bindings()[0].activation_strategy.has_value());
}

TEST(KubeOvnStrategy, RollsBackToTheSourceOnFailure) {
  NorthboundSpy nb;
  make_strategy(StrategyKind::kube_ovn)->on_migration_failed(kMigration, nb);
  ASSERT_EQ(nb.bindings().size(), 1u);
  EXPECT_EQ(nb.bindings()[0].requested_chassis, std::vector<std::string>{"node-a"});
  EXPECT_FALSE(nb.bindings()[0].activation_strategy.has_value());
}

TEST(KubeOvnStrategy, DoesNothingWhenTheTargetBecomesReady) {
  NorthboundSpy nb;
  make_strategy(StrategyKind::kube_ovn)->on_target_ready(kMigration, nb);
  EXPECT_TRUE(nb.bindings().empty());
}

TEST(NaiveStrategy, RebindsToTheTargetOnlyAfterSuccess) {
  NorthboundSpy nb;
  auto naive = make_strategy(StrategyKind::naive);
  naive->on_migration_scheduled(kMigration, nb);
  naive->on_target_ready(kMigration, nb);
  EXPECT_TRUE(nb.bindings().empty());
  naive->on_migration_succeeded(kMigration, nb);
  ASSERT_EQ(nb.bindings().size(), 1u);
  EXPECT_EQ(nb.bindings()[0].requested_chassis, std::vector<std::string>{"node-b"});
  EXPECT_FALSE(nb.bindings()[0].activation_strategy.has_value());
}

TEST(NaiveStrategy, LeavesTheSourceBindingOnFailure) {
  NorthboundSpy nb;
  make_strategy(StrategyKind::naive)->on_migration_failed(kMigration, nb);
  EXPECT_TRUE(nb.bindings().empty());
}

}  // namespace
}  // namespace lmlab
