#include "sim/engine/strategies/kube_ovn_strategy.hpp"

namespace lmlab {

void KubeOvnStrategy::on_migration_scheduled(const MigrationContext& migration, Northbound& nb) {
  nb.apply(SetPortBinding{migration.source_port,
                          {migration.source_node, migration.target_node}, "rarp"});
}

void KubeOvnStrategy::on_migration_succeeded(const MigrationContext& migration, Northbound& nb) {
  nb.apply(SetPortBinding{migration.target_port, {migration.target_node}, std::nullopt});
}

void KubeOvnStrategy::on_migration_failed(const MigrationContext& migration, Northbound& nb) {
  nb.apply(SetPortBinding{migration.source_port, {migration.source_node}, std::nullopt});
}

}  // namespace lmlab
