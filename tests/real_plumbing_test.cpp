// The pieces under the real workloads: namespace switching, the run's clocks, the fixed
// schedule's catch-up and the transmit checksum helper.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <thread>

#include <asio.hpp>

#include "real-backend/traffic/netns.hpp"
#include "real-backend/traffic/run_epoch.hpp"
#include "real-backend/traffic/fixed_schedule_timer.hpp"
#include "real-backend/traffic/tx_checksum_offload.hpp"
#include "tests/guest_lab.hpp"

namespace lmlab {
namespace {

using std::chrono::milliseconds;

ino_t current_netns() {
  struct stat status {};
  EXPECT_EQ(::stat("/proc/thread-self/ns/net", &status), 0);
  return status.st_ino;
}

TEST(InNetns, RunsInsideAndComesBackAlsoAfterAnException) {
  const Scenario scenario = testing::scenario_for_lab("1s");
  const testing::GuestLab lab(scenario, scenario.clients[0], scenario.vms[0]);
  const ino_t home = current_netns();
  const ino_t inside = real::in_netns(lab.client().netns, [] { return current_netns(); });
  EXPECT_NE(inside, home);
  EXPECT_EQ(current_netns(), home);
  EXPECT_THROW(real::in_netns(lab.client().netns, [] { throw std::logic_error("inside"); }),
               std::logic_error);
  EXPECT_EQ(current_netns(), home);
}

TEST(InNetns, SocketsOpenedInsideStayThere) {
  const Scenario scenario = testing::scenario_for_lab("1s");
  const testing::GuestLab lab(scenario, scenario.clients[0], scenario.vms[0]);
  asio::io_context io;
  asio::ip::udp::socket socket(io);
  real::in_netns(lab.vm().netns, [&] { socket.open(asio::ip::udp::v4()); });
  // The VM's address exists only in its namespace.
  EXPECT_NO_THROW(socket.bind({asio::ip::make_address(lab.vm().ip), 0}));
}

TEST(InNetns, NamesTheNamespaceAndTheReasonWhenItCannotEnter) {
  try {
    real::in_netns("lmlabt-no-such-namespace", [] {});
    FAIL() << "entered a namespace that does not exist";
  } catch (const std::runtime_error& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("'lmlabt-no-such-namespace'"), std::string::npos) << message;
    EXPECT_NE(message.find("No such file or directory"), std::string::npos) << message;
  }
  EXPECT_THROW(real::in_netns("../etc", [] {}), std::runtime_error);
}

TEST(RunEpoch, RealtimeAndMonotonicTimesAgree) {
  const real::RunEpoch epoch;
  std::this_thread::sleep_for(milliseconds(20));
  timespec now{};
  clock_gettime(CLOCK_REALTIME, &now);
  const Time monotonic = epoch.since_start();
  EXPECT_GE(monotonic, milliseconds(20));
  EXPECT_NEAR(to_milliseconds(epoch.from_realtime(now)), to_milliseconds(monotonic), 1.0);
  EXPECT_NEAR(to_milliseconds(epoch.steady_at(monotonic) - std::chrono::steady_clock::now()),
              0.0, 1.0);
}

// A loop held up for 25 ms misses the ticks due meanwhile: they come at once afterwards,
// each with its own k, and the schedule goes on where it was.
TEST(FixedScheduleTimer, CatchesUpAfterALateLoopWithoutSkippingOrDrifting) {
  asio::io_context io;
  const real::RunEpoch epoch;
  const SendSchedule schedule{milliseconds(10), milliseconds(1), milliseconds(80), 0};
  std::vector<std::pair<std::uint64_t, Time>> ticks;
  Time busy_from{0};
  Time busy_until{0};
  const auto tick = [&](std::uint64_t k) {
    ticks.emplace_back(k, epoch.since_start());
    if (k != 19) return;
    busy_from = epoch.since_start();
    std::this_thread::sleep_for(milliseconds(25));
    busy_until = epoch.since_start();
  };
  auto timer = std::make_shared<real::FixedScheduleTimer>(io, epoch, schedule, tick);
  timer->start();
  io.run();

  ASSERT_EQ(ticks.size(), 70u);
  std::vector<Time> missed;  // when the ticks due while the loop was held up came
  for (std::uint64_t k = 0; k < ticks.size(); ++k) {
    ASSERT_EQ(ticks[k].first, k);
    const Time due = schedule.send_time(k);
    EXPECT_GE(ticks[k].second, due);
    if (due > busy_from && due <= busy_until) missed.push_back(ticks[k].second);
    // Back on the schedule afterwards; a schedule that drifted would be 25 ms late here.
    if (due > busy_until + milliseconds(5)) {
      EXPECT_LT(ticks[k].second - due, milliseconds(10)) << "k " << k;
    }
  }
  ASSERT_GE(missed.size(), 20u);
  EXPECT_GE(missed.front(), busy_until);
  // All at once, not spread out again at the interval.
  EXPECT_LT(missed.back() - missed.front(), milliseconds(5));
}

TEST(TxChecksumOffload, CanBeTurnedOffOnAGuestInterface) {
  const Scenario scenario = testing::scenario_for_lab("1s");
  const testing::GuestLab lab(scenario, scenario.clients[0], scenario.vms[0]);
  ASSERT_TRUE(real::tx_checksum_offload_enabled(lab.vm().netns, lab.vm().interface));
  real::disable_tx_checksum_offload(lab.vm().netns, lab.vm().interface);
  EXPECT_FALSE(real::tx_checksum_offload_enabled(lab.vm().netns, lab.vm().interface));
  EXPECT_THROW(real::disable_tx_checksum_offload(lab.vm().netns, "nosuch0"), std::runtime_error);
}

}  // namespace
}  // namespace lmlab
