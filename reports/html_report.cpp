#include "reports/html_report.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "reports/html_page.hpp"
#include "reports/markup.hpp"
#include "reports/network_summary.hpp"
#include "reports/report_tables.hpp"
#include "reports/svg_breakdown.hpp"
#include "reports/text_format.hpp"
#include "reports/timeline_section.hpp"
#include "reports/vm_overview.hpp"

namespace lmlab {
namespace {

// Up to this many VMs, each is drawn in full; beyond it (a node drain) the page shows how the
// downtime spread, draws the worst this many in full and lists the rest in one table, so it
// stays readable and a few MB at most.
constexpr std::size_t kVmsDrawnInFull = 5;

std::string table(const ReportTable& table) {
  return table.rows.empty() ? "<p>None.</p>\n" : html_table(table.header, table.rows);
}

std::string paragraph(const std::string& text, const char* css_class = "") {
  return *css_class ? fmt::format(R"(<p class="{}">{}</p>)", css_class, escape_markup(text)) + "\n"
                    : "<p>" + escape_markup(text) + "</p>\n";
}

std::string heading(int level, const std::string& text) {
  return fmt::format("<h{0}>{1}</h{0}>\n", level, escape_markup(text));
}

// What the strategy does, for readers new to live migration.
const char* strategy_explanation(StrategyKind strategy) {
  switch (strategy) {
    case StrategyKind::kube_ovn:
      return "Strategy kube-ovn: while the VM migrates, its port is bound to both nodes "
             "(multi-chassis binding); the target node forwards to it as soon as it sees the "
             "VM's first RARP after the resume.";
    case StrategyKind::naive:
      return "Strategy naive (baseline): the port stays on the source node until KubeVirt "
             "reports the migration complete, then moves to the target.";
  }
  return "";
}

std::string header(const Result& result) {
  const Scenario& scenario = result.scenario;
  std::string html =
      fmt::format("<h1>{} {}</h1>\n", escape_markup(scenario.name), verdict_badge(result.passed));
  if (!scenario.description.empty()) html += paragraph(scenario.description);
  html += paragraph(
      fmt::format("Backend {} ({}), strategy {}, seed {}, {} simulated; lmlab {}, started {}, "
                  "{:.2f} s wall time.",
                  result.backend, result.metadata.backend_version,
                  to_string(scenario.cluster.strategy), result.seed,
                  format_seconds(scenario.duration, " s"), result.metadata.lmlab_version,
                  result.metadata.started_at, result.metadata.wall_time_seconds),
      "meta");
  html += paragraph(describe_network(scenario), "meta");
  return html + paragraph(strategy_explanation(scenario.cluster.strategy), "note");
}

std::string card(const std::string& value, const std::string& what) {
  return fmt::format(
             R"(<div class="card"><div class="value">{}</div><div class="what">{}</div></div>)",
             escape_markup(value), escape_markup(what)) +
         "\n";
}

std::string expectations_card(const Result& result) {
  const auto met = std::count_if(result.expectations.begin(), result.expectations.end(),
                                 [](const ExpectationResult& e) { return e.passed; });
  return card(fmt::format("{}/{}", met, result.expectations.size()), "expectations met");
}

// The figures a reader looks for first.
std::string cards(const Result& result) {
  std::string html = R"(<div class="cards">)";
  for (const ProbeFigures& probe : result.figures.probes) {
    html += card(probe.recovered ? format_short_duration(probe.downtime) : "not recovered",
                 fmt::format("downtime {} {} ({} lost)", probe.vm, direction_arrow(probe.direction),
                             probe.lost));
  }
  for (const TcpFigures& tcp : result.figures.tcp_streams) {
    html += card(tcp.survived ? "TCP survived" : "TCP failed",
                 fmt::format("{} {}: stall {}, {} retransmissions", tcp.workload,
                             direction_arrow(tcp.direction), format_short_duration(tcp.stall),
                             tcp.retransmissions));
  }
  return html + expectations_card(result) + "</div>\n";
}

// With many VMs, one card per probe would bury the page: the worst VM and the verdicts.
std::string many_vm_cards(const Result& result, const std::vector<VmDowntime>& ranked) {
  const VmDowntime& worst = ranked.front();
  const std::string value = !worst.recovered  ? "not recovered"
                            : worst.downtime ? format_short_duration(*worst.downtime)
                                             : "-";
  return R"(<div class="cards">)" +
         card(value, fmt::format("worst downtime, {} of {} VMs", worst.vm, ranked.size())) +
         expectations_card(result) + "</div>\n";
}

std::string expectations(const Result& result) {
  const ReportTable verdicts = expectations_table(result.expectations);
  std::vector<std::string> classes;
  for (const ExpectationResult& expectation : result.expectations)
    classes.push_back(expectation.passed ? "pass" : "fail");
  return heading(2, "Expectations") + (verdicts.rows.empty()
                                           ? paragraph("The scenario sets no expectations.")
                                           : html_table(verdicts.header, verdicts.rows, classes));
}

std::string event_detail(const Result& result, const std::string& vm, Phase phase, Time at) {
  for (const PhaseEvent& event : result.events)
    if (event.vm == vm && event.phase == phase && event.time == at) return event.detail;
  return "";
}

// The breakdown in words: each cause, how long it took and why.
std::string breakdown_story(const Result& result, const DowntimeBreakdown& breakdown) {
  std::vector<std::string> downtimes;
  for (const ProbeFigures& probe : result.figures.probes)
    if (probe.vm == breakdown.vm)
      downtimes.push_back(fmt::format(
          "{} ({})",
          probe.recovered ? format_short_duration(probe.downtime) : "the rest of the run",
          direction_arrow(probe.direction)));
  std::string story = fmt::format("{} migrated to {}.", breakdown.vm, breakdown.target_node);
  if (!downtimes.empty()) {
    story += " No probes got through for ";
    for (std::size_t i = 0; i < downtimes.size(); ++i)
      story += (i == 0 ? "" : (i + 1 == downtimes.size() ? " and " : ", ")) + downtimes[i];
    story += ".";
  }
  const auto segment = [](const std::optional<Time>& time) {
    return time ? format_short_duration(*time) : std::string("an unknown time");
  };
  if (breakdown.paused_at) {
    const std::string pause =
        event_detail(result, breakdown.vm, Phase::source_paused, *breakdown.paused_at);
    story += fmt::format(" The VM was paused for {}{}.", segment(breakdown.vm_paused),
                         pause.empty() ? "" : " (" + pause + ")");
  }
  if (breakdown.resumed_at)
    story += fmt::format(" QEMU sent its first RARP {} after resuming on {}.",
                         segment(breakdown.announce), breakdown.target_node);
  if (breakdown.binding_active_at) {
    const std::string how =
        event_detail(result, breakdown.vm, Phase::binding_active, *breakdown.binding_active_at);
    story +=
        fmt::format(" The port became active on {} {} later{}.", breakdown.target_node,
                    segment(breakdown.network_converging), how.empty() ? "" : " (" + how + ")");
  } else {
    story += fmt::format(" The port never became active on {}.", breakdown.target_node);
  }
  if (breakdown.first_delivery_at)
    story += fmt::format(" The first probes got through {} after that.",
                         segment(breakdown.first_packet));
  return paragraph(story);
}

// VMs with traffic or a migration, in scenario order.
std::vector<std::string> vms_to_draw(const Result& result) {
  std::vector<std::string> vms;
  for (const VmSpec& vm : result.scenario.vms) {
    const bool has_flows = std::any_of(result.flows.begin(), result.flows.end(),
                                       [&](const FlowInfo& flow) { return flow.vm == vm.name; });
    const bool migrates =
        std::any_of(result.figures.breakdowns.begin(), result.figures.breakdowns.end(),
                    [&](const DowntimeBreakdown& breakdown) { return breakdown.vm == vm.name; });
    if (has_flows || migrates) vms.push_back(vm.name);
  }
  return vms;
}

std::string vm_section(const Result& result, const std::string& vm) {
  std::string html = heading(2, "Timeline of " + vm);
  for (const DowntimeBreakdown& breakdown : result.figures.breakdowns) {
    if (breakdown.vm != vm) continue;
    html += heading(3, "Where the downtime went: " + vm + " to " + breakdown.target_node) +
            breakdown_story(result, breakdown) + render_svg_breakdown(breakdown);
  }
  return html + timeline_section_html({TimelineRun{"", &result}}, vm);
}

// `breakdowns`: a table per migration, where the VM table does not already give them.
std::string figures(const Result& result, bool breakdowns) {
  std::string html = heading(2, "Figures") + heading(3, "Probes") +
                     table(probes_table(result.figures.probes)) + heading(3, "TCP streams") +
                     table(tcp_table(result.figures.tcp_streams));
  if (!breakdowns) return html;
  for (const DowntimeBreakdown& breakdown : result.figures.breakdowns)
    html += heading(3, "Downtime breakdown: " + breakdown.vm + " to " + breakdown.target_node) +
            table(breakdown_table(breakdown));
  return html;
}

std::string events(const Result& result) {
  return fmt::format("<details><summary>Phase events ({})</summary>\n{}</details>\n",
                     result.events.size(), table(events_table(result.events)));
}

std::string how_to_read() {
  return heading(2, "How to read this") +
         paragraph(
             "A live migration copies the VM's memory to the target node while it keeps "
             "running (pre-copy), pauses it to copy what is left, and resumes it on the target. "
             "From the pause until the network delivers to the target, the VM is unreachable: "
             "the probes, sent every interval in each direction, show this as a red gap, and "
             "the longest gap overlapping the migration, less one probe interval, is the "
             "downtime. QEMU announces the moved VM with RARPs; depending on the strategy, the "
             "target node starts forwarding on the first RARP or only when KubeVirt reports "
             "completion. TCP does not notice short gaps, but after 200 ms without "
             "acknowledgements it retransmits with growing back-off, so its stall can outlast "
             "the outage. Hover over any mark for exact times.");
}

// How the downtime spread, the worst VMs in full, and a table of them all.
std::string many_vms(const Result& result, const std::vector<VmDowntime>& ranked) {
  std::string html = downtime_distribution_html(result, ranked);
  for (std::size_t i = 0; i < kVmsDrawnInFull; ++i) html += vm_section(result, ranked[i].vm);
  return html + heading(2, fmt::format("Every VM, worst first ({})", ranked.size())) +
         vm_table_html(result, ranked);
}

}  // namespace

std::string render_html_report(const Result& result) {
  const std::vector<std::string> vms = vms_to_draw(result);
  const bool many = vms.size() > kVmsDrawnInFull;
  std::string body = header(result);
  if (many) {
    const std::vector<VmDowntime> ranked = rank_by_downtime(result, vms);
    body += many_vm_cards(result, ranked) + expectations(result) + many_vms(result, ranked);
  } else {
    body += cards(result) + expectations(result);
    for (const std::string& vm : vms) body += vm_section(result, vm);
  }
  body += figures(result, !many) + events(result) + how_to_read();
  return html_page(fmt::format("{}: {}", result.scenario.name, result.passed ? "PASS" : "FAIL"),
                   body);
}

}  // namespace lmlab
