// Installs a scenario's workloads (probes, TCP streams) on the guests of the model, owns
// them, and keeps the flows they measure and what peers saw of each VM.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "models/cluster_topology.hpp"
#include "models/probe_applications.hpp"
#include "models/record_sink.hpp"
#include "models/tcp_stream_applications.hpp"
#include "models/vm_hypervisor_model.hpp"
#include "sim/core/backend.hpp"
#include "sim/core/packet_record.hpp"
#include "sim/core/scenario.hpp"
#include "sim/core/workload_plan.hpp"

namespace lmlab {

class WorkloadSet : public Workloads {
 public:
  WorkloadSet(const Scenario& scenario, ClusterTopology& topology,
              const VmHypervisorModel& hypervisor, RecordSink& sink);

  const std::vector<FlowInfo>& flows() const override { return plan_.flows; }
  // The MAC is the one the client's ARP cache holds for the VM. IPv4 only: the model has no
  // IPv6 yet (the backend refuses scenarios that need it).
  IdentityObservation observe_identity(const std::string& vm, AddressFamily family) override;
  std::vector<PacketRecord> take_records() override { return sink_.take(); }

 private:
  void install_probe(const ProbePlan& probe);
  void install_tcp_stream(const TcpStreamPlan& stream);
  SourceObserver observer_for(const std::string& vm);

  const Scenario& scenario_;
  ClusterTopology& topology_;
  const VmHypervisorModel& hypervisor_;
  RecordSink& sink_;
  WorkloadPlan plan_;
  std::map<std::string, std::string> seen_source_;  // VM -> address its packets came from
  std::vector<std::unique_ptr<UdpProbeSender>> udp_senders_;
  std::vector<std::unique_ptr<UdpProbeReceiver>> udp_receivers_;
  std::vector<std::unique_ptr<IcmpEchoProber>> icmp_probers_;
  std::vector<std::unique_ptr<IcmpEchoObserver>> icmp_observers_;
  std::vector<std::unique_ptr<TcpChunkSender>> tcp_senders_;
  std::vector<std::unique_ptr<TcpChunkReceiver>> tcp_receivers_;
};

}  // namespace lmlab
