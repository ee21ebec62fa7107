#include "sim/loader/scenario_loader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace lmlab {
namespace {

using std::chrono::microseconds;
using std::chrono::milliseconds;
using std::chrono::seconds;
using ::testing::HasSubstr;

const std::string kScenarioDir = std::string(LMLAB_SOURCE_DIR) + "/scenarios/";

TEST(LoadScenarioFile, ReadsTcpSurvival) {
  const Scenario scenario = load_scenario_file(kScenarioDir + "tcp-survival.yaml");

  EXPECT_EQ(scenario.source_file, kScenarioDir + "tcp-survival.yaml");
  EXPECT_EQ(scenario.name, "tcp-survival");
  EXPECT_EQ(scenario.description,
            "TCP stream and 1 ms probes through a Kube-OVN multi-chassis migration");
  EXPECT_EQ(scenario.seed, 1u);
  EXPECT_EQ(scenario.duration, seconds(12));

  const ClusterSpec& cluster = scenario.cluster;
  EXPECT_EQ(cluster.nodes, (std::vector<std::string>{"node-a", "node-b", "node-c"}));
  EXPECT_EQ(cluster.network.subnet, "10.16.0.0/16");
  EXPECT_EQ(cluster.network.subnet_v6, std::nullopt);
  EXPECT_EQ(cluster.network.mtu, 1400u);
  EXPECT_EQ(cluster.strategy, StrategyKind::kube_ovn);
  EXPECT_EQ(cluster.underlay.rate_bps, 10'000'000'000u);
  EXPECT_EQ(cluster.underlay.latency, microseconds(50));
  EXPECT_EQ(cluster.underlay.tunnel_overhead_bytes, 58u);
  EXPECT_EQ(cluster.control_plane.northd, milliseconds(2));
  EXPECT_EQ(cluster.control_plane.southbound, milliseconds(1));
  EXPECT_EQ(cluster.control_plane.ovn_controller, milliseconds(3));
  EXPECT_EQ(cluster.control_plane.activation, milliseconds(1));
  EXPECT_EQ(cluster.kubevirt.target_pod_startup, seconds(1));
  EXPECT_EQ(cluster.kubevirt.completion_report, milliseconds(500));
  EXPECT_EQ(cluster.kubevirt.source_cleanup, seconds(1));
  EXPECT_EQ(cluster.kubevirt.switchover_overhead, milliseconds(5));

  ASSERT_EQ(scenario.clients.size(), 1u);
  EXPECT_EQ(scenario.clients[0].name, "client");
  EXPECT_EQ(scenario.clients[0].node, "node-c");
  EXPECT_EQ(scenario.clients[0].mac, "0a:58:0a:10:00:64");
  EXPECT_EQ(scenario.clients[0].ips, std::vector<std::string>{"10.16.0.100"});

  ASSERT_EQ(scenario.vms.size(), 1u);
  const VmSpec& vm = scenario.vms[0];
  EXPECT_EQ(vm.name, "vm1");
  EXPECT_EQ(vm.node, "node-a");
  EXPECT_EQ(vm.mac, "0a:58:0a:10:00:0a");
  EXPECT_EQ(vm.ips, std::vector<std::string>{"10.16.0.10"});
  EXPECT_EQ(vm.memory_bytes, 1ULL << 30);
  EXPECT_EQ(vm.dirty_rate_bytes_per_second, 16ULL << 20);

  ASSERT_EQ(scenario.workloads.probes.size(), 1u);
  const ProbeWorkload& probe = scenario.workloads.probes[0];
  EXPECT_EQ(probe.name, "probe");
  EXPECT_EQ(probe.vm, "vm1");
  EXPECT_EQ(probe.client, "client");
  EXPECT_EQ(probe.protocol, ProbeProtocol::udp);
  EXPECT_EQ(probe.interval, milliseconds(1));
  EXPECT_EQ(probe.size_bytes, 64u);

  ASSERT_EQ(scenario.workloads.tcp_streams.size(), 1u);
  const TcpWorkload& stream = scenario.workloads.tcp_streams[0];
  EXPECT_EQ(stream.name, "stream");
  EXPECT_EQ(stream.vm, "vm1");
  EXPECT_EQ(stream.client, "client");
  EXPECT_EQ(stream.direction, Direction::client_to_vm);
  EXPECT_EQ(stream.rate_bps, 10'000'000u);

  ASSERT_EQ(scenario.migrations.size(), 1u);
  EXPECT_EQ(scenario.migrations[0].vm, "vm1");
  EXPECT_EQ(scenario.migrations[0].target_node, "node-b");
  EXPECT_EQ(scenario.migrations[0].start, seconds(3));
  EXPECT_EQ(scenario.migrations[0].bandwidth_bps, 10'000'000'000u);

  EXPECT_EQ(scenario.expectations.max_downtime, milliseconds(50));
  EXPECT_EQ(scenario.expectations.tcp_survives, true);
  EXPECT_EQ(scenario.expectations.ip_preserved, true);
  EXPECT_EQ(scenario.expectations.mac_preserved, true);
}

TEST(LoadScenarioFile, ReadsTheNaiveBaseline) {
  const Scenario scenario = load_scenario_file(kScenarioDir + "tcp-survival-naive.yaml");

  EXPECT_EQ(scenario.name, "tcp-survival-naive");
  EXPECT_EQ(scenario.cluster.strategy, StrategyKind::naive);
  EXPECT_EQ(scenario.expectations.max_downtime, seconds(1));
  EXPECT_EQ(scenario.duration, seconds(12));
  ASSERT_EQ(scenario.migrations.size(), 1u);
  EXPECT_EQ(scenario.migrations[0].target_node, "node-b");
}

TEST(LoadScenarioFile, ReportsUnreadableFiles) {
  try {
    load_scenario_file(kScenarioDir + "no-such-scenario.yaml");
    FAIL() << "expected a ScenarioError";
  } catch (const ScenarioError& error) {
    EXPECT_EQ(error.file(), kScenarioDir + "no-such-scenario.yaml");
    EXPECT_EQ(error.line(), 1);
    EXPECT_EQ(error.column(), 1);
    EXPECT_THAT(error.message(), HasSubstr("cannot read file: No such file or directory"));
  }
  EXPECT_THROW(load_scenario_file(kScenarioDir), ScenarioError);  // a directory
}

TEST(ScenarioError, WhatHasTheCompilerForm) {
  const ScenarioError error("a.yaml", 3, 7, "unknown key 'x' in scenario");
  EXPECT_STREQ(error.what(), "a.yaml:3:7: unknown key 'x' in scenario");
  EXPECT_EQ(error.file(), "a.yaml");
  EXPECT_EQ(error.line(), 3);
  EXPECT_EQ(error.column(), 7);
  EXPECT_EQ(error.message(), "unknown key 'x' in scenario");
}

// Only the required keys; everything else must come from scenario.hpp's defaults.
constexpr const char* kMinimal = R"(name: minimal
duration: 5s
cluster:
  nodes: [a, b]
  network: {subnet: 192.168.0.0/24}
  strategy: naive
clients:
  - {name: c, node: a, mac: 02:00:00:00:00:01, ips: [192.168.0.1]}
vms:
  - {name: v, node: b, mac: 02:00:00:00:00:02, ips: [192.168.0.2], memory: 1Gi, dirty_rate: 0/s}
workloads:
  - {kind: probe, name: p, vm: v, client: c}
  - {kind: tcp, name: t, vm: v, client: c, rate: 1Mbps}
)";

TEST(LoadScenarioText, FillsDefaultsForOptionalKeys) {
  const Scenario scenario = load_scenario_text(kMinimal, "minimal.yaml");
  const Scenario defaults{};
  const ProbeWorkload default_probe{};
  const TcpWorkload default_tcp{};

  EXPECT_EQ(scenario.source_file, "minimal.yaml");
  EXPECT_EQ(scenario.description, "");
  EXPECT_EQ(scenario.seed, 1u);
  EXPECT_EQ(scenario.cluster.network.mtu, defaults.cluster.network.mtu);
  EXPECT_EQ(scenario.cluster.underlay.rate_bps, defaults.cluster.underlay.rate_bps);
  EXPECT_EQ(scenario.cluster.underlay.latency, defaults.cluster.underlay.latency);
  EXPECT_EQ(scenario.cluster.underlay.tunnel_overhead_bytes,
            defaults.cluster.underlay.tunnel_overhead_bytes);
  EXPECT_EQ(scenario.cluster.control_plane.ovn_controller,
            defaults.cluster.control_plane.ovn_controller);
  EXPECT_EQ(scenario.cluster.kubevirt.source_cleanup, defaults.cluster.kubevirt.source_cleanup);
  EXPECT_EQ(scenario.vms[0].dirty_rate_bytes_per_second, 0u);
  ASSERT_EQ(scenario.workloads.probes.size(), 1u);
  EXPECT_EQ(scenario.workloads.probes[0].protocol, default_probe.protocol);
  EXPECT_EQ(scenario.workloads.probes[0].interval, default_probe.interval);
  EXPECT_EQ(scenario.workloads.probes[0].size_bytes, default_probe.size_bytes);
  ASSERT_EQ(scenario.workloads.tcp_streams.size(), 1u);
  EXPECT_EQ(scenario.workloads.tcp_streams[0].direction, default_tcp.direction);
  EXPECT_TRUE(scenario.migrations.empty());
  EXPECT_EQ(scenario.expectations.max_downtime, std::nullopt);
  EXPECT_EQ(scenario.expectations.tcp_survives, std::nullopt);
}

// A scenario using every key of format v1; the error cases below edit it. Line numbers in
// the cases refer to this text.
constexpr const char* kFull = R"(name: full
duration: 10s
cluster:
  nodes: [node-a, node-b, node-c]
  network:
    subnet: 10.16.0.0/16
    subnet_v6: fd00:10:16::/64
  strategy: kube-ovn
  underlay:
    rate: 10Gbps
    latency: 50us
    tunnel_overhead: 58
  control_plane:
    northd: 2ms
  kubevirt:
    target_pod_startup: 1s
clients:
  - name: client
    node: node-c
    mac: 0a:58:0a:10:00:64
    ips: [10.16.0.100, "fd00:10:16::100"]
vms:
  - name: vm1
    node: node-a
    mac: 0a:58:0a:10:00:0a
    ips: [10.16.0.10]
    memory: 1Gi
    dirty_rate: 16Mi/s
workloads:
  - kind: probe
    name: probe
    vm: vm1
    client: client
    interval: 1ms
  - kind: tcp
    name: stream
    vm: vm1
    client: client
    rate: 10Mbps
migrations:
  - vm: vm1
    to: node-b
    at: 3s
    bandwidth: 10Gbps
expectations:
  max_downtime: 50ms
  tcp_survives: true
)";

TEST(LoadScenarioText, ReadsEveryKey) {
  const Scenario scenario = load_scenario_text(kFull, "full.yaml");
  EXPECT_EQ(scenario.cluster.network.subnet_v6, "fd00:10:16::/64");
  EXPECT_EQ(scenario.clients[0].ips, (std::vector<std::string>{"10.16.0.100", "fd00:10:16::100"}));
  EXPECT_EQ(scenario.cluster.control_plane.northd, milliseconds(2));
  EXPECT_EQ(scenario.cluster.kubevirt.target_pod_startup, seconds(1));
}

TEST(LoadScenarioText, NormalisesMacsAndIpv6Addresses) {
  std::string text = kFull;
  text.replace(text.find("0a:58:0a:10:00:0a"), 17, "0A:58:0A:10:00:AB");
  text.replace(text.find("fd00:10:16::100"), 15, "FD00:10:16:0:0:0:0:100");
  const Scenario scenario = load_scenario_text(text, "full.yaml");
  EXPECT_EQ(scenario.vms[0].mac, "0a:58:0a:10:00:ab");
  EXPECT_EQ(scenario.clients[0].ips[1], "fd00:10:16::100");
}

TEST(LoadScenarioText, FollowsTheVmThroughSuccessiveMigrations) {
  std::string text = kFull;
  text.replace(text.find("expectations:"), 0,
               "  - {vm: vm1, to: node-c, at: 5s, bandwidth: 1Gbps}\n"
               "  - {vm: vm1, to: node-a, at: 7s, bandwidth: 1Gbps}\n");
  const Scenario scenario = load_scenario_text(text, "full.yaml");
  ASSERT_EQ(scenario.migrations.size(), 3u);
  EXPECT_EQ(scenario.migrations[2].target_node, "node-a");
  EXPECT_EQ(scenario.migrations[2].start, seconds(7));
}

TEST(LoadScenarioText, ReadsAnExternalClientOnTheProviderVlan) {
  std::string text = kFull;
  text.replace(text.find("    tunnel_overhead: 58\n"), 24, "    tunnel_overhead: 58\n    vlan: 100\n");
  text.replace(text.find("    node: node-c\n"), 17, "    external: true\n");
  const Scenario scenario = load_scenario_text(text, "vlan.yaml");
  EXPECT_EQ(scenario.cluster.underlay.vlan, 100);
  EXPECT_TRUE(scenario.clients[0].external);
  EXPECT_EQ(scenario.clients[0].node, "");
}

TEST(LoadScenarioText, ReadsDhcpGatewayAndPreload) {
  std::string text = kFull;
  text.replace(text.find("    subnet_v6: fd00:10:16::/64\n"), 31,
               "    subnet_v6: fd00:10:16::/64\n    dhcp: {router: 169.254.1.1}\n"
               "    gateway: 169.254.1.1\n");
  text.replace(text.find("    northd: 2ms\n"), 16,
               "    northd: 2ms\n    preload: {switches: 20, ports_per_switch: 5}\n");
  text.replace(text.find("    dirty_rate: 16Mi/s\n"), 23, "    dirty_rate: 16Mi/s\n    addressing: dhcp\n");
  const Scenario scenario = load_scenario_text(text, "dhcp.yaml");
  const auto& network = scenario.cluster.network;
  ASSERT_TRUE(network.dhcp.has_value());
  // live-migration-facts.md, Kube-OVN subnet DHCP defaults: lease_time=3600, server_id=
  // 169.254.0.254; the server MAC follows the 0a:58 convention.
  EXPECT_EQ(network.dhcp->lease_time, seconds(3600));
  EXPECT_EQ(network.dhcp->server_id, "169.254.0.254");
  EXPECT_EQ(network.dhcp->server_mac, "0a:58:a9:fe:00:fe");
  EXPECT_EQ(network.dhcp->router, "169.254.1.1");
  EXPECT_EQ(network.gateway, "169.254.1.1");
  EXPECT_EQ(scenario.vms[0].addressing, Addressing::dhcp);
  EXPECT_EQ(scenario.cluster.control_plane.preload.switches, 20u);
  EXPECT_EQ(scenario.cluster.control_plane.preload.ports_per_switch, 5u);
}

// A broken variant of kFull: `replacement` replaces the first occurrence of `original`.
struct BrokenCase {
  const char* name;
  const char* original;
  const char* replacement;
  int line;
  int column;
  const char* message;
};

std::string apply(const BrokenCase& broken) {
  std::string text = kFull;
  const auto position = text.find(broken.original);
  if (position == std::string::npos) {
    ADD_FAILURE() << broken.name << ": '" << broken.original << "' is not in the scenario";
    return text;
  }
  return text.replace(position, std::string_view(broken.original).size(), broken.replacement);
}

void PrintTo(const BrokenCase& broken, std::ostream* out) { *out << broken.name; }

class BrokenScenario : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(BrokenScenario, IsReportedAtTheRightPlace) {
  const BrokenCase& broken = GetParam();
  try {
    load_scenario_text(apply(broken), "broken.yaml");
    FAIL() << "loaded without error";
  } catch (const ScenarioError& error) {
    EXPECT_EQ(error.file(), "broken.yaml");
    EXPECT_EQ(error.line(), broken.line) << error.what();
    EXPECT_EQ(error.column(), broken.column) << error.what();
    EXPECT_THAT(error.message(), HasSubstr(broken.message));
  }
}

const BrokenCase kBrokenCases[] = {
    // Unknown keys, at every level.
    {"UnknownTopLevelKey", "duration: 10s\n", "duration: 10s\ncolour: red\n", 3, 1,
     "unknown key 'colour' in scenario (allowed: name, description, seed, duration"},
    {"UnknownClusterKey", "  strategy: kube-ovn\n", "  strategy: kube-ovn\n  zone: eu\n", 9, 3,
     "unknown key 'zone' in cluster"},
    {"UnknownNetworkKey", "fd00:10:16::/64\n", "fd00:10:16::/64\n    vlan: 7\n", 8, 5,
     "unknown key 'vlan' in cluster.network"},
    {"UnknownUnderlayKey", "    tunnel_overhead: 58\n",
     "    tunnel_overhead: 58\n    jitter: 1ms\n", 13, 5,
     "unknown key 'jitter' in cluster.underlay"},
    {"UnknownControlPlaneKey", "    northd: 2ms\n", "    northd: 2ms\n    nbdb: 1ms\n", 15, 5,
     "unknown key 'nbdb' in cluster.control_plane"},
    {"UnknownKubevirtKey", "    target_pod_startup: 1s\n",
     "    target_pod_startup: 1s\n    pause: 1s\n", 17, 5,
     "unknown key 'pause' in cluster.kubevirt"},
    {"UnknownClientKey", "node: node-c\n", "node: node-c\n    vlan: 1\n", 20, 5,
     "unknown key 'vlan' in client"},
    {"UnknownVmKey", "    dirty_rate: 16Mi/s\n", "    dirty_rate: 16Mi/s\n    cpus: 2\n", 29, 5,
     "unknown key 'cpus' in vm"},
    {"UnknownProbeKey", "    interval: 1ms\n", "    interval: 1ms\n    rate: 1Mbps\n", 35, 5,
     "unknown key 'rate' in probe workload"},
    {"UnknownTcpKey", "    rate: 10Mbps\n", "    rate: 10Mbps\n    interval: 1ms\n", 40, 5,
     "unknown key 'interval' in tcp workload"},
    {"UnknownMigrationKey", "    bandwidth: 10Gbps\n",
     "    bandwidth: 10Gbps\n    mode: post-copy\n", 45, 5, "unknown key 'mode' in migration"},
    {"UnknownExpectationKey", "  tcp_survives: true\n", "  tcp_survives: true\n  loss: 0\n", 48, 3,
     "unknown key 'loss' in expectations"},
    {"DhcpAddressingWithoutDhcp", "    dirty_rate: 16Mi/s\n",
     "    dirty_rate: 16Mi/s\n    addressing: dhcp\n", 29, 17,
     "expected 'static' ('dhcp' needs cluster.network.dhcp)"},
    {"GatewayNotIpv4", "fd00:10:16::/64\n", "fd00:10:16::/64\n    gateway: fe80::1\n", 8, 14,
     "expected an IPv4 address like '169.254.1.1'"},
    {"PreloadTooManyPorts", "    northd: 2ms\n",
     "    northd: 2ms\n    preload: {ports_per_switch: 5000}\n", 15, 33,
     "expected an integer from 0 to 1000, got '5000'"},
    {"ExternalClientWithoutVlan", "    node: node-c\n", "    node: node-c\n    external: true\n",
     20, 15, "expected false (true needs cluster.underlay.vlan)"},
    {"VlanOutOfRange", "    tunnel_overhead: 58\n", "    tunnel_overhead: 58\n    vlan: 4095\n", 13,
     11, "expected an integer from 1 to 4094, got '4095'"},
    {"NonScalarKey", "name: full\n", "name: full\n? [a, b]\n: c\n", 2, 3, "expected a plain key"},

    // Repeated keys and documents.
    {"DuplicateTopLevelKey", "duration: 10s\n", "duration: 10s\nname: again\n", 3, 1,
     "duplicate key 'name' (first used at line 1)"},
    {"DuplicateVmKey", "    memory: 1Gi\n", "    memory: 1Gi\n    memory: 2Gi\n", 28, 5,
     "duplicate key 'memory'"},
    {"SecondDocument", "  tcp_survives: true\n", "  tcp_survives: true\n---\nname: other\n", 48, 1,
     "a single YAML document"},

    // Top-level fields.
    {"BadName", "name: full", "name: Full_1", 1, 7,
     "expected a name of lower-case letters, digits and '-', got 'Full_1'"},
    {"EmptyName", "name: full", "name:", 1, 1, "key 'name' has no value"},
    {"MissingName", "name: full\n", "", 1, 1, "missing required key 'name' in scenario"},
    {"WordDuration", "duration: 10s", "duration: fast", 2, 11,
     "expected a duration like '1ms' or '3s', got 'fast'"},
    {"DurationWithoutUnit", "duration: 10s", "duration: 10", 2, 11, "expected a duration like"},
    {"ZeroDuration", "duration: 10s", "duration: 0s", 2, 11, "expected a duration > 0, got '0s'"},
    {"NegativeSeed", "name: full\n", "name: full\nseed: -1\n", 2, 7,
     "expected a non-negative integer, got '-1'"},
    {"HugeSeed", "name: full\n", "name: full\nseed: 99999999999999999999999\n", 2, 7,
     "expected a non-negative integer"},
    {"ListDescription", "name: full\n", "name: full\ndescription: [a]\n", 2, 14,
     "expected a string, got a list of 1 item"},
    {"MissingClients",
     "clients:\n  - name: client\n    node: node-c\n    mac: 0a:58:0a:10:00:64\n"
     "    ips: [10.16.0.100, \"fd00:10:16::100\"]\n",
     "", 1, 1, "missing required key 'clients' in scenario"},

    // Cluster.
    {"NodesNotAList", "nodes: [node-a, node-b, node-c]", "nodes: node-a", 4, 10,
     "expected a list of node names (at least 2), got 'node-a'"},
    {"SingleNode", "nodes: [node-a, node-b, node-c]", "nodes: [node-a]", 4, 10,
     "expected a list of node names (at least 2)"},
    {"DuplicateNode", "nodes: [node-a, node-b, node-c]", "nodes: [node-a, node-b, node-a]", 4, 27,
     "duplicate node 'node-a'"},
    {"BadNodeName", "nodes: [node-a, node-b, node-c]", "nodes: [node-a, Node_B]", 4, 19,
     "expected a name of lower-case letters"},
    {"NetworkNotAMapping", "  network:\n    subnet: 10.16.0.0/16\n    subnet_v6: fd00:10:16::/64\n",
     "  network: flat\n", 5, 12, "expected a mapping (cluster.network), got 'flat'"},
    {"MissingSubnet", "    subnet: 10.16.0.0/16\n", "", 6, 5,
     "missing required key 'subnet' in cluster.network"},
    {"SubnetPrefixTooLong", "10.16.0.0/16", "10.16.0.0/33", 6, 13,
     "expected an IPv4 CIDR like '10.16.0.0/16', got '10.16.0.0/33'"},
    {"SubnetNotAnAddress", "10.16.0.0/16", "10.16.0/16", 6, 13, "expected an IPv4 CIDR"},
    {"SubnetWithoutPrefix", "10.16.0.0/16", "10.16.0.0", 6, 13, "expected an IPv4 CIDR"},
    {"Ipv4SubnetV6", "fd00:10:16::/64", "10.0.0.0/8", 7, 16, "expected an IPv6 CIDR"},
    {"MtuTooSmall", "fd00:10:16::/64\n", "fd00:10:16::/64\n    mtu: 100\n", 8, 10,
     "expected an integer from 576 to 9000, got '100'"},
    {"MtuNotANumber", "fd00:10:16::/64\n", "fd00:10:16::/64\n    mtu: jumbo\n", 8, 10,
     "expected an integer from 576 to 9000, got 'jumbo'"},
    {"UnknownStrategy", "strategy: kube-ovn", "strategy: ovn", 8, 13,
     "expected one of 'kube-ovn', 'naive', got 'ovn'"},
    {"MissingStrategy", "  strategy: kube-ovn\n", "", 4, 3,
     "missing required key 'strategy' in cluster"},
    {"ZeroUnderlayRate", "rate: 10Gbps", "rate: 0bps", 10, 11, "expected a bit rate > 0"},
    {"ByteUnitForBitRate", "rate: 10Gbps", "rate: 10GB", 10, 11,
     "expected a bit rate like '10Mbps' or '1Gbps', got '10GB'"},
    {"BadLatency", "latency: 50us", "latency: soon", 11, 14, "expected a duration like"},
    {"TunnelOverheadTooLarge", "tunnel_overhead: 58", "tunnel_overhead: 300", 12, 22,
     "expected an integer from 0 to 200, got '300'"},
    {"ControlPlaneNotAMapping", "  control_plane:\n    northd: 2ms\n", "  control_plane: [2ms]\n",
     13, 18, "expected a mapping (cluster.control_plane), got a list of 1 item"},
    {"NegativeControlPlaneDelay", "northd: 2ms", "northd: -2ms", 14, 13, "expected a duration"},

    // Clients and VMs.
    {"EmptyClientList",
     "clients:\n  - name: client\n    node: node-c\n    mac: 0a:58:0a:10:00:64\n"
     "    ips: [10.16.0.100, \"fd00:10:16::100\"]\n",
     "clients: []\n", 17, 10, "expected a list of clients (at least 1), got an empty list"},
    {"ClientNotAMapping", "  - name: client\n    node: node-c\n    mac: 0a:58:0a:10:00:64\n",
     "  - client\n  - name: client\n    node: node-c\n    mac: 0a:58:0a:10:00:64\n", 18, 5,
     "expected a mapping (client), got 'client'"},
    {"MissingClientMac", "    mac: 0a:58:0a:10:00:64\n", "", 18, 5,
     "missing required key 'mac' in client"},
    {"ShortMac", "mac: 0a:58:0a:10:00:64", "mac: 0a:58:0a:10:00:6", 20, 10,
     "expected a MAC address like '0a:58:0a:10:00:0a', got '0a:58:0a:10:00:6'"},
    {"MacWithDashes", "mac: 0a:58:0a:10:00:64", "mac: 0a-58-0a-10-00-64", 20, 10,
     "expected a MAC address"},
    {"MulticastMac", "mac: 0a:58:0a:10:00:64", "mac: 01:00:5e:00:00:01", 20, 10,
     "MAC '01:00:5e:00:00:01' is a multicast or broadcast address"},
    {"BroadcastMac", "mac: 0a:58:0a:10:00:64", "mac: FF:FF:FF:FF:FF:FF", 20, 10,
     "MAC 'ff:ff:ff:ff:ff:ff' is a multicast or broadcast address"},
    {"ZeroMac", "mac: 0a:58:0a:10:00:64", "mac: 00:00:00:00:00:00", 20, 10, "is all zeros"},
    {"BadIp", "ips: [10.16.0.100,", "ips: [10.16.0.300,", 21, 11,
     "expected an IP address like '10.16.0.10', got '10.16.0.300'"},
    {"IpOutsideSubnet", "ips: [10.16.0.100,", "ips: [10.17.0.100,", 21, 11,
     "address '10.17.0.100' is outside subnet 10.16.0.0/16"},
    {"Ipv6OutsideSubnet", "\"fd00:10:16::100\"", "\"fd00:10:17::100\"", 21, 24,
     "address 'fd00:10:17::100' is outside subnet fd00:10:16::/64"},
    {"Ipv6WithoutSubnetV6", "    subnet_v6: fd00:10:16::/64\n", "", 20, 24,
     "IPv6 address 'fd00:10:16::100' needs cluster.network.subnet_v6"},
    {"NoIpv4", "ips: [10.16.0.100, \"fd00:10:16::100\"]", "ips: [\"fd00:10:16::100\"]", 21, 10,
     "expected a list with at least one IPv4 address in 10.16.0.0/16"},
    {"IpsNotAList", "ips: [10.16.0.10]", "ips: 10.16.0.10", 26, 10,
     "expected a list of IP addresses, got '10.16.0.10'"},
    {"UndefinedVmNode", "node: node-a", "node: node-x", 24, 11,
     "unknown node 'node-x' (defined: node-a, node-b, node-c)"},
    {"VmNamedLikeClient", "name: vm1", "name: client", 23, 11,
     "duplicate name 'client' (first used at line 18)"},
    {"DuplicateMac", "mac: 0a:58:0a:10:00:0a", "mac: 0A:58:0A:10:00:64", 25, 10,
     "duplicate MAC '0a:58:0a:10:00:64'"},
    {"DuplicateIp", "ips: [10.16.0.10]", "ips: [10.16.0.100]", 26, 11,
     "duplicate IP address '10.16.0.100'"},
    {"DuplicateIpv6InAnotherSpelling", "ips: [10.16.0.10]",
     "ips: [10.16.0.10, \"fd00:10:16:0::100\"]", 26, 23, "duplicate IP address 'fd00:10:16::100'"},
    {"ZeroMemory", "memory: 1Gi", "memory: 0Gi", 27, 13, "expected a byte size > 0, got '0Gi'"},
    {"MissingMemory", "    memory: 1Gi\n", "", 23, 5, "missing required key 'memory' in vm"},
    {"DirtyRateWithoutPerSecond", "dirty_rate: 16Mi/s", "dirty_rate: 16Mi", 28, 17,
     "expected a byte rate like '16Mi/s', got '16Mi'"},

    // Workloads.
    {"UnknownWorkloadKind", "kind: probe", "kind: ping", 30, 11,
     "expected one of 'probe', 'tcp', got 'ping'"},
    {"MissingWorkloadKind", "  - kind: probe\n    name: probe\n", "  - name: probe\n", 30, 5,
     "missing required key 'kind' in workload"},
    {"WorkloadNotAMapping", "workloads:\n", "workloads:\n  - probe\n", 30, 5,
     "expected a workload mapping with 'kind: probe' or 'kind: tcp', got 'probe'"},
    {"WorkloadsNotAList",
     "workloads:\n  - kind: probe\n    name: probe\n    vm: vm1\n    client: client\n"
     "    interval: 1ms\n  - kind: tcp\n    name: stream\n    vm: vm1\n    client: client\n"
     "    rate: 10Mbps\n",
     "workloads: {kind: probe}\n", 29, 12, "expected a list of workloads, got a mapping"},
    {"ZeroInterval", "interval: 1ms", "interval: 0s", 34, 15,
     "expected an interval of at least 10us, got '0s'"},
    {"TooShortInterval", "interval: 1ms", "interval: 5us", 34, 15,
     "expected an interval of at least 10us"},
    {"UnknownProtocol", "    interval: 1ms\n", "    interval: 1ms\n    protocol: tcp\n", 35, 15,
     "expected one of 'udp', 'icmp', got 'tcp'"},
    {"ProbeTooSmall", "    interval: 1ms\n", "    interval: 1ms\n    size: 8\n", 35, 11,
     "expected an integer from 20 to 9000, got '8'"},
    {"ProbeLargerThanTheMtu", "    interval: 1ms\n", "    interval: 1ms\n    size: 1373\n", 35, 11,
     "a probe of 1373 bytes is 1401 bytes with its udp and ipv4 headers, more than the "
     "network MTU of 1400 (at most 1372)"},
    {"Ipv6FamilyWithoutIpv6Addresses", "    interval: 1ms\n", "    interval: 1ms\n    family: ipv6\n",
     35, 13, "family ipv6 needs an ipv6 address on both vm 'vm1' and client 'client'"},
    {"UndefinedProbeVm", "    vm: vm1\n    client: client\n    interval",
     "    vm: vm9\n    client: client\n    interval", 32, 9, "unknown vm 'vm9' (defined: vm1)"},
    {"UndefinedTcpClient", "client: client\n    rate", "client: nobody\n    rate", 38, 13,
     "unknown client 'nobody' (defined: client)"},
    {"UnknownDirection", "    rate: 10Mbps\n", "    rate: 10Mbps\n    direction: sideways\n", 40,
     16, "expected one of 'client-to-vm', 'vm-to-client', got 'sideways'"},
    {"ZeroTcpRate", "rate: 10Mbps", "rate: 0Mbps", 39, 11, "expected a bit rate > 0"},
    {"MissingTcpRate", "    rate: 10Mbps\n", "", 35, 5,
     "missing required key 'rate' in tcp workload"},
    {"DuplicateWorkloadName", "name: stream", "name: probe", 36, 11,
     "duplicate workload name 'probe' (first used at line 31)"},

    // Migrations.
    {"MigrationOfUndefinedVm", "  - vm: vm1\n    to", "  - vm: vm2\n    to", 41, 9,
     "unknown vm 'vm2' (defined: vm1)"},
    {"MigrationToUndefinedNode", "to: node-b", "to: node-z", 42, 9, "unknown node 'node-z'"},
    {"MigrationToOwnNode", "to: node-b", "to: node-a", 42, 9,
     "vm 'vm1' is already on node 'node-a' at this point"},
    {"MigrationBackToTheSameTarget", "    bandwidth: 10Gbps\n",
     "    bandwidth: 10Gbps\n  - vm: vm1\n    to: node-b\n    at: 5s\n    bandwidth: 1Gbps\n", 46,
     9, "vm 'vm1' is already on node 'node-b' at this point"},
    {"MigrationAtTheEnd", "at: 3s", "at: 10s", 43, 9,
     "expected a time before the scenario ends at 10s, got '10s'"},
    {"MigrationBeforeTheStart", "at: 3s", "at: -1s", 43, 9, "expected a duration like"},
    {"ZeroMigrationBandwidth", "bandwidth: 10Gbps", "bandwidth: 0bps", 44, 16,
     "expected a bit rate > 0, got '0bps'"},
    {"MissingMigrationStart", "    at: 3s\n", "", 41, 5, "missing required key 'at' in migration"},

    // Expectations.
    {"YesIsNotABoolean", "tcp_survives: true", "tcp_survives: yes", 47, 17,
     "expected true or false, got 'yes'"},
    {"DowntimeWithoutUnit", "max_downtime: 50ms", "max_downtime: 50", 46, 17,
     "expected a duration like '1ms' or '3s', got '50'"},

    // Files that are not scenarios at all.
    {"EmptyFile", kFull, "", 1, 1, "empty scenario file"},
    {"OnlyComments", kFull, "# nothing here\n", 1, 1, "empty scenario file"},
    {"TopLevelList", kFull, "- name: full\n- duration: 10s\n", 1, 1,
     "expected a mapping (scenario), got a list of 2 items"},
    {"TopLevelScalar", kFull, "hello", 1, 1, "expected a mapping (scenario), got 'hello'"},
    {"TopLevelNull", kFull, "~\n", 1, 1, "expected a mapping (scenario), got nothing"},
    // yaml-cpp 0.7 reads a document opening with ',' as an empty one, and its LoadAll loops.
    {"StrayComma", kFull, ",", 1, 1, "expected a mapping (scenario), got nothing"},
    {"StrayCommaAfterTheDocument", "  tcp_survives: true\n", "  tcp_survives: true\n...\n,\n", 49,
     1, "a scenario file holds a single YAML document"},
    // Syntax errors are reported where yaml-cpp notices them, which can be after the cause.
    {"UnclosedFlowList", "nodes: [node-a, node-b, node-c]", "nodes: [node-a, node-b", 5, 10,
     "YAML syntax error: end of sequence flow not found"},
    {"TabIndentation", "  network:\n    subnet:", "  network:\n\tsubnet:", 6, 2,
     "YAML syntax error: end of map not found"},
    {"MapValueInPlainScalar", "name: full", "name: full: yes", 1, 11,
     "YAML syntax error: illegal map value"},
    // The quoted scalar runs on to the next quote, in the client's IPs.
    {"UnclosedQuote", "name: full", "name: \"full", 21, 25,
     "YAML syntax error: end of map not found"},
};

INSTANTIATE_TEST_SUITE_P(FormatV1, BrokenScenario, ::testing::ValuesIn(kBrokenCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(LoadScenarioText, RejectsDeepNesting) {
  const std::string text = "name: " + std::string(100'000, '[');
  try {
    load_scenario_text(text, "deep.yaml");
    FAIL() << "loaded without error";
  } catch (const ScenarioError& error) {
    EXPECT_GE(error.line(), 1);
    EXPECT_GE(error.column(), 1);
    EXPECT_THAT(error.message(), HasSubstr("too deep"));
  }
}

TEST(LoadScenarioText, RejectsBinaryGarbage) {
  const std::string garbage(
      "\x7f"
      "ELF\x02\x01\x01\x00\x00\xff\xfe\x03\x00:\x00-\x1b[\x80",
      20);
  try {
    load_scenario_text(garbage, "garbage.yaml");
    FAIL() << "loaded without error";
  } catch (const ScenarioError& error) {
    EXPECT_GE(error.line(), 1);
    EXPECT_GE(error.column(), 1);
  }
}

}  // namespace
}  // namespace lmlab
