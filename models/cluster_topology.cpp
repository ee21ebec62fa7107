#include "models/cluster_topology.hpp"

#include <ns3/csma-helper.h>
#include <ns3/internet-stack-helper.h>
#include <ns3/ipv4.h>

namespace lmlab {

namespace {
// ns-3 numbers random streams from a process-wide counter unless told otherwise; fixed
// numbers keep a run's randomness a function of its seed alone, however many runs came
// before it in the process. Workloads draw from streams after these.
constexpr std::int64_t kFirstStackStream = 0;
constexpr std::int64_t kFirstDeviceStream = 1'000'000;

// A VIF is a tap or veth inside one host: fast and without propagation delay.
constexpr std::uint64_t kVifRateBps = 10'000'000'000;

ns3::Ipv4Mask subnet_mask(const std::string& cidr) {
  return ns3::Ipv4Mask(("/" + cidr.substr(cidr.find('/') + 1)).c_str());
}
}  // namespace

ClusterTopology::ClusterTopology(const Scenario& scenario, const LogicalNetwork& network,
                                 OvnSouthboundModel& southbound, Clock& clock,
                                 VmHypervisorModel& hypervisor)
    : scenario_(scenario), southbound_(southbound) {
  build_chassis(clock);
  build_underlay();
  for (const auto& client : scenario.clients) {
    const auto guest = build_guest(client.name, client.mac, client.ips, {client.node});
    chassis_.at(client.node)
        ->add_vif(network.port_of(client.name, client.node).name, guest.vifs.at(client.node));
  }
  for (const auto& vm : scenario.vms) {
    // A VIF on every chassis: any of them may become the VM's target.
    auto guest = build_guest(vm.name, vm.mac, vm.ips, scenario.cluster.nodes);
    guest.node = vm.node;
    hypervisor.add_guest(vm.name, std::move(guest), network.port_of(vm.name, vm.node).name);
  }
  assign_random_streams();
}

void ClusterTopology::assign_random_streams() {
  ns3::InternetStackHelper().AssignStreams(guest_nodes_, kFirstStackStream);
  ns3::CsmaHelper().AssignStreams(devices_, kFirstDeviceStream);
}

ns3::Ipv4Address ClusterTopology::guest_ipv4(const std::string& name) const {
  return guest_node(name)->GetObject<ns3::Ipv4>()->GetAddress(1, 0).GetLocal();
}

void ClusterTopology::build_chassis(Clock& clock) {
  for (const auto& name : scenario_.cluster.nodes)
    chassis_[name] = std::make_unique<OvnChassis>(name, ns3::CreateObject<ns3::Node>(),
                                                  southbound_, clock, scenario_.cluster);
}

void ClusterTopology::build_underlay() {
  const auto& underlay = scenario_.cluster.underlay;
  ns3::CsmaHelper link;
  link.SetChannelAttribute("DataRate", ns3::DataRateValue(ns3::DataRate(underlay.rate_bps)));
  link.SetChannelAttribute("Delay", ns3::TimeValue(ns3::NanoSeconds(underlay.latency.count())));
  // Room for a guest frame plus the encapsulation (ovn-lab trap: oversized frames vanish).
  link.SetDeviceAttribute(
      "Mtu", ns3::UintegerValue(scenario_.cluster.network.mtu + underlay.tunnel_overhead_bytes));
  for (auto a = chassis_.begin(); a != chassis_.end(); ++a) {
    for (auto b = std::next(a); b != chassis_.end(); ++b) {
      auto devices = link.Install(ns3::NodeContainer(a->second->node(), b->second->node()));
      auto end_a = devices.Get(0)->GetObject<ns3::CsmaNetDevice>();
      auto end_b = devices.Get(1)->GetObject<ns3::CsmaNetDevice>();
      devices_.Add(devices);
      a->second->add_tunnel(*b->second, end_a, end_b);
      b->second->add_tunnel(*a->second, end_b, end_a);
    }
  }
}

VmHypervisorModel::Guest ClusterTopology::build_guest(const std::string& name,
                                                      const std::string& mac,
                                                      const std::vector<std::string>& ips,
                                                      const std::vector<std::string>& vif_nodes) {
  auto node = ns3::CreateObject<ns3::Node>();
  ns3::InternetStackHelper().Install(node);
  guest_nodes_.Add(node);
  auto channel = ns3::CreateObject<ns3::CsmaChannel>();
  channel->SetAttribute("DataRate", ns3::DataRateValue(ns3::DataRate(kVifRateBps)));
  ns3::CsmaHelper link;
  auto nic = link.Install(node, channel).Get(0)->GetObject<ns3::CsmaNetDevice>();
  nic->SetAddress(ns3::Mac48Address(mac.c_str()));
  nic->SetMtu(static_cast<std::uint16_t>(scenario_.cluster.network.mtu));
  devices_.Add(nic);
  guests_[name] = nic;
  VmHypervisorModel::Guest attachment;
  attachment.channel = channel;
  attachment.nic = nic;
  for (const auto& chassis : vif_nodes) {
    auto vif = link.Install(chassis_.at(chassis)->node(), channel).Get(0)
                   ->GetObject<ns3::CsmaNetDevice>();
    devices_.Add(vif);
    attachment.vifs[chassis] = vif;
    attachment.chassis[chassis] = chassis_.at(chassis).get();
  }
  auto ipv4 = node->GetObject<ns3::Ipv4>();
  const auto interface = ipv4->AddInterface(nic);
  ipv4->AddAddress(interface,
                   ns3::Ipv4InterfaceAddress(ns3::Ipv4Address(address_of(ips, AddressFamily::ipv4)->c_str()),
                                             subnet_mask(scenario_.cluster.network.subnet)));
  ipv4->SetUp(interface);
  return attachment;
}

}  // namespace lmlab
