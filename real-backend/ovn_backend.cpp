#include "real-backend/ovn_backend.hpp"

#include <algorithm>
#include <csignal>
#include <cstring>
#include <future>
#include <optional>
#include <stdexcept>
#include <thread>

#include <asio/executor_work_guard.hpp>
#include <asio/io_context.hpp>
#include <asio/post.hpp>
#include <asio/signal_set.hpp>

#include "real-backend/prerequisites.hpp"
#include "real-backend/process.hpp"
#include "real-backend/traffic/run_epoch.hpp"
#include "real-backend/scenario_lab.hpp"
#include "real-backend/southbound_watch.hpp"
#include "real-backend/traffic/real_workloads.hpp"
#include "real-backend/wall_clock.hpp"

namespace lmlab {

namespace {

std::string ovn_version() {
  const auto output = real::check_command({"ovn-controller", "--version"});
  const auto first_line = output.substr(0, output.find('\n'));
  return first_line.substr(first_line.rfind(' ') + 1);  // "ovn-controller 23.03.1" -> "23.03.1"
}

// The workloads run on their own thread and io_context, so nothing the engine does (starting
// tc or ovs-vsctl when a target domain is created) can delay a probe.
class WorkloadThread : public Workloads {
 public:
  WorkloadThread(const Scenario& scenario, std::uint64_t seed, const real::RunEpoch& epoch,
                 real::LabGuests& guests)
      : workloads_(io_, scenario, seed, epoch,
                   [&guests, &scenario](const std::string& name, AddressFamily family) {
                     return endpoint_of(scenario, guests, name, family);
                   }) {
    workloads_.start();
    thread_ = std::thread([this] { io_.run(); });
  }
  ~WorkloadThread() override { finish(); }

  const std::vector<FlowInfo>& flows() const override { return workloads_.flows(); }
  IdentityObservation observe_identity(const std::string& vm, AddressFamily family) override {
    return call([&] { return workloads_.observe_identity(vm, family); });
  }
  std::vector<PacketRecord> take_records() override {
    return call([this] { return workloads_.take_records(); });
  }

  // Stops the workloads on their thread and joins it.
  void finish() {
    if (!thread_.joinable()) return;
    call([this] { workloads_.stop(); return 0; });
    work_.reset();
    io_.stop();
    thread_.join();
  }

 private:
  // Runs `action` on the workload thread (or here, once it has ended) and returns its result.
  template <typename Action>
  auto call(Action action) -> decltype(action()) {
    if (!thread_.joinable()) return action();
    std::packaged_task<decltype(action())()> task(std::move(action));
    auto result = task.get_future();
    asio::post(io_, [&task] { task(); });
    return result.get();
  }

  static real::GuestEndpoint endpoint_of(const Scenario& scenario, real::LabGuests& guests,
                                         const std::string& name, AddressFamily family) {
    const auto endpoint = [&](const auto& spec) {
      return real::GuestEndpoint{guests.netns_of(name), "eth0",
                                 address_of(spec.ips, family).value_or(""), spec.mac};
    };
    for (const auto& client : scenario.clients)
      if (client.name == name) return endpoint(client);
    return endpoint(find_vm(scenario, name));
  }

  asio::io_context io_;
  asio::executor_work_guard<asio::io_context::executor_type> work_{io_.get_executor()};
  real::RealWorkloads workloads_;
  std::thread thread_;
};

class OvnSession : public Session {
 public:
  OvnSession(const Scenario& scenario, std::uint64_t seed, EventLog& log)
      : scenario_(scenario), seed_(seed), log_(log), lab_(scenario) {
    signals_.async_wait([this](const asio::error_code& error, int number) {
      if (error) return;
      interrupting_signal_ = number;
      io_.stop();
    });
  }

  Northbound& northbound() override { return lab_.northbound(); }
  void start(const LogicalNetwork& network) override {
    lab_.populate(network);
    epoch_.emplace();
    clock_.emplace(io_, *epoch_);
    southbound_.emplace(io_, lab_.lab(), *clock_, log_);
    workloads_.emplace(scenario_, seed_, *epoch_, lab_.guests());
  }
  Clock& clock() override { return *clock_; }
  Hypervisor& hypervisor() override { return lab_.guests(); }
  Workloads& workloads() override { return *workloads_; }
  void run_until(Time end) override {
    clock_->schedule_at(end, [this] { io_.stop(); });
    io_.run();
    if (interrupting_signal_ != 0)
      throw std::runtime_error(std::string("interrupted by ") + strsignal(interrupting_signal_) +
                               "; the lab was removed");
  }
  void finish() override {
    workloads_->finish();
    lab_.northbound().flush();
  }
  std::string version() const override { return ovn_version(); }

 private:
  const Scenario& scenario_;
  std::uint64_t seed_;
  EventLog& log_;
  asio::io_context io_;
  // Caught from here on; one that arrives while the lab is built is acted on once it plays.
  asio::signal_set signals_{io_, SIGINT, SIGTERM};
  int interrupting_signal_ = 0;
  real::ScenarioLab lab_;
  std::optional<real::RunEpoch> epoch_;
  std::optional<real::WallClock> clock_;
  std::optional<real::SouthboundWatch> southbound_;
  std::optional<WorkloadThread> workloads_;
};

class OvnBackend : public Backend {
 public:
  std::string name() const override { return "ovn"; }

  std::optional<std::string> cannot_play(const Scenario& scenario) const override {
    const auto& workloads = scenario.workloads;
    const auto ipv6 = [](const auto& workload) { return workload.family == AddressFamily::ipv6; };
    if (std::any_of(workloads.probes.begin(), workloads.probes.end(), ipv6) ||
        std::any_of(workloads.tcp_streams.begin(), workloads.tcp_streams.end(), ipv6))
      return "the ovn backend carries no IPv6 workloads yet";
    return std::nullopt;
  }

  std::unique_ptr<Session> open(const Scenario& scenario, std::uint64_t seed,
                                EventLog& log) const override {
    real::check_prerequisites();
    // A helper that died would otherwise kill lmlab on the next write to it, lab and all.
    std::signal(SIGPIPE, SIG_IGN);
    return std::make_unique<OvnSession>(scenario, seed, log);
  }
};

}  // namespace

const Backend& ovn_backend() {
  static const OvnBackend backend;
  return backend;
}

}  // namespace lmlab
