#include "sim/engine/precopy.hpp"

#include <gtest/gtest.h>

namespace lmlab {
namespace {

using std::chrono::milliseconds;
constexpr std::uint64_t kGi = 1ull << 30;
constexpr std::uint64_t kMi = 1ull << 20;

// live-migration-facts.md: KubeVirt downtime tuning starts at 150 ms, rises in 7 steps after
// iteration 3, up to DefaultMigrationMaxDowntimeMs = 900.
TEST(DowntimeLimit, FollowsKubevirtTuning) {
  EXPECT_EQ(downtime_limit_after(1), milliseconds(150));
  EXPECT_EQ(downtime_limit_after(3), milliseconds(150));
  EXPECT_GT(downtime_limit_after(4), milliseconds(150));
  EXPECT_LT(downtime_limit_after(9), milliseconds(900));
  EXPECT_EQ(downtime_limit_after(10), milliseconds(900));
  EXPECT_EQ(downtime_limit_after(50), milliseconds(900));
  for (std::size_t pass = 1; pass < 12; ++pass)
    EXPECT_LE(downtime_limit_after(pass), downtime_limit_after(pass + 1));
}

TEST(Precopy, QuietVmStopsAfterOnePass) {
  // 1 GiB at 10 Gbit/s takes 859 ms; 16 MiB/s dirties 13.7 MiB meanwhile: 11.5 ms to copy,
  // under the 150 ms limit, so QEMU stops the VM after the first pass.
  const auto plan = plan_precopy(kGi, 16 * kMi, 10'000'000'000);
  ASSERT_TRUE(plan.converged);
  ASSERT_EQ(plan.passes.size(), 1u);
  EXPECT_EQ(plan.passes[0].bytes, kGi);
  EXPECT_NEAR(to_milliseconds(plan.passes[0].duration), 858.99, 0.01);
  EXPECT_NEAR(static_cast<double>(plan.stop_copy_bytes), 16.0 * kMi * 0.85899, 1e4);
  EXPECT_NEAR(to_milliseconds(plan.stop_copy_duration), 11.53, 0.01);
}

TEST(Precopy, BusyVmNeedsSeveralShrinkingPasses) {
  // 4 GiB at 1 Gbit/s (34 s); 50 MiB/s dirties 1.7 GiB in the first pass.
  const auto plan = plan_precopy(4 * kGi, 50 * kMi, 1'000'000'000);
  ASSERT_TRUE(plan.converged);
  ASSERT_GT(plan.passes.size(), 2u);
  for (std::size_t i = 1; i < plan.passes.size(); ++i)
    EXPECT_LT(plan.passes[i].bytes, plan.passes[i - 1].bytes);
  EXPECT_LE(plan.stop_copy_duration, plan.passes.back().downtime_limit);
}

TEST(Precopy, DirtyRateAboveBandwidthNeverConverges) {
  const auto plan = plan_precopy(kGi, 200 * kMi, 1'000'000'000);  // 200 MiB/s > 125 MB/s
  EXPECT_FALSE(plan.converged);
  EXPECT_FALSE(plan.passes.empty());
}

TEST(Precopy, IdleVmStopsWithNothingLeft) {
  const auto plan = plan_precopy(kGi, 0, 10'000'000'000);
  ASSERT_TRUE(plan.converged);
  EXPECT_EQ(plan.stop_copy_bytes, 0u);
  EXPECT_EQ(plan.stop_copy_duration, Time(0));
}

}  // namespace
}  // namespace lmlab
