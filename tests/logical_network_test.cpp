// The Northbound's contents after transactions: rows added and changed as OVN would hold
// them, and transactions that are all or nothing.
#include "sim/core/logical_network.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

#include "tests/logical_rows.hpp"

namespace lmlab {
namespace {

using testing::logical_switch;
using testing::vif_port;

LogicalSwitchPort vm_port(const std::string& name, const std::string& owner,
                          std::vector<std::string> requested_chassis) {
  return vif_port(name, "ovn-default", "0a:58:0a:10:00:0a", "10.16.0.10",
                  std::move(requested_chassis), owner);
}

LogicalSwitchPort router_type_port(std::vector<std::string> arp_proxy) {
  LogicalSwitchPort port;
  port.name = "ovn-default-ovn-cluster";
  port.logical_switch = "ovn-default";
  port.type = PortType::router;
  port.router_port = "ovn-cluster-ovn-default";
  port.arp_proxy = std::move(arp_proxy);
  return port;
}

const StaticRoute kVmRoute{"ovn-cluster", "10.16.0.10", "10.16.0.10", "rtos-node-a",
                           RoutePolicy::dst_ip};
const StaticRoute kClusterRoute{"ovn-cluster", "10.16.0.0/16", "100.64.0.1", std::nullopt,
                                RoutePolicy::src_ip};
const RoutingPolicy kReroute{"ovn-cluster", 10, "ip4.src == 10.16.0.10", "reroute",
                             {"100.64.0.2"}};

// A switch with a DHCP VM's port, and a router answering the gateway through arp_proxy.
NorthboundTransaction cluster_network() {
  auto vm = vm_port("vm1.default", "vm1", {"node-a"});
  vm.dhcpv4_options = "ovn-default-v4";
  return NorthboundTransaction{}
      .add(LogicalSwitch{"ovn-default", "10.16.0.0/16", "fd00:10:16::/64"})
      .add(DhcpOptions{"ovn-default-v4", "10.16.0.0/16", {{"lease_time", "3600"}}})
      .add(vm)
      .add(LogicalRouter{"ovn-cluster"})
      .add(LogicalRouterPort{"ovn-cluster", "ovn-cluster-ovn-default", "0a:58:0a:10:00:01",
                             {"10.16.0.1/16"}})
      .add(router_type_port({"169.254.1.1"}))
      .add(kVmRoute)
      .add(kClusterRoute)
      .add(kReroute);
}

LogicalNetwork network_of(const NorthboundTransaction& transaction) {
  LogicalNetwork network;
  network.apply(transaction);
  return network;
}

TEST(LogicalNetwork, HoldsEveryRowATransactionAdds) {
  const auto network = network_of(cluster_network());
  EXPECT_EQ(network.switches().at("ovn-default").subnet_v6, "fd00:10:16::/64");
  EXPECT_EQ(network.dhcp_options().at("ovn-default-v4").options.at("lease_time"), "3600");
  const auto* vm = network.port("vm1.default");
  ASSERT_NE(vm, nullptr);
  EXPECT_EQ(vm->addresses->mac, "0a:58:0a:10:00:0a");
  EXPECT_EQ(vm->dhcpv4_options, "ovn-default-v4");
  EXPECT_EQ(network.port("ovn-default-ovn-cluster")->type, PortType::router);
  EXPECT_EQ(network.routers().count("ovn-cluster"), 1u);
  EXPECT_EQ(network.router_ports().at("ovn-cluster-ovn-default").networks,
            std::vector<std::string>{"10.16.0.1/16"});
  ASSERT_EQ(network.static_routes().size(), 2u);
  EXPECT_EQ(network.static_routes()[0].output_port, "rtos-node-a");
  EXPECT_EQ(network.static_routes()[1].policy, RoutePolicy::src_ip);
  ASSERT_EQ(network.routing_policies().size(), 1u);
  EXPECT_EQ(network.routing_policies()[0].nexthops, std::vector<std::string>{"100.64.0.2"});
  EXPECT_EQ(network.port("no-such-port"), nullptr);
}

TEST(LogicalNetwork, ChangesExistingPorts) {
  auto network = network_of(cluster_network());
  network.apply(NorthboundTransaction{}
                    .add(SetPortBinding{"vm1.default", {"node-a", "node-b"}, "rarp"})
                    .add(SetPortEnabled{"vm1.default", false}));
  const auto* vm = network.port("vm1.default");
  EXPECT_EQ(vm->requested_chassis, (std::vector<std::string>{"node-a", "node-b"}));
  EXPECT_EQ(vm->activation_strategy, "rarp");
  EXPECT_FALSE(vm->enabled);

  network.apply(NorthboundTransaction{}
                    .add(SetPortBinding{"vm1.default", {"node-b"}, std::nullopt})
                    .add(SetPortAddresses{"vm1.default", std::nullopt}));
  const auto* moved = network.port("vm1.default");  // apply replaces the rows
  EXPECT_EQ(moved->requested_chassis, std::vector<std::string>{"node-b"});
  EXPECT_FALSE(moved->activation_strategy);
  EXPECT_FALSE(moved->addresses);

  network.apply(NorthboundTransaction{}.add(DeletePort{"vm1.default"}));
  EXPECT_EQ(network.port("vm1.default"), nullptr);
}

TEST(LogicalNetwork, DeletesTheRouteThatMatchesRouterPolicyPrefixAndNexthop) {
  auto network = network_of(cluster_network());
  // Same prefix and nexthop as the dst-ip route, other policy: not the one to delete.
  const StaticRoute src_route{"ovn-cluster", "10.16.0.10", "10.16.0.10", std::nullopt,
                              RoutePolicy::src_ip};
  network.apply(NorthboundTransaction{}.add(src_route));
  // The output port is not part of a route's identity, as for lr-route-del.
  auto to_delete = kVmRoute;
  to_delete.output_port.reset();
  network.apply(NorthboundTransaction{}.add(DeleteStaticRoute{to_delete}));
  ASSERT_EQ(network.static_routes().size(), 2u);
  EXPECT_EQ(network.static_routes()[0].ip_prefix, kClusterRoute.ip_prefix);
  EXPECT_EQ(network.static_routes()[1].policy, RoutePolicy::src_ip);
  EXPECT_EQ(network.static_routes()[1].ip_prefix, "10.16.0.10");
}

TEST(LogicalNetwork, DeletesTheRoutingPolicyOfThatPriorityAndMatch) {
  auto network = network_of(cluster_network());
  const RoutingPolicy other_vm{"ovn-cluster", 10, "ip4.src == 10.16.0.11", "reroute",
                               {"100.64.0.2"}};
  network.apply(NorthboundTransaction{}.add(other_vm));
  network.apply(NorthboundTransaction{}.add(
      DeleteRoutingPolicy{kReroute.router, kReroute.priority, kReroute.match}));
  ASSERT_EQ(network.routing_policies().size(), 1u);
  EXPECT_EQ(network.routing_policies()[0].match, other_vm.match);
}

// Each change refers to a row that does not exist.
std::vector<NorthboundChange> changes_to_missing_rows() {
  auto on_missing_switch = vm_port("vm2.default", "vm2", {"node-a"});
  on_missing_switch.logical_switch = "no-switch";
  auto with_missing_dhcp = vm_port("vm2.default", "vm2", {"node-a"});
  with_missing_dhcp.dhcpv6_options = "no-options";
  auto route_on_missing_router = kVmRoute;
  route_on_missing_router.router = "no-router";
  auto policy_on_missing_router = kReroute;
  policy_on_missing_router.router = "no-router";
  return {on_missing_switch,
          with_missing_dhcp,
          LogicalRouterPort{"no-router", "lrp", "0a:58:0a:11:00:01", {"10.17.0.1/16"}},
          route_on_missing_router,
          policy_on_missing_router,
          SetPortBinding{"no-port", {"node-b"}, std::nullopt},
          SetPortEnabled{"no-port", false},
          SetPortAddresses{"no-port", std::nullopt},
          DeletePort{"no-port"},
          DeleteStaticRoute{StaticRoute{"ovn-cluster", "10.99.0.0/16", "100.64.0.1", std::nullopt}},
          DeleteRoutingPolicy{"ovn-cluster", 10, "ip4.src == 10.99.0.1"}};
}

TEST(LogicalNetwork, ChangeToAMissingRowThrowsAndLeavesTheNetworkAsItWas) {
  for (const auto& bad_change : changes_to_missing_rows()) {
    auto network = network_of(cluster_network());
    // Valid changes before the bad one in the same transaction must not land either.
    const auto transaction = NorthboundTransaction{}
                                 .add(SetPortEnabled{"vm1.default", false})
                                 .add(logical_switch("join"))
                                 .add(DeleteStaticRoute{kClusterRoute})
                                 .add(bad_change);
    EXPECT_THROW(network.apply(transaction), std::logic_error) << describe(bad_change);
    EXPECT_TRUE(network.port("vm1.default")->enabled) << describe(bad_change);
    EXPECT_EQ(network.switches().count("join"), 0u) << describe(bad_change);
    EXPECT_EQ(network.static_routes().size(), 2u) << describe(bad_change);
  }
}

TEST(LogicalNetwork, AddingARowThatExistsThrows) {
  const auto existing = cluster_network();
  for (const auto& row : existing.changes) {
    if (std::holds_alternative<StaticRoute>(row) || std::holds_alternative<RoutingPolicy>(row))
      continue;  // rows without a name of their own
    auto network = network_of(existing);
    EXPECT_THROW(network.apply(NorthboundTransaction{}.add(row)), std::logic_error)
        << describe(row);
  }
}

TEST(LogicalNetwork, PortOfAPodIsTheOneWhoseMainChassisIsTheNode) {
  auto network = network_of(cluster_network());
  // OVN-Kubernetes: the target pod gets a port of its own on the target node.
  network.apply(NorthboundTransaction{}.add(vm_port("vm1-target", "vm1", {"node-b"})));
  EXPECT_EQ(network.port_of("vm1", "node-a").name, "vm1.default");
  EXPECT_EQ(network.port_of("vm1", "node-b").name, "vm1-target");
  EXPECT_THROW(network.port_of("vm1", "node-c"), std::logic_error);
  EXPECT_THROW(network.port_of("vm2", "node-a"), std::logic_error);
}

TEST(LogicalNetwork, PortOfIgnoresAdditionalChassis) {
  auto network = network_of(cluster_network());
  // Kube-OVN during a migration: one port, the target as additional chassis.
  network.apply(NorthboundTransaction{}.add(
      SetPortBinding{"vm1.default", {"node-a", "node-b"}, "rarp"}));
  EXPECT_EQ(network.port_of("vm1", "node-a").name, "vm1.default");
  EXPECT_THROW(network.port_of("vm1", "node-b"), std::logic_error);
}

TEST(LogicalNetwork, ArpProxyIsAnsweredByTheRouterPortBehindTheSwitchPort) {
  const auto network = network_of(cluster_network());
  const auto* gateway = network.arp_proxy_for("169.254.1.1");
  ASSERT_NE(gateway, nullptr);
  EXPECT_EQ(gateway->name, "ovn-cluster-ovn-default");
  EXPECT_EQ(gateway->mac, "0a:58:0a:10:00:01");
  EXPECT_EQ(network.arp_proxy_for("169.254.1.2"), nullptr);
  EXPECT_EQ(network.arp_proxy_for("10.16.0.10"), nullptr);  // a port's own address
}

}  // namespace
}  // namespace lmlab
