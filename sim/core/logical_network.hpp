// The contents of a Northbound after the transactions committed to it: what a strategy has
// laid out, as a backend needs to read it back (which port a pod uses, which router port
// answers for the gateway) and as the ns-3 model's NB and SB hold it.
// Kept C++17-compatible: the ns-3 library includes it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/northbound.hpp"

namespace lmlab {

class LogicalNetwork {
 public:
  // Applies the changes in order. A change referring to a row that does not exist, or adding
  // one that does, throws std::logic_error and leaves the network as it was.
  void apply(const NorthboundTransaction& transaction);

  const std::map<std::string, LogicalSwitch>& switches() const { return switches_; }
  const std::map<std::string, LogicalSwitchPort>& ports() const { return ports_; }
  const std::map<std::string, DhcpOptions>& dhcp_options() const { return dhcp_options_; }
  const std::map<std::string, LogicalRouter>& routers() const { return routers_; }
  const std::map<std::string, LogicalRouterPort>& router_ports() const { return router_ports_; }
  const std::vector<StaticRoute>& static_routes() const { return static_routes_; }
  const std::vector<RoutingPolicy>& routing_policies() const { return routing_policies_; }

  const LogicalSwitchPort* port(const std::string& name) const;
  // The port of a pod (VM or client by scenario name) that requests `node` as its main
  // chassis; std::logic_error when the strategy laid out none.
  const LogicalSwitchPort& port_of(const std::string& owner, const std::string& node) const;
  // The router port that answers ARP for `address` through an arp_proxy on its switch port.
  const LogicalRouterPort* arp_proxy_for(const std::string& address) const;

 private:
  struct Applier;

  std::map<std::string, LogicalSwitch> switches_;
  std::map<std::string, LogicalSwitchPort> ports_;
  std::map<std::string, DhcpOptions> dhcp_options_;
  std::map<std::string, LogicalRouter> routers_;
  std::map<std::string, LogicalRouterPort> router_ports_;
  std::vector<StaticRoute> static_routes_;
  std::vector<RoutingPolicy> routing_policies_;
};

}  // namespace lmlab
