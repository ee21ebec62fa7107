#include "reports/markdown_report.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "reports/markdown_table.hpp"
#include "reports/network_summary.hpp"
#include "reports/report_tables.hpp"
#include "reports/text_format.hpp"

namespace lmlab {
namespace {

std::string table(const ReportTable& table) { return markdown_table(table.header, table.rows); }

std::string title(const Result& result) {
  const auto met =
      std::count_if(result.expectations.begin(), result.expectations.end(),
                    [](const ExpectationResult& expectation) { return expectation.passed; });
  std::string text =
      fmt::format("### {}: {} ({}/{} expectations met)\n\n", markdown_verdict(result.passed),
                  result.scenario.name, met, result.expectations.size());
  if (!result.scenario.description.empty()) text += result.scenario.description + "\n\n";
  return text +
         fmt::format("Backend `{}`, strategy `{}`, seed {}.\n\n{}\n\n", result.backend,
                     to_string(result.scenario.cluster.strategy), result.seed,
                     describe_network(result.scenario));
}

// The verdicts stay visible; a failed one stands out in the comment.
std::string expectations_section(const std::vector<ExpectationResult>& expectations) {
  ReportTable verdicts = expectations_table(expectations);
  for (std::size_t i = 0; i < verdicts.rows.size(); ++i)
    verdicts.rows[i].back() = expectations[i].passed ? "✅ pass" : "❌ FAIL";
  return table(verdicts);
}

// One line per migration: what a reviewer wants to see without opening anything.
std::string highlights(const Figures& figures) {
  std::string text;
  for (const DowntimeBreakdown& breakdown : figures.breakdowns) {
    std::vector<std::string> downtimes;
    for (const ProbeFigures& probe : figures.probes)
      if (probe.vm == breakdown.vm)
        downtimes.push_back(fmt::format("{} {}", format_probe_downtime(probe, " ms"),
                                        direction_arrow(probe.direction)));
    text += fmt::format(
        "**{} to {}**: downtime {}; paused {}, announce {}, converging {}, first packet {} "
        "(ms).\n\n",
        breakdown.vm, breakdown.target_node,
        downtimes.empty() ? "-" : fmt::format("{}", fmt::join(downtimes, ", ")),
        format_milliseconds(breakdown.vm_paused), format_milliseconds(breakdown.announce),
        format_milliseconds(breakdown.network_converging),
        format_milliseconds(breakdown.first_packet));
  }
  for (const TcpFigures& tcp : figures.tcp_streams) {
    text += fmt::format("**TCP {} {} {}**: {}, stall {} ms, {} retransmissions.\n\n", tcp.vm,
                        tcp.workload, direction_arrow(tcp.direction),
                        tcp.survived ? "survived" : "failed (" + tcp.failure + ")",
                        format_milliseconds(tcp.stall), tcp.retransmissions);
  }
  return text;
}

std::string details(const Result& result) {
  std::string body = "#### Probes\n\n" + table(probes_table(result.figures.probes)) +
                     "#### TCP streams\n\n" + table(tcp_table(result.figures.tcp_streams));
  for (const DowntimeBreakdown& breakdown : result.figures.breakdowns) {
    body +=
        fmt::format("#### Downtime breakdown: {} to {}\n\n", breakdown.vm, breakdown.target_node) +
        table(breakdown_table(breakdown));
  }
  return markdown_details("Probes, TCP streams and downtime breakdown", body) +
         markdown_details(fmt::format("Phase timeline ({} events)", result.events.size()),
                          table(events_table(result.events)));
}

}  // namespace

std::string render_markdown_report(const Result& result) {
  return title(result) + expectations_section(result.expectations) + highlights(result.figures) +
         details(result);
}

}  // namespace lmlab
