// Northbound and Hypervisor doubles that remember what the engine and strategies asked for.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/clock.hpp"
#include "sim/hypervisor.hpp"
#include "sim/northbound.hpp"

namespace lmlab::testing {

struct BindingCall {
  std::string port;
  std::vector<std::string> requested_chassis;
  std::optional<std::string> activation_strategy;
};

class NorthboundSpy : public Northbound {
 public:
  void add_port(const LogicalSwitchPort& port) override { ports.push_back(port); }
  void set_port_binding(const std::string& port, const std::vector<std::string>& chassis,
                        const std::optional<std::string>& activation) override {
    bindings.push_back({port, chassis, activation});
  }
  std::vector<LogicalSwitchPort> ports;
  std::vector<BindingCall> bindings;
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
  void prepare_target(const std::string& vm, const std::string& node) override {
    add("prepare", vm, node);
  }
  void pause(const std::string& vm) override { add("pause", vm, ""); }
  void resume(const std::string& vm, const std::string& node) override { add("resume", vm, node); }
  void announce(const std::string& vm) override { add("announce", vm, ""); }
  void remove_domain(const std::string& vm, const std::string& node) override {
    add("remove", vm, node);
  }
  std::vector<HypervisorCall> calls;

 private:
  void add(const char* action, const std::string& vm, const std::string& node) {
    calls.push_back({clock_.now(), action, vm, node});
  }
  const Clock& clock_;
};

}  // namespace lmlab::testing
