// The logical switch ports a scenario starts with: one per client and VM, bound to the node
// it starts on (external clients are outside OVN, on the provider network). Every backend creates them the same way before migrations begin.
#pragma once

#include "sim/northbound.hpp"
#include "sim/scenario.hpp"

namespace lmlab {

void create_logical_ports(const Scenario& scenario, Northbound& northbound);

}  // namespace lmlab
