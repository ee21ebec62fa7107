// The scenario model: what a scenario file describes, after loading and validation.
// Every reference in it (node, VM, client names) has been checked by the loader.
// Kept C++17-compatible: the ns-3 library includes it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/units.hpp"

namespace lmlab {

// OVN native DHCPv4 (NB DHCP_Options) answering VMs whose addressing is dhcp. Defaults are
// Kube-OVN's subnet defaults (live-migration-facts.md: lease_time=3600, server_id=
// 169.254.0.254); OVN-Kubernetes uses 3500 s and 169.254.1.1.
struct DhcpSpec {
  Time lease_time = std::chrono::seconds(3600);
  std::string server_id = "169.254.0.254";
  std::string server_mac;               // default: 0a:58 followed by server_id's bytes
  std::optional<std::string> router;    // DHCP option 3, the guests' default gateway
};

struct NetworkSpec {
  std::string subnet;                    // IPv4 CIDR, e.g. "10.16.0.0/16"
  std::optional<std::string> subnet_v6;  // IPv6 CIDR for dual-stack networks
  std::uint32_t mtu = 1400;              // guest MTU; Geneve adds 58 bytes (ovn-lab trap)
  std::optional<DhcpSpec> dhcp;
  // A link-local IPv4 gateway (OVN-Kubernetes: 169.254.1.1) answered by an OVN arp_proxy on
  // the switch's router port; VMs route their default traffic through it.
  std::optional<std::string> gateway;
};

// The underlay joining the chassis; every cross-chassis frame is tunnelled over it.
struct UnderlaySpec {
  std::uint64_t rate_bps = 10'000'000'000;
  Time latency = std::chrono::microseconds(50);
  std::uint32_t tunnel_overhead_bytes = 58;  // Geneve encapsulation (ovn-lab README)
  // Kube-OVN underlay (live-migration-facts.md): the subnet also reaches a provider network
  // on this VLAN through a localnet port, where external clients sit behind a ToR switch.
  std::optional<std::uint16_t> vlan;
};

// How long an NB change takes to take effect on the chassis, and how long an additional
// chassis takes to unblock a port after it sees a RARP. Defaults follow the ovn-lab figures
// (empty database: --wait=hv round trip ~5 ms no-op, ~7.5 ms for a requested-chassis flip).
// Extra logical switches and ports put in the NB before the scenario starts, so a lab's
// northd and ovn-controllers work on a database closer to a real cluster's than an empty one.
struct NorthboundPreload {
  std::uint32_t switches = 0;
  std::uint32_t ports_per_switch = 0;
};

struct ControlPlaneSpec {
  Time northd = std::chrono::milliseconds(2);          // NB -> SB logical flows
  Time southbound = std::chrono::milliseconds(1);      // SB -> ovn-controller notification
  Time ovn_controller = std::chrono::milliseconds(3);  // flow computation + install
  Time activation = std::chrono::milliseconds(1);      // RARP packet-in -> port unblocked
  // Real backend only: the ns-3 model takes a loaded control plane as the delays above.
  NorthboundPreload preload;
};

// KubeVirt timings the facts do not fix; named parameters so users can set their cluster's.
struct KubevirtSpec {
  Time target_pod_startup = std::chrono::seconds(1);            // scheduled -> target ready
  Time completion_report = std::chrono::milliseconds(500);      // resumed -> CNI sees success
  Time source_cleanup = std::chrono::seconds(1);                // success -> source pod deleted
  Time switchover_overhead = std::chrono::milliseconds(5);      // device state during pause
};

enum class StrategyKind { kube_ovn, naive };

// Every strategy lmlab has, in the order reports list them.
std::vector<StrategyKind> all_strategies();

struct ClusterSpec {
  std::vector<std::string> nodes;  // chassis names, unique
  NetworkSpec network;
  StrategyKind strategy = StrategyKind::kube_ovn;
  UnderlaySpec underlay;
  ControlPlaneSpec control_plane;
  KubevirtSpec kubevirt;
};

// A pod (not migrated) that talks to VMs; workloads run between a client and a VM.
struct ClientSpec {
  std::string name;
  std::string node;              // empty for an external client
  std::string mac;               // canonical lower-case "0a:58:0a:10:00:64"
  std::vector<std::string> ips;  // at least one IPv4 inside network.subnet
  // A host on the provider network (underlay.vlan), behind the ToR, not a pod on a node.
  bool external = false;
};

// How a VM gets its address: configured in the guest, or leased from OVN's DHCP (the
// address is still the one the scenario names; the DHCP server hands it out).
enum class Addressing { static_ip, dhcp };

struct VmSpec {
  std::string name;
  std::string node;
  std::string mac;
  std::vector<std::string> ips;
  std::uint64_t memory_bytes = 0;
  std::uint64_t dirty_rate_bytes_per_second = 0;
  Addressing addressing = Addressing::static_ip;
};

enum class Direction { client_to_vm, vm_to_client };
enum class ProbeProtocol { udp, icmp };
// The address family a workload or identity check uses; both ends have an address of it.
enum class AddressFamily { ipv4, ipv6 };

// Fixed-rate probes; they never slow down during loss. UDP probes run one independent stream
// per direction; ICMP probes are echo requests from the client and the VM's replies.
struct ProbeWorkload {
  std::string name;
  std::string vm;
  std::string client;
  ProbeProtocol protocol = ProbeProtocol::udp;
  Time interval = std::chrono::milliseconds(1);
  std::uint32_t size_bytes = 64;  // UDP payload / ICMP data
  AddressFamily family = AddressFamily::ipv4;
};

// A long-lived TCP connection carrying sequence-numbered, timestamped chunks at a fixed rate.
struct TcpWorkload {
  std::string name;
  std::string vm;
  std::string client;
  Direction direction = Direction::client_to_vm;
  std::uint64_t rate_bps = 10'000'000;
  AddressFamily family = AddressFamily::ipv4;
};

struct WorkloadsSpec {
  std::vector<ProbeWorkload> probes;
  std::vector<TcpWorkload> tcp_streams;
};

struct MigrationSpec {
  std::string vm;
  std::string target_node;
  Time start;
  std::uint64_t bandwidth_bps = 0;  // pre-copy bandwidth
};

struct Expectations {
  std::optional<Time> max_downtime;  // per VM and direction
  std::optional<bool> tcp_survives;
  std::optional<bool> ip_preserved;
  std::optional<bool> mac_preserved;
};

struct Scenario {
  std::string source_file;  // path it was loaded from
  std::string name;
  std::string description;
  std::uint64_t seed = 1;
  Time duration;
  ClusterSpec cluster;
  std::vector<ClientSpec> clients;
  std::vector<VmSpec> vms;
  WorkloadsSpec workloads;
  std::vector<MigrationSpec> migrations;
  Expectations expectations;
};

// Every field compared, so a scenario can be checked to survive the trip through result.json.
// Written out in scenario.cpp rather than defaulted: the ns-3 library compiles this header as
// C++17, which has no defaulted comparisons, and a member declared only under C++20 would give
// these structs two definitions in one program. C++20 code gets != from these.
// tests/scenario_equality_test.cpp changes each field in turn and counts every struct's
// fields, so a field left out of its operator fails it.
bool operator==(const DhcpSpec& a, const DhcpSpec& b);
bool operator==(const NetworkSpec& a, const NetworkSpec& b);
bool operator==(const UnderlaySpec& a, const UnderlaySpec& b);
bool operator==(const NorthboundPreload& a, const NorthboundPreload& b);
bool operator==(const ControlPlaneSpec& a, const ControlPlaneSpec& b);
bool operator==(const KubevirtSpec& a, const KubevirtSpec& b);
bool operator==(const ClusterSpec& a, const ClusterSpec& b);
bool operator==(const ClientSpec& a, const ClientSpec& b);
bool operator==(const VmSpec& a, const VmSpec& b);
bool operator==(const ProbeWorkload& a, const ProbeWorkload& b);
bool operator==(const TcpWorkload& a, const TcpWorkload& b);
bool operator==(const WorkloadsSpec& a, const WorkloadsSpec& b);
bool operator==(const MigrationSpec& a, const MigrationSpec& b);
bool operator==(const Expectations& a, const Expectations& b);
bool operator==(const Scenario& a, const Scenario& b);

// Names as they appear in scenario files and reports.
const char* to_string(StrategyKind strategy);
const char* to_string(Direction direction);
const char* to_string(Addressing addressing);
// The 0a:58-prefixed MAC Kubernetes CNIs derive from an IPv4 address ("" if not IPv4).
std::string mac_for_ipv4(const std::string& ipv4);
const char* to_string(ProbeProtocol protocol);
const char* to_string(AddressFamily family);

// Lookups of validated references (the loader guarantees they exist).
const VmSpec& find_vm(const Scenario& scenario, const std::string& name);
const ClientSpec& find_client(const Scenario& scenario, const std::string& name);
// The first address of a family among a VM's or client's addresses.
std::optional<std::string> address_of(const std::vector<std::string>& ips, AddressFamily family);
AddressFamily family_of(const std::string& ip);

}  // namespace lmlab
