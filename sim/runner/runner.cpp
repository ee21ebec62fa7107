#include "sim/runner/runner.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <set>
#include <stdexcept>

#include "sim/analysis/analyzer.hpp"
#include "sim/core/backend.hpp"
#include "sim/analysis/expectations.hpp"
#include "sim/analysis/measurement_checks.hpp"
#include "sim/engine/migration_engine.hpp"
#include "sim/engine/northbound_mirror.hpp"
#include "sim/engine/run_progress.hpp"
#include "sim/engine/strategy.hpp"
#include "sim/analysis/timeline_summary.hpp"

namespace lmlab {

namespace {

// Identity is observed this long before a VM's first migration starts, so the observation
// precedes the migration's first phase event on every backend (in wall-clock time one at
// the same instant may land after it).
constexpr Time kIdentityLead = std::chrono::milliseconds(10);
constexpr int kProgressSteps = 100;  // progress is reported every 1% of the run

// Each migrated VM with its first migration's start, in the order of those migrations.
std::vector<const MigrationSpec*> first_migrations(const Scenario& scenario) {
  std::vector<const MigrationSpec*> first;
  for (const auto& migration : scenario.migrations)
    if (std::none_of(first.begin(), first.end(),
                     [&](const MigrationSpec* seen) { return seen->vm == migration.vm; }))
      first.push_back(&migration);
  return first;
}

// The address families the VM's workloads use, IPv4 first.
std::set<AddressFamily> families_of(const Scenario& scenario, const std::string& vm) {
  std::set<AddressFamily> families;
  for (const auto& probe : scenario.workloads.probes)
    if (probe.vm == vm) families.insert(probe.family);
  for (const auto& stream : scenario.workloads.tcp_streams)
    if (stream.vm == vm) families.insert(stream.family);
  return families;
}

// What the VM looks like to its clients now, over each family its workloads use.
void observe_identity(const Scenario& scenario, const std::string& vm, Workloads& workloads,
                      std::vector<IdentityObservation>& observations) {
  for (const auto family : families_of(scenario, vm))
    observations.push_back(workloads.observe_identity(vm, family));
}

// Each migrated VM's identity before its first migration starts.
void schedule_identity_checks(const Scenario& scenario, Clock& clock, Workloads& workloads,
                              std::vector<IdentityObservation>& observations) {
  for (const auto* migration : first_migrations(scenario)) {
    const Time before = std::max(Time{0}, migration->start - kIdentityLead);
    clock.schedule_at(before, [&scenario, &workloads, &observations, vm = migration->vm] {
      observe_identity(scenario, vm, workloads, observations);
    });
  }
}

// Plays the scenario on an open session; what it observed goes into `output`.
void play(const Scenario& scenario, Session& session, EventLog& log, RunOutput& output,
          const ProgressCallback& progress) {
  const auto strategy = make_strategy(scenario.cluster.strategy);
  NorthboundMirror northbound(session.northbound(), log);
  strategy->build_network(scenario, northbound);
  session.start(northbound.network());

  Clock& clock = session.clock();
  MigrationEngine engine(scenario, clock, northbound, session.hypervisor(), *strategy, log);
  engine.schedule_migrations();
  schedule_identity_checks(scenario, clock, session.workloads(), output.identities);
  if (progress)
    schedule_progress(clock, std::max(Time{1}, scenario.duration / kProgressSteps),
                      scenario.duration, progress);
  session.run_until(scenario.duration);

  for (const auto* migration : first_migrations(scenario))  // and after the run
    observe_identity(scenario, migration->vm, session.workloads(), output.identities);
  session.finish();
  output.flows = session.workloads().flows();
  output.records = session.workloads().take_records();
  output.backend_version = session.version();
  output.simulator_events = session.simulator_events();
}

}  // namespace

std::string utc_timestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::vector<std::string> available_backends() {
  std::vector<std::string> names;
  for (const Backend* backend : backends()) names.push_back(backend->name());
  return names;
}

std::optional<std::string> backend_cannot_play(const Scenario& scenario,
                                               const std::string& backend) {
  return backend_named(backend).cannot_play(scenario);
}

Result run_scenario(const Scenario& scenario, const RunOptions& options) {
  const Backend& backend = backend_named(options.backend);
  if (const auto reason = backend.cannot_play(scenario)) throw std::invalid_argument(*reason);
  Result result;
  result.scenario = scenario;
  result.backend = backend.name();
  result.seed = options.seed.value_or(scenario.seed);
  result.metadata.lmlab_version = LMLAB_VERSION;
  result.metadata.started_at = utc_timestamp();

  const auto wall_start = std::chrono::steady_clock::now();
  EventLog log;
  RunOutput output;
  output.backend = backend.name();
  play(scenario, *backend.open(scenario, result.seed, log), log, output, options.progress);
  const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - wall_start;

  result.flows = output.flows;
  result.events = log.events();
  result.identity_observations = output.identities;
  result.figures = analyze(scenario, output, result.events);
  result.timeline = summarize_timeline(output);
  result.expectations = evaluate_expectations(scenario, result.figures);
  const auto checks = check_measurement(scenario, result.figures, result.events);
  result.expectations.insert(result.expectations.end(), checks.begin(), checks.end());
  for (const auto& expectation : result.expectations) result.passed &= expectation.passed;
  result.metadata.backend_version = output.backend_version;
  result.metadata.wall_time_seconds = wall.count();
  result.metadata.simulator_events = output.simulator_events;
  result.metadata.events_per_second =
      wall.count() > 0 ? static_cast<double>(output.simulator_events) / wall.count() : 0;
  return result;
}

}  // namespace lmlab
