#include "sim/analysis/analyzer.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "sim/analysis/delivery_log.hpp"

namespace lmlab {
namespace {

using EventFilter = std::function<bool(const PhaseEvent&)>;

// From a VM's first migration_scheduled to the first completion or failure after it.
struct Window {
  Time start;
  Time end;
};

// What the analysis reads from one run, with the records already split by flow.
struct RunView {
  const Scenario& scenario;
  const RunOutput& output;
  const std::vector<PhaseEvent>& events;
  std::vector<Records> records_by_flow;  // indexed by FlowInfo::id
};

// ---- Phase events ----------------------------------------------------------------------

EventFilter phase_of(const std::string& vm, Phase phase) {
  return [vm, phase](const PhaseEvent& event) { return event.vm == vm && event.phase == phase; };
}

std::optional<Time> first_event_at_or_after(const RunView& run, Time from,
                                            const EventFilter& matches) {
  for (const PhaseEvent& event : run.events) {
    if (event.time >= from && matches(event)) return event.time;
  }
  return std::nullopt;
}

std::optional<Time> first_event(const RunView& run, const EventFilter& matches) {
  return first_event_at_or_after(run, Time::min(), matches);
}

std::optional<Time> last_event(const RunView& run, const EventFilter& matches) {
  std::optional<Time> last;
  for (const PhaseEvent& event : run.events) {
    if (matches(event)) last = event.time;
  }
  return last;
}

// From the VM's first migration_scheduled to the first `until` phase or migration_failed
// after it, or to the end of the run.
std::optional<Window> window_from_scheduling(const RunView& run, const std::string& vm,
                                             Phase until) {
  const auto start = first_event(run, phase_of(vm, Phase::migration_scheduled));
  if (!start) return std::nullopt;
  const auto end = first_event_at_or_after(run, *start, [&vm, until](const PhaseEvent& event) {
    return event.vm == vm && (event.phase == until || event.phase == Phase::migration_failed);
  });
  return Window{*start, end.value_or(run.scenario.duration)};
}

// While the migration runs: scheduled -> completed (or failed).
std::optional<Window> migration_window(const RunView& run, const std::string& vm) {
  return window_from_scheduling(run, vm, Phase::migration_completed);
}

// While the migration can disturb traffic: from scheduling until the source pod is deleted
// (a CNI may re-bind only after completion), the migration fails, or the run ends.
std::optional<Window> disruption_window(const RunView& run, const std::string& vm) {
  return window_from_scheduling(run, vm, Phase::source_deleted);
}

// ---- Deliveries and gaps (shared by probes and TCP) ------------------------------------

// Gaps between consecutive deliveries, plus an open gap to the end of the run when data was
// still sent after the last delivery (or sent and never delivered at all).
std::vector<Gap> delivery_gaps(const DeliveryLog& log) {
  std::vector<Gap> gaps;
  const auto& times = log.delivery_times;
  for (std::size_t i = 1; i < times.size(); ++i) gaps.push_back(Gap{times[i - 1], times[i]});
  if (times.empty()) {
    if (log.first_sent) gaps.push_back(Gap{*log.first_sent, std::nullopt});
  } else if (log.last_sent && *log.last_sent > times.back()) {
    gaps.push_back(Gap{times.back(), std::nullopt});
  }
  return gaps;
}

Time gap_end(const Gap& gap, Time run_end) { return gap.end.value_or(run_end); }

Time gap_length(const Gap& gap, Time run_end) { return gap_end(gap, run_end) - gap.start; }

std::vector<Gap> gaps_longer_than(const std::vector<Gap>& gaps, Time threshold, Time run_end) {
  std::vector<Gap> long_gaps;
  std::copy_if(gaps.begin(), gaps.end(), std::back_inserter(long_gaps),
               [&](const Gap& gap) { return gap_length(gap, run_end) > threshold; });
  return long_gaps;
}

// The longest gap that overlaps the migration window; the earliest one on ties.
std::optional<Gap> longest_gap_in(const std::vector<Gap>& gaps, const Window& window,
                                  Time run_end) {
  std::optional<Gap> longest;
  for (const Gap& gap : gaps) {
    const bool overlaps = gap.start < window.end && gap_end(gap, run_end) > window.start;
    if (overlaps && (!longest || gap_length(gap, run_end) > gap_length(*longest, run_end))) {
      longest = gap;
    }
  }
  return longest;
}

// ---- Probe flows -----------------------------------------------------------------------

ProbeProtocol protocol_of(const RunView& run, const FlowInfo& flow) {
  const auto& probes = run.scenario.workloads.probes;
  const auto it = std::find_if(probes.begin(), probes.end(), [&](const ProbeWorkload& probe) {
    return probe.name == flow.workload;
  });
  if (it != probes.end()) return it->protocol;
  return flow.kind == FlowKind::icmp_probe ? ProbeProtocol::icmp : ProbeProtocol::udp;
}

std::uint64_t count_lost(const DeliveryLog& log) {
  return std::count_if(log.sent.begin(), log.sent.end(),
                       [&](std::uint64_t seq) { return !log.first_delivery.contains(seq); });
}

// Probes sent, and lost, outside the disruption window (the whole run without one).
void count_outside_migration(ProbeFigures& figures, const Records& records,
                             const DeliveryLog& log, const std::optional<Window>& window) {
  for (const PacketRecord* record : records) {
    if (record->kind != RecordKind::probe_sent) continue;
    if (window && record->time >= window->start && record->time < window->end) continue;
    ++figures.sent_outside_migration;
    if (!log.first_delivery.contains(record->seq)) ++figures.lost_outside_migration;
  }
}

// Downtime at probe resolution: a gap between deliveries spanning n intervals means n - 1
// probes that should have arrived did not, so one interval of it is not downtime.
void measure_downtime(ProbeFigures& figures, const std::vector<Gap>& gaps, const Window& window,
                      Time run_end) {
  const auto gap = longest_gap_in(gaps, window, run_end);
  if (!gap) return;
  figures.downtime = std::max(Time{0}, gap_length(*gap, run_end) - figures.interval);
  figures.gap_start = gap->start;
  figures.gap_end = gap->end;
  figures.recovered = gap->end.has_value();
}

ProbeFigures analyze_probe_flow(const RunView& run, const FlowInfo& flow) {
  const DeliveryLog log = read_deliveries(run.records_by_flow[flow.id], RecordKind::probe_sent,
                                          RecordKind::probe_received);
  const Time run_end = run.scenario.duration;
  ProbeFigures figures;
  figures.workload = flow.workload;
  figures.vm = flow.vm;
  figures.direction = flow.direction;
  figures.protocol = protocol_of(run, flow);
  figures.interval = flow.interval;
  figures.sent = log.sent.size();
  figures.received = log.first_delivery.size();
  figures.lost = count_lost(log);
  figures.duplicates = log.duplicates;
  figures.reordered = log.reordered;
  const std::vector<Gap> gaps = delivery_gaps(log);
  figures.gaps = gaps_longer_than(gaps, 2 * flow.interval, run_end);
  count_outside_migration(figures, run.records_by_flow[flow.id], log,
                          disruption_window(run, flow.vm));
  if (const auto window = migration_window(run, flow.vm))
    measure_downtime(figures, gaps, *window, run_end);
  return figures;
}

// ---- TCP flows -------------------------------------------------------------------------

// A moment of the run in seconds with millisecond precision, e.g. "5.123s".
std::string format_seconds(Time time) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3fs", std::chrono::duration<double>(time).count());
  return text;
}

std::optional<Time> first_record_time(const Records& records, RecordKind kind) {
  const auto it = std::find_if(records.begin(), records.end(),
                               [kind](const PacketRecord* record) { return record->kind == kind; });
  return it == records.end() ? std::nullopt : std::optional<Time>((*it)->time);
}

// The first delivery strictly after `after`, or nullopt.
std::optional<Time> first_delivery_after(const Records& records, RecordKind delivered_kind,
                                         Time after) {
  for (const PacketRecord* record : records) {
    if (record->kind == delivered_kind && record->time > after) return record->time;
  }
  return std::nullopt;
}

// The first delivery of a packet sent at or after `since`: a packet sent before the VM paused
// but delivered after it (queued in a datapath) says nothing about the path through the
// target.
const PacketRecord* first_delivery_sent_since(const Records& records, RecordKind delivered_kind,
                                              Time since) {
  for (const PacketRecord* record : records) {
    if (record->kind == delivered_kind && record->sent_time >= since) return record;
  }
  return nullptr;
}

// Survived: no RST or give-up, data delivered, when the VM moved still flowing on the target,
// and once the migration completed, at least this fraction of the throughput before it
// (measured from the completion to the end of the stream).
constexpr double kRecoveredFraction = 0.9;

std::string format_mbps(double bps) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f Mbit/s", bps / 1e6);
  return text;
}

