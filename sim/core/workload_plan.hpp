// How a scenario's workloads become measured flows and senders, the same on every backend:
// flow ids and their order, ports, chunk sizes, and when each sender starts and stops. A
// result from any backend thus lists the same flows.
// Kept C++17-compatible: the ns-3 library includes it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/packet_record.hpp"
#include "sim/core/scenario.hpp"
#include "sim/core/units.hpp"

namespace lmlab {

// A fixed schedule: sends at start + k * interval for k = 0, 1, ... while before `end`.
struct SendSchedule {
  Time start;
  Time interval;
  Time end;
  std::uint32_t bytes;  // probe payload or TCP chunk size

  Time send_time(std::uint64_t k) const { return start + interval * static_cast<Time::rep>(k); }
  std::uint64_t sends() const {
    return end > start ? static_cast<std::uint64_t>((end - start - Time(1)) / interval) + 1 : 0;
  }
};

// One probe workload: a flow each way. UDP runs a prober on each end; ICMP sends echo
// requests from the client (forward flow) and the VM's stack replies (reverse flow).
struct ProbePlan {
  ProbeWorkload workload;
  std::uint32_t forward_flow = 0;  // client -> VM
  std::uint32_t reverse_flow = 0;  // VM -> client
  std::uint16_t forward_port = 0;  // UDP: where the VM receives the forward probes
  std::uint16_t reverse_port = 0;  // UDP: where the client receives the reverse probes
  SendSchedule client_schedule;
  std::optional<SendSchedule> vm_schedule;  // UDP only
};

// One TCP stream: the sender connects to the receiver's port and writes stamped chunks.
struct TcpStreamPlan {
  TcpWorkload workload;
  std::string sender;    // client or VM name
  std::string receiver;  // the other end
  std::uint32_t flow = 0;
  std::uint16_t port = 0;
  SendSchedule schedule;  // chunk writes
};

struct WorkloadPlan {
  std::vector<FlowInfo> flows;  // indexed by flow id: every probe's two flows, then streams
  std::vector<ProbePlan> probes;
  std::vector<TcpStreamPlan> tcp_streams;
};

// Draws a time in [0, range). The seed decides where the fixed schedules fall relative to
// the migration's events; plan_workloads draws in a fixed order, so a backend's seeded
// random stream always gives the same plan.
using RandomOffset = std::function<Time(Time range)>;

WorkloadPlan plan_workloads(const Scenario& scenario, const RandomOffset& random_offset);

// About how many packet records a run of the plan produces (each probe sent and received,
// each TCP chunk written and delivered and its segment): what a backend must hold until the
// analysis, and a measure of the work of simulating it.
std::uint64_t planned_records(const WorkloadPlan& plan);

}  // namespace lmlab
