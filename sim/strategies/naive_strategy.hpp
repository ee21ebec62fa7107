// The baseline: the port stays bound to the source chassis for the whole migration and is
// re-bound to the target only once KubeVirt reports success.
#pragma once

#include "sim/strategy.hpp"

namespace lmlab {

class NaiveStrategy : public Strategy {
 public:
  void on_migration_succeeded(const MigrationContext& migration, Northbound& nb) override;
};

}  // namespace lmlab
