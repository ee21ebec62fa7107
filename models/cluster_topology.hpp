// Builds the ns-3 nodes and links of a scenario's cluster: one node per chassis, a Geneve
// tunnel over the underlay between every pair of chassis, and one node per client and VM
// whose NIC shares a channel with its VIFs on the chassis, plugged in as the pod's port on
// the node it starts on.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <ns3/ipv4-address.h>
#include <ns3/node-container.h>
#include <ns3/node.h>

#include "models/ovn_chassis.hpp"
#include "models/ovn_southbound_model.hpp"
#include "models/vm_hypervisor_model.hpp"
#include "sim/core/clock.hpp"
#include "sim/core/logical_network.hpp"
#include "sim/core/scenario.hpp"

namespace lmlab {

class ClusterTopology {
 public:
  ClusterTopology(const Scenario& scenario, const LogicalNetwork& network,
                  OvnSouthboundModel& southbound, Clock& clock, VmHypervisorModel& hypervisor);

  // The node of a client or VM (a guest).
  ns3::Ptr<ns3::Node> guest_node(const std::string& name) const {
    return guests_.at(name)->GetNode();
  }
  ns3::Ipv4Address guest_ipv4(const std::string& name) const;

 private:
  void build_chassis(Clock& clock);
  void build_underlay();
  // A guest node with its NIC on a channel of its own, and a VIF on each of `vif_nodes`.
  VmHypervisorModel::Guest build_guest(const std::string& name, const std::string& mac,
                                       const std::vector<std::string>& ips,
                                       const std::vector<std::string>& vif_nodes);

  void assign_random_streams();

  const Scenario& scenario_;
  OvnSouthboundModel& southbound_;
  ns3::NodeContainer guest_nodes_;
  std::map<std::string, std::unique_ptr<OvnChassis>> chassis_;
  std::map<std::string, ns3::Ptr<ns3::NetDevice>> guests_;  // each guest's NIC
};

}  // namespace lmlab
