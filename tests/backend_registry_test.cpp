// The registry lists every backend; each says which scenarios it cannot play, and why.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sim/core/backend.hpp"
#include "sim/loader/scenario_loader.hpp"

namespace lmlab {
namespace {

using ::testing::HasSubstr;

Scenario shipped(const std::string& name) {
  return load_scenario_file(std::string(LMLAB_SOURCE_DIR) + "/scenarios/" + name + ".yaml");
}

TEST(BackendRegistry, ListsNs3ThenOvn) {
  ASSERT_EQ(backends().size(), 2u);
  EXPECT_EQ(backends()[0]->name(), "ns3");
  EXPECT_EQ(backends()[1]->name(), "ovn");
  EXPECT_EQ(&backend_named("ovn"), backends()[1]);
}

TEST(BackendRegistry, AnUnknownBackendIsBadInputNamingTheOthers) {
  try {
    backend_named("kind");
    FAIL() << "found a backend named kind";
  } catch (const std::invalid_argument& error) {
    EXPECT_STREQ(error.what(), "unknown backend 'kind' (available: ns3, ovn)");
  }
}

TEST(BackendRegistry, BothPlayTcpSurvival) {
  for (const Backend* backend : backends())
    EXPECT_EQ(backend->cannot_play(shipped("tcp-survival")), std::nullopt) << backend->name();
}

TEST(BackendRegistry, Ns3SaysWhatItDoesNotModel) {
  const Backend& ns3 = backend_named("ns3");
  EXPECT_THAT(ns3.cannot_play(shipped("dhcp-gateway")).value_or(""), HasSubstr("DHCP"));
  EXPECT_THAT(ns3.cannot_play(shipped("underlay-vlan")).value_or(""), HasSubstr("VLAN"));
  Scenario dual_stack = shipped("tcp-survival");
  dual_stack.cluster.network.subnet_v6 = "fd00:10:16::/64";
  EXPECT_THAT(ns3.cannot_play(dual_stack).value_or(""), HasSubstr("dual-stack"));
}

TEST(BackendRegistry, NeitherCarriesIpv6WorkloadsYet) {
  Scenario scenario = shipped("tcp-survival");
  scenario.workloads.probes.at(0).family = AddressFamily::ipv6;
  for (const Backend* backend : backends())
    EXPECT_THAT(backend->cannot_play(scenario).value_or(""), HasSubstr("no IPv6 workloads"))
        << backend->name();
}

TEST(BackendRegistry, OvnPlaysEveryMtuTheLoaderTakes) {
  // Its underlay grows to carry the network's MTU plus the tunnel overhead.
  Scenario scenario = shipped("tcp-survival");
  scenario.cluster.network.mtu = 9000;
  scenario.cluster.underlay.tunnel_overhead_bytes = 200;
  EXPECT_EQ(backend_named("ovn").cannot_play(scenario), std::nullopt);
}

}  // namespace
}  // namespace lmlab
