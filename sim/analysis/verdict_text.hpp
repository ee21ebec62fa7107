// How verdicts name what they checked and print what they measured, shared by the scenario's
// expectations and the measurement checks so the two read alike.
#pragma once

#include <string>

#include "sim/core/scenario.hpp"

namespace lmlab {

// "vm1 probe client-to-vm": a flow as verdicts and reports name it.
std::string flow_subject(const std::string& vm, const std::string& workload, Direction direction);
// Milliseconds to the microsecond, so a figure reads against a limit at a glance; nanosecond
// digits would only be noise in a verdict.
std::string format_measured(Time duration);
// Whether the scenario migrates the VM at all.
bool migrates(const Scenario& scenario, const std::string& vm);

}  // namespace lmlab
