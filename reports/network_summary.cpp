#include "reports/network_summary.hpp"

#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace lmlab {
namespace {

// The names of the specs that `selected` picks, "a, b".
template <typename Spec, typename Selected>
std::string names_of(const std::vector<Spec>& specs, Selected selected) {
  std::vector<std::string> names;
  for (const Spec& spec : specs)
    if (selected(spec)) names.push_back(spec.name);
  return fmt::format("{}", fmt::join(names, ", "));
}

std::string dhcp_part(const Scenario& scenario) {
  const DhcpSpec& dhcp = *scenario.cluster.network.dhcp;
  std::string part = fmt::format("OVN DHCP (lease {}, server {} at {}",
                                 format_duration(dhcp.lease_time), dhcp.server_id, dhcp.server_mac);
  if (dhcp.router) part += ", router " + *dhcp.router;
  part += ")";
  const std::string leasing =
      names_of(scenario.vms, [](const VmSpec& vm) { return vm.addressing == Addressing::dhcp; });
  return leasing.empty() ? part : part + " for " + leasing;
}

std::string vlan_part(const Scenario& scenario) {
  std::string part = fmt::format("underlay VLAN {}", *scenario.cluster.underlay.vlan);
  const std::string external =
      names_of(scenario.clients, [](const ClientSpec& client) { return client.external; });
  return external.empty() ? part : part + " (external: " + external + ")";
}

std::string ipv6_workloads(const WorkloadsSpec& workloads) {
  const auto over_ipv6 = [](const auto& workload) {
    return workload.family == AddressFamily::ipv6;
  };
  std::string names = names_of(workloads.probes, over_ipv6);
  const std::string streams = names_of(workloads.tcp_streams, over_ipv6);
  if (!names.empty() && !streams.empty()) names += ", ";
  return names + streams;
}

}  // namespace

std::string describe_network(const Scenario& scenario) {
  const ClusterSpec& cluster = scenario.cluster;
  std::vector<std::string> parts{fmt::format(
      "Network {}{}, MTU {}", cluster.network.subnet,
      cluster.network.subnet_v6 ? " and " + *cluster.network.subnet_v6 : "", cluster.network.mtu)};
  if (cluster.network.dhcp) parts.push_back(dhcp_part(scenario));
  if (cluster.network.gateway)
    parts.push_back(fmt::format("gateway {} (arp_proxy)", *cluster.network.gateway));
  if (cluster.underlay.vlan) parts.push_back(vlan_part(scenario));
  const NorthboundPreload& preload = cluster.control_plane.preload;
  if (preload.switches > 0)
    parts.push_back(fmt::format("Northbound preloaded with {} switches of {} ports",
                                preload.switches, preload.ports_per_switch));
  const std::string ipv6 = ipv6_workloads(scenario.workloads);
  if (!ipv6.empty()) parts.push_back("IPv6 workloads: " + ipv6);
  return fmt::format("{}.", fmt::join(parts, "; "));
}

}  // namespace lmlab
