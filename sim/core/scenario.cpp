#include "sim/core/scenario.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

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
