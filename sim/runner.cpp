#include "sim/runner.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <stdexcept>

#include "models/ns3_backend.hpp"
#include "real-backend/ovn_backend.hpp"
#include "sim/analyzer.hpp"
#include "sim/expectations.hpp"
#include "sim/timeline_summary.hpp"

namespace lmlab {

std::string utc_timestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::vector<std::string> available_backends() { return {"ns3", "ovn"}; }

std::optional<std::string> backend_cannot_play(const Scenario& scenario,
                                               const std::string& backend) {
  return backend == "ns3" ? ns3_cannot_play(scenario) : std::nullopt;
}

Result run_scenario(const Scenario& scenario, const RunOptions& options) {
  const auto backends = available_backends();
  if (std::find(backends.begin(), backends.end(), options.backend) == backends.end())
    throw std::invalid_argument("unknown backend '" + options.backend + "' (available: ns3, ovn)");
  Result result;
  result.scenario = scenario;
  result.seed = options.seed.value_or(scenario.seed);
  result.metadata.lmlab_version = LMLAB_VERSION;
  result.metadata.started_at = utc_timestamp();

  const auto wall_start = std::chrono::steady_clock::now();
  EventLog log;
  const RunOutput output =
      options.backend == "ovn" ? run_on_ovn(scenario, result.seed, log, options.progress)
                               : run_on_ns3(scenario, result.seed, log, options.progress);
  const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - wall_start;

  result.backend = output.backend;
  result.flows = output.flows;
  result.events = log.events();
  result.figures = analyze(scenario, output, result.events);
  result.timeline = summarize_timeline(output);
  result.expectations = evaluate_expectations(scenario, result.figures);
  for (const auto& expectation : result.expectations) result.passed &= expectation.passed;
  result.metadata.backend_version = output.backend_version;
  result.metadata.wall_time_seconds = wall.count();
  result.metadata.simulator_events = output.simulator_events;
  result.metadata.events_per_second =
      wall.count() > 0 ? static_cast<double>(output.simulator_events) / wall.count() : 0;
  return result;
}

}  // namespace lmlab
