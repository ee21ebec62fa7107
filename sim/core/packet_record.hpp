// What a backend observed on the data plane, in one shape for every backend. The analyzer
// computes every figure from these records and the phase events.
// Kept C++17-compatible: the ns-3 library includes it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/core/scenario.hpp"
#include "sim/core/units.hpp"

namespace lmlab {

enum class FlowKind { udp_probe, icmp_probe, tcp_stream };

// One measured flow: a probe direction or a TCP stream. Records refer to it by id.
struct FlowInfo {
  std::uint32_t id = 0;  // index in RunOutput::flows
  std::string workload;  // workload name from the scenario
  std::string vm;
  Direction direction = Direction::client_to_vm;
  FlowKind kind = FlowKind::udp_probe;
  Time interval{0};      // probes: the fixed send interval
  AddressFamily family = AddressFamily::ipv4;
};

enum class RecordKind {
  probe_sent,          // seq = probe number, time = send time
  probe_received,      // seq = probe number, sent_time = sender's timestamp
  tcp_chunk_sent,      // application wrote chunk seq of `bytes` bytes
  tcp_chunk_delivered, // receiver read chunk seq completely; sent_time = its send time
  tcp_segment_sent,    // TCP put a data segment on the wire; seq = TCP sequence, bytes = length
  tcp_connection_failed, // RST received or retransmissions given up
};

struct PacketRecord {
  Time time;
  RecordKind kind;
  std::uint32_t flow;
  std::uint64_t seq = 0;
  std::uint32_t bytes = 0;
  Time sent_time{0};
};

// How a VM looked to its peers at a moment: the address its packets came from and the MAC
// the peer resolved for it. Compared before and after migration.
struct IdentityObservation {
  Time time;
  std::string vm;
  std::string ip;
  std::string mac;
  AddressFamily family = AddressFamily::ipv4;
};

// Everything a backend hands back after playing a scenario.
struct RunOutput {
  std::string backend;          // "ns3", "ovn"
  std::string backend_version;  // e.g. "ns-3.37"
  std::vector<FlowInfo> flows;
  std::vector<PacketRecord> records;  // in time order
  std::vector<IdentityObservation> identities;
  std::uint64_t simulator_events = 0;  // 0 where the backend has no event count
};

const char* to_string(FlowKind kind);
bool is_probe(FlowKind kind);  // UDP or ICMP probes, as opposed to a TCP stream

}  // namespace lmlab
