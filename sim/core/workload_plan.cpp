#include "sim/core/workload_plan.hpp"

namespace lmlab {

namespace {
// Workloads start once the initial port bindings have reached the chassis (a few ms).
constexpr Time kWorkloadStart = std::chrono::milliseconds(100);
constexpr Time kTcpStartSpread = std::chrono::milliseconds(10);
constexpr std::uint32_t kTcpChunkBytes = 1000;
constexpr std::uint16_t kProbePortBase = 10000;
constexpr std::uint16_t kTcpPortBase = 20000;
// Senders stop this long before the run ends, so nothing is still in flight, and counted
// as lost, when it stops.
constexpr Time kDrain = std::chrono::milliseconds(100);

class Planner {
 public:
  Planner(const Scenario& scenario, const RandomOffset& random_offset)
      : scenario_(scenario), random_offset_(random_offset) {}

  WorkloadPlan plan() {
    for (const auto& probe : scenario_.workloads.probes) plan_probe(probe);
    for (const auto& stream : scenario_.workloads.tcp_streams) plan_tcp_stream(stream);
    return std::move(plan_);
  }

 private:
  std::uint32_t add_flow(const std::string& workload, const std::string& vm, Direction direction,
                         FlowKind kind, Time interval, AddressFamily family) {
    const auto id = static_cast<std::uint32_t>(plan_.flows.size());
    plan_.flows.push_back({id, workload, vm, direction, kind, interval, family});
    return id;
  }

  SendSchedule schedule(Time start_spread, Time interval, std::uint32_t bytes) {
    return {kWorkloadStart + random_offset_(start_spread), interval, scenario_.duration - kDrain,
            bytes};
  }

  void plan_probe(const ProbeWorkload& probe) {
    ProbePlan plan;
    plan.workload = probe;
    plan.client_schedule = schedule(probe.interval, probe.interval, probe.size_bytes);
    const bool udp = probe.protocol == ProbeProtocol::udp;
    const FlowKind kind = udp ? FlowKind::udp_probe : FlowKind::icmp_probe;
    plan.forward_flow =
        add_flow(probe.name, probe.vm, Direction::client_to_vm, kind, probe.interval, probe.family);
    plan.reverse_flow =
        add_flow(probe.name, probe.vm, Direction::vm_to_client, kind, probe.interval, probe.family);
    if (udp) {
      plan.forward_port = static_cast<std::uint16_t>(kProbePortBase + plan.forward_flow);
      plan.reverse_port = static_cast<std::uint16_t>(kProbePortBase + plan.reverse_flow);
      plan.vm_schedule = schedule(probe.interval, probe.interval, probe.size_bytes);
    }
    plan_.probes.push_back(std::move(plan));
  }

  void plan_tcp_stream(const TcpWorkload& stream) {
    const bool to_vm = stream.direction == Direction::client_to_vm;
    const Time chunk_interval(
        static_cast<Time::rep>(kTcpChunkBytes * 8.0 * 1e9 / stream.rate_bps));
    TcpStreamPlan plan;
    plan.workload = stream;
    plan.sender = to_vm ? stream.client : stream.vm;
    plan.receiver = to_vm ? stream.vm : stream.client;
    plan.flow = add_flow(stream.name, stream.vm, stream.direction, FlowKind::tcp_stream,
                         chunk_interval, stream.family);
    plan.port = static_cast<std::uint16_t>(kTcpPortBase + plan.flow);
    plan.schedule = schedule(kTcpStartSpread, chunk_interval, kTcpChunkBytes);
    plan_.tcp_streams.push_back(std::move(plan));
  }

  const Scenario& scenario_;
  const RandomOffset& random_offset_;
  WorkloadPlan plan_;
};
}  // namespace

WorkloadPlan plan_workloads(const Scenario& scenario, const RandomOffset& random_offset) {
  return Planner(scenario, random_offset).plan();
}

std::uint64_t planned_records(const WorkloadPlan& plan) {
  // A probe is recorded sent and received; an ICMP request also makes a reply.
  constexpr std::uint64_t kRecordsPerProbe = 2;
  constexpr std::uint64_t kRecordsPerEcho = 4;
  // Written, delivered, and about one segment per chunk.
  constexpr std::uint64_t kRecordsPerChunk = 3;
  std::uint64_t records = 0;
  for (const auto& probe : plan.probes) {
    if (probe.vm_schedule) {
      records += kRecordsPerProbe * (probe.client_schedule.sends() + probe.vm_schedule->sends());
    } else {
      records += kRecordsPerEcho * probe.client_schedule.sends();
    }
  }
  for (const auto& stream : plan.tcp_streams) records += kRecordsPerChunk * stream.schedule.sends();
  return records;
}

}  // namespace lmlab
