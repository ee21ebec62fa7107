#include "sim/loader/scenario_loader.hpp"

#include <arpa/inet.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <initializer_list>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "sim/core/bounded_file.hpp"
#include "sim/core/stamp.hpp"
#include "sim/core/utf8_text.hpp"

namespace lmlab {

ScenarioError::ScenarioError(std::string file, int line, int column, std::string message)
    : std::runtime_error(file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
                         message),
      file_(std::move(file)),
      line_(line),
      column_(column),
      message_(std::move(message)) {}

namespace {

// ---------------------------------------------------------------------------------------------
// Located problems. Readers throw Problem; load_scenario_text adds the file name.

struct Problem {
  YAML::Mark mark;
  std::string message;
};

[[noreturn]] void fail(const YAML::Mark& mark, std::string message) {
  throw Problem{mark, std::move(message)};
}

[[noreturn]] void fail(const YAML::Node& at, std::string message) {
  fail(at.Mark(), std::move(message));
}

// What the user wrote, for "expected X, got Y" messages.
std::string describe(const YAML::Node& node) {
  constexpr std::size_t kMaxQuoted = 60;
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      if (node.Scalar().size() > kMaxQuoted)
        return "'" + node.Scalar().substr(0, kMaxQuoted) + "...'";
      return "'" + node.Scalar() + "'";
    case YAML::NodeType::Sequence:
      if (node.size() == 0) return "an empty list";
      return "a list of " + std::to_string(node.size()) + (node.size() == 1 ? " item" : " items");
    case YAML::NodeType::Map:
      return "a mapping";
    default:
      return "nothing";
  }
}

[[noreturn]] void fail_expected(const YAML::Node& node, const std::string& expected) {
  fail(node, "expected " + expected + ", got " + describe(node));
}

std::string join(const auto& items) {
  std::string text;
  for (const auto& item : items) {
    if (!text.empty()) text += ", ";
    text += item;
  }
  return text;
}

// Values that must be unique within a scope: keys of a mapping, names, MACs, IPs.
class UniqueValues {
 public:
  explicit UniqueValues(std::string what) : what_(std::move(what)) {}

  void claim(const YAML::Node& at, const std::string& value) {
    const auto [first, inserted] = first_use_.try_emplace(value, at.Mark());
    if (inserted) return;
    fail(at, "duplicate " + what_ + " '" + value + "' (first used at line " +
                 std::to_string(first->second.line + 1) + ")");
  }

