// The Northbound of the OVN model on its own: a commit takes effect on the chassis only after
// the modelled control-plane path NB -> ovn-northd -> SB -> ovn-controller.
#include "models/ovn_northbound_model.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

#include "tests/logical_rows.hpp"
#include "tests/manual_clock.hpp"

namespace lmlab {
namespace {

using std::chrono::milliseconds;
using std::chrono::nanoseconds;
using testing::logical_switch;
using testing::vif_port;

constexpr const char* kVm = "vm1.default";

ControlPlaneSpec slow_control_plane() {
  ControlPlaneSpec delays;
  delays.northd = milliseconds(20);
  delays.southbound = milliseconds(10);
  delays.ovn_controller = milliseconds(30);
  return delays;
}

class NorthboundModel : public ::testing::Test {
 protected:
  NorthboundTransaction vm_network() const {
    return NorthboundTransaction{}
        .add(logical_switch("ovn-default"))
        .add(vif_port(kVm, "ovn-default", "0a:58:0a:10:00:0a", "10.16.0.10", {"node-a"}));
  }

  testing::ManualClock clock;
  EventLog log;
  const ControlPlaneSpec delays = slow_control_plane();
  OvnSouthboundModel southbound{clock, log};
  OvnNorthboundModel northbound{clock, delays, southbound};
};

TEST_F(NorthboundModel, CommitReachesTheSouthboundAfterNorthdSouthboundAndOvnController) {
  clock.run_until(milliseconds(5));
  northbound.commit(vm_network());
  const auto arrival = milliseconds(5 + 20 + 10 + 30);
  clock.run_until(arrival - nanoseconds(1));
  EXPECT_FALSE(southbound.knows(kVm));
  clock.run_until(arrival);
  EXPECT_TRUE(southbound.knows(kVm));
  ASSERT_FALSE(log.events().empty());
  EXPECT_EQ(log.events().back().time, arrival);  // binding_active when the flows are in
}

TEST_F(NorthboundModel, TransactionsReachTheSouthboundInTheOrderCommitted) {
  northbound.commit(vm_network());
  northbound.apply(SetPortBinding{kVm, {"node-b"}, std::nullopt});
  clock.run_until(milliseconds(60));
  EXPECT_FALSE(southbound.forwards_on(kVm, "node-a"));
  EXPECT_TRUE(southbound.forwards_on(kVm, "node-b"));
}

TEST_F(NorthboundModel, TransactionWithAMissingRowThrowsAndNeverReachesTheSouthbound) {
  auto bad = vm_network();
  bad.add(SetPortEnabled{"no-such-port", false});
  EXPECT_THROW(northbound.commit(bad), std::logic_error);
  // The NB did not take it either: the same network commits cleanly afterwards.
  northbound.commit(vm_network());
  clock.run_until(milliseconds(60));
  EXPECT_TRUE(southbound.knows(kVm));
  EXPECT_EQ(log.events().size(), 1u);  // one "port bound", from the good commit
}

}  // namespace
}  // namespace lmlab
