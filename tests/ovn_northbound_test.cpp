// The real backend's Northbound on a real NB database: every change kind, committed through
// the ovn-nbctl daemon, leaves the NB holding what the change says, as ovn-nbctl reads it
// back. Needs root and the OVS/OVN packages, like the other real lab tests.
#include "real-backend/ovn_northbound.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "real-backend/nbctl_daemon.hpp"
#include "real-backend/ovn_lab.hpp"
#include "real-backend/process.hpp"

namespace lmlab::real {
namespace {

using ::testing::ContainsRegex;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

const PortAddresses kVmAddresses{"0a:58:0a:10:00:0a", {"10.16.0.10", "fd00:10:16::10"}};
const StaticRoute kVmRoute{"ovn-cluster", "10.16.0.10", "10.16.0.10", "rtos-ovn-default",
                           RoutePolicy::dst_ip};
const StaticRoute kClusterRoute{"ovn-cluster", "10.16.0.0/16", "100.64.0.1", std::nullopt,
                                RoutePolicy::src_ip};
const RoutingPolicy kReroute{"ovn-cluster", 10, "ip4.src == 10.16.0.10", "reroute",
                             {"100.64.0.2"}};

// One row of every kind: a dual-stack switch, a DHCP VM's port migrating with Kube-OVN's
// options, a disabled port, the cluster router with its port, the switch's router-type port
// answering the gateway by arp_proxy, a localnet port on a VLAN, routes and a policy.
NorthboundTransaction every_change_kind() {
  LogicalSwitchPort vm;
  vm.name = "vm1.default";
  vm.logical_switch = "ovn-default";
  vm.addresses = kVmAddresses;
  vm.requested_chassis = {"node-a", "node-b"};
  vm.activation_strategy = "rarp";
  vm.dhcpv4_options = "ovn-default-v4";
  vm.dhcpv6_options = "ovn-default-v6";
  vm.owner = "vm1";

  LogicalSwitchPort disabled;
  disabled.name = "vm2-target";
  disabled.logical_switch = "ovn-default";
  disabled.addresses = PortAddresses{"0a:58:0a:10:00:0b", {"10.16.0.11"}};
  disabled.enabled = false;
  disabled.requested_chassis = {"node-b"};

  LogicalSwitchPort router;
  router.name = "ovn-default-ovn-cluster";
  router.logical_switch = "ovn-default";
  router.type = PortType::router;
  router.router_port = "rtos-ovn-default";
  router.arp_proxy = {"169.254.1.1", "169.254.1.2"};

  LogicalSwitchPort localnet;
  localnet.name = "localnet.physnet";
  localnet.logical_switch = "ovn-default";
  localnet.type = PortType::localnet;
  localnet.network_name = kProviderNetwork;
  localnet.tag = 100;

  return NorthboundTransaction{}
      .add(LogicalSwitch{"ovn-default", "10.16.0.0/16", "fd00:10:16::/64"})
      .add(DhcpOptions{"ovn-default-v4",
                       "10.16.0.0/16",
                       {{"lease_time", "3500"},
                        {"router", "10.16.0.1"},
                        {"server_id", "169.254.1.1"},
                        {"server_mac", "0a:58:a9:fe:01:01"}}})
      .add(DhcpOptions{"ovn-default-v6", "fd00:10:16::/64", {{"server_id", "0a:58:6d:6d:c1:50"}}})
      .add(vm)
      .add(disabled)
      .add(LogicalRouter{"ovn-cluster"})
      .add(LogicalRouterPort{"ovn-cluster", "rtos-ovn-default", "0a:58:0a:10:00:01",
                             {"10.16.0.1/16"}})
      .add(router)
      .add(localnet)
      .add(kVmRoute)
      .add(kClusterRoute)
      .add(kReroute);
}

class RealNorthbound : public ::testing::Test {
 protected:
  void SetUp() override {
    lab.start();
    nbctl = std::make_unique<NbctlDaemon>(lab);
    northbound = std::make_unique<OvnNorthbound>(*nbctl);
  }
  // Commits and waits until the NB holds it.
  void commit(const NorthboundTransaction& transaction) {
    northbound->commit(transaction);
    northbound->flush();
  }
  // ovn-nbctl on the lab's NB, by its own process: reads what the NB holds, not the daemon's
  // replica.
  std::string read(Argv arguments) const {
    arguments.insert(arguments.begin(), {"ovn-nbctl", "--db=unix:" + lab.nb_socket()});
    auto output = check_command(arguments);
    if (!output.empty() && output.back() == '\n') output.pop_back();
    return output;
  }

