#include "sim/engine/strategies/naive_strategy.hpp"

namespace lmlab {

void NaiveStrategy::on_migration_succeeded(const MigrationContext& migration, Northbound& nb) {
  nb.apply(SetPortBinding{migration.target_port, {migration.target_node}, std::nullopt});
}

}  // namespace lmlab
