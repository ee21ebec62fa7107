// Wall time and ns-3 events/s of the shipped scenarios on the ns-3 backend.
// Target: tcp-survival (12 s simulated, 1 ms probes, a 10 Mbit/s TCP stream) in < 2 s wall.
#include <benchmark/benchmark.h>

#include "sim/runner/runner.hpp"
#include "sim/loader/scenario_loader.hpp"

namespace {

void play_scenario(benchmark::State& state, const char* name) {
  const lmlab::Scenario scenario = lmlab::load_scenario_file(
      std::string(LMLAB_SOURCE_DIR) + "/scenarios/" + name + ".yaml");
  std::uint64_t events = 0;
  for (auto _ : state) {
    const lmlab::Result result = lmlab::run_scenario(scenario, {});
    events += result.metadata.simulator_events;
    benchmark::DoNotOptimize(result.passed);
  }
  const double simulated = std::chrono::duration<double>(scenario.duration).count();
  state.counters["events"] = benchmark::Counter(static_cast<double>(events),
                                                benchmark::Counter::kAvgIterations);
  state.counters["events/s"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["simulated_s/s"] =
      benchmark::Counter(simulated * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}

BENCHMARK_CAPTURE(play_scenario, tcp_survival, "tcp-survival")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(play_scenario, tcp_survival_naive, "tcp-survival-naive")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(play_scenario, busy_vm_ping, "busy-vm-ping")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
