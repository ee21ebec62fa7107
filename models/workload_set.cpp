#include "models/workload_set.hpp"

#include <sstream>
#include <stdexcept>

#include <ns3/arp-cache.h>
#include <ns3/ipv4-interface.h>
#include <ns3/ipv4-l3-protocol.h>
#include <ns3/random-variable-stream.h>

namespace lmlab {

namespace {
// Past the streams ClusterTopology assigns (see there).
constexpr std::int64_t kWorkloadStream = 2'000'000;

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

WorkloadPlan plan_with_model_random_stream(const Scenario& scenario) {
  auto random = ns3::CreateObject<ns3::UniformRandomVariable>();
  random->SetStream(kWorkloadStream);
  return plan_workloads(scenario, [&random](Time range) {
    return Time(static_cast<Time::rep>(random->GetValue(0.0, static_cast<double>(range.count()))));
  });
}
}  // namespace

WorkloadSet::WorkloadSet(const Scenario& scenario, ClusterTopology& topology,
                         const VmHypervisorModel& hypervisor, RecordSink& sink)
    : scenario_(scenario),
      topology_(topology),
      hypervisor_(hypervisor),
      sink_(sink),
      plan_(plan_with_model_random_stream(scenario)) {
  for (const auto& probe : plan_.probes) install_probe(probe);
  for (const auto& stream : plan_.tcp_streams) install_tcp_stream(stream);
}

SourceObserver WorkloadSet::observer_for(const std::string& vm) {
  return [this, vm](ns3::Ipv4Address source) { seen_source_[vm] = to_text(source); };
}

void WorkloadSet::install_probe(const ProbePlan& plan) {
  const ProbeWorkload& probe = plan.workload;
  const auto vm = topology_.guest_node(probe.vm);
  const auto client = topology_.guest_node(probe.client);
  if (!plan.vm_schedule) {  // ICMP: the VM's stack answers the client's echo requests
    icmp_observers_.push_back(
        std::make_unique<IcmpEchoObserver>(vm, plan.forward_flow, plan.reverse_flow, sink_));
    icmp_probers_.push_back(std::make_unique<IcmpEchoProber>(
        client, topology_.guest_ipv4(probe.vm), plan.client_schedule, plan.forward_flow,
        plan.reverse_flow, sink_, observer_for(probe.vm)));
    icmp_probers_.back()->start();
    return;
  }
  udp_receivers_.push_back(std::make_unique<UdpProbeReceiver>(vm, plan.forward_port,
                                                              plan.forward_flow, sink_, nullptr));
  udp_receivers_.push_back(std::make_unique<UdpProbeReceiver>(
      client, plan.reverse_port, plan.reverse_flow, sink_, observer_for(probe.vm)));
  udp_senders_.push_back(std::make_unique<UdpProbeSender>(
      client, topology_.guest_ipv4(probe.vm), plan.forward_port, plan.client_schedule,
      plan.forward_flow, sink_, [] { return true; }));
  udp_senders_.back()->start();
  // A paused VM sends nothing; its prober skips those ticks and keeps its schedule.
  const std::string vm_name = probe.vm;
  udp_senders_.push_back(std::make_unique<UdpProbeSender>(
      vm, topology_.guest_ipv4(probe.client), plan.reverse_port, *plan.vm_schedule,
      plan.reverse_flow, sink_, [this, vm_name] { return !hypervisor_.is_paused(vm_name); }));
  udp_senders_.back()->start();
}

void WorkloadSet::install_tcp_stream(const TcpStreamPlan& plan) {
  const bool to_vm = plan.workload.direction == Direction::client_to_vm;
  tcp_receivers_.push_back(std::make_unique<TcpChunkReceiver>(
      topology_.guest_node(plan.receiver), plan.port, plan.schedule.bytes, plan.flow, sink_,
      to_vm ? SourceObserver() : observer_for(plan.workload.vm)));
  tcp_senders_.push_back(std::make_unique<TcpChunkSender>(
      topology_.guest_node(plan.sender), topology_.guest_ipv4(plan.receiver), plan.port,
      plan.schedule, plan.flow, sink_));
  tcp_senders_.back()->start();
}

IdentityObservation WorkloadSet::observe_identity(const std::string& vm, AddressFamily family) {
  if (family != AddressFamily::ipv4) throw std::logic_error("the ns-3 model has no IPv6 yet");
  IdentityObservation seen{Time(ns3::Simulator::Now().GetNanoSeconds()), vm, seen_source_[vm], "",
                           family};
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