 private:
  std::string what_;
  std::map<std::string, YAML::Mark> first_use_;
};

// ---------------------------------------------------------------------------------------------
// Value readers: callables taking a YAML node and returning a value or failing at the node.

// Reads a scalar with `parse`, which returns nullopt for text it does not accept.
template <typename Parse>
auto parse_scalar(const YAML::Node& node, Parse parse, const std::string& expected) {
  if (node.IsScalar()) {
    if (auto value = parse(node.Scalar())) return *value;
  }
  fail_expected(node, expected);
}

std::string as_string(const YAML::Node& node) {
  return parse_scalar(
      node, [](const std::string& text) { return std::optional(text); }, "a string");
}

bool is_name(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

std::string as_name(const YAML::Node& node) {
  return parse_scalar(
      node,
      [](const std::string& text) { return is_name(text) ? std::optional(text) : std::nullopt; },
      "a name of lower-case letters, digits and '-'");
}

bool as_bool(const YAML::Node& node) {
  return parse_scalar(
      node,
      [](const std::string& text) -> std::optional<bool> {
        if (text == "true") return true;
        if (text == "false") return false;
        return std::nullopt;
      },
      "true or false");
}

Time as_duration(const YAML::Node& node) {
  return parse_scalar(node, parse_duration, "a duration like '1ms' or '3s'");
}

std::uint64_t as_bit_rate(const YAML::Node& node) {
  return parse_scalar(node, parse_bit_rate, "a bit rate like '10Mbps' or '1Gbps'");
}

std::uint64_t as_byte_size(const YAML::Node& node) {
  return parse_scalar(node, parse_byte_size, "a byte size like '512Mi' or '1Gi'");
}

std::uint64_t as_byte_rate(const YAML::Node& node) {
  return parse_scalar(node, parse_byte_rate, "a byte rate like '16Mi/s'");
}

template <typename Integer>
auto as_integer(Integer min = 0, Integer max = std::numeric_limits<Integer>::max()) {
  const std::string expected =
      max == std::numeric_limits<Integer>::max()
          ? "a non-negative integer"
          : "an integer from " + std::to_string(min) + " to " + std::to_string(max);
  return [min, max, expected](const YAML::Node& node) {
    const auto parse = [&](const std::string& text) -> std::optional<Integer> {
      Integer value{};
      const char* end = text.data() + text.size();
      const auto result = std::from_chars(text.data(), end, value);
      if (result.ec != std::errc() || result.ptr != end || value < min || value > max) {
        return std::nullopt;
      }
      return value;
    };
    return parse_scalar(node, parse, expected);
  };
}

// One of a fixed set of spellings, each standing for a value.
template <typename T>
auto as_choice(std::vector<std::pair<std::string, T>> choices) {
  std::vector<std::string> spellings;
  for (const auto& choice : choices) spellings.push_back("'" + choice.first + "'");
  const std::string expected = "one of " + join(spellings);
  return [choices, expected](const YAML::Node& node) {
    const auto parse = [&](const std::string& text) -> std::optional<T> {
      for (const auto& [spelling, value] : choices) {
        if (spelling == text) return value;
      }
      return std::nullopt;
    };
    return parse_scalar(node, parse, expected);
  };
}

// A scenario.hpp enumeration, spelled as its to_string() does.
template <typename Enum>
auto as_enum(std::initializer_list<Enum> values) {
  std::vector<std::pair<std::string, Enum>> choices;
  for (Enum value : values) choices.emplace_back(to_string(value), value);
  return as_choice(std::move(choices));
}

// Limits of a scenario (README.md, "Limits"): lmlab refuses what it could not play in
// bounded time and memory.
constexpr std::size_t kMaxListItems = 4096;  // workloads, migrations, addresses...
constexpr std::size_t kMaxNodes = 64;
constexpr std::size_t kMaxPods = 1024;       // clients, and VMs
constexpr std::uint32_t kMaxMtu = 9000;

// A YAML list whose items are read with `read`; at most `max_items` of them, so a scenario
// cannot ask for more than lmlab plays in bounded time and memory.
template <typename Read>
auto list_of(Read read, const std::string& what, std::size_t min_items = 0,
             std::size_t max_items = kMaxListItems) {
  std::string expected = "a list of " + what;
  if (min_items > 0) expected += " (at least " + std::to_string(min_items) + ")";
  return [read, min_items, max_items, what, expected](const YAML::Node& node) {
    if (!node.IsSequence() || node.size() < min_items) fail_expected(node, expected);
    if (node.size() > max_items)
      fail(node, "too many " + what + ": " + std::to_string(node.size()) + ", at most " +
                     std::to_string(max_items));
    std::vector<decltype(read(node))> items;
    for (const YAML::Node& item : node) items.push_back(read(item));
    return items;
  };
}

// `read`, also requiring `accept(value)`; `expected` describes the acceptable values.
template <typename Read, typename Accept>
auto constrained(Read read, Accept accept, const std::string& expected) {
  return [read, accept, expected](const YAML::Node& node) {
    auto value = read(node);
    if (!accept(value)) fail_expected(node, expected);
    return value;
  };
}

const auto is_positive = [](auto value) { return value > decltype(value){}; };

// `read`, also claiming the value in `seen` (references must outlive the reader).
template <typename Read>
auto unique(Read read, UniqueValues& seen) {
  return [read, &seen](const YAML::Node& node) {
    auto value = read(node);
    seen.claim(node, value);
    return value;
  };
}

// A name that must be one of `names`, e.g. a node from cluster.nodes.
auto reference_to(std::vector<std::string> names, const std::string& what) {
  return [names = std::move(names), what](const YAML::Node& node) {
    std::string name = as_string(node);
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      fail(node, "unknown " + what + " '" + name + "' (defined: " + join(names) + ")");
    }
    return name;
  };
}

// ---------------------------------------------------------------------------------------------
// Addresses.

// Canonical lower-case "0a:58:0a:10:00:0a".
std::string as_mac(const YAML::Node& node) {
  const auto parse = [](const std::string& text) -> std::optional<std::string> {
    constexpr std::size_t kLength = 17;  // six two-digit octets and five colons
    if (text.size() != kLength) return std::nullopt;
    std::string canonical;
    for (std::size_t i = 0; i < kLength; ++i) {
      const bool colon_position = i % 3 == 2;
      const unsigned char c = static_cast<unsigned char>(text[i]);
      if (colon_position ? c != ':' : !std::isxdigit(c)) return std::nullopt;
      canonical += static_cast<char>(std::tolower(c));
    }
    return canonical;
  };
  const std::string mac = parse_scalar(node, parse, "a MAC address like '0a:58:0a:10:00:0a'");
  // The group bit (least significant bit of the first octet) marks multicast and broadcast.
  if (std::stoi(mac.substr(0, 2), nullptr, 16) & 1) {
    fail(node, "MAC '" + mac + "' is a multicast or broadcast address, expected a unicast one");
  }
  if (mac == "00:00:00:00:00:00") fail(node, "MAC '" + mac + "' is all zeros");
  return mac;
}

struct IpAddress {
  int family = AF_INET;
  std::array<unsigned char, 16> bytes{};  // network order; IPv4 uses the first 4

