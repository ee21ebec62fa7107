// What fast workloads cost the ns-3 model: wall time, events/s and peak memory of tcp-survival
// with a 1 Gbit/s stream, or with probes every 10 µs each way, over 2, 4 and 8 simulated
// seconds. Memory grows with the packet records kept for the analysis, nothing else: the
// per-simulated-second figure stays the same as the run gets longer.
#include <benchmark/benchmark.h>

#include <fstream>
#include <string>

#include "sim/loader/scenario_loader.hpp"
#include "sim/runner/runner.hpp"

namespace {

using std::chrono::microseconds;
using std::chrono::milliseconds;
using std::chrono::seconds;

// Peak resident memory since the last reset, in bytes (VmHWM).
double peak_resident_bytes() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) * 1024;
  return 0;
}

// Linux resets VmHWM to the current resident size on "5" (proc(5), clear_refs).
void reset_peak_resident() { std::ofstream("/proc/self/clear_refs") << "5"; }

lmlab::Scenario tcp_survival(lmlab::Time duration) {
  lmlab::Scenario scenario = lmlab::load_scenario_file(std::string(LMLAB_SOURCE_DIR) +
                                                       "/scenarios/tcp-survival.yaml");
  scenario.duration = duration;
  scenario.cluster.kubevirt.target_pod_startup = milliseconds(200);
  scenario.vms.at(0).memory_bytes = 256ull << 20;
  scenario.migrations.at(0).start = milliseconds(500);
  return scenario;
}

void play(benchmark::State& state, const lmlab::Scenario& scenario) {
  double events = 0;
  double peak_growth = 0;
  for (auto _ : state) {
    reset_peak_resident();
    const double before = peak_resident_bytes();
    const lmlab::Result result = lmlab::run_scenario(scenario, {});
    peak_growth += peak_resident_bytes() - before;
    events += static_cast<double>(result.metadata.simulator_events);
    benchmark::DoNotOptimize(result.passed);
  }
  const double runs = static_cast<double>(state.iterations());
  const double simulated = std::chrono::duration<double>(scenario.duration).count();
  state.counters["events/s"] = benchmark::Counter(events, benchmark::Counter::kIsRate);
  state.counters["peak_MB"] = peak_growth / runs / 1e6;
  state.counters["MB_per_simulated_s"] = peak_growth / runs / 1e6 / simulated;
}

void tcp_1gbps(benchmark::State& state) {
  lmlab::Scenario scenario = tcp_survival(seconds(state.range(0)));
  scenario.workloads.tcp_streams.at(0).rate_bps = 1'000'000'000;
  play(state, scenario);
}

void probes_every_10us(benchmark::State& state) {
  lmlab::Scenario scenario = tcp_survival(seconds(state.range(0)));
  scenario.workloads.probes.at(0).interval = microseconds(10);
  play(state, scenario);
}

BENCHMARK(tcp_1gbps)->Arg(2)->Arg(4)->Arg(8)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);
BENCHMARK(probes_every_10us)->Arg(2)->Arg(4)->Arg(8)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
