#include "models/cluster_topology.hpp"

#include <ns3/internet-stack-helper.h>
#include <ns3/ipv4.h>

#include "models/underlay_mesh.hpp"

namespace lmlab {

namespace {
// ns-3 numbers random streams from a process-wide counter unless told otherwise; fixed
// numbers keep a run's randomness a function of its seed alone, however many runs came
// before it in the process. Workloads draw from streams after these.
constexpr std::int64_t kFirstStackStream = 0;

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
        ->add_vif(network.port_of(client.name, client.node).name, guest.wire.vif(client.node));
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
}

ns3::Ipv4Address ClusterTopology::guest_ipv4(const std::string& name) const {
  return guest_node(name)->GetObject<ns3::Ipv4>()->GetAddress(1, 0).GetLocal();
}

void ClusterTopology::build_chassis(Clock& clock) {
  for (const auto& name : scenario_.cluster.nodes)
    chassis_[name] = std::make_unique<OvnChassis>(name, ns3::CreateObject<ns3::Node>(), southbound_,
                                                  clock, scenario_.cluster);
}

void ClusterTopology::build_underlay() {
  std::vector<OvnChassis*> chassis;
  for (const auto& [name, one] : chassis_) chassis.push_back(one.get());
  join_chassis_pairwise(chassis, scenario_.cluster);
}

VmHypervisorModel::Guest ClusterTopology::build_guest(const std::string& name,
                                                      const std::string& mac,
                                                      const std::vector<std::string>& ips,
                                                      const std::vector<std::string>& vif_nodes) {
  auto node = ns3::CreateObject<ns3::Node>();
  ns3::InternetStackHelper().Install(node);
  guest_nodes_.Add(node);
  VmHypervisorModel::Guest attachment(
      GuestWire(node, ns3::Mac48Address(mac.c_str()), scenario_.cluster.network.mtu));
  const auto nic = attachment.wire.nic();
  guests_[name] = nic;
  for (const auto& chassis : vif_nodes) {
    attachment.wire.add_vif(chassis, chassis_.at(chassis)->node());
    attachment.chassis[chassis] = chassis_.at(chassis).get();
  }
  auto ipv4 = node->GetObject<ns3::Ipv4>();
  const auto interface = ipv4->AddInterface(nic);
  ipv4->AddAddress(interface, ns3::Ipv4InterfaceAddress(
                                  ns3::Ipv4Address(address_of(ips, AddressFamily::ipv4)->c_str()),
                                  subnet_mask(scenario_.cluster.network.subnet)));
  ipv4->SetUp(interface);
  return attachment;
}

}  // namespace lmlab
