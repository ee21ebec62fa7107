#include "reports/vm_overview.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "reports/html_page.hpp"
#include "reports/markup.hpp"
#include "reports/statistics.hpp"
#include "reports/svg_histogram.hpp"
#include "reports/text_format.hpp"

namespace lmlab {
namespace {

VmDowntime worst_direction(const Result& result, const std::string& vm) {
  VmDowntime worst{vm, std::nullopt, true};
  for (const ProbeFigures& probe : result.figures.probes) {
    if (probe.vm != vm) continue;
    worst.recovered = worst.recovered && probe.recovered;
    if (!worst.downtime || probe.downtime > *worst.downtime) worst.downtime = probe.downtime;
  }
  return worst;
}

// Not recovered first, then the longest downtime; unmeasured last; scenario order on ties.
bool worse(const VmDowntime& a, const VmDowntime& b) {
  if (a.recovered != b.recovered) return !a.recovered;
  if (a.downtime.has_value() != b.downtime.has_value()) return a.downtime.has_value();
  return a.downtime && *a.downtime > *b.downtime;
}

std::string probe_cell(const Result& result, const std::string& vm, Direction direction) {
  for (const ProbeFigures& probe : result.figures.probes)
    if (probe.vm == vm && probe.direction == direction)
      return format_probe_downtime(probe) +
             (probe.lost > 0 ? fmt::format(" ({} lost)", probe.lost) : std::string());
  return "-";
}

}  // namespace

std::vector<VmDowntime> rank_by_downtime(const Result& result,
                                         const std::vector<std::string>& vms) {
  std::vector<VmDowntime> ranked;
  for (const std::string& vm : vms) ranked.push_back(worst_direction(result, vm));
  std::stable_sort(ranked.begin(), ranked.end(), worse);
  return ranked;
}

std::string downtime_distribution_html(const Result& result,
                                       const std::vector<VmDowntime>& ranked) {
  std::vector<double> milliseconds;
  std::size_t not_recovered = 0;
  for (const VmDowntime& vm : ranked) {
    if (!vm.recovered)
      ++not_recovered;
    else if (vm.downtime)
      milliseconds.push_back(to_milliseconds(*vm.downtime));
  }
  std::string html = fmt::format("<h2>Downtime across {} VMs</h2>\n", ranked.size());
  const auto summary = summarize(milliseconds);
  std::string words = summary
                          ? fmt::format(
                                "Worst probe direction per VM: median {:.1f} ms, p95 {:.1f} "
                                "ms, {:.1f} to {:.1f} ms.",
                                summary->median, summary->p95, summary->minimum, summary->maximum)
                          : std::string("No VM's downtime was measured.");
  if (not_recovered > 0)
    words += fmt::format(" {} VM(s) never got probes through again before the run ended.",
                         not_recovered);
  const auto& limit = result.scenario.expectations.max_downtime;
  if (limit && summary) {
    const auto within = std::count_if(milliseconds.begin(), milliseconds.end(),
                                      [&](double ms) { return ms <= to_milliseconds(*limit); });
    words += fmt::format(" {} of {} within the expected {}.", within, ranked.size(),
                         format_short_duration(*limit));
  }
  html += "<p>" + escape_markup(words) + "</p>\n";
  return html + render_svg_histogram("Downtime per VM, worst probe direction", "ms", "VMs",
                                     milliseconds,
                                     limit ? std::optional(to_milliseconds(*limit)) : std::nullopt);
}

std::string vm_table_html(const Result& result, const std::vector<VmDowntime>& vms) {
  std::vector<TableRow> rows;
  std::vector<std::string> classes;
  const auto& limit = result.scenario.expectations.max_downtime;
  for (const VmDowntime& vm : vms) {
    TableRow row{vm.vm,
                 "-",
                 probe_cell(result, vm.vm, Direction::client_to_vm),
                 probe_cell(result, vm.vm, Direction::vm_to_client),
                 "-",
                 "-",
                 "-"};
    for (const DowntimeBreakdown& breakdown : result.figures.breakdowns) {
      if (breakdown.vm != vm.vm) continue;
      row[1] = breakdown.target_node;
      row[4] = format_milliseconds(breakdown.vm_paused);
      row[5] = format_milliseconds(breakdown.network_converging);
      row[6] = format_milliseconds(breakdown.first_packet);
    }
    rows.push_back(std::move(row));
    const bool failed = !vm.recovered || (limit && vm.downtime && *vm.downtime > *limit);
    classes.push_back(failed ? "fail" : "");
  }
  return html_table({"VM", "To", "Downtime client→VM (ms)", "Downtime VM→client (ms)",
                     "VM paused (ms)", "Converging (ms)", "First packet (ms)"},
                    rows, classes);
}

}  // namespace lmlab
