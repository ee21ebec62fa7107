// Plays a scenario on a backend and turns what it observed into a Result: analysis,
// expectations and run metadata. The one run loop every backend shares.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/result.hpp"
#include "sim/core/scenario.hpp"

namespace lmlab {

// Called now and then during a run with the simulated time reached, for progress displays.
// It only observes: a run with it gives the same result as one without.
using ProgressCallback = std::function<void(Time simulated)>;

struct RunOptions {
  std::string backend = "ns3";
  std::optional<std::uint64_t> seed;  // overrides the scenario's seed
  ProgressCallback progress;          // may be empty
};

// Now in UTC, ISO 8601, as run metadata records the start of a run.
std::string utc_timestamp();

// The names of the backends `run_scenario` accepts (sim/core/backend.hpp).
std::vector<std::string> available_backends();

// Why `backend` cannot play the scenario, if it cannot (run_scenario would refuse it).
std::optional<std::string> backend_cannot_play(const Scenario& scenario, const std::string& backend);

// Opens a session on the backend, lays out the strategy's network, plays the migrations and
// analyzes what the backend observed. Throws std::invalid_argument for bad input (a backend
// it does not know, or one that cannot play the scenario), std::runtime_error when the run
// could not be carried out.
Result run_scenario(const Scenario& scenario, const RunOptions& options);

}  // namespace lmlab