void judge_survival(TcpFigures& figures, const RunView& run, const Records& records) {
  if (const auto failed = first_record_time(records, RecordKind::tcp_connection_failed)) {
    figures.survived = false;
    figures.failure = "connection failed at " + format_seconds(*failed);
    return;
  }
  if (!first_record_time(records, RecordKind::tcp_chunk_delivered)) {
    figures.survived = false;
    figures.failure = "no data delivered";
    return;
  }
  const auto resumed = last_event(run, phase_of(figures.vm, Phase::target_resumed));
  if (resumed && !first_delivery_after(records, RecordKind::tcp_chunk_delivered, *resumed)) {
    figures.survived = false;
    figures.failure = "no data delivered after the VM resumed";
    return;
  }
  const bool completed = first_event(run, phase_of(figures.vm, Phase::migration_completed)).has_value();
  if (completed && figures.throughput_after_bps < kRecoveredFraction * figures.throughput_before_bps) {
    figures.survived = false;
    figures.failure = "throughput after the migration " + format_mbps(figures.throughput_after_bps) +
                      ", below 90% of the " + format_mbps(figures.throughput_before_bps) +
                      " before it";
  }
}

// Retransmitted segments re-send bytes below the highest sequence end already on the wire.
void count_retransmissions(TcpFigures& figures, const Records& records) {
  std::uint64_t highest_end = 0;
  for (const PacketRecord* record : records) {
    if (record->kind != RecordKind::tcp_segment_sent) continue;
    ++figures.segments_sent;
    if (record->seq < highest_end) {
      ++figures.retransmissions;
      figures.retransmission_times.push_back(record->time);
    }
    highest_end = std::max(highest_end, record->seq + record->bytes);
  }
}

