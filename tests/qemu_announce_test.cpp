#include "sim/engine/qemu_announce.hpp"

#include <gtest/gtest.h>

namespace lmlab {
namespace {

// live-migration-facts.md, QEMU migration/options.c + net/announce.c: 5 RARPs at t = 0, 50,
// 200, 450, 800 ms after the destination resumes.
TEST(QemuAnnounce, FiveRarpsOnQemusSchedule) {
  using std::chrono::milliseconds;
  const std::vector<Time> expected{milliseconds(0), milliseconds(50), milliseconds(200),
                                   milliseconds(450), milliseconds(800)};
  EXPECT_EQ(qemu_announce_offsets(), expected);
}

}  // namespace
}  // namespace lmlab
