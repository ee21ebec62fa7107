// Test lab: a client and a VM, each in a network namespace of its own, wired by veth pairs
// to a bridge in a third namespace that plays the network between them. Interfaces carry the
// scenario's MACs and addresses. Namespaces are named lmlabt-<pid>-<n>-client/-vm/-network
// and removed when the lab goes, also when a test fails.
#pragma once

#include <string>
#include <vector>

#include "real-backend/traffic/guest_endpoint.hpp"
#include "sim/core/scenario.hpp"

namespace lmlab::testing {

// A scenario with one client (10.77.0.100) and one VM (10.77.0.10) for a lab, running for
// `duration`; `workloads` holds the YAML items of its workloads list, if any.
Scenario scenario_for_lab(const std::string& duration, const std::string& workloads = "");

// Runs a program with these arguments (no shell) and waits; throws std::runtime_error with
// its output when it fails.
void run_program(const std::vector<std::string>& argv);

class GuestLab {
 public:
  // The guests' interfaces are called eth0; addresses get the subnet's prefix length.
  GuestLab(const Scenario& scenario, const ClientSpec& client, const VmSpec& vm);
  ~GuestLab();
  GuestLab(const GuestLab&) = delete;
  GuestLab& operator=(const GuestLab&) = delete;

  // The endpoint of the client or the VM, by scenario name.
  real::GuestEndpoint endpoint_of(const std::string& name) const;
  const real::GuestEndpoint& client() const { return client_; }
  const real::GuestEndpoint& vm() const { return vm_; }

  // Takes the network between the guests down or brings it back (the bridge, by an ioctl:
  // no program started), from any thread. Frames the guests send still leave their
  // interfaces and are lost on the way, as when a port is bound nowhere; the guests' links
  // and neighbour tables are untouched.
  void set_network_up(bool up) const;

 private:
  void remove_namespaces() noexcept;

  std::string client_name_;
  std::string vm_name_;
  std::string network_netns_;
  real::GuestEndpoint client_;
  real::GuestEndpoint vm_;
  std::vector<std::string> created_;  // namespaces to remove
};

}  // namespace lmlab::testing
