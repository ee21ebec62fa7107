#include "reports/compare_report.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "reports/html_page.hpp"
#include "reports/markdown_table.hpp"
#include "reports/markup.hpp"
#include "reports/svg_breakdown.hpp"
#include "reports/text_format.hpp"
#include "reports/timeline_section.hpp"

namespace lmlab {
namespace {

// Subject, figure, then each run's value and, after the first, its change from the first.
TableRow figures_header(const Comparison& comparison) {
  TableRow header{"Subject", "Figure"};
  for (std::size_t i = 0; i < comparison.runs.size(); ++i) {
    header.push_back(comparison.runs[i].label);
    if (i > 0) header.push_back("Δ " + comparison.runs[i].label);
  }
  return header;
}

std::vector<TableRow> figure_rows(const Comparison& comparison) {
  std::vector<TableRow> rows;
  for (const ComparedFigure& figure : comparison.figures) {
    TableRow row{figure.subject, figure.name};
    for (std::size_t i = 0; i < figure.values.size(); ++i) {
      row.push_back(format_figure(figure.unit, figure.values[i]));
      if (i > 0)
        row.push_back(format_change(figure.unit, figure.values[0], figure.values[i]) +
                      (figure.regressed[i] ? " (worse)" : ""));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

bool regressed(const Comparison& comparison) { return !comparison.regressions.empty(); }

// What the gate decided, in one sentence.
std::string gate_verdict(const Comparison& comparison) {
  const std::string first = comparison.runs[0].label;
  if (!comparison.tolerance)
    return fmt::format("No --max-regression given: the differences from {} are not judged.", first);
  if (!regressed(comparison))
    return fmt::format(
        "No run is worse than {} beyond {} in downtime, TCP stalls, survival "
        "or identity.",
        first, comparison.tolerance->text);
  return fmt::format("{} regression(s) beyond {} against {}:", comparison.regressions.size(),
                     comparison.tolerance->text, first);
}

std::vector<TableRow> run_rows(const Comparison& comparison) {
  std::vector<TableRow> rows;
  for (const ComparedRun& run : comparison.runs) {
    const Result& result = *run.result;
    const auto met = std::count_if(result.expectations.begin(), result.expectations.end(),
                                   [](const ExpectationResult& e) { return e.passed; });
    rows.push_back({run.label, result.scenario.name, to_string(result.scenario.cluster.strategy),
                    result.backend, std::to_string(result.seed),
                    fmt::format("{}/{}", met, result.expectations.size()), run.file});
  }
  return rows;
}

const TableRow kRunHeader{"Run",  "Scenario",         "Strategy", "Backend",
                          "Seed", "Expectations met", "File"};

// VMs every run migrated or measured, in the first run's scenario order.
std::vector<std::string> compared_vms(const Comparison& comparison) {
  std::vector<std::string> vms;
  const Result& first = *comparison.runs[0].result;
  for (const VmSpec& vm : first.scenario.vms)
    if (std::any_of(first.flows.begin(), first.flows.end(),
                    [&](const FlowInfo& flow) { return flow.vm == vm.name; }))
      vms.push_back(vm.name);
  return vms;
}

std::string breakdown_bars(const Comparison& comparison, const std::string& vm) {
  Time scale{0};
  for (const ComparedRun& run : comparison.runs)
    for (const DowntimeBreakdown& breakdown : run.result->figures.breakdowns)
      if (breakdown.vm == vm) scale = std::max(scale, breakdown_total(breakdown));
  std::string html;
  for (const ComparedRun& run : comparison.runs)
    for (const DowntimeBreakdown& breakdown : run.result->figures.breakdowns)
      if (breakdown.vm == vm) html += render_svg_breakdown(breakdown, run.label, scale);
  return html.empty() ? html : "<h3>Where the downtime went, on one scale</h3>\n" + html;
}

}  // namespace

std::string render_compare_text(const Comparison& comparison) {
  std::vector<TableRow> runs{kRunHeader};
  for (TableRow row : run_rows(comparison)) runs.push_back(std::move(row));
  std::vector<TableRow> figures{figures_header(comparison)};
  for (TableRow row : figure_rows(comparison)) figures.push_back(std::move(row));
  std::string text =
      aligned_table(runs) + "\n" + aligned_table(figures) + "\n" + gate_verdict(comparison) + "\n";
  for (const Regression& regression : comparison.regressions)
    text += "  " + regression.description + "\n";
  return text;
}

std::string render_compare_markdown(const Comparison& comparison) {
  std::string text = fmt::format(
      "### {}: {}\n\n",
      comparison.tolerance ? markdown_verdict(!regressed(comparison)) : std::string("Comparison"),
      fmt::format("{} runs of {}", comparison.runs.size(),
                  comparison.runs[0].result->scenario.name));
  text += markdown_table(kRunHeader, run_rows(comparison)) + gate_verdict(comparison) + "\n\n";
  for (const Regression& regression : comparison.regressions)
    text += "- " + regression.description + "\n";
  if (regressed(comparison)) text += "\n";
  std::vector<TableRow> gated, others;
  const std::vector<TableRow> rows = figure_rows(comparison);
  for (std::size_t i = 0; i < rows.size(); ++i)
    (comparison.figures[i].gated ? gated : others).push_back(rows[i]);
  return text + markdown_table(figures_header(comparison), gated) +
         markdown_details("Every other figure", markdown_table(figures_header(comparison), others));
}

std::string render_compare_html(const Comparison& comparison) {
  std::vector<TimelineRun> runs;
  for (const ComparedRun& run : comparison.runs) runs.push_back(TimelineRun{run.label, run.result});
  const std::string title = fmt::format("Comparison of {} runs of {}", comparison.runs.size(),
                                        comparison.runs[0].result->scenario.name);
  std::string body = fmt::format("<h1>{} {}</h1>\n", escape_markup(title),
                                 comparison.tolerance ? verdict_badge(!regressed(comparison)) : "");
  body += html_table(kRunHeader, run_rows(comparison));
  body += "<p>" + escape_markup(gate_verdict(comparison)) + "</p>\n";
  if (regressed(comparison)) {
    body += "<ul>\n";
    for (const Regression& regression : comparison.regressions)
      body += "<li>" + escape_markup(regression.description) + "</li>\n";
    body += "</ul>\n";
  }
  for (const std::string& vm : compared_vms(comparison)) {
    body += fmt::format("<h2>Timeline of {}</h2>\n", escape_markup(vm)) +
            breakdown_bars(comparison, vm) + timeline_section_html(runs, vm);
  }
  std::vector<std::string> classes;
  for (const ComparedFigure& figure : comparison.figures)
    classes.push_back(std::any_of(figure.regressed.begin(), figure.regressed.end(),
                                  [](bool worse) { return worse; })
                          ? "worse"
                          : "");
  body += "<h2>Every figure</h2>\n" +
          html_table(figures_header(comparison), figure_rows(comparison), classes);
  return html_page(title, body);
}

}  // namespace lmlab
