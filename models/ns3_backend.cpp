#include "models/ns3_backend.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include <ns3/config.h>
#include <ns3/rng-seed-manager.h>
#include <ns3/simulator.h>
#include <ns3/tcp-socket.h>
#include <ns3/string.h>
#include <ns3/uinteger.h>
#include <ns3/nstime.h>
#include <ns3/version-defines.h>

#include "models/cluster_topology.hpp"
#include "models/ns3_clock.hpp"
#include "models/ovn_northbound_model.hpp"
#include "models/ovn_southbound_model.hpp"
#include "models/record_sink.hpp"
#include "models/vm_hypervisor_model.hpp"
#include "models/workload_set.hpp"
#include "sim/logical_ports.hpp"
#include "sim/run_progress.hpp"
#include "sim/migration_engine.hpp"

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

std::string ns3_version() {
  return "ns-" + std::to_string(NS3_VERSION_MAJOR) + "." + std::to_string(NS3_VERSION_MINOR);
}

// Each migrated VM once, in the order of its first migration.
std::vector<std::string> migrated_vms(const Scenario& scenario) {
  std::vector<std::string> vms;
  for (const auto& migration : scenario.migrations)
    if (std::find(vms.begin(), vms.end(), migration.vm) == vms.end()) vms.push_back(migration.vm);
  return vms;
}

// What each migrated VM looks like to its client as its first migration starts.
void schedule_identity_checks(const Scenario& scenario, Clock& clock, WorkloadSet& workloads,
                              std::vector<IdentityObservation>& identities) {
  for (const auto& vm : migrated_vms(scenario)) {
    const auto first = std::find_if(scenario.migrations.begin(), scenario.migrations.end(),
                                    [&](const MigrationSpec& m) { return m.vm == vm; });
    clock.schedule_at(first->start, [&workloads, &identities, vm] {
      identities.push_back(workloads.observe_identity(vm));
    });
  }
}
}  // namespace

// The model has no DHCP server, no logical router and no provider network yet: a scenario that relies on them
// would be played as something else.
std::optional<std::string> ns3_cannot_play(const Scenario& scenario) {
  const bool dhcp_vm = std::any_of(scenario.vms.begin(), scenario.vms.end(), [](const VmSpec& vm) {
    return vm.addressing == Addressing::dhcp;
  });
  if (dhcp_vm || scenario.cluster.network.gateway)
    return "the ns3 backend does not model OVN's DHCP or the arp_proxy gateway yet; play " +
           scenario.name + " with --backend ovn";
  if (scenario.cluster.underlay.vlan)
    return "the ns3 backend does not model a VLAN provider network yet; play " + scenario.name +
           " with --backend ovn";
  return std::nullopt;
}

RunOutput run_on_ns3(const Scenario& scenario, std::uint64_t seed, EventLog& log,
                     const std::function<void(Time)>& progress) {
  if (const auto reason = ns3_cannot_play(scenario)) throw std::invalid_argument(*reason);
  ns3::RngSeedManager::SetSeed(1);
  ns3::RngSeedManager::SetRun(seed);
  configure_linux_like_guests(scenario);

  RunOutput output{"ns3", ns3_version(), {}, {}, {}, 0};
  {
    Ns3Clock clock;
    RecordSink sink;
    OvnSouthboundModel southbound(clock, log);
    OvnNorthboundModel northbound(clock, scenario.cluster.control_plane, southbound);
    VmHypervisorModel hypervisor;
    ClusterTopology topology(scenario, southbound, clock, hypervisor);
    WorkloadSet workloads(scenario, topology, hypervisor, sink);
    MigrationEngine engine(scenario, clock, northbound, hypervisor, log);
    create_logical_ports(scenario, northbound);
    engine.schedule_migrations();
    schedule_identity_checks(scenario, clock, workloads, output.identities);
    if (progress)
      schedule_progress(clock, std::max(Time{1}, scenario.duration / 100), scenario.duration,
                        progress);

    ns3::Simulator::Stop(ns3::NanoSeconds(scenario.duration.count()));
    ns3::Simulator::Run();
    for (const auto& vm : migrated_vms(scenario))
      output.identities.push_back(workloads.observe_identity(vm));
    output.flows = workloads.flows();
    output.records = sink.take();
    output.simulator_events = ns3::Simulator::GetEventCount();
    // Events still queued refer to the objects of this block: drop them before those go.
    ns3::Simulator::Destroy();
  }
  return output;
}

}  // namespace lmlab
