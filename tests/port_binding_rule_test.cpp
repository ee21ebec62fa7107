// Where a port forwards, as OVN >= 22.06 derives it from requested-chassis and
// activation-strategy (live-migration-facts.md, "OVN multi-chassis binding").
#include "sim/core/port_binding_rule.hpp"

#include <gtest/gtest.h>

namespace lmlab {
namespace {

using Chassis = std::set<std::string>;

TEST(PortBindingRule, FirstRequestedChassisIsTheMainOneAndForwards) {
  const auto binding = requested_binding({"node-a", "node-b"}, "rarp");
  EXPECT_EQ(binding.main_chassis, "node-a");
  EXPECT_EQ(binding.additional_chassis, std::vector<std::string>{"node-b"});
  EXPECT_TRUE(forwards_on(binding, "node-a"));
  EXPECT_FALSE(awaits_rarp(binding, "node-a"));  // the main chassis is never blocked
}

TEST(PortBindingRule, ChassisNotRequestedNeitherForwardsNorAwaitsRarp) {
  const auto binding = requested_binding({"node-a", "node-b"}, "rarp");
  EXPECT_FALSE(forwards_on(binding, "node-c"));
  EXPECT_FALSE(awaits_rarp(binding, "node-c"));
}

TEST(PortBindingRule, PortWithoutRequestedChassisForwardsNowhere) {
  const auto binding = requested_binding({}, std::nullopt);
  EXPECT_FALSE(binding.main_chassis);
  EXPECT_FALSE(forwards_on(binding, "node-a"));
  EXPECT_TRUE(forwarding_chassis(binding).empty());
}

TEST(PortBindingRule, AdditionalChassisForwardsWithoutActivationStrategy) {
  const auto binding = requested_binding({"node-a", "node-b"}, std::nullopt);
  EXPECT_TRUE(forwards_on(binding, "node-b"));
  EXPECT_FALSE(awaits_rarp(binding, "node-b"));
  EXPECT_EQ(forwarding_chassis(binding), (Chassis{"node-a", "node-b"}));
}

TEST(PortBindingRule, RarpStrategyBlocksAdditionalChassisUntilActivated) {
  const auto blocked = requested_binding({"node-a", "node-b"}, "rarp");
  EXPECT_FALSE(forwards_on(blocked, "node-b"));
  EXPECT_TRUE(awaits_rarp(blocked, "node-b"));
  EXPECT_EQ(forwarding_chassis(blocked), Chassis{"node-a"});

  const auto activated = requested_binding({"node-a", "node-b"}, "rarp", {"node-b"});
  EXPECT_TRUE(forwards_on(activated, "node-b"));
  EXPECT_FALSE(awaits_rarp(activated, "node-b"));
  EXPECT_EQ(forwarding_chassis(activated), (Chassis{"node-a", "node-b"}));
}

TEST(PortBindingRule, EachAdditionalChassisIsActivatedOnItsOwn) {
  const auto binding = requested_binding({"node-a", "node-b", "node-c"}, "rarp", {"node-c"});
  EXPECT_TRUE(awaits_rarp(binding, "node-b"));
  EXPECT_FALSE(awaits_rarp(binding, "node-c"));
  EXPECT_EQ(forwarding_chassis(binding), (Chassis{"node-a", "node-c"}));
}

TEST(PortBindingRule, ActivationIsKeptOnlyWhileTheChassisStaysAdditional) {
  const Chassis activated{"node-b"};
  EXPECT_EQ(requested_binding({"node-a", "node-b"}, "rarp", activated).activated, activated);
  // node-b became the main chassis (migration succeeded), or left the binding (rollback).
  EXPECT_TRUE(requested_binding({"node-b"}, std::nullopt, activated).activated.empty());
  EXPECT_TRUE(requested_binding({"node-a"}, std::nullopt, activated).activated.empty());
  // So a retried migration to node-b after a rollback awaits a new RARP there.
  const auto rolled_back = requested_binding({"node-a"}, std::nullopt, activated);
  const auto retried = requested_binding({"node-a", "node-b"}, "rarp", rolled_back.activated);
  EXPECT_TRUE(awaits_rarp(retried, "node-b"));
}

}  // namespace
}  // namespace lmlab
