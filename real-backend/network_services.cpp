#include "real-backend/network_services.hpp"

#include <fstream>
#include <optional>
#include <regex>
#include <stdexcept>

#include "real-backend/guest_interface.hpp"
#include "real-backend/process.hpp"
#include "real-backend/traffic/neighbour_table.hpp"

namespace lmlab::real {

namespace {

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

void use_network_services(const Scenario& scenario, const LogicalNetwork& logical_network,
                          OvnLab& lab, LabGuests& guests) {
  const auto& network = scenario.cluster.network;
  const LogicalRouterPort* gateway_port =
      network.gateway ? logical_network.arp_proxy_for(*network.gateway) : nullptr;
  if (network.gateway && !gateway_port)
    throw std::logic_error("no router port answers the gateway " + *network.gateway);
  for (const auto& vm : scenario.vms) {
    const auto& netns = guests.netns_of(vm.name);
    if (vm.addressing == Addressing::dhcp) {
      const auto leased = lease_dhcp_address(netns, vm.name);
      check_leased(vm.name, leased, address_of(vm.ips, AddressFamily::ipv4).value_or(""));
      add_guest_address(netns, "eth0", leased, network);
      if (const auto v6 = address_of(vm.ips, AddressFamily::ipv6); v6 && network.subnet_v6) {
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
    if (mac != gateway_port->mac)
      throw std::runtime_error("VM " + vm.name + " resolved gateway " + *network.gateway +
                               " to " + mac.value_or("nothing") + ", expected arp_proxy's " +
                               gateway_port->mac);
  }
}

}  // namespace lmlab::real
