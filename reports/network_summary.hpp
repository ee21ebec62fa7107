// The scenario's network in one sentence, for the headers of the Markdown and HTML reports:
// subnets and MTU, then whatever the scenario adds to a plain overlay (OVN DHCP and the VMs
// leasing from it, the link-local gateway, the underlay VLAN and its external clients, a
// Northbound preload, workloads over IPv6), so a reader sees what the figures were played on.
#pragma once

#include <string>

#include "sim/core/scenario.hpp"

namespace lmlab {

std::string describe_network(const Scenario& scenario);

}  // namespace lmlab