// Goodput of the chunks delivered in [from, to); 0 for an empty interval.
double goodput_bps(const Records& records, Time from, Time to) {
  if (to <= from) return 0;
  std::uint64_t bytes = 0;
  for (const PacketRecord* record : records) {
    if (record->kind == RecordKind::tcp_chunk_delivered && record->time >= from &&
        record->time < to) {
      bytes += record->bytes;
    }
  }
  return static_cast<double>(bytes) * 8 / std::chrono::duration<double>(to - from).count();
}

std::optional<Time> last_record_time(const Records& records, RecordKind kind) {
  const auto it = std::find_if(records.rbegin(), records.rend(),
                               [kind](const PacketRecord* record) { return record->kind == kind; });
  return it == records.rend() ? std::nullopt : std::optional<Time>((*it)->time);
}

// The stream is measured while the application writes: from its first chunk to one chunk
// interval after its last. A VM that does not migrate counts as "before" throughout.
void measure_throughput(TcpFigures& figures, const Records& records,
                        const std::optional<Window>& window, Time chunk_interval, Time run_end) {
  const auto first_write = first_record_time(records, RecordKind::tcp_chunk_sent);
  if (!first_write) return;
  const Time stream_end =
      std::min(run_end, *last_record_time(records, RecordKind::tcp_chunk_sent) + chunk_interval);
  const Window phases = window.value_or(Window{stream_end, stream_end});
  figures.throughput_before_bps = goodput_bps(records, *first_write, std::min(phases.start, stream_end));
  figures.throughput_during_bps = goodput_bps(records, phases.start, std::min(phases.end, stream_end));
  figures.throughput_after_bps = goodput_bps(records, phases.end, stream_end);
}

std::uint64_t bytes_delivered(const Records& records) {
  std::uint64_t bytes = 0;
  for (const PacketRecord* record : records) {
    if (record->kind == RecordKind::tcp_chunk_delivered) bytes += record->bytes;
  }
  return bytes;
}

TcpFigures analyze_tcp_flow(const RunView& run, const FlowInfo& flow) {
  const Records& records = run.records_by_flow[flow.id];
  const Time run_end = run.scenario.duration;
  const auto window = migration_window(run, flow.vm);
  TcpFigures figures;
  figures.workload = flow.workload;
  figures.vm = flow.vm;
  figures.direction = flow.direction;
  count_retransmissions(figures, records);
  figures.bytes_delivered = bytes_delivered(records);
  measure_throughput(figures, records, window, flow.interval, run_end);
  judge_survival(figures, run, records);

  const DeliveryLog log =
      read_deliveries(records, RecordKind::tcp_chunk_sent, RecordKind::tcp_chunk_delivered);
  const std::vector<Gap> gaps = delivery_gaps(log);
  figures.stalls = gaps_longer_than(gaps, 10 * flow.interval, run_end);
  if (window) {
    if (const auto stall = longest_gap_in(gaps, *window, run_end)) {
      figures.stall = gap_length(*stall, run_end);
      figures.stall_start = stall->start;
      figures.stall_end = stall->end;
    }
  }
  return figures;
}

