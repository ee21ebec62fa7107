// The pieces under the real workloads: namespace switching, the run's clocks and the
// transmit checksum helper.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <thread>

#include <asio.hpp>

#include "real-backend/netns.hpp"
#include "real-backend/run_epoch.hpp"
#include "real-backend/tx_checksum_offload.hpp"
#include "sim/scenario_loader.hpp"
#include "tests/guest_lab.hpp"

namespace lmlab {
namespace {

using std::chrono::milliseconds;

ino_t current_netns() {
  struct stat status {};
  EXPECT_EQ(::stat("/proc/thread-self/ns/net", &status), 0);
  return status.st_ino;
}

Scenario two_guests() {
  return load_scenario_text(R"(
name: plumbing
duration: 1s
cluster: {nodes: [node-a, node-b], network: {subnet: 10.78.0.0/16},
          strategy: kube-ovn}
clients: [{name: client, node: node-a, mac: 0a:58:0a:4e:00:64, ips: [10.78.0.100]}]
vms: [{name: vm1, node: node-a, mac: 0a:58:0a:4e:00:0a, ips: [10.78.0.10], memory: 1Gi,
       dirty_rate: 1Mi/s}]
)",
                            "plumbing.yaml");
}

TEST(InNetns, RunsInsideAndComesBackAlsoAfterAnException) {
  const Scenario scenario = two_guests();
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
  const Scenario scenario = two_guests();
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

TEST(TxChecksumOffload, CanBeTurnedOffOnAGuestInterface) {
  const Scenario scenario = two_guests();
  const testing::GuestLab lab(scenario, scenario.clients[0], scenario.vms[0]);
  ASSERT_TRUE(real::tx_checksum_offload_enabled(lab.vm().netns, lab.vm().interface));
  real::disable_tx_checksum_offload(lab.vm().netns, lab.vm().interface);
  EXPECT_FALSE(real::tx_checksum_offload_enabled(lab.vm().netns, lab.vm().interface));
  EXPECT_THROW(real::disable_tx_checksum_offload(lab.vm().netns, "nosuch0"), std::runtime_error);
}

}  // namespace
}  // namespace lmlab
