// A VM as lmlab runs it on the real backend: a guest namespace whose one network stack (and
// so its TCP connections) lives through the migration, and a "QEMU" namespace that holds the
// VM's tap on each node it has a domain on. Like QEMU, the guest's NIC is connected to
// exactly one tap while it runs and to none while it is paused; kernel tc mirred redirects
// are the wire between NIC and tap, so switching costs microseconds. See README.md.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "real-backend/ovn_lab.hpp"
#include "real-backend/process.hpp"
#include "sim/core/scenario.hpp"

namespace lmlab::real {

class VmGuest {
 public:
  // Creates the guest and QEMU namespaces and a running domain on the VM's node, plugged in
  // as logical port `port`.
  VmGuest(OvnLab& lab, const VmSpec& vm, const NetworkSpec& network, const std::string& port);
  ~VmGuest();
  VmGuest(const VmGuest&) = delete;
  VmGuest& operator=(const VmGuest&) = delete;

  const std::string& guest_netns() const { return guest_netns_; }

  // A tap on `node` plugged into its br-int as logical port `port` (the domain exists there).
  void add_domain(const std::string& node, const std::string& port);
  void remove_domain(const std::string& node);
  // The NIC is connected to no tap: nothing goes in or out.
  void pause();
  // The NIC is connected to the tap on `node`.
  void run_on(const std::string& node);
  // QEMU's self-announce: a RARP from the VM's MAC out of the tap of the node it runs on.
  void announce();

 private:
  struct Domain {
    std::string tap;                // in the QEMU namespace
    std::string chassis_interface;  // its veth peer, plugged into br-int
    int announce_socket = -1;       // AF_PACKET on the tap
  };
  void close_domain(Domain& domain);

  OvnLab& lab_;
  VmSpec vm_;
  int mtu_;
  std::string guest_netns_;
  std::string qemu_netns_;
  std::map<std::string, Domain> domains_;  // by node
  std::string running_on_;                 // empty while paused
  std::size_t taps_made_ = 0;
  // Returns once tc has carried out every line written so far.
  void await_tc();

  // `tc -batch -` in the QEMU namespace: a redirect change is one line, not a process start.
  std::optional<ChildProcess> tc_;
};

}  // namespace lmlab::real
