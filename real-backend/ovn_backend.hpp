// The real backend: plays a scenario on a lab of real OVS/OVN daemons on this host, with the
// same engine and strategies as the ns-3 model, and measures it with real packets.
#pragma once

#include "sim/core/backend.hpp"

namespace lmlab {

// Its sessions build the scenario's lab when opened and tear it down when they go. They
// throw std::runtime_error (clear message, lab removed) when the host cannot run it, or when
// SIGINT or SIGTERM stops the run.
const Backend& ovn_backend();

}  // namespace lmlab
