// The OVN Northbound as a CNI writes it: the whole logical network (switches, ports, routers,
// routes, policies, DHCP options) as intent, changed in transactions. Strategies write it;
// the ns-3 model compiles it into its chassis after modelled delays, a real backend commits
// it to a real NB database. Names are the CNI's (a VM's port is named as its CNI names it).
// Kept C++17-compatible: the ns-3 library includes it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace lmlab {

// The provider network's name: localnet ports' network_name, and the chassis'
// ovn-bridge-mappings entry that carries it to the underlay.
inline constexpr const char* kProviderNetwork = "physnet";

struct LogicalSwitch {
  std::string name;
  std::optional<std::string> subnet;     // other_config:subnet (IPv4 CIDR)
  std::optional<std::string> subnet_v6;  // other_config:ipv6_prefix (IPv6 CIDR)
};

// Logical_Switch_Port.type.
enum class PortType { vif, router, localnet };

// One "MAC IP..." entry of Logical_Switch_Port.addresses.
struct PortAddresses {
  std::string mac;
  std::vector<std::string> ips;
};

struct LogicalSwitchPort {
  std::string name;
  std::string logical_switch;
  PortType type = PortType::vif;
  // vif ports: their MAC and IPs, or none (addresses=[]: the port answers no ARP/ND and gets
  // no traffic for any address). Router ports take "router", localnet ports "unknown".
  std::optional<PortAddresses> addresses;
  bool enabled = true;
  // options:requested-chassis; the first entry is the main chassis, the rest are additional
  // chassis (OVN >= 22.06 multi-chassis binding).
  std::vector<std::string> requested_chassis;
  // options:activation-strategy; "rarp" blocks the port on additional chassis until a RARP
  // arrives from there.
  std::optional<std::string> activation_strategy;
  std::optional<std::string> router_port;  // router ports: options:router-port
  std::vector<std::string> arp_proxy;      // router ports: options:arp_proxy (IPv4 addresses)
  std::optional<std::string> network_name;  // localnet ports: options:network_name
  std::optional<std::uint16_t> tag;         // localnet ports: the provider VLAN
  std::optional<std::string> dhcpv4_options;  // by DhcpOptions name
  std::optional<std::string> dhcpv6_options;
  // The pod (VM or client, by scenario name) the port belongs to, as CNIs note it in
  // external_ids; empty for infrastructure ports.
  std::string owner;
};

// A DHCP_Options row; ports refer to it by `name` (external_ids), as a CNI keeps its own key.
struct DhcpOptions {
  std::string name;
  std::string cidr;
  std::map<std::string, std::string> options;  // lease_time, router, server_id, server_mac...
};

struct LogicalRouter {
  std::string name;
};

struct LogicalRouterPort {
  std::string router;
  std::string name;
  std::string mac;
  std::vector<std::string> networks;  // CIDRs with the port's own address: "10.16.0.1/16"
};

enum class RoutePolicy { dst_ip, src_ip };

struct StaticRoute {
  std::string router;
  std::string ip_prefix;
  std::string nexthop;
  std::optional<std::string> output_port;
  RoutePolicy policy = RoutePolicy::dst_ip;
};

struct RoutingPolicy {
  std::string router;
  int priority = 0;
  std::string match;
  std::string action;  // allow, drop, reroute
  std::vector<std::string> nexthops;
};

// Changes to rows that already exist.
struct SetPortBinding {
  std::string port;
  std::vector<std::string> requested_chassis;
  std::optional<std::string> activation_strategy;  // nullopt removes it
};
struct SetPortEnabled {
  std::string port;
  bool enabled = true;
};
struct SetPortAddresses {
  std::string port;
  std::optional<PortAddresses> addresses;  // nullopt: addresses=[]
};
struct DeletePort {
  std::string port;
};
struct DeleteStaticRoute {
  StaticRoute route;  // matched by router, policy, prefix and nexthop
};
struct DeleteRoutingPolicy {
  std::string router;
  int priority = 0;
  std::string match;
};

using NorthboundChange =
    std::variant<LogicalSwitch, LogicalSwitchPort, DhcpOptions, LogicalRouter, LogicalRouterPort,
                 StaticRoute, RoutingPolicy, SetPortBinding, SetPortEnabled, SetPortAddresses,
                 DeletePort, DeleteStaticRoute, DeleteRoutingPolicy>;

// Changes committed together: one NB transaction, seen by northd and the chassis at once.
struct NorthboundTransaction {
  std::vector<NorthboundChange> changes;

  NorthboundTransaction& add(NorthboundChange change) {
    changes.push_back(std::move(change));
    return *this;
  }
};

// What a backend implements: commit a transaction to its Northbound. A change that refers to
// a row that does not exist is a strategy's bug (std::logic_error).
class Northbound {
 public:
  virtual ~Northbound() = default;
  virtual void commit(const NorthboundTransaction& transaction) = 0;

  // One-change transactions.
  void apply(NorthboundChange change) { commit(NorthboundTransaction{}.add(std::move(change))); }
};

const char* to_string(PortType type);
const char* to_string(RoutePolicy policy);
// "lsp-add vm1.default requested-chassis=node-a", as the run's timeline shows a change.
std::string describe(const NorthboundChange& change);

}  // namespace lmlab
