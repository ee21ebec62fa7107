#include "sim/core/scenario.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <tuple>

namespace lmlab {

const char* to_string(StrategyKind strategy) {
  switch (strategy) {
    case StrategyKind::kube_ovn: return "kube-ovn";
    case StrategyKind::naive: return "naive";
  }
  return "?";
}

std::vector<StrategyKind> all_strategies() { return {StrategyKind::kube_ovn, StrategyKind::naive}; }

const char* to_string(Direction direction) {
  switch (direction) {
    case Direction::client_to_vm: return "client-to-vm";
    case Direction::vm_to_client: return "vm-to-client";
  }
  return "?";
}

const char* to_string(Addressing addressing) {
  switch (addressing) {
    case Addressing::static_ip: return "static";
    case Addressing::dhcp: return "dhcp";
  }
  return "?";
}

std::string mac_for_ipv4(const std::string& ipv4) {
  unsigned char bytes[4];
  if (inet_pton(AF_INET, ipv4.c_str(), bytes) != 1) return "";
  char text[18];
  std::snprintf(text, sizeof text, "0a:58:%02x:%02x:%02x:%02x", bytes[0], bytes[1], bytes[2],
                bytes[3]);
  return text;
}

const char* to_string(ProbeProtocol protocol) {
  switch (protocol) {
    case ProbeProtocol::udp: return "udp";
    case ProbeProtocol::icmp: return "icmp";
  }
  return "?";
}

const char* to_string(AddressFamily family) {
  switch (family) {
    case AddressFamily::ipv4: return "ipv4";
    case AddressFamily::ipv6: return "ipv6";
  }
  return "?";
}

namespace {

// Each struct's fields in declaration order, for the comparisons below.
auto fields(const DhcpSpec& dhcp) {
  return std::tie(dhcp.lease_time, dhcp.server_id, dhcp.server_mac, dhcp.router);
}
auto fields(const NetworkSpec& network) {
  return std::tie(network.subnet, network.subnet_v6, network.mtu, network.dhcp, network.gateway);
}
auto fields(const UnderlaySpec& underlay) {
  return std::tie(underlay.rate_bps, underlay.latency, underlay.tunnel_overhead_bytes,
                  underlay.vlan);
}
auto fields(const NorthboundPreload& preload) {
  return std::tie(preload.switches, preload.ports_per_switch);
}
auto fields(const ControlPlaneSpec& control_plane) {
  return std::tie(control_plane.northd, control_plane.southbound, control_plane.ovn_controller,
                  control_plane.activation, control_plane.preload);
}
auto fields(const KubevirtSpec& kubevirt) {
  return std::tie(kubevirt.target_pod_startup, kubevirt.completion_report,
                  kubevirt.source_cleanup, kubevirt.switchover_overhead);
}
auto fields(const ClusterSpec& cluster) {
  return std::tie(cluster.nodes, cluster.network, cluster.strategy, cluster.underlay,
                  cluster.control_plane, cluster.kubevirt);
}
auto fields(const ClientSpec& client) {
  return std::tie(client.name, client.node, client.mac, client.ips, client.external);
}
auto fields(const VmSpec& vm) {
  return std::tie(vm.name, vm.node, vm.mac, vm.ips, vm.memory_bytes,
                  vm.dirty_rate_bytes_per_second, vm.addressing);
}
auto fields(const ProbeWorkload& probe) {
  return std::tie(probe.name, probe.vm, probe.client, probe.protocol, probe.interval,
                  probe.size_bytes, probe.family);
}
auto fields(const TcpWorkload& tcp) {
  return std::tie(tcp.name, tcp.vm, tcp.client, tcp.direction, tcp.rate_bps, tcp.family);
}
auto fields(const WorkloadsSpec& workloads) {
  return std::tie(workloads.probes, workloads.tcp_streams);
}
auto fields(const MigrationSpec& migration) {
  return std::tie(migration.vm, migration.target_node, migration.start, migration.bandwidth_bps);
}
auto fields(const Expectations& expectations) {
  return std::tie(expectations.max_downtime, expectations.tcp_survives, expectations.ip_preserved,
                  expectations.mac_preserved);
}
auto fields(const Scenario& scenario) {
  return std::tie(scenario.source_file, scenario.name, scenario.description, scenario.seed,
                  scenario.duration, scenario.cluster, scenario.clients, scenario.vms,
                  scenario.workloads, scenario.migrations, scenario.expectations);
}

}  // namespace

bool operator==(const DhcpSpec& a, const DhcpSpec& b) { return fields(a) == fields(b); }
bool operator==(const NetworkSpec& a, const NetworkSpec& b) { return fields(a) == fields(b); }
bool operator==(const UnderlaySpec& a, const UnderlaySpec& b) { return fields(a) == fields(b); }
bool operator==(const NorthboundPreload& a, const NorthboundPreload& b) {
  return fields(a) == fields(b);
}
bool operator==(const ControlPlaneSpec& a, const ControlPlaneSpec& b) {
  return fields(a) == fields(b);
}
bool operator==(const KubevirtSpec& a, const KubevirtSpec& b) { return fields(a) == fields(b); }
bool operator==(const ClusterSpec& a, const ClusterSpec& b) { return fields(a) == fields(b); }
bool operator==(const ClientSpec& a, const ClientSpec& b) { return fields(a) == fields(b); }
bool operator==(const VmSpec& a, const VmSpec& b) { return fields(a) == fields(b); }
bool operator==(const ProbeWorkload& a, const ProbeWorkload& b) { return fields(a) == fields(b); }
bool operator==(const TcpWorkload& a, const TcpWorkload& b) { return fields(a) == fields(b); }
bool operator==(const WorkloadsSpec& a, const WorkloadsSpec& b) { return fields(a) == fields(b); }
bool operator==(const MigrationSpec& a, const MigrationSpec& b) { return fields(a) == fields(b); }
bool operator==(const Expectations& a, const Expectations& b) { return fields(a) == fields(b); }
bool operator==(const Scenario& a, const Scenario& b) { return fields(a) == fields(b); }

namespace {
template <typename Spec>
const Spec& find_named(const std::vector<Spec>& specs, const std::string& name, const char* what) {
  auto it = std::find_if(specs.begin(), specs.end(),
                         [&](const Spec& spec) { return spec.name == name; });
  if (it == specs.end()) throw std::logic_error(std::string("unknown ") + what + " " + name);
  return *it;
}
}  // namespace

const VmSpec& find_vm(const Scenario& scenario, const std::string& name) {
  return find_named(scenario.vms, name, "vm");
}

const ClientSpec& find_client(const Scenario& scenario, const std::string& name) {
  return find_named(scenario.clients, name, "client");
}

AddressFamily family_of(const std::string& ip) {
  return ip.find(':') == std::string::npos ? AddressFamily::ipv4 : AddressFamily::ipv6;
}

std::optional<std::string> address_of(const std::vector<std::string>& ips, AddressFamily family) {
  auto it = std::find_if(ips.begin(), ips.end(),
                         [family](const std::string& ip) { return family_of(ip) == family; });
  if (it == ips.end()) return std::nullopt;
  return *it;
}

}  // namespace lmlab
