// The real backend: plays a scenario on a lab of real OVS/OVN daemons on this host, with the
// same engine and strategies as the ns-3 model, and measures it with real packets.
#pragma once

#include <cstdint>
#include <functional>

#include "sim/packet_record.hpp"
#include "sim/phase_event.hpp"
#include "sim/scenario.hpp"

namespace lmlab {

// Builds the scenario's lab, plays the scenario in wall-clock time, tears the lab down.
// Throws std::runtime_error (clear message, lab removed) when the host cannot run it, or when
// SIGINT or SIGTERM stops the run.
// `progress`, if set, hears the run time now and then.
RunOutput run_on_ovn(const Scenario& scenario, std::uint64_t seed, EventLog& log,
                     const std::function<void(Time)>& progress = {});

}  // namespace lmlab
