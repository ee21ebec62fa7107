#include "sim/core/workload_plan.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace lmlab {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

Scenario scenario_with_workloads() {
  Scenario scenario;
  scenario.duration = seconds(5);
  scenario.workloads.probes = {
      {"udp-probe", "vm1", "client", ProbeProtocol::udp, milliseconds(1), 64},
      {"ping", "vm2", "client", ProbeProtocol::icmp, milliseconds(2), 32}};
  scenario.workloads.tcp_streams = {
      {"stream", "vm1", "client", Direction::vm_to_client, 8'000'000}};
  return scenario;
}

// Records the ranges drawn, and answers each with half of it.
struct RecordingRandom {
  std::vector<Time> ranges;
  RandomOffset offset() {
    return [this](Time range) {
      ranges.push_back(range);
      return range / 2;
    };
  }
};

TEST(WorkloadPlan, NumbersFlowsProbesFirstBothDirectionsThenStreams) {
  RecordingRandom random;
  const WorkloadPlan plan = plan_workloads(scenario_with_workloads(), random.offset());
  ASSERT_EQ(plan.flows.size(), 5u);
  const std::vector<std::string> workloads{"udp-probe", "udp-probe", "ping", "ping", "stream"};
  const std::vector<Direction> directions{Direction::client_to_vm, Direction::vm_to_client,
                                          Direction::client_to_vm, Direction::vm_to_client,
                                          Direction::vm_to_client};
  const std::vector<FlowKind> kinds{FlowKind::udp_probe, FlowKind::udp_probe,
                                    FlowKind::icmp_probe, FlowKind::icmp_probe,
                                    FlowKind::tcp_stream};
  for (std::uint32_t id = 0; id < plan.flows.size(); ++id) {
    EXPECT_EQ(plan.flows[id].id, id);
    EXPECT_EQ(plan.flows[id].workload, workloads[id]);
    EXPECT_EQ(plan.flows[id].direction, directions[id]);
    EXPECT_EQ(plan.flows[id].kind, kinds[id]);
  }
  EXPECT_EQ(plan.flows[4].interval, milliseconds(1));  // 1000-byte chunks at 8 Mbit/s
}

TEST(WorkloadPlan, UdpProbesGetAPortAndAProberEachWayIcmpOnlyFromTheClient) {
  RecordingRandom random;
  const WorkloadPlan plan = plan_workloads(scenario_with_workloads(), random.offset());
  ASSERT_EQ(plan.probes.size(), 2u);
  const ProbePlan& udp = plan.probes[0];
  EXPECT_EQ(udp.forward_port, 10000);
  EXPECT_EQ(udp.reverse_port, 10001);
  ASSERT_TRUE(udp.vm_schedule.has_value());
  const ProbePlan& icmp = plan.probes[1];
  EXPECT_EQ(icmp.forward_flow, 2u);
  EXPECT_EQ(icmp.reverse_flow, 3u);
  EXPECT_FALSE(icmp.vm_schedule.has_value());
  ASSERT_EQ(plan.tcp_streams.size(), 1u);
  const TcpStreamPlan& stream = plan.tcp_streams[0];
  EXPECT_EQ(stream.sender, "vm1");
  EXPECT_EQ(stream.receiver, "client");
  EXPECT_EQ(stream.port, 20004);
  EXPECT_EQ(stream.schedule.bytes, 1000u);
}

// Senders start at 100 ms plus a seeded offset within one interval (TCP: within 10 ms) and
// stop 100 ms before the run ends.
TEST(WorkloadPlan, SchedulesStartAfterTheBindingsAndStopBeforeTheEnd) {
  RecordingRandom random;
  const WorkloadPlan plan = plan_workloads(scenario_with_workloads(), random.offset());
  EXPECT_EQ(random.ranges, (std::vector<Time>{milliseconds(1), milliseconds(1), milliseconds(2),
                                              milliseconds(10)}));
  const SendSchedule& client = plan.probes[0].client_schedule;
  EXPECT_EQ(client.start, std::chrono::microseconds(100'500));
  EXPECT_EQ(client.end, milliseconds(4900));
  EXPECT_EQ(client.send_time(3), std::chrono::microseconds(103'500));
  EXPECT_EQ(plan.probes[1].client_schedule.bytes, 32u);
  EXPECT_EQ(plan.tcp_streams[0].schedule.start, milliseconds(105));
}

}  // namespace
}  // namespace lmlab
