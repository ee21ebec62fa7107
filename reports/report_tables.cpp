#include "reports/report_tables.hpp"

namespace lmlab {

ReportTable expectations_table(const std::vector<ExpectationResult>& expectations) {
  ReportTable table{{"Expectation", "Subject", "Expected", "Measured", "Result"}, {}};
  for (const ExpectationResult& result : expectations) {
    table.rows.push_back({result.expectation, result.subject, result.expected, result.measured,
                          result.passed ? "pass" : "FAIL"});
  }
  return table;
}

ReportTable probes_table(const std::vector<ProbeFigures>& probes) {
  ReportTable table{{"VM", "Workload", "Direction", "Protocol", "Sent", "Lost", "Duplicates",
                     "Reordered", "Downtime (ms)"},
                    {}};
  for (const ProbeFigures& probe : probes) {
    table.rows.push_back({probe.vm, probe.workload, to_string(probe.direction),
                          to_string(probe.protocol), std::to_string(probe.sent),
                          std::to_string(probe.lost), std::to_string(probe.duplicates),
                          std::to_string(probe.reordered), format_probe_downtime(probe)});
  }
  return table;
}

namespace {
std::string survival_cell(const TcpFigures& tcp) {
  return tcp.survived ? "yes" : "no (" + tcp.failure + ")";
}
}  // namespace

ReportTable tcp_table(const std::vector<TcpFigures>& streams) {
  ReportTable table{{"VM", "Workload", "Direction", "Survived", "Stall (ms)", "Retransmissions",
                     "Before (Mbit/s)", "During (Mbit/s)", "After (Mbit/s)"},
                    {}};
  for (const TcpFigures& tcp : streams) {
    table.rows.push_back({tcp.vm, tcp.workload, to_string(tcp.direction), survival_cell(tcp),
                          format_milliseconds(tcp.stall), std::to_string(tcp.retransmissions),
                          format_megabits(tcp.throughput_before_bps),
                          format_megabits(tcp.throughput_during_bps),
                          format_megabits(tcp.throughput_after_bps)});
  }
  return table;
}

ReportTable breakdown_table(const DowntimeBreakdown& breakdown) {
  return ReportTable{
      {"Segment", "Duration (ms)", "Meaning"},
      {
          {"VM paused", format_milliseconds(breakdown.vm_paused),
           "VM paused (memory and device state copy)"},
          {"Announce", format_milliseconds(breakdown.announce), "QEMU announce"},
          {"Converging", format_milliseconds(breakdown.network_converging),
           "network converging (binding activated on target)"},
          {"First packet", format_milliseconds(breakdown.first_packet), "first packet through"},
      }};
}

ReportTable events_table(const std::vector<PhaseEvent>& events) {
  ReportTable table{{"Time (s)", "VM", "Phase", "Node", "Detail"}, {}};
  for (const PhaseEvent& event : events) {
    table.rows.push_back(
        {format_seconds(event.time), event.vm, to_string(event.phase), event.node, event.detail});
  }
  return table;
}

}  // namespace lmlab
