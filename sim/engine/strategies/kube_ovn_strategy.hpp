// Kube-OVN with --enable-live-migration-optimize (default true; pkg/controller/kubevirt.go):
// multi-chassis port binding with RARP activation (live-migration-facts.md, "Kube-OVN").
#pragma once

#include "sim/engine/strategies/kube_ovn_network.hpp"

namespace lmlab {

class KubeOvnStrategy : public KubeOvnNetwork {
 public:
  // requested-chassis=<src>,<dst>, activation-strategy=rarp: traffic is duplicated to both
  // chassis and the target stays blocked until QEMU's RARP.
  void on_migration_scheduled(const MigrationContext& migration, Northbound& nb) override;
  // requested-chassis=<dst>, activation-strategy removed.
  void on_migration_succeeded(const MigrationContext& migration, Northbound& nb) override;
  // Rollback: requested-chassis=<src>, activation-strategy removed.
  void on_migration_failed(const MigrationContext& migration, Northbound& nb) override;
};

}  // namespace lmlab
