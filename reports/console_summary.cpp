#include "reports/console_summary.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "reports/text_format.hpp"

namespace lmlab {
namespace {

// A heading and its table, or nothing when there is nothing to show.
std::string section(const std::string& heading, const TableRow& header,
                    std::vector<TableRow> rows) {
  if (rows.empty()) return "";
  rows.insert(rows.begin(), header);
  return "\n" + heading + "\n" + aligned_table(rows, 2);
}

// Console cells carry their units; the Markdown report names them in the column headers.
constexpr std::string_view kMillisecondsSuffix = " ms";
constexpr std::string_view kSecondsSuffix = "s";

std::string milliseconds(std::optional<Time> time) {
  return format_milliseconds(time, kMillisecondsSuffix);
}

std::string probes_section(const std::vector<ProbeFigures>& probes) {
  std::vector<TableRow> rows;
  for (const ProbeFigures& probe : probes) {
    rows.push_back({probe.vm, probe.workload, to_string(probe.direction),
                    format_probe_downtime(probe, kMillisecondsSuffix), std::to_string(probe.sent),
                    std::to_string(probe.lost), std::to_string(probe.duplicates),
                    std::to_string(probe.reordered)});
  }
  return section("probes",
                 {"vm", "workload", "direction", "downtime", "sent", "lost", "dup", "reordered"},
                 rows);
}

std::string tcp_section(const std::vector<TcpFigures>& streams) {
  std::vector<TableRow> rows;
  for (const TcpFigures& tcp : streams) {
    rows.push_back({tcp.vm, tcp.workload, to_string(tcp.direction),
                    tcp.survived ? "survived" : "failed: " + tcp.failure, milliseconds(tcp.stall),
                    std::to_string(tcp.retransmissions), format_megabits(tcp.throughput_before_bps),
                    format_megabits(tcp.throughput_during_bps),
                    format_megabits(tcp.throughput_after_bps)});
  }
  return section(
      "tcp streams (throughput in Mbit/s)",
      {"vm", "workload", "direction", "verdict", "stall", "retrans", "before", "during", "after"},
      rows);
}

std::string breakdown_section(const std::vector<DowntimeBreakdown>& breakdowns) {
  std::vector<TableRow> rows;
  for (const DowntimeBreakdown& breakdown : breakdowns) {
    rows.push_back({breakdown.vm, breakdown.target_node, milliseconds(breakdown.vm_paused),
                    milliseconds(breakdown.announce), milliseconds(breakdown.network_converging),
                    milliseconds(breakdown.first_packet)});
  }
  return section("downtime breakdown",
                 {"vm", "to", "vm paused", "announce", "converging", "first packet"}, rows);
}

std::string timeline_section(const std::vector<PhaseEvent>& events) {
  std::vector<TableRow> rows;
  for (const PhaseEvent& event : events) {
    rows.push_back({format_seconds(event.time, kSecondsSuffix), event.vm, to_string(event.phase),
                    event.node, event.detail});
  }
  return section("timeline", {"time", "vm", "phase", "node", "detail"}, rows);
}

std::string expectations_section(const std::vector<ExpectationResult>& expectations) {
  std::vector<TableRow> rows;
  for (const ExpectationResult& result : expectations) {
    rows.push_back({result.passed ? "ok" : "FAIL", result.expectation, result.subject,
                    result.expected, result.measured});
  }
  return section("expectations", {"", "expectation", "subject", "expected", "measured"}, rows);
}

std::string verdict(const Result& result) {
  const auto met =
      std::count_if(result.expectations.begin(), result.expectations.end(),
                    [](const ExpectationResult& expectation) { return expectation.passed; });
  return fmt::format("\nexpectations: {}/{} met, {}\n", met, result.expectations.size(),
                     result.passed ? "PASS" : "FAIL");
}

}  // namespace

std::string render_console_summary(const Result& result) {
  const Figures& figures = result.figures;
  return fmt::format("{} on {}, seed {}\n", result.scenario.name, result.backend, result.seed) +
         probes_section(figures.probes) + tcp_section(figures.tcp_streams) +
         breakdown_section(figures.breakdowns) + timeline_section(result.events) +
         expectations_section(result.expectations) + verdict(result);
}

}  // namespace lmlab
