#include "models/ovn_southbound_model.hpp"

#include <algorithm>
#include <variant>

namespace lmlab {

PortBindingState OvnSouthboundModel::binding_of(const LogicalSwitchPort& port) const {
  const auto activated = activated_.find(port.name);
  return requested_binding(port.requested_chassis, port.activation_strategy,
                           activated == activated_.end() ? std::set<std::string>{}
                                                         : activated->second);
}

std::map<std::string, std::set<std::string>> OvnSouthboundModel::forwarding_now() const {
  std::map<std::string, std::set<std::string>> forwarding;
  for (const auto& [name, port] : network_.ports())
    if (port.enabled) forwarding[name] = forwarding_chassis(binding_of(port));
  return forwarding;
}

void OvnSouthboundModel::report_new_forwarding(
    const std::map<std::string, std::set<std::string>>& before, const std::string& how) {
  // In creation order, as ports were reported before there were several.
  for (const auto& port : ports_by_key_) {
    const auto* row = network_.port(port);
    if (!row || !row->enabled) continue;
    const auto was = before.find(port);
    for (const auto& chassis : forwarding_chassis(binding_of(*row)))
      if (was == before.end() || was->second.count(chassis) == 0)
        log_.add({clock_.now(), "", Phase::binding_active, chassis,
                  was == before.end() ? "port bound" : how, port});
  }
}

void OvnSouthboundModel::apply(const NorthboundTransaction& transaction) {
  const auto before = forwarding_now();
  network_.apply(transaction);
  // Keys in the order the transaction creates the ports, so that flooding follows it.
  for (const auto& change : transaction.changes) {
    const auto* port = std::get_if<LogicalSwitchPort>(&change);
    if (!port || keys_.count(port->name)) continue;
    ports_by_key_.push_back(port->name);
    keys_[port->name] = static_cast<std::uint32_t>(ports_by_key_.size());
  }
  // A chassis that is no longer additional loses its activation, as the SB record does; a
  // deleted port's Port_Binding goes, and its activations with it.
  for (auto entry = activated_.begin(); entry != activated_.end();) {
    const auto* port = network_.port(entry->first);
    if (!port) {
      entry = activated_.erase(entry);
      continue;
    }
    entry->second = binding_of(*port).activated;
    ++entry;
  }
  refresh_bindings();
  report_new_forwarding(before, "binding changed");
}

void OvnSouthboundModel::refresh_bindings() {
  bindings_.clear();
  for (const auto& [name, port] : network_.ports()) bindings_.emplace(name, binding_of(port));
}

void OvnSouthboundModel::activate(const std::string& port, const std::string& chassis) {
  if (!awaits_rarp(port, chassis)) return;
  const auto before = forwarding_now();
  activated_[port].insert(chassis);
  refresh_bindings();
  report_new_forwarding(before, "activated by RARP");
}

const std::string& OvnSouthboundModel::switch_of(const std::string& port) const {
  return network_.ports().at(port).logical_switch;
}

std::optional<std::string> OvnSouthboundModel::port_with_key(std::uint32_t key) const {
  if (key == 0 || key > ports_by_key_.size() || !knows(ports_by_key_[key - 1]))
    return std::nullopt;
  return ports_by_key_[key - 1];
}

std::vector<std::string> OvnSouthboundModel::ports_on(const std::string& logical_switch) const {
  std::vector<std::string> ports;
  for (const auto& name : ports_by_key_)
    if (const auto* port = network_.port(name); port && port->logical_switch == logical_switch)
      ports.push_back(name);
  return ports;
}

std::optional<std::string> OvnSouthboundModel::port_with_mac(const std::string& logical_switch,
                                                             const std::string& mac) const {
  for (const auto& [name, port] : network_.ports())
    if (port.logical_switch == logical_switch && port.addresses && port.addresses->mac == mac)
      return name;
  return std::nullopt;
}

std::optional<std::string> OvnSouthboundModel::mac_of_ip(const std::string& logical_switch,
                                                         const std::string& ip) const {
  for (const auto& [name, port] : network_.ports()) {
    if (port.logical_switch != logical_switch || !port.addresses) continue;
    const auto& ips = port.addresses->ips;
    if (std::find(ips.begin(), ips.end(), ip) != ips.end()) return port.addresses->mac;
  }
  return std::nullopt;
}

const std::vector<std::string>& OvnSouthboundModel::chassis_of(const std::string& port) const {
  return network_.ports().at(port).requested_chassis;
}

bool OvnSouthboundModel::forwards_on(const std::string& port, const std::string& chassis) const {
  const auto& row = network_.ports().at(port);
  return row.enabled && lmlab::forwards_on(bindings_.at(port), chassis);
}

bool OvnSouthboundModel::awaits_rarp(const std::string& port, const std::string& chassis) const {
  return lmlab::awaits_rarp(bindings_.at(port), chassis);
}

}  // namespace lmlab