// ---- Downtime breakdown ----------------------------------------------------------------

std::vector<const FlowInfo*> flows_of(const RunView& run, const std::string& vm, bool probes) {
  std::vector<const FlowInfo*> flows;
  for (const FlowInfo& flow : run.output.flows) {
    if (flow.vm == vm && is_probe(flow.kind) == probes) flows.push_back(&flow);
  }
  return flows;
}

// When traffic was through again in every direction: per direction, the first delivery of a
// probe sent at or after `after` over the VM's probe flows (of a TCP chunk, when it has no
// probes); the latest of those. Nullopt while some direction never recovered.
struct ThroughAgain {
  Time delivered;
  // That delivery less the path's latency: a downtime is measured between two deliveries,
  // which both took the latency, so this is the moment that compares with the pause. (Not
  // the probe's send time: on a real host a probe can wait in a datapath queue for ms.)
  Time path_up;
};

// The path's latency before `before`: the least delivery latency of a probe sent before it.
Time latency_before(const Records& records, RecordKind delivered_kind, Time before) {
  std::optional<Time> least;
  for (const PacketRecord* record : records) {
    if (record->kind != delivered_kind || record->sent_time >= before) continue;
    const Time latency = record->time - record->sent_time;
    if (!least || latency < *least) least = latency;
  }
  return least.value_or(Time{0});
}

std::optional<ThroughAgain> through_again_everywhere(const RunView& run, const std::string& vm,
                                                     Time after) {
  std::vector<const FlowInfo*> flows = flows_of(run, vm, /*probes=*/true);
  RecordKind delivered = RecordKind::probe_received;
  if (flows.empty()) {
    flows = flows_of(run, vm, /*probes=*/false);
    delivered = RecordKind::tcp_chunk_delivered;
  }
  std::optional<ThroughAgain> latest;
  for (const Direction direction : {Direction::client_to_vm, Direction::vm_to_client}) {
    bool direction_measured = false;
    std::optional<ThroughAgain> earliest;
    for (const FlowInfo* flow : flows) {
      if (flow->direction != direction) continue;
      direction_measured = true;
      const auto& records = run.records_by_flow[flow->id];
      std::optional<ThroughAgain> first;
      if (is_probe(flow->kind)) {
        if (const auto* record = first_delivery_sent_since(records, delivered, after))
          first = ThroughAgain{record->time,
                               record->time - latency_before(records, delivered, after)};
      } else if (const auto time = first_delivery_after(records, delivered, after)) {
        // A TCP chunk written before the pause and retransmitted after it does cross the target.
        first = ThroughAgain{*time, *time};
      }
      if (first && (!earliest || first->delivered < earliest->delivered)) earliest = first;
    }
    if (!direction_measured) continue;
    if (!earliest) return std::nullopt;
    if (!latest || earliest->delivered > latest->delivered) latest = earliest;
  }
  return latest;
}

// The time from one boundary to the next (nullopt where one is missing).
std::optional<Time> segment(std::optional<Time> from, std::optional<Time> to) {
  if (!from || !to) return std::nullopt;
  return *to - *from;
}

// A boundary at an observed moment, kept in order: not before the boundary it follows (a
// binding already active before the RARP ends its segment where the RARP did) and not past
// the traffic through again (a Southbound change seen late). The segments then add up to the
// time from the pause until traffic was through again, which is the downtime to within a
// probe interval.
std::optional<Time> in_order(std::optional<Time> observed, std::optional<Time> previous,
                             std::optional<Time> last) {
  if (!observed || !previous) return observed;
  const Time boundary = std::max(*observed, *previous);
  return last ? std::min(boundary, std::max(*last, *previous)) : boundary;
}

