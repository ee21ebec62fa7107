// What KubeVirt and QEMU do to a VM during a migration, as the backend carries it out.
// The engine decides when; a backend makes it happen to its guest.
#pragma once

#include <string>

namespace lmlab {

class Hypervisor {
 public:
  virtual ~Hypervisor() = default;
  // The target pod and its domain exist; QEMU holds a tap on the target node, plugged into
  // its br-int as logical port `port`.
  virtual void prepare_target(const std::string& vm, const std::string& node,
                              const std::string& port) = 0;
  // Stop-and-copy begins: the VM sends and receives nothing.
  virtual void pause(const std::string& vm) = 0;
  // The VM runs on `node`, using that node's tap; its network stack is the same one.
  virtual void resume(const std::string& vm, const std::string& node) = 0;
  // One QEMU self-announce round: a RARP from the VM's MAC on its current node.
  virtual void announce(const std::string& vm) = 0;
  // The pod on `node` is gone (source after success, target after failure).
  virtual void remove_domain(const std::string& vm, const std::string& node) = 0;
};

}  // namespace lmlab
