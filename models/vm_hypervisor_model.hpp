// KubeVirt/QEMU as the ns-3 model carries them out. Each VM's NIC is wired to one VIF per
// chassis (the tap QEMU would use on that node), plugged into that chassis as the pod's port
// once a domain exists there. Only the VIF of the node the VM runs on is attached; pausing
// detaches it, resuming attaches the target's.
#pragma once

#include <map>
#include <set>
#include <string>

#include "models/guest_wire.hpp"
#include "models/ovn_chassis.hpp"
#include "sim/core/hypervisor.hpp"

namespace lmlab {

class VmHypervisorModel : public Hypervisor {
 public:
  struct Guest {
    explicit Guest(GuestWire wire) : wire(std::move(wire)) {}

    GuestWire wire;                               // its NIC and a VIF per chassis
    std::map<std::string, OvnChassis*> chassis;  // by name
    std::string node;                                          // where it runs
    std::set<std::string> domains;                             // nodes holding a domain
    bool paused = false;
  };

  // Registers a VM running on guest.node as `port`, with its VIF there attached and plugged,
  // and the others not.
  void add_guest(const std::string& vm, Guest guest, const std::string& port);
  bool is_paused(const std::string& vm) const { return guests_.at(vm).paused; }

  void prepare_target(const std::string& vm, const std::string& node,
                      const std::string& port) override;
  void pause(const std::string& vm) override;
  void resume(const std::string& vm, const std::string& node) override;
  void announce(const std::string& vm) override;
  void remove_domain(const std::string& vm, const std::string& node) override;

 private:
  std::map<std::string, Guest> guests_;
};

}  // namespace lmlab