// Each point is searched from the point it follows; a missing point falls back to the
// migration's start so later points are still found.
DowntimeBreakdown analyze_breakdown(const RunView& run, const MigrationSpec& migration) {
  const std::string& vm = migration.vm;
  DowntimeBreakdown breakdown;
  breakdown.vm = vm;
  breakdown.target_node = migration.target_node;
  breakdown.paused_at =
      first_event_at_or_after(run, migration.start, phase_of(vm, Phase::source_paused));
  const Time since_pause = breakdown.paused_at.value_or(migration.start);
  breakdown.resumed_at =
      first_event_at_or_after(run, since_pause, phase_of(vm, Phase::target_resumed));
  breakdown.first_rarp_at = first_event_at_or_after(run, breakdown.resumed_at.value_or(since_pause),
                                                    phase_of(vm, Phase::rarp_sent));
  breakdown.binding_active_at =
      first_event_at_or_after(run, since_pause, [&](const PhaseEvent& event) {
        return event.vm == vm && event.phase == Phase::binding_active &&
               event.node == migration.target_node;
      });
  const auto through_again = through_again_everywhere(run, vm, since_pause);
  if (through_again) {
    breakdown.first_delivery_at = through_again->delivered;
    breakdown.through_again_at = through_again->path_up;
  }

  // The pause is the VM's own (paused -> resumed as the hypervisor did them); the boundaries
  // after it are put in order.
  const auto last = breakdown.through_again_at;
  const auto rarp = in_order(breakdown.first_rarp_at, breakdown.resumed_at, last);
  const auto active = in_order(breakdown.binding_active_at, rarp, last);
  breakdown.vm_paused = segment(breakdown.paused_at, breakdown.resumed_at);
  breakdown.announce = segment(breakdown.resumed_at, rarp);
  breakdown.network_converging = segment(rarp, active);
  breakdown.first_packet = segment(active, in_order(last, active, last));
  return breakdown;
}

// ---- Identity --------------------------------------------------------------------------

const IdentityObservation* last_observation(const RunView& run, const std::string& vm,
                                            const std::function<bool(Time)>& when) {
  const IdentityObservation* last = nullptr;
  for (const IdentityObservation& observation : run.output.identities) {
    if (observation.vm == vm && when(observation.time)) last = &observation;
  }
  return last;
}

IdentityFigures analyze_identity(const RunView& run, const std::string& vm, Time migration_start) {
  const Time scheduled =
      first_event(run, phase_of(vm, Phase::migration_scheduled)).value_or(migration_start);
  const auto resumed = last_event(run, phase_of(vm, Phase::target_resumed));
  // An observation taken as the migration is scheduled still shows the VM where it was.
  const auto* before = last_observation(run, vm, [&](Time time) { return time <= scheduled; });
  const auto* after =
      resumed ? last_observation(run, vm, [&](Time time) { return time > *resumed; }) : nullptr;

  IdentityFigures figures;
  figures.vm = vm;
  if (before) {
    figures.ip_before = before->ip;
    figures.mac_before = before->mac;
  }
  if (after) {
    figures.ip_after = after->ip;
    figures.mac_after = after->mac;
  }
  figures.ip_preserved = !figures.ip_before.empty() && figures.ip_before == figures.ip_after;
  figures.mac_preserved = !figures.mac_before.empty() && figures.mac_before == figures.mac_after;
  return figures;
}

// Each migrated VM once, at its first migration.
std::vector<const MigrationSpec*> first_migration_per_vm(const Scenario& scenario) {
  std::vector<const MigrationSpec*> firsts;
  for (const MigrationSpec& migration : scenario.migrations) {
    const bool seen = std::any_of(firsts.begin(), firsts.end(), [&](const MigrationSpec* first) {
      return first->vm == migration.vm;
    });
    if (!seen) firsts.push_back(&migration);
  }
  return firsts;
}

}  // namespace

Figures analyze(const Scenario& scenario, const RunOutput& output,
                const std::vector<PhaseEvent>& events) {
  const RunView run{scenario, output, events, split_by_flow(output)};
  Figures figures;
  for (const FlowInfo& flow : output.flows) {
    if (is_probe(flow.kind)) {
      figures.probes.push_back(analyze_probe_flow(run, flow));
    } else {
      figures.tcp_streams.push_back(analyze_tcp_flow(run, flow));
    }
  }
  for (const MigrationSpec& migration : scenario.migrations) {
    figures.breakdowns.push_back(analyze_breakdown(run, migration));
  }
  for (const MigrationSpec* migration : first_migration_per_vm(scenario)) {
    figures.identities.push_back(analyze_identity(run, migration->vm, migration->start));
  }
  return figures;
}

}  // namespace lmlab
