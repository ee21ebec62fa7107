// The one network interface of a guest (a client pod or a VM): its MAC, MTU and addresses
// from the scenario, set up the way the guest's OS would.
#pragma once

#include <string>
#include <vector>

#include "sim/core/scenario.hpp"

namespace lmlab::real {

// Configures `interface` in `netns`: MAC, the scenario's addresses with the prefix length of
// the subnet they belong to, and transmit checksums computed in the guest.
void configure_guest_interface(const std::string& netns, const std::string& interface,
                               const std::string& mac, const std::vector<std::string>& ips,
                               const NetworkSpec& network);

// Adds one address, with the prefix length of its subnet.
void add_guest_address(const std::string& netns, const std::string& interface,
                       const std::string& ip, const NetworkSpec& network);

// Writes a sysctl inside a namespace, e.g. ("net/ipv6/conf/all/disable_ipv6", "1").
void set_namespace_sysctl(const std::string& netns, const std::string& key,
                          const std::string& value);

}  // namespace lmlab::real
