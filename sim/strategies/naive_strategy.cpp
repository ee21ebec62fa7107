#include "sim/strategies/naive_strategy.hpp"

namespace lmlab {

void NaiveStrategy::on_migration_succeeded(const MigrationContext& migration, Northbound& nb) {
  nb.set_port_binding(migration.port, {migration.target_node}, std::nullopt);
}

}  // namespace lmlab
