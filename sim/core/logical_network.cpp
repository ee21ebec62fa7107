#include "sim/core/logical_network.hpp"

#include <algorithm>
#include <stdexcept>

namespace lmlab {

namespace {

template <typename Row>
Row& existing(std::map<std::string, Row>& rows, const std::string& name, const char* what) {
  const auto found = rows.find(name);
  if (found == rows.end()) throw std::logic_error(std::string("no ") + what + " named " + name);
  return found->second;
}

template <typename Row>
void add_new(std::map<std::string, Row>& rows, const std::string& name, Row row,
             const char* what) {
  if (!rows.emplace(name, std::move(row)).second)
    throw std::logic_error(std::string(what) + " " + name + " exists already");
}

bool same_route(const StaticRoute& a, const StaticRoute& b) {
  return a.router == b.router && a.policy == b.policy && a.ip_prefix == b.ip_prefix &&
         a.nexthop == b.nexthop;
}

}  // namespace

// Applies one change to the network it was made for.
struct LogicalNetwork::Applier {
  LogicalNetwork& network;

  void operator()(const LogicalSwitch& row) const {
    add_new(network.switches_, row.name, row, "logical switch");
  }
  void operator()(const LogicalSwitchPort& row) const {
    existing(network.switches_, row.logical_switch, "logical switch");
    for (const auto* options : {&row.dhcpv4_options, &row.dhcpv6_options})
      if (*options) existing(network.dhcp_options_, **options, "DHCP options");
    add_new(network.ports_, row.name, row, "logical switch port");
  }
  void operator()(const DhcpOptions& row) const {
    add_new(network.dhcp_options_, row.name, row, "DHCP options");
  }
  void operator()(const LogicalRouter& row) const {
    add_new(network.routers_, row.name, row, "logical router");
  }
  void operator()(const LogicalRouterPort& row) const {
    existing(network.routers_, row.router, "logical router");
    add_new(network.router_ports_, row.name, row, "logical router port");
  }
  void operator()(const StaticRoute& row) const {
    existing(network.routers_, row.router, "logical router");
    network.static_routes_.push_back(row);
  }
  void operator()(const RoutingPolicy& row) const {
    existing(network.routers_, row.router, "logical router");
    network.routing_policies_.push_back(row);
  }
  void operator()(const SetPortBinding& change) const {
    auto& port = existing(network.ports_, change.port, "logical switch port");
    port.requested_chassis = change.requested_chassis;
    port.activation_strategy = change.activation_strategy;
  }
  void operator()(const SetPortEnabled& change) const {
    existing(network.ports_, change.port, "logical switch port").enabled = change.enabled;
  }
  void operator()(const SetPortAddresses& change) const {
    existing(network.ports_, change.port, "logical switch port").addresses = change.addresses;
  }
  void operator()(const DeletePort& change) const {
    existing(network.ports_, change.port, "logical switch port");
    network.ports_.erase(change.port);
  }
  void operator()(const DeleteStaticRoute& change) const {
    auto& routes = network.static_routes_;
    const auto found = std::find_if(routes.begin(), routes.end(), [&](const StaticRoute& route) {
      return same_route(route, change.route);
    });
    if (found == routes.end())
      throw std::logic_error("no static route " + change.route.ip_prefix + " via " +
                             change.route.nexthop + " on " + change.route.router);
    routes.erase(found);
  }
  void operator()(const DeleteRoutingPolicy& change) const {
    auto& policies = network.routing_policies_;
    const auto found =
        std::find_if(policies.begin(), policies.end(), [&](const RoutingPolicy& policy) {
          return policy.router == change.router && policy.priority == change.priority &&
                 policy.match == change.match;
        });
    if (found == policies.end())
      throw std::logic_error("no routing policy " + std::to_string(change.priority) + " " +
                             change.match + " on " + change.router);
    policies.erase(found);
  }
};

void LogicalNetwork::apply(const NorthboundTransaction& transaction) {
  LogicalNetwork changed = *this;  // all or nothing, as an NB transaction
  for (const auto& change : transaction.changes) std::visit(Applier{changed}, change);
  *this = std::move(changed);
}

const LogicalSwitchPort* LogicalNetwork::port(const std::string& name) const {
  const auto found = ports_.find(name);
  return found == ports_.end() ? nullptr : &found->second;
}

const LogicalSwitchPort& LogicalNetwork::port_of(const std::string& owner,
                                                 const std::string& node) const {
  for (const auto& [name, port] : ports_)
    if (port.owner == owner && !port.requested_chassis.empty() &&
        port.requested_chassis.front() == node)
      return port;
  throw std::logic_error("the network has no port for " + owner + " on " + node);
}

const LogicalRouterPort* LogicalNetwork::arp_proxy_for(const std::string& address) const {
  for (const auto& [name, port] : ports_) {
    const auto& proxied = port.arp_proxy;
    if (port.type != PortType::router || !port.router_port ||
        std::find(proxied.begin(), proxied.end(), address) == proxied.end())
      continue;
    const auto router_port = router_ports_.find(*port.router_port);
    if (router_port != router_ports_.end()) return &router_port->second;
  }
  return nullptr;
}

}  // namespace lmlab
