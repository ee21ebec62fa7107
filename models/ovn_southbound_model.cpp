#include "models/ovn_southbound_model.hpp"

#include <algorithm>

namespace lmlab {

namespace {
bool is_additional(const LogicalSwitchPort& port, const std::string& chassis) {
  return std::find(port.requested_chassis.begin() + (port.requested_chassis.empty() ? 0 : 1),
                   port.requested_chassis.end(), chassis) != port.requested_chassis.end();
}
bool is_main(const LogicalSwitchPort& port, const std::string& chassis) {
  return !port.requested_chassis.empty() && port.requested_chassis.front() == chassis;
}
}  // namespace

bool OvnSouthboundModel::forwards(const Binding& binding, const std::string& chassis) const {
  if (is_main(binding.port, chassis)) return true;
  if (!is_additional(binding.port, chassis)) return false;
  return binding.port.activation_strategy != "rarp" || binding.activated.count(chassis) > 0;
}

std::set<std::string> OvnSouthboundModel::forwarding_chassis(const Binding& binding) const {
  std::set<std::string> chassis;
  for (const auto& name : binding.port.requested_chassis)
    if (forwards(binding, name)) chassis.insert(name);
  return chassis;
}

void OvnSouthboundModel::report_new_forwarding(const std::string& port,
                                               const std::set<std::string>& before,
                                               const std::string& how) {
  for (const auto& chassis : forwarding_chassis(ports_.at(port)))
    if (before.count(chassis) == 0)
      log_.add({clock_.now(), port, Phase::binding_active, chassis, how});
}

void OvnSouthboundModel::apply_port(const LogicalSwitchPort& port) {
  auto found = ports_.find(port.name);
  if (found == ports_.end()) {
    order_.push_back(port.name);
    found = ports_.emplace(port.name, Binding{port, {}}).first;
    report_new_forwarding(port.name, {}, "port bound");
    return;
  }
  const auto before = forwarding_chassis(found->second);
  // A chassis that becomes additional anew starts blocked again; one that stays keeps its
  // activation, as the SB record keeps additional-chassis-activated.
  std::set<std::string> activated;
  for (const auto& chassis : found->second.activated)
    if (is_additional(port, chassis)) activated.insert(chassis);
  found->second = Binding{port, activated};
  report_new_forwarding(port.name, before, "binding changed");
}

void OvnSouthboundModel::activate(const std::string& port, const std::string& chassis) {
  auto& binding = ports_.at(port);
  if (!awaits_rarp(port, chassis)) return;
  const auto before = forwarding_chassis(binding);
  binding.activated.insert(chassis);
  report_new_forwarding(port, before, "activated by RARP");
}

std::optional<std::string> OvnSouthboundModel::port_with_mac(const std::string& mac) const {
  for (const auto& [name, binding] : ports_)
    if (binding.port.mac == mac) return name;
  return std::nullopt;
}

std::optional<std::string> OvnSouthboundModel::mac_of_ip(const std::string& ip) const {
  for (const auto& [name, binding] : ports_) {
    const auto& ips = binding.port.ips;
    if (std::find(ips.begin(), ips.end(), ip) != ips.end()) return binding.port.mac;
  }
  return std::nullopt;
}

std::vector<std::string> OvnSouthboundModel::chassis_of(const std::string& port) const {
  return ports_.at(port).port.requested_chassis;
}

bool OvnSouthboundModel::forwards_on(const std::string& port, const std::string& chassis) const {
  return forwards(ports_.at(port), chassis);
}

bool OvnSouthboundModel::awaits_rarp(const std::string& port, const std::string& chassis) const {
  const auto& binding = ports_.at(port);
  return is_additional(binding.port, chassis) && binding.port.activation_strategy == "rarp" &&
         binding.activated.count(chassis) == 0;
}

}  // namespace lmlab
