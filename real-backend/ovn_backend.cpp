#include "real-backend/ovn_backend.hpp"

#include <algorithm>
#include <csignal>
#include <cstring>
#include <future>
#include <stdexcept>
#include <thread>

#include <asio/executor_work_guard.hpp>
#include <asio/io_context.hpp>
#include <asio/post.hpp>
#include <asio/signal_set.hpp>

#include "real-backend/prerequisites.hpp"
#include "real-backend/process.hpp"
#include "real-backend/run_epoch.hpp"
#include "real-backend/scenario_lab.hpp"
#include "real-backend/southbound_watch.hpp"
#include "real-backend/traffic/real_workloads.hpp"
#include "real-backend/wall_clock.hpp"
#include "sim/migration_engine.hpp"
#include "sim/run_progress.hpp"

namespace lmlab {

namespace {

constexpr Time kIdentityLead = std::chrono::milliseconds(10);
constexpr Time kProgressStep = std::chrono::milliseconds(250);

std::string ovn_version() {
  const auto output = real::check_command({"ovn-controller", "--version"});
  const auto first_line = output.substr(0, output.find('\n'));
  return first_line.substr(first_line.rfind(' ') + 1);  // "ovn-controller 23.03.1" -> "23.03.1"
}

// The workloads run on their own thread and io_context, so nothing the engine does (starting
// tc or ovs-vsctl when a target domain is created) can delay a probe.
class WorkloadThread {
 public:
  WorkloadThread(const Scenario& scenario, std::uint64_t seed, const real::RunEpoch& epoch,
                 real::LabGuests& guests)
      : workloads_(io_, scenario, seed, epoch, [&guests, &scenario](const std::string& name) {
          return endpoint_of(scenario, guests, name);
        }) {
    workloads_.start();
    thread_ = std::thread([this] { io_.run(); });
  }
  ~WorkloadThread() { finish(); }

  // Runs `action` on the workload thread and returns its result.
  template <typename Action>
  auto call(Action action) {
    std::packaged_task<decltype(action())()> task(std::move(action));
    auto result = task.get_future();
    asio::post(io_, [&task] { task(); });
    return result.get();
  }
  // Stops the workloads on their thread and joins it.
  void finish() {
    if (!thread_.joinable()) return;
    call([this] { workloads_.stop(); return 0; });
    work_.reset();
    io_.stop();
    thread_.join();
  }
  real::RealWorkloads& workloads() { return workloads_; }

 private:
  static real::GuestEndpoint endpoint_of(const Scenario& scenario, real::LabGuests& guests,
                                         const std::string& name) {
    for (const auto& client : scenario.clients)
      if (client.name == name)
        return {guests.netns_of(name), "eth0", client.ips.front(), client.mac};
    const auto& vm = find_vm(scenario, name);
    return {guests.netns_of(name), "eth0", vm.ips.front(), vm.mac};
  }

  asio::io_context io_;
  asio::executor_work_guard<asio::io_context::executor_type> work_{io_.get_executor()};
  real::RealWorkloads workloads_;
  std::thread thread_;
};

// Each migrated VM once, in the order of its first migration.
std::vector<std::string> migrated_vms(const Scenario& scenario) {
  std::vector<std::string> vms;
  for (const auto& migration : scenario.migrations)
    if (std::find(vms.begin(), vms.end(), migration.vm) == vms.end()) vms.push_back(migration.vm);
  return vms;
}

}  // namespace

RunOutput run_on_ovn(const Scenario& scenario, std::uint64_t seed, EventLog& log,
                     const std::function<void(Time)>& progress) {
  real::check_prerequisites();
  // A helper that died would otherwise kill lmlab on the next write to it, lab and all.
  std::signal(SIGPIPE, SIG_IGN);
  RunOutput output{"ovn", ovn_version(), {}, {}, {}, 0};

  // Caught from here on; one that arrives while the lab is built is acted on once it is.
  asio::io_context io;
  int interrupting_signal = 0;
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const asio::error_code& error, int number) {
    if (error) return;
    interrupting_signal = number;
    io.stop();
  });
  real::ScenarioLab built(scenario);

  const real::RunEpoch epoch;
  real::WallClock clock(io, epoch);
  real::SouthboundWatch southbound(io, built.lab(), clock, log);
  MigrationEngine engine(scenario, clock, built.northbound(), built.guests(), log);
  WorkloadThread workloads(scenario, seed, epoch, built.guests());
  engine.schedule_migrations();
  for (const auto& vm : migrated_vms(scenario)) {
    const auto first = std::find_if(scenario.migrations.begin(), scenario.migrations.end(),
                                    [&](const MigrationSpec& m) { return m.vm == vm; });
    // Just before the migration is scheduled: in wall-clock time an observation at the same
    // instant would land after the engine's first phase event.
    const Time before = std::max(Time{0}, first->start - kIdentityLead);
    clock.schedule_at(before, [&, vm] {
      output.identities.push_back(
          workloads.call([&] { return workloads.workloads().observe_identity(vm); }));
    });
  }
  if (progress) schedule_progress(clock, kProgressStep, scenario.duration, progress);
  clock.schedule_at(scenario.duration, [&] { io.stop(); });
  io.run();
  if (interrupting_signal != 0)
    throw std::runtime_error(std::string("interrupted by ") + strsignal(interrupting_signal) +
                         "; the lab was removed");

  for (const auto& vm : migrated_vms(scenario))
    output.identities.push_back(
        workloads.call([&] { return workloads.workloads().observe_identity(vm); }));
  workloads.finish();
  built.northbound().flush();
  output.flows = workloads.workloads().flows();
  output.records = workloads.workloads().take_records();
  return output;
}

}  // namespace lmlab
