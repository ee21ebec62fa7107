// The Southbound side of the OVN model: logical switch ports with their port bindings as
// ovn-controller sees them once NB changes have propagated. The chassis pipelines ask it
// where a port is bound and whether it forwards on a chassis.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sim/clock.hpp"
#include "sim/northbound.hpp"
#include "sim/phase_event.hpp"

namespace lmlab {

class OvnSouthboundModel {
 public:
  OvnSouthboundModel(const Clock& clock, EventLog& log) : clock_(clock), log_(log) {}

  // A port's binding as ovn-controller applies it (the NB change has reached the chassis).
  void apply_port(const LogicalSwitchPort& port);
  // An additional chassis saw a RARP from the port: it stops blocking it there
  // (SB additional-chassis-activated; controller/physical.c priority 1010/1000 flows).
  void activate(const std::string& port, const std::string& chassis);

  // Ports known to the logical switch, in creation order.
  const std::vector<std::string>& port_names() const { return order_; }
  std::optional<std::string> port_with_mac(const std::string& mac) const;
  // The MAC of the port owning an IPv4 address (the ARP responder's answer).
  std::optional<std::string> mac_of_ip(const std::string& ip) const;
  // Main chassis first, then additional chassis: where traffic to the port is sent
  // (multi-chassis duplication).
  std::vector<std::string> chassis_of(const std::string& port) const;
  // Whether the port sends and receives on the chassis: main, or additional and not blocked.
  bool forwards_on(const std::string& port, const std::string& chassis) const;
  // Whether the chassis blocks the port until a RARP arrives from there.
  bool awaits_rarp(const std::string& port, const std::string& chassis) const;

 private:
  struct Binding {
    LogicalSwitchPort port;
    std::set<std::string> activated;  // additional chassis unblocked by a RARP
  };
  bool forwards(const Binding& binding, const std::string& chassis) const;
  void report_new_forwarding(const std::string& port, const std::set<std::string>& before,
                             const std::string& how);
  std::set<std::string> forwarding_chassis(const Binding& binding) const;

  const Clock& clock_;
  EventLog& log_;
  std::map<std::string, Binding> ports_;
  std::vector<std::string> order_;
};

}  // namespace lmlab
