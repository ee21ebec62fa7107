// A scenario with every field set, and one change per field of every struct of the scenario
// model: the equality test checks that == notices each change, the result round-trip test that
// result.json keeps it. Each struct's changes are counted against its fields, so a field added
// to sim/core/scenario.hpp fails both until it is compared, written, read and changed here.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "sim/core/scenario.hpp"

namespace lmlab {

// Every optional field set and every field away from its default, with values a scenario file
// could hold: dual stack, DHCP with a router, a link-local gateway, an underlay VLAN with an
// external client, a Northbound preload, a VM leasing its address, workloads over IPv6.
inline Scenario full_scenario() {
  using namespace std::chrono_literals;
  Scenario scenario;
  scenario.source_file = "scenarios/full.yaml";
  scenario.name = "full";
  scenario.description = "Every field set";
  scenario.seed = 7;
  scenario.duration = 20s;
  scenario.cluster = ClusterSpec{
      .nodes = {"node-a", "node-b", "node-c"},
      .network = {.subnet = "10.16.0.0/16",
                  .subnet_v6 = "fd00:10:16::/64",
                  .mtu = 1500,
                  .dhcp = DhcpSpec{.lease_time = 3500s,
                                   .server_id = "169.254.1.1",
                                   .server_mac = "0a:58:a9:fe:01:01",
                                   .router = "169.254.1.1"},
                  .gateway = "169.254.1.1"},
      .strategy = StrategyKind::naive,
      .underlay = {.rate_bps = 25'000'000'000,
                   .latency = 120us,
                   .tunnel_overhead_bytes = 50,
                   .vlan = 100},
      .control_plane = {.northd = 20ms,
                        .southbound = 5ms,
                        .ovn_controller = 30ms,
                        .activation = 2ms,
                        .preload = {.switches = 100, .ports_per_switch = 10}},
      .kubevirt = {.target_pod_startup = 3s,
                   .completion_report = 250ms,
                   .source_cleanup = 2s,
                   .switchover_overhead = 8ms}};
  scenario.clients = {ClientSpec{.name = "client",
                                 .node = "node-c",
                                 .mac = "0a:58:0a:10:00:64",
                                 .ips = {"10.16.0.100", "fd00:10:16::100"}},
                      ClientSpec{.name = "tor-host",
                                 .node = "",
                                 .mac = "0a:58:0a:10:00:01",
                                 .ips = {"10.16.0.1"},
                                 .external = true}};
  scenario.vms = {VmSpec{.name = "vm1",
                         .node = "node-a",
                         .mac = "0a:58:0a:10:00:0a",
                         .ips = {"10.16.0.10", "fd00:10:16::10"},
                         .memory_bytes = 2ULL << 30,
                         .dirty_rate_bytes_per_second = 64ULL << 20,
                         .addressing = Addressing::dhcp}};
  scenario.workloads.probes = {ProbeWorkload{.name = "probe6",
                                             .vm = "vm1",
                                             .client = "client",
                                             .protocol = ProbeProtocol::icmp,
                                             .interval = 5ms,
                                             .size_bytes = 128,
                                             .family = AddressFamily::ipv6}};
  scenario.workloads.tcp_streams = {TcpWorkload{.name = "stream6",
                                                .vm = "vm1",
                                                .client = "client",
                                                .direction = Direction::vm_to_client,
                                                .rate_bps = 50'000'000,
                                                .family = AddressFamily::ipv6},
                                    TcpWorkload{.name = "upstream",
                                                .vm = "vm1",
                                                .client = "tor-host",
                                                .direction = Direction::client_to_vm,
                                                .rate_bps = 20'000'000,
                                                .family = AddressFamily::ipv4}};
  scenario.migrations = {MigrationSpec{
      .vm = "vm1", .target_node = "node-b", .start = 4s, .bandwidth_bps = 1'000'000'000}};
  scenario.expectations = Expectations{
      .max_downtime = 100ms, .tcp_survives = false, .ip_preserved = true, .mac_preserved = true};
  return scenario;
}

// How many fields an aggregate has: the most initializers it accepts.
struct AnyField {
  template <typename T>
  operator T() const;
};

template <typename Aggregate, typename... Fields>
constexpr std::size_t field_count() {
  if constexpr (requires { Aggregate{Fields{}..., AnyField{}}; })
    return field_count<Aggregate, Fields..., AnyField>();
  else
    return sizeof...(Fields);
}

// One field of full_scenario() set to another value a scenario file could hold.
struct FieldChange {
  std::string field;  // "cluster.network.dhcp.router"
  void (*apply)(Scenario&);
};

// The changes of one struct of the model, and how many fields it has.
struct StructChanges {
  std::string part;  // where full_scenario() holds it: "cluster.network.dhcp"
  std::size_t fields;
  std::vector<FieldChange> changes;
};

template <typename Part>
StructChanges changes_of(std::string part, std::vector<FieldChange> changes) {
  for (FieldChange& change : changes) change.field = part + "." + change.field;
  return {std::move(part), field_count<Part>(), std::move(changes)};
}

inline std::vector<StructChanges> every_field_change() {
  using namespace std::chrono_literals;
  using S = Scenario&;
  return {
      changes_of<Scenario>(
          "scenario",
          {{"source_file", [](S s) { s.source_file = "elsewhere/full.yaml"; }},
           {"name", [](S s) { s.name = "other"; }},
           {"description", [](S s) { s.description = "Another description"; }},
           {"seed", [](S s) { s.seed = 8; }},
           {"duration", [](S s) { s.duration = 30s; }},
           {"cluster", [](S s) { s.cluster = ClusterSpec{}; }},
           {"clients", [](S s) { s.clients.pop_back(); }},
           {"vms", [](S s) { s.vms.clear(); }},
           {"workloads", [](S s) { s.workloads = WorkloadsSpec{}; }},
           {"migrations", [](S s) { s.migrations.clear(); }},
           {"expectations", [](S s) { s.expectations = Expectations{}; }}}),
      changes_of<ClusterSpec>(
          "cluster",
          {{"nodes", [](S s) { s.cluster.nodes.push_back("node-d"); }},
           {"network", [](S s) { s.cluster.network = NetworkSpec{}; }},
           {"strategy", [](S s) { s.cluster.strategy = StrategyKind::kube_ovn; }},
           {"underlay", [](S s) { s.cluster.underlay = UnderlaySpec{}; }},
           {"control_plane", [](S s) { s.cluster.control_plane = ControlPlaneSpec{}; }},
           {"kubevirt", [](S s) { s.cluster.kubevirt = KubevirtSpec{}; }}}),
      changes_of<NetworkSpec>(
          "cluster.network",
          {{"subnet", [](S s) { s.cluster.network.subnet = "10.17.0.0/16"; }},
           {"subnet_v6", [](S s) { s.cluster.network.subnet_v6.reset(); }},
           {"mtu", [](S s) { s.cluster.network.mtu = 9000; }},
           {"dhcp", [](S s) { s.cluster.network.dhcp.reset(); }},
           {"gateway", [](S s) { s.cluster.network.gateway.reset(); }}}),
      changes_of<DhcpSpec>(
          "cluster.network.dhcp",
          {{"lease_time", [](S s) { s.cluster.network.dhcp->lease_time = 60s; }},
           {"server_id", [](S s) { s.cluster.network.dhcp->server_id = "169.254.0.254"; }},
           {"server_mac", [](S s) { s.cluster.network.dhcp->server_mac = "0a:58:a9:fe:00:fe"; }},
           {"router", [](S s) { s.cluster.network.dhcp->router.reset(); }}}),
      changes_of<UnderlaySpec>(
          "cluster.underlay",
          {{"rate", [](S s) { s.cluster.underlay.rate_bps = 1'000'000'000; }},
           {"latency", [](S s) { s.cluster.underlay.latency = 1ms; }},
           {"tunnel_overhead", [](S s) { s.cluster.underlay.tunnel_overhead_bytes = 0; }},
           {"vlan", [](S s) { s.cluster.underlay.vlan.reset(); }}}),
      changes_of<ControlPlaneSpec>(
          "cluster.control_plane",
          {{"northd", [](S s) { s.cluster.control_plane.northd = 2ms; }},
           {"southbound", [](S s) { s.cluster.control_plane.southbound = 1ms; }},
           {"ovn_controller", [](S s) { s.cluster.control_plane.ovn_controller = 3ms; }},
           {"activation", [](S s) { s.cluster.control_plane.activation = 1ms; }},
           {"preload", [](S s) { s.cluster.control_plane.preload = NorthboundPreload{}; }}}),
      changes_of<NorthboundPreload>(
          "cluster.control_plane.preload",
          {{"switches", [](S s) { s.cluster.control_plane.preload.switches = 1; }},
           {"ports_per_switch",
            [](S s) { s.cluster.control_plane.preload.ports_per_switch = 0; }}}),
      changes_of<KubevirtSpec>(
          "cluster.kubevirt",
          {{"target_pod_startup", [](S s) { s.cluster.kubevirt.target_pod_startup = 1s; }},
           {"completion_report", [](S s) { s.cluster.kubevirt.completion_report = 500ms; }},
           {"source_cleanup", [](S s) { s.cluster.kubevirt.source_cleanup = 1s; }},
           {"switchover_overhead", [](S s) { s.cluster.kubevirt.switchover_overhead = 5ms; }}}),
      changes_of<ClientSpec>(
          "clients[0]",
          {{"name", [](S s) { s.clients[0].name = "other-client"; }},
           {"node", [](S s) { s.clients[0].node = "node-b"; }},
           {"mac", [](S s) { s.clients[0].mac = "0a:58:0a:10:00:65"; }},
           {"ips", [](S s) { s.clients[0].ips.pop_back(); }},
           {"external", [](S s) { s.clients[0].external = true; }}}),
      changes_of<VmSpec>(
          "vms[0]",
          {{"name", [](S s) { s.vms[0].name = "vm2"; }},
           {"node", [](S s) { s.vms[0].node = "node-b"; }},
           {"mac", [](S s) { s.vms[0].mac = "0a:58:0a:10:00:0b"; }},
           {"ips", [](S s) { s.vms[0].ips.pop_back(); }},
           {"memory", [](S s) { s.vms[0].memory_bytes = 1ULL << 30; }},
           {"dirty_rate", [](S s) { s.vms[0].dirty_rate_bytes_per_second = 0; }},
           {"addressing", [](S s) { s.vms[0].addressing = Addressing::static_ip; }}}),
      changes_of<WorkloadsSpec>(
          "workloads",
          {{"probes", [](S s) { s.workloads.probes.clear(); }},
           {"tcp_streams", [](S s) { s.workloads.tcp_streams.pop_back(); }}}),
      changes_of<ProbeWorkload>(
          "workloads.probes[0]",
          {{"name", [](S s) { s.workloads.probes[0].name = "probe"; }},
           {"vm", [](S s) { s.workloads.probes[0].vm = "vm2"; }},
           {"client", [](S s) { s.workloads.probes[0].client = "tor-host"; }},
           {"protocol", [](S s) { s.workloads.probes[0].protocol = ProbeProtocol::udp; }},
           {"interval", [](S s) { s.workloads.probes[0].interval = 250us; }},
           {"size", [](S s) { s.workloads.probes[0].size_bytes = 1400; }},
           {"family", [](S s) { s.workloads.probes[0].family = AddressFamily::ipv4; }}}),
      changes_of<TcpWorkload>(
          "workloads.tcp_streams[0]",
          {{"name", [](S s) { s.workloads.tcp_streams[0].name = "stream"; }},
           {"vm", [](S s) { s.workloads.tcp_streams[0].vm = "vm2"; }},
           {"client", [](S s) { s.workloads.tcp_streams[0].client = "tor-host"; }},
           {"direction",
            [](S s) { s.workloads.tcp_streams[0].direction = Direction::client_to_vm; }},
           {"rate", [](S s) { s.workloads.tcp_streams[0].rate_bps = 10'000'000; }},
           {"family", [](S s) { s.workloads.tcp_streams[0].family = AddressFamily::ipv4; }}}),
      changes_of<MigrationSpec>(
          "migrations[0]",
          {{"vm", [](S s) { s.migrations[0].vm = "vm2"; }},
           {"to", [](S s) { s.migrations[0].target_node = "node-c"; }},
           {"at", [](S s) { s.migrations[0].start = 1500ms; }},
           {"bandwidth", [](S s) { s.migrations[0].bandwidth_bps = 10'000'000'000; }}}),
      changes_of<Expectations>(
          "expectations",
          {{"max_downtime", [](S s) { s.expectations.max_downtime.reset(); }},
           {"tcp_survives", [](S s) { s.expectations.tcp_survives = true; }},
           {"ip_preserved", [](S s) { s.expectations.ip_preserved.reset(); }},
           {"mac_preserved", [](S s) { s.expectations.mac_preserved = false; }}}),
  };
}

}  // namespace lmlab
