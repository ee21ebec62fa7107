// The ns-3 backend: plays a scenario on an ns-3 model of an OVN cluster, in simulated time.
// The same scenario and seed always give the same records and events. This header holds no
// ns-3 types, so C++20 code can include it.
#pragma once

#include "sim/core/backend.hpp"

namespace lmlab {

const Backend& ns3_backend();

}  // namespace lmlab
