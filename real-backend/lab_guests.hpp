// The scenario's clients and VMs on a lab, and the Hypervisor calls the engine makes on the
// VMs. A client is a namespace whose interface is plugged into its node's br-int (or, for
// an external client, into the ToR on the provider VLAN); a VM is a VmGuest.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "real-backend/ovn_lab.hpp"
#include "real-backend/vm_guest.hpp"
#include "sim/core/hypervisor.hpp"
#include "sim/core/logical_network.hpp"
#include "sim/core/scenario.hpp"

namespace lmlab::real {

class LabGuests : public Hypervisor {
 public:
  // Each pod plugged in as the port `network` has for it on its node.
  LabGuests(OvnLab& lab, const Scenario& scenario, const LogicalNetwork& network);

  // The namespace of a client or VM by scenario name; its interface is "eth0".
  const std::string& netns_of(const std::string& name) const;

  void prepare_target(const std::string& vm, const std::string& node,
                      const std::string& port) override;
  void pause(const std::string& vm) override;
  void resume(const std::string& vm, const std::string& node) override;
  void announce(const std::string& vm) override;
  void remove_domain(const std::string& vm, const std::string& node) override;

 private:
  VmGuest& vm(const std::string& name);

  std::map<std::string, std::string> netns_;  // client or VM -> namespace
  std::map<std::string, std::unique_ptr<VmGuest>> vms_;
};

}  // namespace lmlab::real
