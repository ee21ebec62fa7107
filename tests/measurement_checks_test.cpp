// A run whose measurement cannot be trusted does not pass, whatever its scenario expects.
#include "sim/analysis/measurement_checks.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace lmlab {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;

Scenario migrating_vm1() {
  Scenario scenario;
  scenario.duration = 12s;
  scenario.migrations.push_back(MigrationSpec{
      .vm = "vm1", .target_node = "node-b", .start = 3s, .bandwidth_bps = 10'000'000'000});
  return scenario;
}

// A probe direction that measured well: 10 000 sent, 17 lost in the migration, 17 ms down.
ProbeFigures sound_probe() {
  ProbeFigures probe;
  probe.workload = "probe";
  probe.vm = "vm1";
  probe.direction = Direction::client_to_vm;
  probe.interval = 1ms;
  probe.sent = 10'000;
  probe.received = 9'983;
  probe.sent_outside_migration = 8'000;
  probe.downtime = 17ms;
  return probe;
}

Figures figures_with(ProbeFigures probe, Time paused = 16ms) {
  Figures figures;
  figures.probes = {std::move(probe)};
  DowntimeBreakdown breakdown;
  breakdown.vm = "vm1";
  breakdown.vm_paused = paused;
  figures.breakdowns = {breakdown};
  return figures;
}

std::vector<PhaseEvent> completed_at(Time at) {
  return {{3s, "vm1", Phase::migration_scheduled, "node-b", ""},
          {at, "vm1", Phase::migration_completed, "node-b", ""}};
}

const ExpectationResult& verdict(const std::vector<ExpectationResult>& results,
                                 const std::string& name) {
  const auto found = std::find_if(results.begin(), results.end(),
                                  [&](const ExpectationResult& r) { return r.expectation == name; });
  if (found == results.end()) throw std::runtime_error("no verdict " + name);
  return *found;
}

TEST(MeasurementChecks, ASoundRunPassesEveryCheck) {
  const auto results = check_measurement(migrating_vm1(), figures_with(sound_probe()), completed_at(5s));
  ASSERT_EQ(results.size(), 4u);  // measured, loss outside, covers pause, migration completed
  for (const auto& result : results) EXPECT_TRUE(result.passed) << result.expectation;
}

TEST(MeasurementChecks, ADirectionThatReceivedNothingIsNotMeasured) {
  ProbeFigures probe = sound_probe();
  probe.received = 0;
  const auto results = check_measurement(migrating_vm1(), figures_with(probe), completed_at(5s));
  EXPECT_FALSE(verdict(results, "probes_measured").passed);
  EXPECT_EQ(verdict(results, "probes_measured").measured, "sent 10000, received 0");
}

TEST(MeasurementChecks, LossOutsideTheMigrationAboveOnePercentFails) {
  ProbeFigures probe = sound_probe();
  probe.lost_outside_migration = 80;  // 1.0 %: still within
  EXPECT_TRUE(verdict(check_measurement(migrating_vm1(), figures_with(probe), completed_at(5s)),
                      "loss_outside_migration").passed);
  probe.lost_outside_migration = 81;
  const auto results = check_measurement(migrating_vm1(), figures_with(probe), completed_at(5s));
  EXPECT_FALSE(verdict(results, "loss_outside_migration").passed);
  EXPECT_EQ(verdict(results, "loss_outside_migration").measured, "1.01% (81 of 8000)");
}

TEST(MeasurementChecks, DowntimeShorterThanThePauseIsImpossible) {
  ProbeFigures probe = sound_probe();
  probe.downtime = 9ms;
  const auto results = check_measurement(migrating_vm1(), figures_with(probe, 16ms), completed_at(5s));
  EXPECT_FALSE(verdict(results, "downtime_covers_pause").passed);
  probe.downtime = 15ms;  // the pause less one 1 ms interval: probe resolution allows it
  EXPECT_TRUE(verdict(check_measurement(migrating_vm1(), figures_with(probe, 16ms), completed_at(5s)),
                      "downtime_covers_pause").passed);
}

TEST(MeasurementChecks, AMigrationThatDidNotCompleteSaysWhatBecameOfIt) {
  const auto still_running = check_measurement(migrating_vm1(), figures_with(sound_probe()), {});
  EXPECT_FALSE(verdict(still_running, "migration_completed").passed);
  EXPECT_EQ(verdict(still_running, "migration_completed").measured,
            "still running when the run ended at 12000.000ms");

  const std::vector<PhaseEvent> failed{
      {3s, "vm1", Phase::migration_scheduled, "node-b", ""},
      {9s, "vm1", Phase::migration_failed, "node-b", "pre-copy did not converge"}};
  const auto results = check_measurement(migrating_vm1(), figures_with(sound_probe()), failed);
  EXPECT_FALSE(verdict(results, "migration_completed").passed);
  EXPECT_THAT(verdict(results, "migration_completed").measured,
              HasSubstr("failed at 9000.000ms: pre-copy did not converge"));
}

TEST(MeasurementChecks, AStreamOfAMigratedVmMustHaveRecovered) {
  Figures figures = figures_with(sound_probe());
  TcpFigures stream;
  stream.workload = "stream";
  stream.vm = "vm1";
  stream.survived = false;
  stream.failure = "throughput after the migration 0.05 Mbit/s, below 90% of the 50.00 Mbit/s";
  figures.tcp_streams = {stream};
  const auto results = check_measurement(migrating_vm1(), figures, completed_at(5s));
  EXPECT_FALSE(verdict(results, "tcp_recovered").passed);
  EXPECT_THAT(verdict(results, "tcp_recovered").measured, HasSubstr("0.05 Mbit/s"));
}

}  // namespace
}  // namespace lmlab
