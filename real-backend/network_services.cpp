#include "real-backend/network_services.hpp"

#include <arpa/inet.h>
#include <fstream>
#include <optional>
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

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

std::optional<std::string> ipv6_of(const VmSpec& vm) {
  for (const auto& ip : vm.ips)
    if (ip.find(':') != std::string::npos) return ip;
  return std::nullopt;
}

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
  const auto v4 = first_line(nbctl.run(create));
  // Stateful DHCPv6 on dual-stack networks (OVN-Kubernetes: server_id is a 0a:58 MAC).
  std::optional<std::string> v6;
  if (const auto& subnet_v6 = scenario.cluster.network.subnet_v6)
    v6 = first_line(nbctl.run({"create", "DHCP_Options", "cidr=" + quoted(*subnet_v6),
                               "options:server_id=" + quoted(dhcp.server_mac)}));
  for (const auto& vm : scenario.vms) {
    if (vm.addressing != Addressing::dhcp) continue;
    nbctl.run({"lsp-set-dhcpv4-options", vm.name, v4});
    if (v6 && ipv6_of(vm)) nbctl.run({"lsp-set-dhcpv6-options", vm.name, *v6});
  }
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

// dhclient -6 leases the address and stays, as a guest's DHCP client does; it is a daemon of
// the lab (stopped with SIGTERM) and writes the lease where lmlab reads it.
std::string lease_dhcpv6_address(OvnLab& lab, const std::string& netns, const std::string& vm) {
  const auto base = lab.directory() + "/dhclient6-" + vm;
  lab.record_daemon("dhclient -6 " + vm, base + ".pid");
  const auto result = run_command({"ip", "netns", "exec", netns, "dhclient", "-6", "-1", "-sf",
                                   "/bin/true", "-lf", base + ".lease", "-pf", base + ".pid",
                                   "eth0"});
  if (result.exit_code == 127 || result.err.find("No such file") != std::string::npos)
    throw std::runtime_error("VM " + vm + " uses DHCPv6: install the Debian package isc-dhcp-client");
  std::ifstream lease_file(base + ".lease");
  const std::string lease{std::istreambuf_iterator<char>(lease_file), {}};
  static const std::regex address("iaaddr ([0-9a-f:]+)");
  std::smatch match;
  if (result.exit_code != 0 || !std::regex_search(lease, match, address))
    throw std::runtime_error("VM " + vm + " got no DHCPv6 lease from OVN: " + result.err);
  return match[1];
}

// The leased address must be the one the scenario (and so the logical port) names.
void check_leased(const std::string& vm, const std::string& leased, const std::string& expected) {
  if (leased != expected)
    throw std::runtime_error("VM " + vm + " leased " + leased + " over DHCP, expected " + expected);
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

void use_network_services(const Scenario& scenario, OvnLab& lab, LabGuests& guests) {
  const auto& network = scenario.cluster.network;
  for (const auto& vm : scenario.vms) {
    const auto& netns = guests.netns_of(vm.name);
    if (vm.addressing == Addressing::dhcp) {
      const auto leased = lease_dhcp_address(netns, vm.name);
      check_leased(vm.name, leased, first_ipv4(vm.ips));
      add_guest_address(netns, "eth0", leased, network);
      if (const auto v6 = ipv6_of(vm); v6 && network.subnet_v6) {
        const auto leased_v6 = lease_dhcpv6_address(lab, netns, vm.name);
        check_leased(vm.name, leased_v6, *v6);
        add_guest_address(netns, "eth0", leased_v6, network);
      }
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
