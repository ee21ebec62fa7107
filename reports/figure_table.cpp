#include "reports/figure_table.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace lmlab {
namespace {

std::optional<double> milliseconds(const std::optional<Time>& time) {
  if (!time) return std::nullopt;
  return to_milliseconds(*time);
}

double yes_no(bool value) { return value ? 1 : 0; }

std::string subject_of(const std::string& vm, const std::string& workload, Direction direction) {
  return vm + " " + workload + " " + to_string(direction);
}

struct SubjectFigures {
  std::vector<NamedFigure>& list;
  std::string subject;

  void add(const char* name, FigureUnit unit, std::optional<double> value,
           bool lower_is_better = true, bool gated = false) {
    list.push_back(NamedFigure{subject, name, unit, lower_is_better, gated, value});
  }
};

void probe_figures(std::vector<NamedFigure>& list, const ProbeFigures& probe) {
  SubjectFigures figures{list, subject_of(probe.vm, probe.workload, probe.direction)};
  figures.add("downtime", FigureUnit::milliseconds, to_milliseconds(probe.downtime), true, true);
  figures.add("recovered", FigureUnit::yes_no, yes_no(probe.recovered), false, true);
  figures.add("lost", FigureUnit::count, static_cast<double>(probe.lost));
  figures.add("duplicates", FigureUnit::count, static_cast<double>(probe.duplicates));
  figures.add("reordered", FigureUnit::count, static_cast<double>(probe.reordered));
}

void tcp_figures(std::vector<NamedFigure>& list, const TcpFigures& tcp) {
  SubjectFigures figures{list, subject_of(tcp.vm, tcp.workload, tcp.direction)};
  figures.add("survived", FigureUnit::yes_no, yes_no(tcp.survived), false, true);
  figures.add("stall", FigureUnit::milliseconds, to_milliseconds(tcp.stall), true, true);
  figures.add("retransmissions", FigureUnit::count, static_cast<double>(tcp.retransmissions));
  figures.add("throughput during", FigureUnit::megabits_per_second, tcp.throughput_during_bps / 1e6,
              false);
  figures.add("throughput after", FigureUnit::megabits_per_second, tcp.throughput_after_bps / 1e6,
              false);
}

void breakdown_figures(std::vector<NamedFigure>& list, const DowntimeBreakdown& breakdown) {
  SubjectFigures figures{list, breakdown.vm + " to " + breakdown.target_node};
  figures.add("VM paused", FigureUnit::milliseconds, milliseconds(breakdown.vm_paused));
  figures.add("announce", FigureUnit::milliseconds, milliseconds(breakdown.announce));
  figures.add("network converging", FigureUnit::milliseconds,
              milliseconds(breakdown.network_converging));
  figures.add("first packet", FigureUnit::milliseconds, milliseconds(breakdown.first_packet));
}

void identity_figures(std::vector<NamedFigure>& list, const IdentityFigures& identity) {
  SubjectFigures figures{list, identity.vm};
  figures.add("IP preserved", FigureUnit::yes_no, yes_no(identity.ip_preserved), false, true);
  figures.add("MAC preserved", FigureUnit::yes_no, yes_no(identity.mac_preserved), false, true);
}

}  // namespace

std::vector<NamedFigure> named_figures(const Result& result) {
  std::vector<NamedFigure> list;
  for (const ProbeFigures& probe : result.figures.probes) probe_figures(list, probe);
  for (const TcpFigures& tcp : result.figures.tcp_streams) tcp_figures(list, tcp);
  for (const DowntimeBreakdown& breakdown : result.figures.breakdowns)
    breakdown_figures(list, breakdown);
  for (const IdentityFigures& identity : result.figures.identities)
    identity_figures(list, identity);
  const auto met =
      std::count_if(result.expectations.begin(), result.expectations.end(),
                    [](const ExpectationResult& expectation) { return expectation.passed; });
  SubjectFigures{list, "expectations"}.add("met", FigureUnit::count, static_cast<double>(met), false);
  return list;
}

std::string format_figure(FigureUnit unit, const std::optional<double>& value) {
  if (!value) return "-";
  switch (unit) {
    case FigureUnit::milliseconds: return fmt::format("{:.3f} ms", *value);
    case FigureUnit::count: return fmt::format("{}", *value);  // a median may be fractional
    case FigureUnit::megabits_per_second: return fmt::format("{:.2f} Mbit/s", *value);
    case FigureUnit::yes_no: return *value != 0 ? "yes" : "no";
  }
  return "?";
}

std::string format_change(FigureUnit unit, const std::optional<double>& from,
                          const std::optional<double>& to) {
  if (!from || !to) return "";
  if (*from == *to) return "=";
  if (unit == FigureUnit::yes_no)
    return format_figure(unit, from) + " → " + format_figure(unit, to);
  const double change = *to - *from;
  std::string text = (change > 0 ? "+" : "-") + format_figure(unit, std::abs(change));
  if (*from != 0) text += fmt::format(" ({:+.1f}%)", 100 * change / std::abs(*from));
  return text;
}

}  // namespace lmlab
