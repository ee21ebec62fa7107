// A CNI's reaction to migration phases, written once against Northbound so it runs
// unchanged on every backend.
#pragma once

#include <memory>
#include <string>

#include "sim/northbound.hpp"
#include "sim/scenario.hpp"

namespace lmlab {

struct MigrationContext {
  std::string vm;
  std::string port;  // the VM's logical switch port
  std::string source_node;
  std::string target_node;
};

class Strategy {
 public:
  virtual ~Strategy() = default;
  // The target pod exists (KubeVirt MigrationScheduling).
  virtual void on_migration_scheduled(const MigrationContext&, Northbound&) {}
  // The target domain is ready (kubevirt.io/migration-target-ready-timestamp).
  virtual void on_target_ready(const MigrationContext&, Northbound&) {}
  virtual void on_migration_succeeded(const MigrationContext&, Northbound&) {}
  virtual void on_migration_failed(const MigrationContext&, Northbound&) {}
};

std::unique_ptr<Strategy> make_strategy(StrategyKind kind);

}  // namespace lmlab
