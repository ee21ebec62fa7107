// Builds backend output record by record for analysis tests: probes one per interval, a TCP
// stream one chunk per chunk interval, with chosen holes.
#pragma once

#include <algorithm>
#include <chrono>
#include <set>
#include <string>
#include <utility>

#include "sim/core/packet_record.hpp"

namespace lmlab {

constexpr Time kInterval = std::chrono::milliseconds(1);
constexpr Time kLatency = std::chrono::microseconds(50);
constexpr Time kChunkInterval = std::chrono::milliseconds(10);
constexpr std::uint32_t kChunkBytes = 1250;  // 10 kbit: 1 Mbit/s at one chunk per 10 ms

// Builds a RunOutput record by record; finish() puts the records in time order, as backends
// hand them over.
class RunBuilder {
 public:
  RunBuilder() { output_.backend = "test"; }

  std::uint32_t add_flow(FlowKind kind, Direction direction, Time interval,
                         std::string workload = "probe") {
    const auto id = static_cast<std::uint32_t>(output_.flows.size());
    output_.flows.push_back(FlowInfo{.id = id,
                                     .workload = std::move(workload),
                                     .vm = "vm1",
                                     .direction = direction,
                                     .kind = kind,
                                     .interval = interval});
    return id;
  }

  void record(std::uint32_t flow, RecordKind kind, Time time, std::uint64_t seq,
              std::uint32_t bytes = 0, Time sent_time = Time{0}) {
    output_.records.push_back(PacketRecord{.time = time,
                                           .kind = kind,
                                           .flow = flow,
                                           .seq = seq,
                                           .bytes = bytes,
                                           .sent_time = sent_time});
  }

  // Probes 0..count-1, one per interval; those in `lost` are sent and never delivered.
  void probes(std::uint32_t flow, std::uint64_t count, const std::set<std::uint64_t>& lost = {}) {
    for (std::uint64_t seq = 0; seq < count; ++seq) {
      const Time sent = static_cast<Time::rep>(seq) * kInterval;
      record(flow, RecordKind::probe_sent, sent, seq);
      if (!lost.contains(seq)) deliver_probe(flow, seq, sent + kLatency);
    }
  }

  void deliver_probe(std::uint32_t flow, std::uint64_t seq, Time at) {
    record(flow, RecordKind::probe_received, at, seq, 64, static_cast<Time::rep>(seq) * kInterval);
  }

  // Chunks one per chunk interval over the whole run; chunks sent in [hole_from, hole_to)
  // are never delivered.
  void chunks(std::uint32_t flow, Time hole_from = Time{0}, Time hole_to = Time{0}) {
    for (std::uint64_t seq = 0; seq < 100; ++seq) {
      const Time sent = static_cast<Time::rep>(seq) * kChunkInterval;
      record(flow, RecordKind::tcp_chunk_sent, sent, seq, kChunkBytes);
      if (sent >= hole_from && sent < hole_to) continue;
      record(flow, RecordKind::tcp_chunk_delivered, sent + std::chrono::milliseconds(1), seq, kChunkBytes, sent);
    }
  }

  void observe(Time time, std::string ip, std::string mac) {
    output_.identities.push_back(
        IdentityObservation{.time = time, .vm = "vm1", .ip = std::move(ip), .mac = std::move(mac)});
  }

  RunOutput finish() {
    std::stable_sort(output_.records.begin(), output_.records.end(),
                     [](const PacketRecord& a, const PacketRecord& b) { return a.time < b.time; });
    return output_;
  }

 private:
  RunOutput output_;
};

inline std::set<std::uint64_t> range(std::uint64_t first, std::uint64_t count) {
  std::set<std::uint64_t> seqs;
  for (std::uint64_t seq = first; seq < first + count; ++seq) seqs.insert(seq);
  return seqs;
}

}  // namespace lmlab
