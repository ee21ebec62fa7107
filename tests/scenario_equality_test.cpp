// Scenario equality (sim/core/scenario.cpp) compares every field of every struct.
#include "sim/core/scenario.hpp"

#include <gtest/gtest.h>

#include "tests/scenario_fields.hpp"

namespace lmlab {
namespace {

TEST(ScenarioEquality, EqualsItsCopyAndNotTheDefault) {
  const Scenario scenario = full_scenario();
  const Scenario copy = scenario;
  EXPECT_TRUE(copy == scenario);
  EXPECT_FALSE(copy != scenario);
  EXPECT_TRUE(Scenario{} == Scenario{});
  EXPECT_TRUE(Scenario{} != scenario);
}

// A struct that gained a field needs a change here, which the next test then requires ==
// to notice.
TEST(ScenarioEquality, EveryFieldOfEveryStructHasAChange) {
  for (const StructChanges& part : every_field_change())
    EXPECT_EQ(part.changes.size(), part.fields) << part.part;
}

TEST(ScenarioEquality, ChangingAnyOneFieldMakesScenariosUnequal) {
  const Scenario original = full_scenario();
  for (const StructChanges& part : every_field_change()) {
    for (const FieldChange& change : part.changes) {
      Scenario changed = original;
      change.apply(changed);
      EXPECT_FALSE(changed == original) << change.field;
      EXPECT_TRUE(changed != original) << change.field;
    }
  }
}

}  // namespace
}  // namespace lmlab
