// The baseline: on Kube-OVN's network, the port stays bound to the source chassis for the
// whole migration and is re-bound to the target only once KubeVirt reports success.
#pragma once

#include "sim/engine/strategies/kube_ovn_network.hpp"

namespace lmlab {

class NaiveStrategy : public KubeOvnNetwork {
 public:
  void on_migration_succeeded(const MigrationContext& migration, Northbound& nb) override;
};

}  // namespace lmlab
