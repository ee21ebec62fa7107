// Kube-OVN's logical network (live-migration-facts.md, "Kube-OVN"): the default subnet is one
// logical switch, "ovn-default", spanning every node; a VM keeps its port `<vm>.<namespace>`
// wherever it runs (--keep-vm-ip), a pod's port is `<pod>.<namespace>`. With the scenario's
// options: OVN native DHCPv4/v6 options on the ports of DHCP VMs, the cluster router
// "ovn-cluster" whose port on the switch answers the gateway address by arp_proxy, and a
// localnet port with the provider VLAN's tag (underlay subnets).
#pragma once

#include "sim/engine/strategy.hpp"

namespace lmlab {

class KubeOvnNetwork : public Strategy {
 public:
  static constexpr const char* kSwitch = "ovn-default";
  static constexpr const char* kRouter = "ovn-cluster";
  static constexpr const char* kNamespace = "default";

  void build_network(const Scenario& scenario, Northbound& nb) const override;
  std::string port_name(const std::string& pod, const std::string& node) const override;
};

}  // namespace lmlab
