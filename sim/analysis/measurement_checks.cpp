#include "sim/analysis/measurement_checks.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "sim/analysis/verdict_text.hpp"

namespace lmlab {

namespace {

std::string subject_of(const ProbeFigures& probe) {
  return flow_subject(probe.vm, probe.workload, probe.direction);
}

ExpectationResult probes_measured(const ProbeFigures& probe) {
  const bool measured = probe.sent > 0 && probe.received > 0;
  return {"probes_measured", subject_of(probe), "sent > 0, received > 0",
          "sent " + std::to_string(probe.sent) + ", received " + std::to_string(probe.received),
          measured};
}

ExpectationResult loss_outside_migration(const ProbeFigures& probe) {
  const double share = probe.sent_outside_migration == 0
                           ? 0
                           : static_cast<double>(probe.lost_outside_migration) /
                                 static_cast<double>(probe.sent_outside_migration);
  char expected[48], measured[96];
  std::snprintf(expected, sizeof expected, "<= %.1f%%", kMaxLossOutsideMigration * 100);
  std::snprintf(measured, sizeof measured, "%.2f%% (%llu of %llu)", share * 100,
                static_cast<unsigned long long>(probe.lost_outside_migration),
                static_cast<unsigned long long>(probe.sent_outside_migration));
  return {"loss_outside_migration", subject_of(probe), expected, measured,
          share <= kMaxLossOutsideMigration};
}

const DowntimeBreakdown* breakdown_of(const Figures& figures, const std::string& vm) {
  const auto found = std::find_if(figures.breakdowns.begin(), figures.breakdowns.end(),
                                  [&](const DowntimeBreakdown& b) { return b.vm == vm; });
  return found == figures.breakdowns.end() ? nullptr : &*found;
}

void check_downtime_covers_pause(std::vector<ExpectationResult>& results, const Figures& figures,
                                 const ProbeFigures& probe) {
  const auto* breakdown = breakdown_of(figures, probe.vm);
  if (!breakdown || !breakdown->vm_paused || !probe.recovered) return;
  const Time least = std::max(Time{0}, *breakdown->vm_paused - probe.interval);
  results.push_back({"downtime_covers_pause", subject_of(probe),
                     ">= " + format_measured(least) + " (paused " + format_measured(*breakdown->vm_paused) +
                         " less one interval)",
                     format_measured(probe.downtime), probe.downtime >= least});
}

// What became of a migration: completed, failed (and why), or still running at the end.
ExpectationResult migration_completed(const MigrationSpec& migration,
                                      const std::vector<PhaseEvent>& events, Time run_end) {
  std::string outcome = "still running when the run ended at " + format_measured(run_end);
  bool completed = false;
  for (const auto& event : events) {
    if (event.vm != migration.vm || event.time < migration.start) continue;
    if (event.phase == Phase::migration_completed) {
      completed = true;
      outcome = "completed at " + format_measured(event.time);
      break;
    }
    if (event.phase == Phase::migration_failed) {
      outcome = "failed at " + format_measured(event.time) + ": " + event.detail;
      break;
    }
  }
  return {"migration_completed", migration.vm + " to " + migration.target_node, "completed",
          outcome, completed};
}

}  // namespace

std::vector<ExpectationResult> check_measurement(const Scenario& scenario, const Figures& figures,
                                                 const std::vector<PhaseEvent>& events) {
  std::vector<ExpectationResult> results;
  for (const auto& probe : figures.probes) {
    results.push_back(probes_measured(probe));
    results.push_back(loss_outside_migration(probe));
    check_downtime_covers_pause(results, figures, probe);
  }
  for (const auto& migration : scenario.migrations)
    results.push_back(migration_completed(migration, events, scenario.duration));
  for (const auto& tcp : figures.tcp_streams) {
    if (!migrates(scenario, tcp.vm)) continue;
    results.push_back({"tcp_recovered", flow_subject(tcp.vm, tcp.workload, tcp.direction),
                       "survived, throughput recovered",
                       tcp.survived ? "true" : "false (" + tcp.failure + ")", tcp.survived});
  }
  return results;
}

}  // namespace lmlab
