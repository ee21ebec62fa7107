#include "tests/ovn_model_lab.hpp"

#include <ns3/node.h>
#include <ns3/simulator.h>

#include "models/underlay_mesh.hpp"

namespace lmlab::testing {

namespace {
constexpr std::uint32_t kTestPayloadBytes = 46;  // an Ethernet frame's minimum payload

ClusterSpec cluster_of(const std::vector<std::string>& nodes) {
  ClusterSpec cluster;
  cluster.nodes = nodes;
  return cluster;
}

}  // namespace

FrameLog::FrameLog(ns3::Ptr<ns3::NetDevice> device) {
  device->GetNode()->RegisterProtocolHandler(ns3::MakeCallback(&FrameLog::record, this), 0, device,
                                             true);
}

std::size_t FrameLog::count(std::uint16_t ether_type) const {
  std::size_t found = 0;
  for (const auto& frame : frames_) found += frame.ether_type == ether_type;
  return found;
}

void FrameLog::record(ns3::Ptr<ns3::NetDevice>, ns3::Ptr<const ns3::Packet> packet,
                      std::uint16_t ether_type, const ns3::Address& source,
                      const ns3::Address& destination, ns3::NetDevice::PacketType) {
  frames_.push_back({ether_type, ns3::Mac48Address::ConvertFrom(source),
                     ns3::Mac48Address::ConvertFrom(destination), packet->Copy()});
}

OvnModelLab::OvnModelLab(const std::vector<std::string>& nodes) : cluster(cluster_of(nodes)) {
  for (const auto& node : nodes)
    chassis_[node] = std::make_unique<OvnChassis>(node, ns3::CreateObject<ns3::Node>(), southbound,
                                                  clock, cluster);
  std::vector<OvnChassis*> all;
  for (const auto& [name, one] : chassis_) all.push_back(one.get());
  join_chassis_pairwise(all, cluster);
}

OvnModelLab::~OvnModelLab() { ns3::Simulator::Destroy(); }

VmHypervisorModel::Guest OvnModelLab::add_guest(const std::string& mac,
                                                const std::vector<std::string>& nodes) {
  VmHypervisorModel::Guest guest(GuestWire(ns3::CreateObject<ns3::Node>(),
                                           ns3::Mac48Address(mac.c_str()), cluster.network.mtu));
  for (const auto& node : nodes) {
    guest.wire.add_vif(node, chassis(node).node());
    guest.chassis[node] = &chassis(node);
  }
  return guest;
}

ns3::Ptr<ns3::NetDevice> OvnModelLab::add_pod(const std::string& mac, const std::string& node,
                                              const std::string& port) {
  const auto pod = add_guest(mac, {node});
  chassis(node).add_vif(port, pod.wire.vif(node));
  return pod.wire.nic();
}

void OvnModelLab::run_for(Time duration) {
  ns3::Simulator::Stop(ns3::NanoSeconds(duration.count()));
  ns3::Simulator::Run();
}

void send_frame(ns3::Ptr<ns3::NetDevice> nic, ns3::Mac48Address destination,
                std::uint16_t ether_type) {
  nic->Send(ns3::Create<ns3::Packet>(kTestPayloadBytes), destination, ether_type);
}

}  // namespace lmlab::testing
