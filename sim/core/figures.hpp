// The figures the analyzer computes from a run. Reports render them; expectations check them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/scenario.hpp"
#include "sim/core/units.hpp"

namespace lmlab {

// An interval without deliveries: from the last delivery before it to the first after it
// (end is nullopt when nothing was delivered after it until the run ended).
struct Gap {
  Time start;
  std::optional<Time> end;
};

struct ProbeFigures {
  std::string workload;
  std::string vm;
  Direction direction;
  ProbeProtocol protocol;
  Time interval;
  std::uint64_t sent = 0;
  std::uint64_t received = 0;     // distinct probes delivered
  std::uint64_t lost = 0;         // sent and never delivered
  // Sent, and lost, outside the VM's migrations (scheduled -> source deleted or failed): there
  // a sound network loses nothing, so loss means the measurement itself is not to be trusted.
  std::uint64_t sent_outside_migration = 0;
  std::uint64_t lost_outside_migration = 0;
  std::uint64_t duplicates = 0;   // extra copies (multi-chassis duplication shows here)
  std::uint64_t reordered = 0;    // delivered after a higher-numbered probe
  // Longest interval without a delivered probe that overlaps the migration: from the last
  // delivery before the gap to the first after it. Zero without a migration of this VM.
  Time downtime{0};
  std::optional<Time> gap_start;  // last delivery before the longest gap
  std::optional<Time> gap_end;    // first delivery after it; nullopt: never recovered
  bool recovered = true;
  std::vector<Gap> gaps;          // every gap longer than twice the interval, whole run
};

struct TcpFigures {
  std::string workload;
  std::string vm;
  Direction direction;
  // No reset, no give-up, data delivered on the target and, after the migration completed,
  // the throughput from before it recovered (sim/analysis/analyzer.cpp: kRecoveredFraction).
  bool survived = true;
  std::string failure;            // why not, when not
  // Longest interval without delivered data that overlaps the migration.
  Time stall{0};
  std::optional<Time> stall_start;
  std::optional<Time> stall_end;
  std::uint64_t segments_sent = 0;
  std::uint64_t retransmissions = 0;  // data segments re-sending bytes sent before
  std::uint64_t bytes_delivered = 0;
  // Goodput in bit/s: before the migration starts, while it runs (scheduled -> completed),
  // after it completes.
  double throughput_before_bps = 0;
  double throughput_during_bps = 0;
  double throughput_after_bps = 0;
  std::vector<Gap> stalls;             // delivery gaps longer than 10x the chunk interval
  std::vector<Time> retransmission_times;
};

// Where one VM's downtime went, on the timeline pause -> resume -> first RARP -> binding
// active on the target -> first delivered packet. Absent points stay nullopt.
struct DowntimeBreakdown {
  std::string vm;
  std::string target_node;
  std::optional<Time> paused_at;
  std::optional<Time> resumed_at;
  std::optional<Time> first_rarp_at;
  std::optional<Time> binding_active_at;  // first binding_active on the target after resume
  std::optional<Time> first_delivery_at;  // latest, over directions, first probe after pause
  std::optional<Time> through_again_at;   // that delivery less the path's latency
  // Segments between consecutive points, kept in order and ending when traffic was through
  // again, so they add up to the time from the pause to then (nullopt where a point is
  // missing).
  std::optional<Time> vm_paused;          // paused -> resumed
  std::optional<Time> announce;           // resumed -> first RARP
  std::optional<Time> network_converging; // first RARP -> binding active
  std::optional<Time> first_packet;       // binding active -> through again
};

struct IdentityFigures {
  std::string vm;
  std::string ip_before, ip_after;
  std::string mac_before, mac_after;
  bool ip_preserved = true;
  bool mac_preserved = true;
};

struct Figures {
  std::vector<ProbeFigures> probes;
  std::vector<TcpFigures> tcp_streams;
  std::vector<DowntimeBreakdown> breakdowns;  // one per migration
  std::vector<IdentityFigures> identities;    // one per migrated VM
};

}  // namespace lmlab
