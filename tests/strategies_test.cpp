#include "sim/strategy.hpp"

#include <gtest/gtest.h>

#include "tests/engine_fakes.hpp"

namespace lmlab {
namespace {

using testing::NorthboundSpy;

const MigrationContext kMigration{"vm1", "vm1", "node-a", "node-b"};

// live-migration-facts.md, Kube-OVN pkg/controller/kubevirt.go.
TEST(KubeOvnStrategy, BindsBothChassisWithRarpActivationWhenScheduled) {
  NorthboundSpy nb;
  make_strategy(StrategyKind::kube_ovn)->on_migration_scheduled(kMigration, nb);
  ASSERT_EQ(nb.bindings.size(), 1u);
  EXPECT_EQ(nb.bindings[0].port, "vm1");
  EXPECT_EQ(nb.bindings[0].requested_chassis, (std::vector<std::string>{"node-a", "node-b"}));
  EXPECT_EQ(nb.bindings[0].activation_strategy, "rarp");
}

TEST(KubeOvnStrategy, KeepsOnlyTheTargetOnSuccess) {
  NorthboundSpy nb;
  make_strategy(StrategyKind::kube_ovn)->on_migration_succeeded(kMigration, nb);
  ASSERT_EQ(nb.bindings.size(), 1u);
  EXPECT_EQ(nb.bindings[0].requested_chassis, std::vector<std::string>{"node-b"});
  EXPECT_FALSE(nb.bindings[0].activation_strategy.has_value());
}

TEST(KubeOvnStrategy, RollsBackToTheSourceOnFailure) {
  NorthboundSpy nb;
  make_strategy(StrategyKind::kube_ovn)->on_migration_failed(kMigration, nb);
  ASSERT_EQ(nb.bindings.size(), 1u);
  EXPECT_EQ(nb.bindings[0].requested_chassis, std::vector<std::string>{"node-a"});
  EXPECT_FALSE(nb.bindings[0].activation_strategy.has_value());
}

TEST(KubeOvnStrategy, DoesNothingWhenTheTargetBecomesReady) {
  NorthboundSpy nb;
  make_strategy(StrategyKind::kube_ovn)->on_target_ready(kMigration, nb);
  EXPECT_TRUE(nb.bindings.empty());
}

TEST(NaiveStrategy, RebindsToTheTargetOnlyAfterSuccess) {
  NorthboundSpy nb;
  auto naive = make_strategy(StrategyKind::naive);
  naive->on_migration_scheduled(kMigration, nb);
  naive->on_target_ready(kMigration, nb);
  EXPECT_TRUE(nb.bindings.empty());
  naive->on_migration_succeeded(kMigration, nb);
  ASSERT_EQ(nb.bindings.size(), 1u);
  EXPECT_EQ(nb.bindings[0].requested_chassis, std::vector<std::string>{"node-b"});
  EXPECT_FALSE(nb.bindings[0].activation_strategy.has_value());
}

TEST(NaiveStrategy, LeavesTheSourceBindingOnFailure) {
  NorthboundSpy nb;
  make_strategy(StrategyKind::naive)->on_migration_failed(kMigration, nb);
  EXPECT_TRUE(nb.bindings.empty());
}

}  // namespace
}  // namespace lmlab
