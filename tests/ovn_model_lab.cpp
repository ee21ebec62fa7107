#include "tests/ovn_model_lab.hpp"

#include <ns3/csma-channel.h>
#include <ns3/csma-helper.h>
#include <ns3/node.h>
#include <ns3/simulator.h>

namespace lmlab::testing {

namespace {
// A VIF is a tap or veth inside one host: fast and without propagation delay.
constexpr std::uint64_t kVifRateBps = 10'000'000'000;
constexpr std::uint32_t kTestPayloadBytes = 46;  // an Ethernet frame's minimum payload

ClusterSpec cluster_of(const std::vector<std::string>& nodes) {
  ClusterSpec cluster;
  cluster.nodes = nodes;
  return cluster;
}

}  // namespace

FrameLog::FrameLog(ns3::Ptr<ns3::NetDevice> device) {
  device->GetNode()->RegisterProtocolHandler(ns3::MakeCallback(&FrameLog::record, this), 0,
                                             device, true);
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
    chassis_[node] = std::make_unique<OvnChassis>(node, ns3::CreateObject<ns3::Node>(),
                                                  southbound, clock, cluster);
  ns3::CsmaHelper underlay;
  underlay.SetChannelAttribute("DataRate",
                               ns3::DataRateValue(ns3::DataRate(cluster.underlay.rate_bps)));
  underlay.SetChannelAttribute("Delay",
                               ns3::TimeValue(ns3::NanoSeconds(cluster.underlay.latency.count())));
  for (auto a = chassis_.begin(); a != chassis_.end(); ++a)
    for (auto b = std::next(a); b != chassis_.end(); ++b) {
      const auto link = underlay.Install(ns3::NodeContainer(a->second->node(), b->second->node()));
      const auto end_a = link.Get(0)->GetObject<ns3::CsmaNetDevice>();
      const auto end_b = link.Get(1)->GetObject<ns3::CsmaNetDevice>();
      a->second->add_tunnel(*b->second, end_a, end_b);
      b->second->add_tunnel(*a->second, end_b, end_a);
    }
}

OvnModelLab::~OvnModelLab() { ns3::Simulator::Destroy(); }

VmHypervisorModel::Guest OvnModelLab::add_guest(const std::string& mac,
                                                const std::vector<std::string>& nodes) {
  VmHypervisorModel::Guest guest;
  guest.channel = ns3::CreateObject<ns3::CsmaChannel>();
  guest.channel->SetAttribute("DataRate", ns3::DataRateValue(ns3::DataRate(kVifRateBps)));
  ns3::CsmaHelper link;
  guest.nic = link.Install(ns3::CreateObject<ns3::Node>(), guest.channel)
                  .Get(0)
                  ->GetObject<ns3::CsmaNetDevice>();
  guest.nic->SetAddress(ns3::Mac48Address(mac.c_str()));
  for (const auto& node : nodes) {
    guest.vifs[node] =
        link.Install(chassis(node).node(), guest.channel).Get(0)->GetObject<ns3::CsmaNetDevice>();
    guest.chassis[node] = &chassis(node);
  }
  return guest;
}

ns3::Ptr<ns3::CsmaNetDevice> OvnModelLab::add_pod(const std::string& mac, const std::string& node,
                                                  const std::string& port) {
  const auto pod = add_guest(mac, {node});
  chassis(node).add_vif(port, pod.vifs.at(node));
  return pod.nic;
}

void OvnModelLab::run_for(Time duration) {
  ns3::Simulator::Stop(ns3::NanoSeconds(duration.count()));
  ns3::Simulator::Run();
}

void send_frame(ns3::Ptr<ns3::CsmaNetDevice> nic, ns3::Mac48Address destination,
                std::uint16_t ether_type) {
  nic->Send(ns3::Create<ns3::Packet>(kTestPayloadBytes), destination, ether_type);
}

}  // namespace lmlab::testing
