#include "sim/core/northbound.hpp"

namespace lmlab {

namespace {

std::string joined(const std::vector<std::string>& words, const char* separator = ",") {
  std::string text;
  for (const auto& word : words) text += (text.empty() ? "" : separator) + word;
  return text;
}

std::string addresses_text(const std::optional<PortAddresses>& addresses) {
  if (!addresses) return "[]";
  return addresses->mac + (addresses->ips.empty() ? "" : " " + joined(addresses->ips, " "));
}

std::string binding_text(const std::vector<std::string>& requested_chassis,
                         const std::optional<std::string>& activation_strategy) {
  return " requested-chassis=" + joined(requested_chassis) +
         (activation_strategy ? " activation-strategy=" + *activation_strategy
                              : " activation-strategy removed");
}

std::string route_text(const StaticRoute& route) {
  return route.router + " " + to_string(route.policy) + " " + route.ip_prefix + " via " +
         route.nexthop + (route.output_port ? " port " + *route.output_port : "");
}

struct Describe {
  std::string operator()(const LogicalSwitch& change) const { return "ls-add " + change.name; }
  std::string operator()(const LogicalSwitchPort& port) const {
    std::string text = "lsp-add " + port.logical_switch + " " + port.name;
    if (port.type != PortType::vif) text += std::string(" type=") + to_string(port.type);
    if (port.type == PortType::vif) text += " addresses=" + addresses_text(port.addresses);
    if (!port.enabled) text += " enabled=false";
    if (!port.requested_chassis.empty())
      text += " requested-chassis=" + joined(port.requested_chassis);
    return text;
  }
  std::string operator()(const DhcpOptions& options) const {
    return "dhcp-options-create " + options.name + " " + options.cidr;
  }
  std::string operator()(const LogicalRouter& router) const { return "lr-add " + router.name; }
  std::string operator()(const LogicalRouterPort& port) const {
    return "lrp-add " + port.router + " " + port.name + " " + port.mac + " " +
           joined(port.networks, " ");
  }
  std::string operator()(const StaticRoute& route) const {
    return "lr-route-add " + route_text(route);
  }
  std::string operator()(const RoutingPolicy& policy) const {
    return "lr-policy-add " + policy.router + " " + std::to_string(policy.priority) + " " +
           policy.match + " " + policy.action;
  }
  std::string operator()(const SetPortBinding& change) const {
    return change.port + binding_text(change.requested_chassis, change.activation_strategy);
  }
  std::string operator()(const SetPortEnabled& change) const {
    return change.port + (change.enabled ? " enabled" : " disabled");
  }
  std::string operator()(const SetPortAddresses& change) const {
    return change.port + " addresses=" + addresses_text(change.addresses);
  }
  std::string operator()(const DeletePort& change) const { return "lsp-del " + change.port; }
  std::string operator()(const DeleteStaticRoute& change) const {
    return "lr-route-del " + route_text(change.route);
  }
  std::string operator()(const DeleteRoutingPolicy& change) const {
    return "lr-policy-del " + change.router + " " + std::to_string(change.priority) + " " +
           change.match;
  }
};

}  // namespace

const char* to_string(PortType type) {
  switch (type) {
    case PortType::vif: return "";
    case PortType::router: return "router";
    case PortType::localnet: return "localnet";
  }
  return "?";
}

const char* to_string(RoutePolicy policy) {
  switch (policy) {
    case RoutePolicy::dst_ip: return "dst-ip";
    case RoutePolicy::src_ip: return "src-ip";
  }
  return "?";
}

std::string describe(const NorthboundChange& change) { return std::visit(Describe{}, change); }

}  // namespace lmlab
