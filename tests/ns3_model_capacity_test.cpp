// What the ns-3 model carries (README.md, "Limits"): probes down to 10 µs each
// way and TCP up to 1 Gbit/s, with nothing lost outside the migration, every
// downtime covering the pause and each stream back to its rate afterwards;
// beyond the model's record budget it refuses.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "sim/core/backend.hpp"
#include "sim/loader/scenario_loader.hpp"
#include "sim/runner/runner.hpp"

namespace lmlab {
namespace {

using std::chrono::microseconds;
using std::chrono::milliseconds;
using std::chrono::seconds;

// tcp-survival, shortened: the migration is scheduled at 1 s and done by ~2 s,
// the run ends at 3.5 s, so fast workloads stay quick to simulate.
Scenario short_tcp_survival(Time probe_interval, std::uint64_t tcp_rate_bps) {
  Scenario scenario =
      load_scenario_file(std::string(LMLAB_SOURCE_DIR) + "/scenarios/tcp-survival.yaml");
  scenario.duration = milliseconds(3500);
  scenario.cluster.kubevirt.target_pod_startup = milliseconds(200);
  scenario.vms.at(0).memory_bytes = 256ull << 20;
  scenario.migrations.at(0).start = seconds(1);
  scenario.workloads.probes.at(0).interval = probe_interval;
  scenario.workloads.tcp_streams.at(0).rate_bps = tcp_rate_bps;
  return scenario;
}

struct Load {
  Time probe_interval;
  std::uint64_t tcp_rate_bps;
};

class ModelCapacity : public ::testing::TestWithParam<Load> {};

TEST_P(ModelCapacity, CarriesTheLoadAsARealHostWould) {
  const Scenario scenario = short_tcp_survival(GetParam().probe_interval, GetParam().tcp_rate_bps);
  const Result result = run_scenario(scenario, {});
  EXPECT_TRUE(result.passed);
  const auto& breakdown = result.figures.breakdowns.at(0);
  const Time pause = breakdown.vm_paused.value();
  const Time attributed = pause + breakdown.announce.value() +
                          breakdown.network_converging.value() + breakdown.first_packet.value();
  for (const auto& probe : result.figures.probes) {
    SCOPED_TRACE(to_string(probe.direction));
    EXPECT_EQ(probe.lost_outside_migration, 0u);
    EXPECT_GT(probe.sent_outside_migration, 0u);
    EXPECT_GE(probe.downtime, pause - probe.interval);
    // The model's path through the target is up within a few ms of the resume.
    EXPECT_LE(probe.downtime, pause + milliseconds(3));
    // The breakdown accounts for the downtime to within a probe interval.
    EXPECT_LE(probe.downtime - attributed, probe.interval);
  }
  const auto worst = std::max_element(
      result.figures.probes.begin(), result.figures.probes.end(),
      [](const auto& a, const auto& b) { return a.downtime < b.downtime; });
  EXPECT_LE(attributed - worst->downtime, worst->interval);
  const auto& tcp = result.figures.tcp_streams.at(0);
  const double rate = static_cast<double>(GetParam().tcp_rate_bps);
  EXPECT_TRUE(tcp.survived) << tcp.failure;
  EXPECT_GE(tcp.throughput_before_bps, 0.99 * rate);
  EXPECT_GE(tcp.throughput_after_bps, 0.9 * rate);
}

INSTANTIATE_TEST_SUITE_P(
    ProbeIntervalsAndTcpRates, ModelCapacity,
    ::testing::Values(Load{microseconds(10), 10'000'000}, Load{microseconds(100), 50'000'000},
                      Load{milliseconds(1), 200'000'000}, Load{milliseconds(1), 1'000'000'000}),
    [](const ::testing::TestParamInfo<Load>& info) {
      return "probes_every_" + std::to_string(info.param.probe_interval.count() / 1000) +
             "us_tcp_" + std::to_string(info.param.tcp_rate_bps / 1'000'000) + "Mbps";
    });

TEST(ModelCapacity, RefusesARunItCouldNotHoldInMemory) {
  Scenario scenario = short_tcp_survival(microseconds(10), 10'000'000);
  scenario.duration = seconds(300);  // 10 µs probes each way for five minutes
  const auto reason = backend_named("ns3").cannot_play(scenario);
  ASSERT_TRUE(reason.has_value());
  EXPECT_NE(reason->find("million packets"), std::string::npos) << *reason;
}

}  // namespace
}  // namespace lmlab