  std::string text() const {
    std::array<char, INET6_ADDRSTRLEN> buffer{};
    inet_ntop(family, bytes.data(), buffer.data(), buffer.size());
    return buffer.data();
  }
};

std::optional<IpAddress> parse_ip(const std::string& text) {
  if (text.find('\0') != std::string::npos) return std::nullopt;  // inet_pton stops at a NUL
  IpAddress ip;
  for (int family : {AF_INET, AF_INET6}) {
    if (inet_pton(family, text.c_str(), ip.bytes.data()) == 1) {
      ip.family = family;
      return ip;
    }
  }
  return std::nullopt;
}

int address_bits(int family) { return family == AF_INET ? 32 : 128; }

struct Subnet {
  IpAddress network;
  int prefix_length = 0;

  std::string text() const { return network.text() + "/" + std::to_string(prefix_length); }

  bool contains(const IpAddress& ip) const {
    if (ip.family != network.family) return false;
    const int whole_bytes = prefix_length / 8;
    const int rest_bits = prefix_length % 8;
    if (!std::equal(ip.bytes.begin(), ip.bytes.begin() + whole_bytes, network.bytes.begin())) {
      return false;
    }
    if (rest_bits == 0) return true;
    const auto mask = static_cast<unsigned char>(0xff << (8 - rest_bits));
    return (ip.bytes[whole_bytes] & mask) == (network.bytes[whole_bytes] & mask);
  }
};

std::optional<Subnet> parse_subnet(const std::string& text, int family) {
  const auto slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  const auto address = parse_ip(text.substr(0, slash));
  const std::string length = text.substr(slash + 1);
  int prefix_length = -1;
  const auto result = std::from_chars(length.data(), length.data() + length.size(), prefix_length);
  if (!address || address->family != family || result.ec != std::errc() ||
      result.ptr != length.data() + length.size() || prefix_length < 0 ||
      prefix_length > address_bits(family)) {
    return std::nullopt;
  }
  return Subnet{*address, prefix_length};
}

std::string as_ipv4(const YAML::Node& node) {
  const auto parse = [](const std::string& text) -> std::optional<std::string> {
    const auto ip = parse_ip(text);
    if (!ip || ip->family != AF_INET) return std::nullopt;
    return ip->text();
  };
  return parse_scalar(node, parse, "an IPv4 address like '169.254.1.1'");
}

auto as_subnet(int family) {
  const std::string expected = family == AF_INET ? "an IPv4 CIDR like '10.16.0.0/16'"
                                                 : "an IPv6 CIDR like 'fd00:10:16::/64'";
  return [family, expected](const YAML::Node& node) {
    return parse_scalar(
        node, [&](const std::string& text) { return parse_subnet(text, family); }, expected);
  };
}

// The subnets every client and VM address must lie in.
struct Subnets {
  Subnet v4;
  std::optional<Subnet> v6;
};

bool has_ipv4(const std::vector<std::string>& ips) {
  return address_of(ips, AddressFamily::ipv4).has_value();
}

// ---------------------------------------------------------------------------------------------
// Mappings.

// A YAML mapping with a declared set of allowed keys, read key by key with value readers.
class Mapping {
 public:
  // Fails on anything but a mapping, on non-scalar, unknown or repeated keys.
  Mapping(const YAML::Node& node, std::string section,
          std::initializer_list<std::string_view> allowed)
      : node_(node), section_(std::move(section)) {
    if (!node.IsMap()) fail_expected(node, "a mapping (" + section_ + ")");
    UniqueValues keys("key");
    for (const auto& pair : node) {
      const YAML::Node& key = pair.first;
      if (!key.IsScalar()) fail_expected(key, "a plain key in " + section_);
      if (std::find(allowed.begin(), allowed.end(), key.Scalar()) == allowed.end()) {
        fail(key, "unknown key '" + key.Scalar() + "' in " + section_ +
                      " (allowed: " + join(allowed) + ")");
      }
      keys.claim(key, key.Scalar());
      entries_.push_back({key, pair.second});
    }
  }

