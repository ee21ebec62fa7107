#include "real-backend/network_services.hpp"

#include <arpa/inet.h>
#include <regex>
#include <stdexcept>

#include "real-backend/guest_interface.hpp"
#include "real-backend/process.hpp"
#include "real-backend/traffic/neighbour_table.hpp"

namespace lmlab::real {

namespace {

// Kube-OVN's cluster router and the names it gives the subnet's router port pair.
constexpr const char* kRouter = "ovn-cluster";

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

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

std::string router_port_ip(const Scenario& scenario) {
  return first_host(scenario.cluster.network.subnet);
}

std::string router_port_mac(const Scenario& scenario) {
  const auto ip = router_port_ip(scenario);
  return mac_for_ipv4(ip.substr(0, ip.find('/')));
}

void configure_dhcp(NbctlDaemon& nbctl, const Scenario& scenario, const DhcpSpec& dhcp) {
  Argv create{"create", "DHCP_Options", "cidr=" + scenario.cluster.network.subnet,
              "options:lease_time=" +
                  quoted(std::to_string(
                      std::chrono::duration_cast<std::chrono::seconds>(dhcp.lease_time).count())),
              "options:server_id=" + quoted(dhcp.server_id),
              "options:server_mac=" + quoted(dhcp.server_mac)};
  if (dhcp.router) create.push_back("options:router=" + quoted(*dhcp.router));
  auto uuid = nbctl.run(create);
  uuid = uuid.substr(0, uuid.find('\n'));
  for (const auto& vm : scenario.vms)
    if (vm.addressing == Addressing::dhcp) nbctl.run({"lsp-set-dhcpv4-options", vm.name, uuid});
}

// reference/ovn-lab README, traps: OVN 23.03's arp_proxy takes plain IPv4 addresses only,
// and answers with the router port's MAC.
void configure_gateway(NbctlDaemon& nbctl, const Scenario& scenario,
                       const std::string& logical_switch, const std::string& gateway) {
  const auto router_port = std::string(kRouter) + "-" + logical_switch;
  const auto switch_port = logical_switch + "-" + kRouter;
  nbctl.run({"lr-add", kRouter, "--", "lrp-add", kRouter, router_port, router_port_mac(scenario),
             router_port_ip(scenario), "--", "lsp-add", logical_switch, switch_port, "--",
             "lsp-set-type", switch_port, "router", "--", "lsp-set-addresses", switch_port,
             "router", "--", "lsp-set-options", switch_port, "router-port=" + router_port,
             "arp_proxy=" + gateway});
}

// udhcpc prints "lease of 10.16.0.10 obtained from 169.254.0.254, lease time 3600".
std::string lease_dhcp_address(const std::string& netns, const std::string& vm) {
  const auto result = run_command({"ip", "netns", "exec", netns, "udhcpc", "-i", "eth0", "-n",
                                   "-q", "-f", "-t", "5", "-T", "1", "-s", "/bin/true"});
  if (result.exit_code == 127 || result.err.find("No such file") != std::string::npos)
    throw std::runtime_error("VM " + vm + " uses DHCP: install the Debian package udhcpc");
  static const std::regex lease("lease of ([0-9.]+) obtained");
  std::smatch match;
  const auto output = result.out + result.err;
  if (!std::regex_search(output, match, lease))
    throw std::runtime_error("VM " + vm + " got no DHCP lease from OVN: " + output);
  return match[1];
}

// Kube-OVN's underlay subnet: a localnet port carries the switch's traffic to the provider
// network on the VLAN (live-migration-facts.md).
void configure_provider_network(NbctlDaemon& nbctl, const std::string& logical_switch,
                                std::uint16_t vlan) {
  const auto port = std::string("localnet.") + kPhysicalNetwork;
  nbctl.run({"lsp-add", logical_switch, port, "--", "lsp-set-type", port, "localnet", "--",
             "lsp-set-addresses", port, "unknown", "--", "lsp-set-options", port,
             std::string("network_name=") + kPhysicalNetwork, "--", "set",
             "logical_switch_port", port, "tag=" + std::to_string(vlan)});
}

}  // namespace

void configure_network_services(NbctlDaemon& nbctl, const Scenario& scenario,
                                const std::string& logical_switch) {
  const auto& network = scenario.cluster.network;
  if (network.dhcp) configure_dhcp(nbctl, scenario, *network.dhcp);
  if (network.gateway) configure_gateway(nbctl, scenario, logical_switch, *network.gateway);
  if (const auto vlan = scenario.cluster.underlay.vlan)
    configure_provider_network(nbctl, logical_switch, *vlan);
}

void use_network_services(const Scenario& scenario, LabGuests& guests) {
  const auto& network = scenario.cluster.network;
  for (const auto& vm : scenario.vms) {
    const auto& netns = guests.netns_of(vm.name);
    if (vm.addressing == Addressing::dhcp) {
      const auto leased = lease_dhcp_address(netns, vm.name);
      if (leased != first_ipv4(vm.ips))
        throw std::runtime_error("VM " + vm.name + " leased " + leased + " over DHCP, expected " +
                                 first_ipv4(vm.ips));
      add_guest_address(netns, "eth0", leased, network);
    }
    if (!network.gateway) continue;
    check_command({"ip", "-n", netns, "route", "add", "default", "via", *network.gateway, "dev",
                   "eth0", "onlink"});
    // Resolve the gateway; nothing answers the ping itself, only arp_proxy the ARP.
    run_command({"ip", "netns", "exec", netns, "ping", "-c", "1", "-W", "1", *network.gateway});
    const auto mac = neighbour_mac(netns, *network.gateway);
    if (mac != router_port_mac(scenario))
      throw std::runtime_error("VM " + vm.name + " resolved gateway " + *network.gateway +
                               " to " + mac.value_or("nothing") + ", expected arp_proxy's " +
                               router_port_mac(scenario));
  }
}

}  // namespace lmlab::real
