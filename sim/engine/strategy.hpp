// A CNI's design, written once against Northbound so it runs unchanged on every backend: it
// lays out the cluster's logical network, names the pods' ports, and reacts to migration
// phases.
#pragma once

#include <memory>
#include <string>

#include "sim/core/northbound.hpp"
#include "sim/core/scenario.hpp"

namespace lmlab {

struct MigrationContext {
  std::string vm;
  std::string source_node;
  std::string target_node;
  std::string source_port;  // the VM's port for its pod on the source node
  std::string target_port;  // ... and for the target pod (the same port where the CNI reuses it)
};

class Strategy {
 public:
  virtual ~Strategy() = default;
  // The cluster's logical network before any migration: switches, routers, DHCP options,
  // and a port for every client pod and VM on the node it starts on, owned by it.
  virtual void build_network(const Scenario& scenario, Northbound& nb) const = 0;
  // The port of `pod` (a client or VM by scenario name) when it runs on `node`.
  virtual std::string port_name(const std::string& pod, const std::string& node) const = 0;

  // The target pod exists (KubeVirt MigrationScheduling).
  virtual void on_migration_scheduled(const MigrationContext&, Northbound&) {}
  // The target domain is ready (kubevirt.io/migration-target-ready-timestamp).
  virtual void on_target_ready(const MigrationContext&, Northbound&) {}
  virtual void on_migration_succeeded(const MigrationContext&, Northbound&) {}
  virtual void on_migration_failed(const MigrationContext&, Northbound&) {}
};

std::unique_ptr<Strategy> make_strategy(StrategyKind kind);

}  // namespace lmlab