  // Torn down by its destructor, after the Northbound and the daemon, whatever the test did.
  OvnLab lab{{"nb-test", {"node-a"}, std::nullopt}};
  std::unique_ptr<NbctlDaemon> nbctl;
  std::unique_ptr<OvnNorthbound> northbound;
};

TEST_F(RealNorthbound, EveryChangeKindIsInTheNbAsItSays) {
  commit(every_change_kind());

  EXPECT_EQ(read({"get", "logical_switch", "ovn-default", "other_config:subnet"}),
            "\"10.16.0.0/16\"");
  EXPECT_EQ(read({"get", "logical_switch", "ovn-default", "other_config:ipv6_prefix"}),
            "\"fd00:10:16::\"");

  EXPECT_EQ(read({"lsp-get-type", "vm1.default"}), "");
  EXPECT_EQ(read({"lsp-get-addresses", "vm1.default"}),
            "0a:58:0a:10:00:0a 10.16.0.10 fd00:10:16::10");
  EXPECT_EQ(read({"lsp-get-enabled", "vm1.default"}), "enabled");
  const auto vm_options = read({"lsp-get-options", "vm1.default"});
  EXPECT_THAT(vm_options, HasSubstr("requested-chassis=node-a,node-b"));
  EXPECT_THAT(vm_options, HasSubstr("activation-strategy=rarp"));
  EXPECT_EQ(read({"get", "logical_switch_port", "vm1.default", "external_ids:pod"}), "vm1");

  const auto dhcpv4 = read({"lsp-get-dhcpv4-options", "vm1.default"});
  EXPECT_THAT(dhcpv4, HasSubstr("(10.16.0.0/16)"));
  const auto dhcpv4_options =
      read({"dhcp-options-get-options", dhcpv4.substr(0, dhcpv4.find(' '))});
  for (const char* option : {"lease_time=3500", "router=10.16.0.1", "server_id=169.254.1.1",
                             "server_mac=0a:58:a9:fe:01:01"})
    EXPECT_THAT(dhcpv4_options, HasSubstr(option));
  const auto dhcpv6 = read({"lsp-get-dhcpv6-options", "vm1.default"});
  EXPECT_THAT(dhcpv6, HasSubstr("(fd00:10:16::/64)"));
  EXPECT_EQ(read({"dhcp-options-get-options", dhcpv6.substr(0, dhcpv6.find(' '))}),
            "server_id=0a:58:6d:6d:c1:50");

  EXPECT_EQ(read({"lsp-get-enabled", "vm2-target"}), "disabled");
  EXPECT_EQ(read({"lsp-get-addresses", "vm2-target"}), "0a:58:0a:10:00:0b 10.16.0.11");
  EXPECT_EQ(read({"lsp-get-options", "vm2-target"}), "requested-chassis=node-b");

  EXPECT_EQ(read({"get", "logical_router_port", "rtos-ovn-default", "mac"}),
            "\"0a:58:0a:10:00:01\"");
  EXPECT_EQ(read({"get", "logical_router_port", "rtos-ovn-default", "networks"}),
            "[\"10.16.0.1/16\"]");
  EXPECT_EQ(read({"lsp-get-type", "ovn-default-ovn-cluster"}), "router");
  // The column itself: lsp-get-addresses shows "router" resolved to the router port's.
  EXPECT_EQ(read({"get", "logical_switch_port", "ovn-default-ovn-cluster", "addresses"}),
            "[router]");
  const auto router_options = read({"lsp-get-options", "ovn-default-ovn-cluster"});
  EXPECT_THAT(router_options, HasSubstr("router-port=rtos-ovn-default"));
  EXPECT_THAT(router_options, HasSubstr("arp_proxy=169.254.1.1 169.254.1.2"));

  EXPECT_EQ(read({"lsp-get-type", "localnet.physnet"}), "localnet");
  EXPECT_EQ(read({"lsp-get-addresses", "localnet.physnet"}), "unknown");
  EXPECT_EQ(read({"lsp-get-options", "localnet.physnet"}), "network_name=physnet");
  EXPECT_EQ(read({"get", "logical_switch_port", "localnet.physnet", "tag"}), "100");

  const auto routes = read({"lr-route-list", "ovn-cluster"});
  EXPECT_THAT(routes, ContainsRegex("10\\.16\\.0\\.10 +10\\.16\\.0\\.10 dst-ip rtos-ovn-default"));
  EXPECT_THAT(routes, ContainsRegex("10\\.16\\.0\\.0/16 +100\\.64\\.0\\.1 src-ip"));
  EXPECT_THAT(read({"lr-policy-list", "ovn-cluster"}),
              ContainsRegex("10 +ip4\\.src == 10\\.16\\.0\\.10 +reroute +100\\.64\\.0\\.2"));
}

TEST_F(RealNorthbound, ChangesToExistingRowsTakeEffectInTheNb) {
  commit(every_change_kind());
  commit(NorthboundTransaction{}
             .add(SetPortBinding{"vm1.default", {"node-b"}, std::nullopt})
             .add(SetPortEnabled{"vm2-target", true})
             .add(SetPortAddresses{"vm1.default", std::nullopt})
             .add(DeleteStaticRoute{kVmRoute})
             .add(DeleteRoutingPolicy{kReroute.router, kReroute.priority, kReroute.match})
             .add(DeletePort{"localnet.physnet"}));

  const auto vm_options = read({"lsp-get-options", "vm1.default"});
  EXPECT_THAT(vm_options, HasSubstr("requested-chassis=node-b"));
  EXPECT_THAT(vm_options, Not(HasSubstr("node-a")));
  EXPECT_THAT(vm_options, Not(HasSubstr("activation-strategy")));
  EXPECT_EQ(read({"lsp-get-enabled", "vm2-target"}), "enabled");
  EXPECT_EQ(read({"lsp-get-addresses", "vm1.default"}), "");
  const auto routes = read({"lr-route-list", "ovn-cluster"});
  EXPECT_THAT(routes, Not(HasSubstr("dst-ip")));
  EXPECT_THAT(routes, HasSubstr("src-ip"));  // the other route stays
  EXPECT_THAT(read({"lr-policy-list", "ovn-cluster"}), IsEmpty());
  const auto ports = read({"lsp-list", "ovn-default"});
  EXPECT_THAT(ports, Not(HasSubstr("localnet.physnet")));
  EXPECT_THAT(ports, HasSubstr("vm1.default"));
}

}  // namespace
}  // namespace lmlab::real
