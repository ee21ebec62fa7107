#include "models/ovn_northbound_model.hpp"

namespace lmlab {

void OvnNorthboundModel::add_port(const LogicalSwitchPort& port) {
  ports_[port.name] = port;
  propagate(port);
}

void OvnNorthboundModel::set_port_binding(const std::string& port,
                                          const std::vector<std::string>& requested_chassis,
                                          const std::optional<std::string>& activation_strategy) {
  auto& row = ports_.at(port);
  row.requested_chassis = requested_chassis;
  row.activation_strategy = activation_strategy;
  propagate(row);
}

void OvnNorthboundModel::propagate(const LogicalSwitchPort& port) {
  // Every chassis sees the change after the same path; a copy travels, as the SB row does.
  const Time delay = delays_.northd + delays_.southbound + delays_.ovn_controller;
  clock_.schedule_in(delay, [this, port] { southbound_.apply_port(port); });
}

}  // namespace lmlab
