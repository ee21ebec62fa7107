// Scenarios that differ from the shipped ones only in rates and sizes: whatever the model
// can or cannot carry, a run's figures are right or its verdict says they are not.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "sim/loader/scenario_loader.hpp"
#include "sim/runner/runner.hpp"
#include "tests/result_queries.hpp"

namespace lmlab {
namespace {

using std::chrono::microseconds;
using std::chrono::seconds;
using ::testing::HasSubstr;

Scenario tcp_survival() {
  return load_scenario_file(std::string(LMLAB_SOURCE_DIR) + "/scenarios/tcp-survival.yaml");
}

const ExpectationResult* verdict(const Result& result, const std::string& expectation,
                                 const std::string& subject) {
  const auto found = std::find_if(
      result.expectations.begin(), result.expectations.end(), [&](const ExpectationResult& r) {
        return r.expectation == expectation && r.subject == subject;
      });
  return found == result.expectations.end() ? nullptr : &*found;
}

// 100 µs probes each way: a run either measures them (downtime covering the pause, no loss
// outside the migration) or fails its measurement checks.
TEST(HonestVerdicts, FastProbesAreMeasuredOrTheRunSaysItsFiguresAreWrong) {
  Scenario scenario = tcp_survival();
  scenario.duration = seconds(7);
  scenario.workloads.probes.at(0).interval = microseconds(100);
  const Result result = run_scenario(scenario, {});
  const auto& pause = result.figures.breakdowns.at(0).vm_paused.value();
  for (const auto& probe : result.figures.probes) {
    const auto subject = probe.vm + " " + probe.workload + " " + to_string(probe.direction);
    const auto* loss = verdict(result, "loss_outside_migration", subject);
    const auto* covers = verdict(result, "downtime_covers_pause", subject);
    ASSERT_TRUE(loss && covers) << subject;
    const bool figures_right = probe.lost_outside_migration * 100 <= probe.sent_outside_migration &&
                               probe.downtime >= pause - probe.interval;
    EXPECT_EQ(loss->passed && covers->passed, figures_right) << subject;
    if (!figures_right) EXPECT_FALSE(result.passed) << subject;
  }
}

// The VM dirties memory faster than the migration sends it: pre-copy never converges.
TEST(HonestVerdicts, AMigrationThatDoesNotCompleteIsNotAPass) {
  Scenario scenario = tcp_survival();
  scenario.vms.at(0).dirty_rate_bytes_per_second = 2ull << 30;
  const Result result = run_scenario(scenario, {});
  const auto* completed = verdict(result, "migration_completed", "vm1 to node-b");
  ASSERT_NE(completed, nullptr);
  EXPECT_FALSE(completed->passed);
  EXPECT_THAT(completed->measured, HasSubstr("still running when the run ended"));
  EXPECT_FALSE(result.passed);
}

// 50 Mbit/s of TCP: "survived" holds only if the stream is back to its throughput.
TEST(HonestVerdicts, TcpSurvivesOnlyWithItsThroughputBack) {
  Scenario scenario = tcp_survival();
  scenario.workloads.tcp_streams.at(0).rate_bps = 50'000'000;
  const Result result = run_scenario(scenario, {});
  const auto& tcp = result.figures.tcp_streams.at(0);
  EXPECT_EQ(tcp.survived, tcp.throughput_after_bps >= 0.9 * tcp.throughput_before_bps)
      << tcp.failure;
  const auto* recovered = verdict(result, "tcp_recovered", "vm1 stream client-to-vm");
  ASSERT_NE(recovered, nullptr);
  EXPECT_EQ(recovered->passed, tcp.survived);
  if (!tcp.survived) EXPECT_FALSE(result.passed);
}

// Three VMs, two migrating at once (one onto its client's node), a third that stays; large,
// slow and ICMP probes and a VM-to-client stream: every check holds, every downtime covers its
// VM's pause, and the VM that stays loses nothing.
TEST(HonestVerdicts, ConcurrentMigrationsAreMeasuredPerVm) {
  const Result result = run_scenario(
      load_scenario_file(std::string(LMLAB_SOURCE_DIR) + "/tests/data/three-vms-two-migrating.yaml"),
      {});
  for (const auto& expectation : result.expectations)
    EXPECT_TRUE(expectation.passed) << expectation.expectation << " " << expectation.subject
                                    << ": " << expectation.measured;
  ASSERT_EQ(result.figures.breakdowns.size(), 2u);
  for (const auto& probe : result.figures.probes) {
    if (probe.vm == "vm3") {
      EXPECT_EQ(probe.lost, 0u) << to_string(probe.direction);
      continue;
    }
    const auto& breakdown = probe.vm == "vm1" ? result.figures.breakdowns[0]
                                              : result.figures.breakdowns[1];
    ASSERT_EQ(breakdown.vm, probe.vm);
    EXPECT_GE(probe.downtime, *breakdown.vm_paused - probe.interval) << probe.vm;
    EXPECT_LE(probe.downtime, *breakdown.vm_paused + 2 * probe.interval) << probe.vm;
  }
}

}  // namespace
}  // namespace lmlab