  template <typename Read>
  auto required(std::string_view key, Read read) const {
    const Entry* entry = find(key);
    if (!entry) fail(node_, "missing required key '" + std::string(key) + "' in " + section_);
    return read_value(*entry, read);
  }

  // Leaves `target` (a default from scenario.hpp) alone when the key is absent.
  template <typename Read, typename T>
  void update(std::string_view key, Read read, T& target) const {
    if (const Entry* entry = find(key)) target = read_value(*entry, read);
  }

 private:
  struct Entry {
    YAML::Node key;
    YAML::Node value;
  };

  const Entry* find(std::string_view key) const {
    const auto entry = std::find_if(entries_.begin(), entries_.end(),
                                    [&](const Entry& e) { return e.key.Scalar() == key; });
    return entry == entries_.end() ? nullptr : &*entry;
  }

  template <typename Read>
  static auto read_value(const Entry& entry, Read read) {
    // yaml-cpp marks an empty value at the token after it, often on a later line, so an
    // empty value is reported at its key.
    if (entry.value.IsNull()) fail(entry.key, "key '" + entry.key.Scalar() + "' has no value");
    return read(entry.value);
  }

  YAML::Node node_;
  std::string section_;
  std::vector<Entry> entries_;
};

// Reads a mapping with a member function of `reader`, for nested sections.
template <typename Reader, typename Spec>
auto section(Reader* reader, Spec (Reader::*read)(const YAML::Node&)) {
  return [reader, read](const YAML::Node& node) { return (reader->*read)(node); };
}

template <typename Spec>
std::vector<std::string> names_of(const std::vector<Spec>& specs) {
  std::vector<std::string> names;
  for (const auto& spec : specs) names.push_back(spec.name);
  return names;
}

// ---------------------------------------------------------------------------------------------
// The scenario.

enum class WorkloadKind { probe, tcp };

// Reads the sections in dependency order (cluster, clients, VMs, workloads, migrations), so
// each reference is checked, and reported, where it appears.
class ScenarioReader {
 public:
  Scenario read(const YAML::Node& root) {
    const Mapping fields(root, "scenario",
                         {"name", "description", "seed", "duration", "cluster", "clients", "vms",
                          "workloads", "migrations", "expectations"});
    scenario_.name = fields.required("name", as_name);
    fields.update("description", as_string, scenario_.description);
    fields.update("seed", as_integer<std::uint64_t>(), scenario_.seed);
    scenario_.duration =
        fields.required("duration", constrained(as_duration, is_positive, "a duration > 0"));
    scenario_.cluster = fields.required("cluster", section(this, &ScenarioReader::read_cluster));
    scenario_.clients = fields.required(
        "clients", list_of(section(this, &ScenarioReader::read_client), "clients", 1, kMaxPods));
    scenario_.vms =
        fields.required("vms", list_of(section(this, &ScenarioReader::read_vm), "VMs", 1, kMaxPods));
    std::vector<Workload> workloads;
    fields.update("workloads", list_of(section(this, &ScenarioReader::read_workload), "workloads"),
                  workloads);
    scenario_.workloads = split_by_kind(workloads);
    fields.update("migrations",
                  list_of(section(this, &ScenarioReader::read_migration), "migrations"),
                  scenario_.migrations);
    fields.update("expectations", section(this, &ScenarioReader::read_expectations),
                  scenario_.expectations);
    return std::move(scenario_);
  }

 private:
  using Workload = std::variant<ProbeWorkload, TcpWorkload>;

