#include "sim/engine/strategies/kube_ovn_network.hpp"

#include <arpa/inet.h>

#include <chrono>

namespace lmlab {

namespace {

constexpr const char* kDhcpV4 = "ovn-default-dhcpv4";
constexpr const char* kDhcpV6 = "ovn-default-dhcpv6";

// The subnet's first host address with its prefix: the router port's address.
std::string first_host(const std::string& cidr) {
  const auto slash = cidr.find('/');
  in_addr address{};
  inet_pton(AF_INET, cidr.substr(0, slash).c_str(), &address);
  address.s_addr = htonl(ntohl(address.s_addr) + 1);
  char text[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, &address, text, sizeof text);
  return std::string(text) + cidr.substr(slash);
}

std::string without_prefix(const std::string& cidr) { return cidr.substr(0, cidr.find('/')); }

void add_dhcp_options(const Scenario& scenario, const DhcpSpec& dhcp,
                      NorthboundTransaction& transaction) {
  const auto& network = scenario.cluster.network;
  const auto lease =
      std::chrono::duration_cast<std::chrono::seconds>(dhcp.lease_time).count();
  DhcpOptions v4{kDhcpV4,
                 network.subnet,
                 {{"lease_time", std::to_string(lease)},
                  {"server_id", dhcp.server_id},
                  {"server_mac", dhcp.server_mac}}};
  if (dhcp.router) v4.options["router"] = *dhcp.router;
  transaction.add(v4);
  // Stateful DHCPv6 on dual-stack networks; its server_id is a MAC.
  if (network.subnet_v6)
    transaction.add(DhcpOptions{kDhcpV6, *network.subnet_v6, {{"server_id", dhcp.server_mac}}});
}

// OVN 23.03's arp_proxy takes IPv4 addresses only (reference/ovn-lab README, traps) and
// answers with the router port's MAC.
void add_gateway(const Scenario& scenario, const std::string& gateway,
                 NorthboundTransaction& transaction) {
  const auto address = first_host(scenario.cluster.network.subnet);
  const auto router_port = std::string(KubeOvnNetwork::kRouter) + "-" + KubeOvnNetwork::kSwitch;
  transaction.add(LogicalRouter{KubeOvnNetwork::kRouter});
  transaction.add(LogicalRouterPort{KubeOvnNetwork::kRouter, router_port,
                                    mac_for_ipv4(without_prefix(address)), {address}});
  LogicalSwitchPort port;
  port.name = std::string(KubeOvnNetwork::kSwitch) + "-" + KubeOvnNetwork::kRouter;
  port.logical_switch = KubeOvnNetwork::kSwitch;
  port.type = PortType::router;
  port.router_port = router_port;
  port.arp_proxy = {gateway};
  transaction.add(port);
}

// An underlay subnet reaches the provider network through a localnet port on the VLAN.
void add_provider_network(std::uint16_t vlan, NorthboundTransaction& transaction) {
  LogicalSwitchPort port;
  port.name = std::string("localnet.") + kProviderNetwork;
  port.logical_switch = KubeOvnNetwork::kSwitch;
  port.type = PortType::localnet;
  port.network_name = kProviderNetwork;
  port.tag = vlan;
  transaction.add(port);
}

}  // namespace

std::string KubeOvnNetwork::port_name(const std::string& pod, const std::string&) const {
  return pod + "." + kNamespace;
}

void KubeOvnNetwork::build_network(const Scenario& scenario, Northbound& nb) const {
  const auto& network = scenario.cluster.network;
  NorthboundTransaction transaction;
  transaction.add(LogicalSwitch{kSwitch, network.subnet, network.subnet_v6});
  if (network.dhcp) add_dhcp_options(scenario, *network.dhcp, transaction);
  if (network.gateway) add_gateway(scenario, *network.gateway, transaction);
  if (const auto vlan = scenario.cluster.underlay.vlan) add_provider_network(*vlan, transaction);
  auto pod_port = [&](const std::string& pod, const std::string& node, const std::string& mac,
                      const std::vector<std::string>& ips) {
    LogicalSwitchPort port;
    port.name = port_name(pod, node);
    port.logical_switch = kSwitch;
    port.addresses = PortAddresses{mac, ips};
    port.requested_chassis = {node};
    port.owner = pod;
    return port;
  };
  // External clients are hosts on the provider network, not pods.
  for (const auto& client : scenario.clients)
    if (!client.external) transaction.add(pod_port(client.name, client.node, client.mac, client.ips));
  for (const auto& vm : scenario.vms) {
    auto port = pod_port(vm.name, vm.node, vm.mac, vm.ips);
    if (vm.addressing == Addressing::dhcp) {
      port.dhcpv4_options = kDhcpV4;
      if (network.subnet_v6 && address_of(vm.ips, AddressFamily::ipv6))
        port.dhcpv6_options = kDhcpV6;
    }
    transaction.add(port);
  }
  nb.commit(transaction);
}

}  // namespace lmlab
