// The line between bad input and a run that could not be carried out. Playing a scenario
// (run_scenario) or building its lab throws ScenarioError or std::invalid_argument for bad
// input, such as a backend that cannot play the scenario; any other exception means this host
// could not carry the run out: a program or package missing, no root, a daemon that fails,
// SIGINT or SIGTERM. The commands exit differently for the two, and a matrix records the
// second and goes on.
#pragma once

#include <stdexcept>

#include "sim/loader/scenario_loader.hpp"

namespace lmlab::cli {

class RunFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Returns what `play` returns; rethrows bad input as it is and any other exception as a
// RunFailure with the same message.
template <typename Play>
auto carry_out(Play&& play) -> decltype(play()) {
  try {
    return play();
  } catch (const ScenarioError&) {
    throw;
  } catch (const std::invalid_argument&) {
    throw;
  } catch (const std::exception& error) {
    throw RunFailure(error.what());
  }
}

// For a catch block of a command: writes the exception being handled to stderr (a scenario
// error as file:line:col: message, any other after "lmlab: ") and returns the exit status,
// kExitRunFailed for a RunFailure and kExitBadInput for anything else.
int report_error();

}  // namespace lmlab::cli