  ClusterSpec read_cluster(const YAML::Node& node) {
    const Mapping fields(node, "cluster",
                         {"nodes", "network", "strategy", "underlay", "control_plane", "kubevirt"});
    ClusterSpec cluster;
    UniqueValues node_names("node");
    cluster.nodes =
        fields.required("nodes", list_of(unique(as_name, node_names), "node names", 2, kMaxNodes));
    cluster.network = fields.required("network", section(this, &ScenarioReader::read_network));
    cluster.strategy =
        fields.required("strategy", as_enum({StrategyKind::kube_ovn, StrategyKind::naive}));
    fields.update("underlay", section(this, &ScenarioReader::read_underlay), cluster.underlay);
    fields.update("control_plane", section(this, &ScenarioReader::read_control_plane),
                  cluster.control_plane);
    fields.update("kubevirt", section(this, &ScenarioReader::read_kubevirt), cluster.kubevirt);
    nodes_ = cluster.nodes;
    return cluster;
  }

  NetworkSpec read_network(const YAML::Node& node) {
    const Mapping fields(node, "cluster.network",
                         {"subnet", "subnet_v6", "mtu", "dhcp", "gateway"});
    NetworkSpec network;
    subnets_.v4 = fields.required("subnet", as_subnet(AF_INET));
    fields.update("subnet_v6", as_subnet(AF_INET6), subnets_.v6);
    fields.update("mtu", as_integer<std::uint32_t>(576, kMaxMtu), network.mtu);
    network.subnet = subnets_.v4.text();
    if (subnets_.v6) network.subnet_v6 = subnets_.v6->text();
    fields.update("dhcp", section(this, &ScenarioReader::read_dhcp), network.dhcp);
    fields.update("gateway", as_ipv4, network.gateway);
    dhcp_ = network.dhcp.has_value();
    return network;
  }

  DhcpSpec read_dhcp(const YAML::Node& node) {
    const Mapping fields(node, "cluster.network.dhcp",
                         {"lease_time", "server_id", "server_mac", "router"});
    DhcpSpec dhcp;
    fields.update("lease_time",
                  constrained(as_duration, is_positive, "a duration > 0"), dhcp.lease_time);
    fields.update("server_id", as_ipv4, dhcp.server_id);
    fields.update("server_mac", as_mac, dhcp.server_mac);
    fields.update("router", as_ipv4, dhcp.router);
    if (dhcp.server_mac.empty()) dhcp.server_mac = mac_for_ipv4(dhcp.server_id);
    return dhcp;
  }

  UnderlaySpec read_underlay(const YAML::Node& node) {
    const Mapping fields(node, "cluster.underlay", {"rate", "latency", "tunnel_overhead", "vlan"});
    UnderlaySpec underlay;
    fields.update("rate", constrained(as_bit_rate, is_positive, "a bit rate > 0"),
                  underlay.rate_bps);
    fields.update("latency", as_duration, underlay.latency);
    fields.update("tunnel_overhead", as_integer<std::uint32_t>(0, 200),
                  underlay.tunnel_overhead_bytes);
    fields.update("vlan", as_integer<std::uint16_t>(1, 4094), underlay.vlan);
    vlan_ = underlay.vlan.has_value();
    return underlay;
  }

  ControlPlaneSpec read_control_plane(const YAML::Node& node) {
    const Mapping fields(node, "cluster.control_plane",
                         {"northd", "southbound", "ovn_controller", "activation", "preload"});
    ControlPlaneSpec control_plane;
    fields.update("northd", as_duration, control_plane.northd);
    fields.update("southbound", as_duration, control_plane.southbound);
    fields.update("ovn_controller", as_duration, control_plane.ovn_controller);
    fields.update("activation", as_duration, control_plane.activation);
    fields.update("preload", section(this, &ScenarioReader::read_preload), control_plane.preload);
    return control_plane;
  }

