// The ns-3 backend: plays a scenario on an ns-3 model of an OVN cluster. This header holds
// no ns-3 types, so C++20 code can call it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "sim/packet_record.hpp"
#include "sim/phase_event.hpp"
#include "sim/scenario.hpp"

namespace lmlab {

// Why the model cannot play this scenario faithfully, if it cannot (run_on_ns3 refuses it).
std::optional<std::string> ns3_cannot_play(const Scenario& scenario);

// Runs the scenario for its duration in simulated time; phase events go to `log`. `progress`,
// when set, is called every 1% of the duration with the simulated time reached.
// The same scenario and seed always give the same output, with or without `progress`.
RunOutput run_on_ns3(const Scenario& scenario, std::uint64_t seed, EventLog& log,
                     const std::function<void(Time)>& progress = {});

}  // namespace lmlab
