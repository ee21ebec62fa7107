// Northbound and Hypervisor doubles that remember what the engine and strategies asked for.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/core/clock.hpp"
#include "sim/core/hypervisor.hpp"
#include "sim/core/northbound.hpp"

namespace lmlab::testing {

class NorthboundSpy : public Northbound {
 public:
  void commit(const NorthboundTransaction& transaction) override {
    transactions.push_back(transaction);
  }
  // The changes of one kind committed so far, in order.
  template <typename Change>
  std::vector<Change> changes() const {
    std::vector<Change> found;
    for (const auto& transaction : transactions)
      for (const auto& change : transaction.changes)
        if (const auto* wanted = std::get_if<Change>(&change)) found.push_back(*wanted);
    return found;
  }
  std::vector<LogicalSwitchPort> ports() const { return changes<LogicalSwitchPort>(); }
  std::vector<SetPortBinding> bindings() const { return changes<SetPortBinding>(); }

  std::vector<NorthboundTransaction> transactions;
};

struct HypervisorCall {
  Time time;
  std::string action;  // "prepare", "pause", "resume", "announce", "remove"
  std::string vm;
  std::string node;
};

class HypervisorSpy : public Hypervisor {
 public:
  explicit HypervisorSpy(const Clock& clock) : clock_(clock) {}
  void prepare_target(const std::string& vm, const std::string& node,
                      const std::string& port) override {
    add("prepare", vm, node);
    target_ports.push_back(port);
  }
  void pause(const std::string& vm) override { add("pause", vm, ""); }
  void resume(const std::string& vm, const std::string& node) override { add("resume", vm, node); }
  void announce(const std::string& vm) override { add("announce", vm, ""); }
  void remove_domain(const std::string& vm, const std::string& node) override {
    add("remove", vm, node);
  }
  std::vector<HypervisorCall> calls;
  std::vector<std::string> target_ports;  // of each prepare_target

 private:
  void add(const char* action, const std::string& vm, const std::string& node) {
    calls.push_back({clock_.now(), action, vm, node});
  }
  const Clock& clock_;
};

}  // namespace lmlab::testing