  NorthboundPreload read_preload(const YAML::Node& node) {
    const Mapping fields(node, "cluster.control_plane.preload", {"switches", "ports_per_switch"});
    NorthboundPreload preload;
    fields.update("switches", as_integer<std::uint32_t>(0, 100'000), preload.switches);
    fields.update("ports_per_switch", as_integer<std::uint32_t>(0, 1'000), preload.ports_per_switch);
    return preload;
  }

  KubevirtSpec read_kubevirt(const YAML::Node& node) {
    const Mapping fields(
        node, "cluster.kubevirt",
        {"target_pod_startup", "completion_report", "source_cleanup", "switchover_overhead"});
    KubevirtSpec kubevirt;
    fields.update("target_pod_startup", as_duration, kubevirt.target_pod_startup);
    fields.update("completion_report", as_duration, kubevirt.completion_report);
    fields.update("source_cleanup", as_duration, kubevirt.source_cleanup);
    fields.update("switchover_overhead", as_duration, kubevirt.switchover_overhead);
    return kubevirt;
  }

  ClientSpec read_client(const YAML::Node& node) {
    const Mapping fields(node, "client", {"name", "node", "mac", "ips", "external"});
    ClientSpec client;
    fields.update("external",
                  constrained(as_bool, [this](bool external) { return !external || vlan_; },
                              "false (true needs cluster.underlay.vlan)"),
                  client.external);
    read_attachment(fields, client, !client.external);
    return client;
  }

  VmSpec read_vm(const YAML::Node& node) {
    const Mapping fields(node, "vm",
                         {"name", "node", "mac", "ips", "memory", "dirty_rate", "addressing"});
    VmSpec vm;
    read_attachment(fields, vm);
    fields.update("addressing",
                  constrained(as_enum({Addressing::static_ip, Addressing::dhcp}),
                              [this](Addressing addressing) {
                                return addressing != Addressing::dhcp || dhcp_;
                              },
                              "'static' ('dhcp' needs cluster.network.dhcp)"),
                  vm.addressing);
    vm.memory_bytes =
        fields.required("memory", constrained(as_byte_size, is_positive, "a byte size > 0"));
    vm.dirty_rate_bytes_per_second = fields.required("dirty_rate", as_byte_rate);
    vm_nodes_[vm.name] = vm.node;
    return vm;
  }

  // An address inside the network's subnet of its family, in canonical form.
  auto host_address() const {
    return [this](const YAML::Node& node) {
      const auto ip = parse_scalar(node, parse_ip, "an IP address like '10.16.0.10'");
      const Subnet* subnet = ip.family == AF_INET ? &subnets_.v4
                             : subnets_.v6        ? &*subnets_.v6
                                                  : nullptr;
      if (!subnet) {
        fail(node, "IPv6 address '" + ip.text() + "' needs cluster.network.subnet_v6");
      }
      if (!subnet->contains(ip)) {
        fail(node, "address '" + ip.text() + "' is outside subnet " + subnet->text());
      }
      return ip.text();
    };
  }

  // What clients and VMs share: a unique name, a node, and unique addresses on the network.
  template <typename Spec>
  void read_attachment(const Mapping& fields, Spec& spec, bool on_a_node = true) {
    spec.name = fields.required("name", unique(as_name, names_));
    if (on_a_node)
      spec.node = fields.required("node", reference_to(nodes_, "node"));
    else
      fields.update("node",
                    constrained(as_string, [](const std::string&) { return false; },
                                "no node: an external client is on the provider network"),
                    spec.node);
    spec.mac = fields.required("mac", unique(as_mac, macs_));
    spec.ips = fields.required(
        "ips", constrained(list_of(unique(host_address(), ips_), "IP addresses"), has_ipv4,
                           "a list with at least one IPv4 address in " + subnets_.v4.text()));
  }

  Workload read_workload(const YAML::Node& node) {
    if (read_workload_kind(node) == WorkloadKind::probe) return read_probe(node);
    return read_tcp(node);
  }

  // The kind decides which keys a workload may have, so it is read before the others.
  static WorkloadKind read_workload_kind(const YAML::Node& node) {
    if (!node.IsMap()) fail_expected(node, "a workload mapping with 'kind: probe' or 'kind: tcp'");
    const YAML::Node kind = node["kind"];
    if (!kind) fail(node, "missing required key 'kind' in workload");
    return as_choice<WorkloadKind>({{"probe", WorkloadKind::probe}, {"tcp", WorkloadKind::tcp}})(
        kind);
  }

  // An address family both ends of the workload have an address of.
  template <typename Spec>
  auto family_of_ends(const Spec& workload) const {
    return [this, &workload](const YAML::Node& node) {
      const auto family = as_enum({AddressFamily::ipv4, AddressFamily::ipv6})(node);
      const auto& vm = find_vm(scenario_, workload.vm);
      const auto& client = find_client(scenario_, workload.client);
      for (const auto* end : {&vm.ips, &client.ips})
        if (!address_of(*end, family))
          fail(node, std::string("family ") + to_string(family) + " needs an " +
                         to_string(family) + " address on both vm '" + vm.name +
                         "' and client '" + client.name + "'");
      return family;
    };
  }

  auto fitting_the_mtu(const ProbeWorkload& probe) const {
    return [this, &probe](const YAML::Node& node) {
      const auto size = as_integer<std::uint32_t>(Stamp::kBytes, kMaxMtu)(node);
      const std::uint32_t ip = probe.family == AddressFamily::ipv4 ? 20 : 40;
      const std::uint32_t transport = 8;  // UDP header, or ICMP echo header
      const auto mtu = scenario_.cluster.network.mtu;
      if (size + ip + transport > mtu)
        fail(node, "a probe of " + std::to_string(size) + " bytes is " +
                       std::to_string(size + ip + transport) + " bytes with its " +
                       to_string(probe.protocol) + " and " + to_string(probe.family) +
                       " headers, more than the network MTU of " + std::to_string(mtu) +
                       " (at most " + std::to_string(mtu - ip - transport) + ")");
      return size;
    };
  }

  ProbeWorkload read_probe(const YAML::Node& node) {
    const Mapping fields(node, "probe workload",
                         {"kind", "name", "vm", "client", "protocol", "family", "interval",
                          "size"});
    ProbeWorkload probe;
    read_workload_ends(fields, probe);
    fields.update("protocol", as_enum({ProbeProtocol::udp, ProbeProtocol::icmp}), probe.protocol);
    fields.update("family", family_of_ends(probe), probe.family);
    fields.update("interval",
                  constrained(
                      as_duration, [](Time interval) { return interval >= kMinInterval; },
                      "an interval of at least " + format_duration(kMinInterval)),
                  probe.interval);
    // A probe payload holds at least its stamp (sim/core/stamp.hpp) and fits one packet of
    // the network's MTU with its headers, or it would be fragmented or dropped.
    fields.update("size", fitting_the_mtu(probe), probe.size_bytes);
    return probe;
  }

  TcpWorkload read_tcp(const YAML::Node& node) {
    const Mapping fields(node, "tcp workload",
                         {"kind", "name", "vm", "client", "direction", "family", "rate"});
    TcpWorkload tcp;
    read_workload_ends(fields, tcp);
    fields.update("family", family_of_ends(tcp), tcp.family);
    fields.update("direction", as_enum({Direction::client_to_vm, Direction::vm_to_client}),
                  tcp.direction);
    tcp.rate_bps = fields.required("rate", constrained(as_bit_rate, is_positive, "a bit rate > 0"));
    return tcp;
  }

  template <typename Spec>
  void read_workload_ends(const Mapping& fields, Spec& workload) {
    workload.name = fields.required("name", unique(as_name, workload_names_));
    workload.vm = fields.required("vm", reference_to(names_of(scenario_.vms), "vm"));
    workload.client =
        fields.required("client", reference_to(names_of(scenario_.clients), "client"));
  }

  static WorkloadsSpec split_by_kind(const std::vector<Workload>& workloads) {
    WorkloadsSpec spec;
    for (const Workload& workload : workloads) {
      if (const auto* probe = std::get_if<ProbeWorkload>(&workload)) {
        spec.probes.push_back(*probe);
      } else {
        spec.tcp_streams.push_back(std::get<TcpWorkload>(workload));
      }
    }
    return spec;
  }

  MigrationSpec read_migration(const YAML::Node& node) {
    const Mapping fields(node, "migration", {"vm", "to", "at", "bandwidth"});
    MigrationSpec migration;
    migration.vm = fields.required("vm", reference_to(names_of(scenario_.vms), "vm"));
    std::string& vm_node = vm_nodes_.at(migration.vm);
    const auto other_node = [&](const YAML::Node& to) {
      std::string target = reference_to(nodes_, "node")(to);
      if (target == vm_node) {
        fail(to, "vm '" + migration.vm + "' is already on node '" + target + "' at this point");
      }
      return target;
    };
    migration.target_node = fields.required("to", other_node);
    migration.start = fields.required(
        "at", constrained(
                  as_duration, [&](Time at) { return at < scenario_.duration; },
                  "a time before the scenario ends at " + format_duration(scenario_.duration)));
    migration.bandwidth_bps =
        fields.required("bandwidth", constrained(as_bit_rate, is_positive, "a bit rate > 0"));
    vm_node = migration.target_node;
    return migration;
  }

  Expectations read_expectations(const YAML::Node& node) {
    const Mapping fields(node, "expectations",
                         {"max_downtime", "tcp_survives", "ip_preserved", "mac_preserved"});
    Expectations expectations;
    fields.update("max_downtime", as_duration, expectations.max_downtime);
    fields.update("tcp_survives", as_bool, expectations.tcp_survives);
    fields.update("ip_preserved", as_bool, expectations.ip_preserved);
    fields.update("mac_preserved", as_bool, expectations.mac_preserved);
    return expectations;
  }

  static constexpr Time kMinInterval = std::chrono::microseconds(10);

  Scenario scenario_;
  std::vector<std::string> nodes_;
  Subnets subnets_;
  bool dhcp_ = false;  // cluster.network.dhcp is set: VMs may use addressing dhcp
  bool vlan_ = false;  // cluster.underlay.vlan is set: clients may be external
  std::map<std::string, std::string> vm_nodes_;  // where each VM is after the migrations so far
  UniqueValues names_{"name"};                   // clients and VMs share one namespace
  UniqueValues macs_{"MAC"};
  UniqueValues ips_{"IP address"};
  UniqueValues workload_names_{"workload name"};
};

// ---------------------------------------------------------------------------------------------
// Text and files.

// Records where each document starts; the events inside are not needed.
class DocumentStarts final : public YAML::EventHandler {
 public:
  std::vector<YAML::Mark> marks;

  void OnDocumentStart(const YAML::Mark& mark) override { marks.push_back(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// Where a second YAML document starts, if the text has one. yaml-cpp 0.7's LoadAll never
// returns on a document starting with a stray ',' (jbeder/yaml-cpp#1040), so the parser is
// stepped at most twice instead.
std::optional<YAML::Mark> second_document(const std::string& yaml) {
  std::istringstream stream(yaml);
  YAML::Parser parser(stream);
  DocumentStarts starts;
  if (!parser.HandleNextDocument(starts) || !parser.HandleNextDocument(starts)) {
    return std::nullopt;
  }
  return starts.marks.back();
}

Scenario read_scenario(const std::string& yaml) {
  const YAML::Node root = YAML::Load(yaml);
  if (root.IsNull() && root.Mark().is_null()) {  // no document at all, not even "~"
    fail(YAML::Mark(),
         "empty scenario file, expected a mapping with name, duration, cluster, "
         "clients and vms");
  }
  Scenario scenario = ScenarioReader().read(root);
  if (const auto extra = second_document(yaml)) {
    fail(*extra, "a scenario file holds a single YAML document");
  }
  return scenario;
}

ScenarioError located(const std::string& file, const YAML::Mark& mark, const std::string& message) {
  // yaml-cpp counts from 0 and uses -1 for "no position"; the file start stands in for it.
  const int line = mark.is_null() ? 1 : mark.line + 1;
  const int column = mark.is_null() ? 1 : mark.column + 1;
  return ScenarioError(file, line, column, message);
}

}  // namespace

Scenario load_scenario_text(std::string_view yaml, const std::string& file_name) {
  if (const auto bad = first_invalid_utf8(yaml))
    throw ScenarioError(file_name, static_cast<int>(bad->line), static_cast<int>(bad->column),
                        "not UTF-8 text: a scenario file is UTF-8");
  try {
    Scenario scenario = read_scenario(std::string(yaml));
    scenario.source_file = file_name;
    return scenario;
  } catch (const Problem& problem) {
    throw located(file_name, problem.mark, problem.message);
  } catch (const YAML::DeepRecursion& error) {
    throw located(file_name, error.mark, "YAML nesting is too deep");
  } catch (const YAML::Exception& error) {
    throw located(file_name, error.mark, "YAML syntax error: " + error.msg);
  }
}

// A device, a pipe or a huge file is refused before it is read.
Scenario load_scenario_file(const std::string& path) {
  std::string text;
  try {
    text = read_bounded_file(path, kMaxScenarioBytes, "a scenario file");
  } catch (const BoundedFileError& error) {
    throw ScenarioError(path, 1, 1, error.what());
  }
  return load_scenario_text(text, path);
}

}  // namespace lmlab
