#include "sim/core/port_binding_rule.hpp"

#include <algorithm>

namespace lmlab {

namespace {
bool is_additional(const PortBindingState& binding, const std::string& chassis) {
  const auto& additional = binding.additional_chassis;
  return std::find(additional.begin(), additional.end(), chassis) != additional.end();
}
}  // namespace

PortBindingState requested_binding(const std::vector<std::string>& requested_chassis,
                                   const std::optional<std::string>& activation_strategy,
                                   std::set<std::string> activated) {
  PortBindingState binding;
  if (!requested_chassis.empty()) {
    binding.main_chassis = requested_chassis.front();
    binding.additional_chassis.assign(requested_chassis.begin() + 1, requested_chassis.end());
  }
  binding.blocked_until_rarp = activation_strategy == "rarp";
  // A chassis that is no longer additional loses its activation, as the SB record does.
  for (const auto& chassis : activated)
    if (is_additional(binding, chassis)) binding.activated.insert(chassis);
  return binding;
}

bool awaits_rarp(const PortBindingState& binding, const std::string& chassis) {
  return binding.blocked_until_rarp && is_additional(binding, chassis) &&
         binding.activated.count(chassis) == 0;
}

bool forwards_on(const PortBindingState& binding, const std::string& chassis) {
  if (binding.main_chassis == chassis) return true;
  return is_additional(binding, chassis) && !awaits_rarp(binding, chassis);
}

std::set<std::string> forwarding_chassis(const PortBindingState& binding) {
  std::set<std::string> chassis;
  if (binding.main_chassis) chassis.insert(*binding.main_chassis);
  for (const auto& name : binding.additional_chassis)
    if (forwards_on(binding, name)) chassis.insert(name);
  return chassis;
}

}  // namespace lmlab
