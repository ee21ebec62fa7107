// The Southbound side of the OVN model: the logical network as ovn-controller sees it once NB
// changes have propagated, with the port bindings and their RARP activations. The chassis
// pipelines ask it where a port is bound, whether it forwards on a chassis, and what the L2
// lookup and the ARP responder of a logical switch answer.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sim/core/clock.hpp"
#include "sim/core/logical_network.hpp"
#include "sim/core/phase_event.hpp"
#include "sim/core/port_binding_rule.hpp"

namespace lmlab {

class OvnSouthboundModel {
 public:
  OvnSouthboundModel(const Clock& clock, EventLog& log) : clock_(clock), log_(log) {}

  // An NB transaction as ovn-controller applies it (the change has reached the chassis);
  // logs binding_active for every chassis a port starts forwarding on.
  void apply(const NorthboundTransaction& transaction);
  // An additional chassis saw a RARP from the port: it stops blocking it there
  // (SB additional-chassis-activated; controller/physical.c priority 1010/1000 flows).
  void activate(const std::string& port, const std::string& chassis);

  bool knows(const std::string& port) const { return network_.port(port) != nullptr; }
  const std::string& switch_of(const std::string& port) const;
  // The tunnel key of a port (Geneve option), from 1, never reused; and back.
  std::uint32_t key_of(const std::string& port) const { return keys_.at(port); }
  std::optional<std::string> port_with_key(std::uint32_t key) const;
  // The switch's ports in creation order (flooding follows it).
  std::vector<std::string> ports_on(const std::string& logical_switch) const;
  // The L2 lookup: the switch's port with this MAC among its addresses.
  std::optional<std::string> port_with_mac(const std::string& logical_switch,
                                           const std::string& mac) const;
  // The ARP responder: the MAC of the switch's port owning an IPv4 address.
  std::optional<std::string> mac_of_ip(const std::string& logical_switch,
                                       const std::string& ip) const;
  // Main chassis first, then additional chassis: where traffic to the port is sent
  // (multi-chassis duplication).
  const std::vector<std::string>& chassis_of(const std::string& port) const;
  // Whether the port sends and receives on the chassis: enabled, and bound there (main, or
  // additional and not blocked).
  bool forwards_on(const std::string& port, const std::string& chassis) const;
  // Whether the chassis blocks the port until a RARP arrives from there.
  bool awaits_rarp(const std::string& port, const std::string& chassis) const;

 private:
  PortBindingState binding_of(const LogicalSwitchPort& port) const;
  // The binding of every port, kept for the per-packet checks of the chassis pipelines.
  void refresh_bindings();
  std::map<std::string, std::set<std::string>> forwarding_now() const;
  void report_new_forwarding(const std::map<std::string, std::set<std::string>>& before,
                             const std::string& how);

  const Clock& clock_;
  EventLog& log_;
  LogicalNetwork network_;
  std::map<std::string, std::set<std::string>> activated_;  // port -> chassis unblocked by RARP
  std::map<std::string, PortBindingState> bindings_;        // port -> binding, as refreshed
  std::map<std::string, std::uint32_t> keys_;
  std::vector<std::string> ports_by_key_;  // key - 1 -> port
};

}  // namespace lmlab
