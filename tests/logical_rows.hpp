// Northbound rows for tests that lay out a small logical network by hand.
// Kept C++17-compatible: the model tests include it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/core/northbound.hpp"

namespace lmlab::testing {

inline LogicalSwitch logical_switch(const std::string& name) {
  return {name, std::nullopt, std::nullopt};
}

// A pod's port: its MAC and one IPv4 address, bound where `requested_chassis` says.
inline LogicalSwitchPort vif_port(const std::string& name, const std::string& logical_switch,
                                  const std::string& mac, const std::string& ip,
                                  std::vector<std::string> requested_chassis,
                                  const std::string& owner = "") {
  LogicalSwitchPort port;
  port.name = name;
  port.logical_switch = logical_switch;
  port.addresses = PortAddresses{mac, {ip}};
  port.requested_chassis = std::move(requested_chassis);
  port.owner = owner;
  return port;
}

}  // namespace lmlab::testing
