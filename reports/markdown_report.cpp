#include "reports/markdown_report.hpp"

#include <string>
#include <vector>

#include <fmt/format.h>

#include "reports/text_format.hpp"

namespace lmlab {
namespace {

// A '|' would end the cell and a line break the row.
std::string escape_cell(const std::string& text) {
  std::string escaped;
  for (const char c : text) {
    if (c == '|') {
      escaped += "\\|";
    } else if (c == '\n') {
      escaped += ' ';
    } else {
      escaped += c;
    }
  }
  return escaped;
}

std::string table_line(const TableRow& cells) {
  std::string line = "|";
  for (const std::string& cell : cells) line += " " + escape_cell(cell) + " |";
  return line + "\n";
}

std::string table(const TableRow& header, const std::vector<TableRow>& rows) {
  if (rows.empty()) return "None.\n\n";
  std::string text = table_line(header) + table_line(TableRow(header.size(), "---"));
  for (const TableRow& row : rows) text += table_line(row);
  return text + "\n";
}

std::string section(const std::string& title) { return "## " + title + "\n\n"; }

std::string expectations_section(const std::vector<ExpectationResult>& expectations) {
  std::vector<TableRow> rows;
  for (const ExpectationResult& result : expectations) {
    rows.push_back({result.expectation, result.subject, result.expected, result.measured,
                    result.passed ? "pass" : "FAIL"});
  }
  return section("Expectations") +
         table({"Expectation", "Subject", "Expected", "Measured", "Result"}, rows);
}

std::string probes_section(const std::vector<ProbeFigures>& probes) {
  std::vector<TableRow> rows;
  for (const ProbeFigures& probe : probes) {
    rows.push_back({probe.vm, probe.workload, to_string(probe.direction), to_string(probe.protocol),
                    std::to_string(probe.sent), std::to_string(probe.lost),
                    std::to_string(probe.duplicates), std::to_string(probe.reordered),
                    format_probe_downtime(probe)});
  }
  return section("Probes") + table({"VM", "Workload", "Direction", "Protocol", "Sent", "Lost",
                                    "Duplicates", "Reordered", "Downtime (ms)"},
                                   rows);
}

std::string survival_cell(const TcpFigures& tcp) {
  return tcp.survived ? "yes" : "no (" + tcp.failure + ")";
}

std::string tcp_section(const std::vector<TcpFigures>& streams) {
  std::vector<TableRow> rows;
  for (const TcpFigures& tcp : streams) {
    rows.push_back({tcp.vm, tcp.workload, to_string(tcp.direction), survival_cell(tcp),
                    format_milliseconds(tcp.stall), std::to_string(tcp.retransmissions),
                    format_megabits(tcp.throughput_before_bps),
                    format_megabits(tcp.throughput_during_bps),
                    format_megabits(tcp.throughput_after_bps)});
  }
  return section("TCP streams") +
         table({"VM", "Workload", "Direction", "Survived", "Stall (ms)", "Retransmissions",
                "Before (Mbit/s)", "During (Mbit/s)", "After (Mbit/s)"},
               rows);
}

std::string breakdown_table(const DowntimeBreakdown& breakdown) {
  const std::vector<TableRow> rows = {
      {"VM paused", format_milliseconds(breakdown.vm_paused),
       "VM paused (memory and device state copy)"},
      {"Announce", format_milliseconds(breakdown.announce), "QEMU announce"},
      {"Converging", format_milliseconds(breakdown.network_converging),
       "network converging (binding activated on target)"},
      {"First packet", format_milliseconds(breakdown.first_packet), "first packet through"},
  };
  return fmt::format("### {} to {}\n\n", breakdown.vm, breakdown.target_node) +
         table({"Segment", "Duration (ms)", "Meaning"}, rows);
}

std::string breakdowns_section(const std::vector<DowntimeBreakdown>& breakdowns) {
  std::string text = section("Downtime breakdown");
  for (const DowntimeBreakdown& breakdown : breakdowns) text += breakdown_table(breakdown);
  return text;
}

std::string timeline_section(const std::vector<PhaseEvent>& events) {
  std::vector<TableRow> rows;
  for (const PhaseEvent& event : events) {
    rows.push_back(
        {format_seconds(event.time), event.vm, to_string(event.phase), event.node, event.detail});
  }
  return section("Phase timeline") + table({"Time (s)", "VM", "Phase", "Node", "Detail"}, rows);
}

std::string title(const Result& result) {
  std::string text =
      fmt::format("# {}: {}\n\n", result.scenario.name, result.passed ? "PASS" : "FAIL");
  if (!result.scenario.description.empty()) text += result.scenario.description + "\n\n";
  return text + fmt::format("Backend `{}`, seed {}.\n\n", result.backend, result.seed);
}

}  // namespace

std::string render_markdown_report(const Result& result) {
  const Figures& figures = result.figures;
  return title(result) + expectations_section(result.expectations) +
         probes_section(figures.probes) + tcp_section(figures.tcp_streams) +
         breakdowns_section(figures.breakdowns) + timeline_section(result.events);
}

}  // namespace lmlab
