#include "sim/analysis/expectations.hpp"

#include <gtest/gtest.h>

namespace lmlab {
namespace {

using namespace std::chrono_literals;

Scenario scenario_migrating_vm1() {
  Scenario scenario;
  scenario.migrations.push_back(MigrationSpec{
      .vm = "vm1", .target_node = "node-b", .start = 3s, .bandwidth_bps = 10'000'000'000});
  return scenario;
}

Scenario expecting_max_downtime(Time limit) {
  Scenario scenario = scenario_migrating_vm1();
  scenario.expectations.max_downtime = limit;
  return scenario;
}

ProbeFigures probe(std::string vm, Direction direction, Time downtime, bool recovered = true) {
  ProbeFigures figures;
  figures.workload = "probe";
  figures.vm = std::move(vm);
  figures.direction = direction;
  figures.protocol = ProbeProtocol::udp;
  figures.interval = 1ms;
  figures.downtime = downtime;
  figures.recovered = recovered;
  return figures;
}

TcpFigures tcp_stream(bool survived, std::string failure = "") {
  TcpFigures figures;
  figures.workload = "stream";
  figures.vm = "vm1";
  figures.direction = Direction::client_to_vm;
  figures.survived = survived;
  figures.failure = std::move(failure);
  return figures;
}

IdentityFigures identity(std::string ip_after, std::string mac_after) {
  IdentityFigures figures;
  figures.vm = "vm1";
  figures.ip_before = "10.16.0.10";
  figures.mac_before = "0a:58:0a:10:00:0a";
  figures.ip_after = std::move(ip_after);
  figures.mac_after = std::move(mac_after);
  figures.ip_preserved = !figures.ip_after.empty() && figures.ip_before == figures.ip_after;
  figures.mac_preserved = !figures.mac_after.empty() && figures.mac_before == figures.mac_after;
  return figures;
}

TEST(MaxDowntime, OneResultPerDirectionOfAMigratedVm) {
  Figures figures;
  figures.probes = {probe("vm1", Direction::client_to_vm, 23400us),
                    probe("vm1", Direction::vm_to_client, 60ms),
                    probe("vm2", Direction::client_to_vm, 900ms)};  // vm2 does not migrate
  const auto results = evaluate_expectations(expecting_max_downtime(50ms), figures);

  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].expectation, "max_downtime");
  EXPECT_EQ(results[0].subject, "vm1 probe client-to-vm");
  EXPECT_EQ(results[0].expected, "<= 50ms");
  EXPECT_EQ(results[0].measured, "23.400ms");
  EXPECT_TRUE(results[0].passed);
  EXPECT_EQ(results[1].subject, "vm1 probe vm-to-client");
  EXPECT_EQ(results[1].measured, "60.000ms");
  EXPECT_FALSE(results[1].passed);
}

TEST(MaxDowntime, DowntimeEqualToTheLimitPasses) {
  Figures figures;
  figures.probes = {probe("vm1", Direction::client_to_vm, 50ms)};
  EXPECT_TRUE(evaluate_expectations(expecting_max_downtime(50ms), figures).at(0).passed);
}

TEST(MaxDowntime, NotRecoveredFails) {
  Figures figures;
  figures.probes = {probe("vm1", Direction::client_to_vm, 1ms, false)};
  const auto results = evaluate_expectations(expecting_max_downtime(50ms), figures);

  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].measured, "not recovered");
  EXPECT_FALSE(results[0].passed);
}

TEST(MaxDowntime, NothingToMeasureFails) {
  const auto results = evaluate_expectations(expecting_max_downtime(50ms), Figures{});

  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].expectation, "max_downtime");
  EXPECT_FALSE(results[0].passed);
  EXPECT_NE(results[0].measured.find("nothing to measure"), std::string::npos);
}

TEST(TcpSurvives, SurvivingStreamPasses) {
  Scenario scenario = scenario_migrating_vm1();
  scenario.expectations.tcp_survives = true;
  Figures figures;
  figures.tcp_streams = {tcp_stream(true)};
  const auto results = evaluate_expectations(scenario, figures);

  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].subject, "vm1 stream client-to-vm");
  EXPECT_EQ(results[0].expected, "true");
  EXPECT_EQ(results[0].measured, "true");
  EXPECT_TRUE(results[0].passed);
}

TEST(TcpSurvives, FailedStreamFailsWithItsReason) {
  Scenario scenario = scenario_migrating_vm1();
  scenario.expectations.tcp_survives = true;
  Figures figures;
  figures.tcp_streams = {tcp_stream(false, "connection failed at 5.123s")};
  const auto results = evaluate_expectations(scenario, figures);

  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].measured, "false (connection failed at 5.123s)");
  EXPECT_FALSE(results[0].passed);
}

TEST(TcpSurvives, ExpectingAFailureIsMetByAFailure) {
  Scenario scenario = scenario_migrating_vm1();
  scenario.expectations.tcp_survives = false;
  Figures figures;
  figures.tcp_streams = {tcp_stream(false, "no data delivered after the VM resumed")};
  const auto results = evaluate_expectations(scenario, figures);

  EXPECT_EQ(results.at(0).expected, "false");
  EXPECT_TRUE(results.at(0).passed);
}

TEST(TcpSurvives, NothingToMeasureFails) {
  Scenario scenario = scenario_migrating_vm1();
  scenario.expectations.tcp_survives = true;
  const auto results = evaluate_expectations(scenario, Figures{});

  ASSERT_EQ(results.size(), 1u);
  EXPECT_FALSE(results[0].passed);
}

TEST(IdentityPreserved, IpAndMacAreCheckedSeparately) {
  Scenario scenario = scenario_migrating_vm1();
  scenario.expectations.ip_preserved = true;
  scenario.expectations.mac_preserved = true;
  Figures figures;
  figures.identities = {identity("10.16.0.10", "0a:58:0a:10:00:ff")};
  const auto results = evaluate_expectations(scenario, figures);

  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].expectation, "ip_preserved");
  EXPECT_EQ(results[0].subject, "vm1");
  EXPECT_EQ(results[0].measured, "10.16.0.10 -> 10.16.0.10");
  EXPECT_TRUE(results[0].passed);
  EXPECT_EQ(results[1].expectation, "mac_preserved");
  EXPECT_EQ(results[1].measured, "0a:58:0a:10:00:0a -> 0a:58:0a:10:00:ff");
  EXPECT_FALSE(results[1].passed);
}

TEST(IdentityPreserved, MissingObservationFails) {
  Scenario scenario = scenario_migrating_vm1();
  scenario.expectations.ip_preserved = true;
  Figures figures;
  figures.identities = {identity("", "")};
  const auto results = evaluate_expectations(scenario, figures);

  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].measured, "10.16.0.10 -> -");
  EXPECT_FALSE(results[0].passed);
}

TEST(IdentityPreserved, NothingToMeasureFails) {
  Scenario scenario = scenario_migrating_vm1();
  scenario.expectations.mac_preserved = true;
  const auto results = evaluate_expectations(scenario, Figures{});

  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].expectation, "mac_preserved");
  EXPECT_FALSE(results[0].passed);
}

TEST(Expectations, NoneSetGivesNoResults) {
  Figures figures;
  figures.probes = {probe("vm1", Direction::client_to_vm, 10s)};
  EXPECT_TRUE(evaluate_expectations(scenario_migrating_vm1(), figures).empty());
}

}  // namespace
}  // namespace lmlab
