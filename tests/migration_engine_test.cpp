#include "sim/engine/migration_engine.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "sim/engine/northbound_mirror.hpp"
#include "sim/engine/precopy.hpp"
#include "tests/engine_fakes.hpp"
#include "tests/manual_clock.hpp"

namespace lmlab {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using testing::HypervisorSpy;
using testing::ManualClock;
using testing::NorthboundSpy;

Scenario one_vm_migrating(StrategyKind strategy) {
  Scenario scenario;
  scenario.name = "engine";
  scenario.duration = seconds(20);
  scenario.cluster.nodes = {"node-a", "node-b", "node-c"};
  scenario.cluster.strategy = strategy;
  scenario.clients = {{"client", "node-c", "0a:58:0a:10:00:64", {"10.16.0.100"}}};
  scenario.vms = {{"vm1", "node-a", "0a:58:0a:10:00:0a", {"10.16.0.10"}, 1ull << 30, 16ull << 20}};
  scenario.migrations = {{"vm1", "node-b", seconds(3), 10'000'000'000}};
  return scenario;
}

struct EngineRun {
  explicit EngineRun(const Scenario& scenario)
      : hypervisor(clock),
        strategy(make_strategy(scenario.cluster.strategy)),
        mirror(northbound, log),
        engine(scenario, clock, mirror, hypervisor, *strategy, log) {
    strategy->build_network(scenario, mirror);
    engine.schedule_migrations();
    clock.run_until(scenario.duration);
  }
  std::vector<PhaseEvent> events_of(Phase phase) const {
    std::vector<PhaseEvent> found;
    for (const auto& event : log.events())
      if (event.phase == phase) found.push_back(event);
    return found;
  }
  Time first(Phase phase) const { return events_of(phase).at(0).time; }

  ManualClock clock;
  NorthboundSpy northbound;
  HypervisorSpy hypervisor;
  EventLog log;
  std::unique_ptr<Strategy> strategy;
  NorthboundMirror mirror;  // checks every change against the network laid out
  MigrationEngine engine;
};

TEST(MigrationEngine, EventsNameTheVmAndItsPort) {
  EngineRun run(one_vm_migrating(StrategyKind::kube_ovn));
  for (const auto phase : {Phase::migration_scheduled, Phase::source_paused,
                           Phase::target_resumed, Phase::northbound_update}) {
    const auto event = run.events_of(phase).at(0);
    EXPECT_EQ(event.vm, "vm1") << to_string(phase);
    EXPECT_EQ(event.port, "vm1.default") << to_string(phase);
  }
  EXPECT_EQ(run.hypervisor.target_ports, std::vector<std::string>{"vm1.default"});
}

TEST(MigrationEngine, WalksKubevirtPhasesOnTheScenarioTimeline) {
  const Scenario scenario = one_vm_migrating(StrategyKind::kube_ovn);
  EngineRun run(scenario);
  const auto& kubevirt = scenario.cluster.kubevirt;
  const auto plan = plan_precopy(1ull << 30, 16ull << 20, 10'000'000'000);

  EXPECT_EQ(run.first(Phase::migration_scheduled), seconds(3));
  EXPECT_EQ(run.first(Phase::target_ready), seconds(3) + kubevirt.target_pod_startup);
  EXPECT_EQ(run.first(Phase::memory_transfer_started), run.first(Phase::target_ready));
  EXPECT_EQ(run.events_of(Phase::precopy_iteration).size(), plan.passes.size());
  EXPECT_EQ(run.first(Phase::source_paused),
            run.first(Phase::memory_transfer_started) + plan.passes[0].duration);
  EXPECT_EQ(run.first(Phase::target_resumed),
            run.first(Phase::source_paused) + plan.stop_copy_duration +
                kubevirt.switchover_overhead);
  EXPECT_EQ(run.first(Phase::migration_completed),
            run.first(Phase::target_resumed) + kubevirt.completion_report);
  EXPECT_EQ(run.first(Phase::source_deleted),
            run.first(Phase::migration_completed) + kubevirt.source_cleanup);
  EXPECT_TRUE(run.events_of(Phase::migration_failed).empty());
}

// live-migration-facts.md, QEMU: 5 RARPs at 0, 50, 200, 450, 800 ms after resume.
TEST(MigrationEngine, AnnouncesFromTheTargetOnQemusSchedule) {
  EngineRun run(one_vm_migrating(StrategyKind::kube_ovn));
  const Time resumed = run.first(Phase::target_resumed);
  const auto rarps = run.events_of(Phase::rarp_sent);
  ASSERT_EQ(rarps.size(), 5u);
  const std::vector<Time> offsets{milliseconds(0), milliseconds(50), milliseconds(200),
                                  milliseconds(450), milliseconds(800)};
  for (std::size_t i = 0; i < rarps.size(); ++i) {
    EXPECT_EQ(rarps[i].time - resumed, offsets[i]);
    EXPECT_EQ(rarps[i].node, "node-b");
  }
}

TEST(MigrationEngine, DrivesTheHypervisorInOrder) {
  EngineRun run(one_vm_migrating(StrategyKind::kube_ovn));
  std::vector<std::string> actions;
  for (const auto& call : run.hypervisor.calls) actions.push_back(call.action + " " + call.node);
  const std::vector<std::string> expected{
      "prepare node-b", "pause ",    "resume node-b", "announce ", "announce ",
      "announce ",      "announce ", "announce ",     "remove node-a"};
  // The last announce comes 800 ms after resume, after the 500 ms completion report but
  // before the source is deleted 1 s later.
  EXPECT_EQ(actions, expected);
}

TEST(MigrationEngine, StrategyUpdatesAreOnTheTimeline) {
  EngineRun run(one_vm_migrating(StrategyKind::kube_ovn));
  const auto updates = run.events_of(Phase::northbound_update);
  ASSERT_EQ(updates.size(), 2u);  // at scheduling and on success
  EXPECT_EQ(updates[0].time, seconds(3));
  EXPECT_NE(updates[0].detail.find("requested-chassis=node-a,node-b"), std::string::npos);
  EXPECT_NE(updates[0].detail.find("activation-strategy=rarp"), std::string::npos);
  EXPECT_EQ(updates[1].time, run.first(Phase::migration_completed));
  ASSERT_EQ(run.northbound.bindings().size(), 2u);
}

TEST(MigrationEngine, FailsAndRollsBackWhenPrecopyCannotConverge) {
  Scenario scenario = one_vm_migrating(StrategyKind::kube_ovn);
  // 200 MiB/s dirtied against 1 Gbit/s: every pass re-sends all of memory, 8.6 s each,
  // never within the 900 ms ceiling; the engine gives up after its last planned pass.
  scenario.vms[0].dirty_rate_bytes_per_second = 200ull << 20;
  scenario.migrations[0].bandwidth_bps = 1'000'000'000;
  scenario.duration = seconds(1000);
  EngineRun run(scenario);
  ASSERT_EQ(run.events_of(Phase::migration_failed).size(), 1u);
  EXPECT_TRUE(run.events_of(Phase::source_paused).empty());
  EXPECT_TRUE(run.events_of(Phase::target_resumed).empty());
  ASSERT_EQ(run.northbound.bindings().size(), 2u);
  EXPECT_EQ(run.northbound.bindings()[1].requested_chassis, std::vector<std::string>{"node-a"});
  EXPECT_EQ(run.hypervisor.calls.back().action, "remove");
  EXPECT_EQ(run.hypervisor.calls.back().node, "node-b");
}

TEST(MigrationEngine, RefusesASecondMigrationOfTheSameVmWhileOneRuns) {
  Scenario scenario = one_vm_migrating(StrategyKind::naive);
  scenario.migrations.push_back({"vm1", "node-c", seconds(3) + milliseconds(100), 10'000'000'000});
  EngineRun run(scenario);
  EXPECT_EQ(run.events_of(Phase::migration_scheduled).size(), 1u);
  ASSERT_EQ(run.events_of(Phase::migration_failed).size(), 1u);
  EXPECT_EQ(run.events_of(Phase::migration_failed)[0].detail, "another migration is running");
  EXPECT_EQ(run.events_of(Phase::target_resumed).size(), 1u);
}

TEST(MigrationEngine, MigratesAgainFromWhereTheVmRunsNow) {
  Scenario scenario = one_vm_migrating(StrategyKind::kube_ovn);
  scenario.migrations.push_back({"vm1", "node-c", seconds(10), 10'000'000'000});
  EngineRun run(scenario);
  const auto scheduled = run.events_of(Phase::migration_scheduled);
  ASSERT_EQ(scheduled.size(), 2u);
  EXPECT_EQ(scheduled[1].detail, "from node-b to node-c");
  EXPECT_EQ(run.northbound.bindings()[2].requested_chassis,
            (std::vector<std::string>{"node-b", "node-c"}));
}

}  // namespace
}  // namespace lmlab
