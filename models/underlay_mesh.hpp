// The underlay between chassis: every pair joined by a full-duplex link of the scenario's rate
// and latency, carrying the Geneve tunnel between the two.
#pragma once

#include <vector>

#include "models/ovn_chassis.hpp"
#include "sim/core/scenario.hpp"

namespace lmlab {

void join_chassis_pairwise(const std::vector<OvnChassis*>& chassis, const ClusterSpec& cluster);

}  // namespace lmlab
