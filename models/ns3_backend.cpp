#include "models/ns3_backend.hpp"

#include <algorithm>
#include <memory>
#include <string>

#include <ns3/config.h>
#include <ns3/nstime.h>
#include <ns3/rng-seed-manager.h>
#include <ns3/simulator.h>
#include <ns3/string.h>
#include <ns3/tcp-socket.h>
#include <ns3/uinteger.h>
#include <ns3/version-defines.h>

#include "models/cluster_topology.hpp"
#include "models/ns3_clock.hpp"
#include "models/ovn_northbound_model.hpp"
#include "models/ovn_southbound_model.hpp"
#include "models/record_sink.hpp"
#include "models/vm_hypervisor_model.hpp"
#include "models/workload_set.hpp"
#include "sim/core/workload_plan.hpp"

namespace lmlab {

namespace {
// ns3-3.37-notes.md, TCP: ns-3's MinRto defaults to 1 s; a Linux guest uses 200 ms.
constexpr Time kLinuxMinRto = std::chrono::milliseconds(200);
constexpr std::uint32_t kIpAndTcpHeaderBytes = 40;

// Guests behave like Linux ones where ns-3's defaults differ in ways that change what a
// migration costs.
void configure_linux_like_guests(const Scenario& scenario) {
  ns3::Config::SetDefault("ns3::TcpSocketBase::MinRto",
                          ns3::TimeValue(ns3::NanoSeconds(kLinuxMinRto.count())));
  ns3::Config::SetDefault("ns3::TcpSocket::SegmentSize",
                          ns3::UintegerValue(scenario.cluster.network.mtu - kIpAndTcpHeaderBytes));
  // ns-3 delays ARP requests by up to 10 ms and holds 3 packets meanwhile, losing the first
  // probes and SYNs; Linux asks at once and queues up to neigh unres_qlen (101) packets.
  ns3::Config::SetDefault("ns3::ArpL3Protocol::RequestJitter",
                          ns3::StringValue("ns3::ConstantRandomVariable[Constant=0.0]"));
  ns3::Config::SetDefault("ns3::ArpCache::PendingQueueSize", ns3::UintegerValue(101));
}

// The model keeps every packet record in memory until the analysis (~100 bytes each, with
// the analysis' own copies) and simulates ~1 M events/s on one core: beyond this a run
// would take over 4 GB and many minutes.
constexpr std::uint64_t kMaxPlannedRecords = 40'000'000;

std::optional<std::string> too_much_traffic(const Scenario& scenario) {
  const auto records = planned_records(plan_workloads(scenario, [](Time) { return Time(0); }));
  if (records <= kMaxPlannedRecords) return std::nullopt;
  return "the ns3 backend would record about " + std::to_string(records / 1'000'000) +
         " million packets, more than its limit of " +
         std::to_string(kMaxPlannedRecords / 1'000'000) +
         " million (memory and time): shorten the run, or use fewer or slower probes and streams";
}

bool has_ipv6_workloads(const Scenario& scenario) {
  const auto& workloads = scenario.workloads;
  return std::any_of(workloads.probes.begin(), workloads.probes.end(),
                     [](const ProbeWorkload& probe) { return probe.family == AddressFamily::ipv6; }) ||
         std::any_of(workloads.tcp_streams.begin(), workloads.tcp_streams.end(),
                     [](const TcpWorkload& tcp) { return tcp.family == AddressFamily::ipv6; });
}

// One run; ns-3's simulator is process-wide, so one session at a time, destroyed with it.
class Ns3Session : public Session {
 public:
  Ns3Session(const Scenario& scenario, std::uint64_t seed, EventLog& log)
      : scenario_(scenario),
        southbound_(clock_, log),
        northbound_(clock_, scenario.cluster.control_plane, southbound_) {
    ns3::RngSeedManager::SetSeed(1);
    ns3::RngSeedManager::SetRun(seed);
    configure_linux_like_guests(scenario);
  }
  // Events still queued refer to this session's objects: drop them before those go.
  ~Ns3Session() override { ns3::Simulator::Destroy(); }

  Northbound& northbound() override { return northbound_; }
  void start(const LogicalNetwork& network) override {
    topology_ =
        std::make_unique<ClusterTopology>(scenario_, network, southbound_, clock_, hypervisor_);
    workloads_ = std::make_unique<WorkloadSet>(scenario_, *topology_, hypervisor_, sink_);
  }
  Clock& clock() override { return clock_; }
  Hypervisor& hypervisor() override { return hypervisor_; }
  Workloads& workloads() override { return *workloads_; }
  void run_until(Time end) override {
    ns3::Simulator::Stop(ns3::NanoSeconds((end - clock_.now()).count()));
    ns3::Simulator::Run();
  }
  void finish() override {}
  std::string version() const override {
    return "ns-" + std::to_string(NS3_VERSION_MAJOR) + "." + std::to_string(NS3_VERSION_MINOR);
  }
  std::uint64_t simulator_events() const override { return ns3::Simulator::GetEventCount(); }

 private:
  const Scenario& scenario_;
  Ns3Clock clock_;
  RecordSink sink_;
  OvnSouthboundModel southbound_;
  OvnNorthboundModel northbound_;
  VmHypervisorModel hypervisor_;
  std::unique_ptr<ClusterTopology> topology_;
  std::unique_ptr<WorkloadSet> workloads_;
};

class Ns3Backend : public Backend {
 public:
  std::string name() const override { return "ns3"; }

  // The model has no DHCP server, no logical router, no provider network and no IPv6 yet: a
  // scenario that relies on them would be played as something else.
  std::optional<std::string> cannot_play(const Scenario& scenario) const override {
    const bool dhcp_vm = std::any_of(scenario.vms.begin(), scenario.vms.end(),
                                     [](const VmSpec& vm) { return vm.addressing == Addressing::dhcp; });
    if (dhcp_vm || scenario.cluster.network.gateway)
      return "the ns3 backend does not model OVN's DHCP or the arp_proxy gateway yet; play " +
             scenario.name + " with --backend ovn";
    if (scenario.cluster.underlay.vlan)
      return "the ns3 backend does not model a VLAN provider network yet; play " +
             scenario.name + " with --backend ovn";
    if (has_ipv6_workloads(scenario)) return "the ns3 backend carries no IPv6 workloads yet";
    if (scenario.cluster.network.subnet_v6)
      return "the ns3 backend does not model dual-stack networks yet; play " + scenario.name +
             " with --backend ovn";
    return too_much_traffic(scenario);
  }

  std::unique_ptr<Session> open(const Scenario& scenario, std::uint64_t seed,
                                EventLog& log) const override {
    return std::make_unique<Ns3Session>(scenario, seed, log);
  }
};

}  // namespace

const Backend& ns3_backend() {
  static const Ns3Backend backend;
  return backend;
}

}  // namespace lmlab
