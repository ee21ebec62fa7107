#include "models/workload_set.hpp"

#include <sstream>

#include <ns3/arp-cache.h>
#include <ns3/ipv4-interface.h>
#include <ns3/ipv4-l3-protocol.h>
#include <ns3/random-variable-stream.h>

namespace lmlab {

namespace {
// Workloads start once the initial port bindings have reached the chassis (a few ms).
constexpr Time kWorkloadStart = std::chrono::milliseconds(100);
constexpr Time kTcpStartSpread = std::chrono::milliseconds(10);
constexpr std::uint32_t kTcpChunkBytes = 1000;
constexpr std::uint16_t kProbePortBase = 10000;
constexpr std::uint16_t kTcpPortBase = 20000;
// Past the streams ClusterTopology assigns (see there).
constexpr std::int64_t kWorkloadStream = 2'000'000;
// Senders stop this long before the run ends, so nothing is still in flight, and counted
// as lost, when it stops.
constexpr Time kDrain = std::chrono::milliseconds(100);

std::string to_text(ns3::Ipv4Address address) {
  std::ostringstream text;
  address.Print(text);
  return text.str();
}

std::string to_text(const ns3::Address& address) {
  std::ostringstream text;
  text << ns3::Mac48Address::ConvertFrom(address);
  return text.str();
}
}  // namespace

WorkloadSet::WorkloadSet(const Scenario& scenario, ClusterTopology& topology,
                         const VmHypervisorModel& hypervisor, RecordSink& sink)
    : scenario_(scenario),
      topology_(topology),
      hypervisor_(hypervisor),
      sink_(sink),
      random_(ns3::CreateObject<ns3::UniformRandomVariable>()) {
  random_->SetStream(kWorkloadStream);
  for (const auto& probe : scenario.workloads.probes) install_probe(probe);
  for (const auto& stream : scenario.workloads.tcp_streams) install_tcp_stream(stream);
}

std::uint32_t WorkloadSet::add_flow(const std::string& workload, const std::string& vm,
                                    Direction direction, FlowKind kind, Time interval) {
  const auto id = static_cast<std::uint32_t>(flows_.size());
  flows_.push_back({id, workload, vm, direction, kind, interval});
  return id;
}

SourceObserver WorkloadSet::observer_for(const std::string& vm) {
  return [this, vm](ns3::Ipv4Address source) { seen_source_[vm] = to_text(source); };
}

Time WorkloadSet::random_offset(Time range) {
  // The seed decides where the fixed schedules fall relative to the migration's events.
  return Time(static_cast<Time::rep>(random_->GetValue(0.0, static_cast<double>(range.count()))));
}

void WorkloadSet::install_probe(const ProbeWorkload& probe) {
  const auto vm = topology_.guest_node(probe.vm);
  const auto client = topology_.guest_node(probe.client);
  const ProbeSchedule schedule{kWorkloadStart + random_offset(probe.interval), probe.interval,
                               scenario_.duration - kDrain, probe.size_bytes};
  const bool udp = probe.protocol == ProbeProtocol::udp;
  const FlowKind kind = udp ? FlowKind::udp_probe : FlowKind::icmp_probe;
  const auto forward = add_flow(probe.name, probe.vm, Direction::client_to_vm, kind, probe.interval);
  const auto reverse = add_flow(probe.name, probe.vm, Direction::vm_to_client, kind, probe.interval);
  if (!udp) {
    icmp_observers_.push_back(std::make_unique<IcmpEchoObserver>(vm, forward, reverse, sink_));
    icmp_probers_.push_back(std::make_unique<IcmpEchoProber>(
        client, topology_.guest_ipv4(probe.vm), schedule, forward, reverse, sink_,
        observer_for(probe.vm)));
    icmp_probers_.back()->start();
    return;
  }
  const auto forward_port = static_cast<std::uint16_t>(kProbePortBase + forward);
  const auto reverse_port = static_cast<std::uint16_t>(kProbePortBase + reverse);
  udp_receivers_.push_back(
      std::make_unique<UdpProbeReceiver>(vm, forward_port, forward, sink_, nullptr));
  udp_receivers_.push_back(std::make_unique<UdpProbeReceiver>(client, reverse_port, reverse,
                                                              sink_, observer_for(probe.vm)));
  udp_senders_.push_back(std::make_unique<UdpProbeSender>(
      client, topology_.guest_ipv4(probe.vm), forward_port, schedule, forward, sink_,
      [] { return true; }));
  udp_senders_.back()->start();
  // A paused VM sends nothing; its prober skips those ticks and keeps its schedule.
  const ProbeSchedule vm_schedule{kWorkloadStart + random_offset(probe.interval), probe.interval,
                                  scenario_.duration - kDrain, probe.size_bytes};
  const std::string vm_name = probe.vm;
  udp_senders_.push_back(std::make_unique<UdpProbeSender>(
      vm, topology_.guest_ipv4(probe.client), reverse_port, vm_schedule, reverse, sink_,
      [this, vm_name] { return !hypervisor_.is_paused(vm_name); }));
  udp_senders_.back()->start();
}

void WorkloadSet::install_tcp_stream(const TcpWorkload& stream) {
  const bool to_vm = stream.direction == Direction::client_to_vm;
  const std::string& sender = to_vm ? stream.client : stream.vm;
  const std::string& receiver = to_vm ? stream.vm : stream.client;
  const Time chunk_interval(static_cast<Time::rep>(kTcpChunkBytes * 8.0 * 1e9 / stream.rate_bps));
  const auto flow = add_flow(stream.name, stream.vm, stream.direction, FlowKind::tcp_stream,
                             chunk_interval);
  const auto port = static_cast<std::uint16_t>(kTcpPortBase + flow);
  tcp_receivers_.push_back(std::make_unique<TcpChunkReceiver>(
      topology_.guest_node(receiver), port, kTcpChunkBytes, flow, sink_,
      to_vm ? SourceObserver() : observer_for(stream.vm)));
  const TcpStreamSchedule schedule{kWorkloadStart + random_offset(kTcpStartSpread), chunk_interval,
                                   scenario_.duration - kDrain, kTcpChunkBytes};
  tcp_senders_.push_back(std::make_unique<TcpChunkSender>(
      topology_.guest_node(sender), topology_.guest_ipv4(receiver), port, schedule, flow, sink_));
  tcp_senders_.back()->start();
}

IdentityObservation WorkloadSet::observe_identity(const std::string& vm) {
  IdentityObservation seen{Time(ns3::Simulator::Now().GetNanoSeconds()), vm, seen_source_[vm], ""};
  seen_source_.erase(vm);
  for (const auto& probe : scenario_.workloads.probes) {
    if (probe.vm != vm) continue;
    auto ipv4 = topology_.guest_node(probe.client)->GetObject<ns3::Ipv4L3Protocol>();
    auto* entry = ipv4->GetInterface(1)->GetArpCache()->Lookup(topology_.guest_ipv4(vm));
    if (entry != nullptr && entry->IsAlive()) seen.mac = to_text(entry->GetMacAddress());
    break;
  }
  return seen;
}

}  // namespace lmlab
