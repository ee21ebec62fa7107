#include "sim/cli/run_failure.hpp"

#include <fmt/core.h>

#include "sim/cli/commands.hpp"

namespace lmlab::cli {

int report_error() {
  try {
    throw;
  } catch (const ScenarioError& error) {
    fmt::print(stderr, "{}\n", error.what());
  } catch (const RunFailure& error) {
    fmt::print(stderr, "lmlab: {}\n", error.what());
    return kExitRunFailed;
  } catch (const std::exception& error) {
    fmt::print(stderr, "lmlab: {}\n", error.what());
  }
  return kExitBadInput;
}

}  // namespace lmlab::cli
