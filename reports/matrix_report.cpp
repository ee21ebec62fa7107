#include "reports/matrix_report.hpp"

#include <fmt/format.h>

#include "reports/html_page.hpp"
#include "reports/markdown_table.hpp"
#include "reports/markup.hpp"
#include "reports/svg_distribution.hpp"

namespace lmlab {
namespace {

const CellFigure* find_figure(const MatrixCell& cell, const std::string& subject,
                              const std::string& name) {
  for (const CellFigure& figure : cell.figures)
    if (figure.subject == subject && figure.name == name) return &figure;
  return nullptr;
}

// The headline figures' columns: median, p95, min-max and IQR in milliseconds.
struct Headline {
  const char* subject;
  const char* name;
  const char* title;
};
constexpr Headline kHeadlines[] = {{kWorstProbe, "downtime", "Downtime"},
                                   {kWorstStream, "stall", "TCP stall"}};

void add_statistics(TableRow& row, const CellFigure* figure) {
  if (!figure || !figure->summary) {
    row.insert(row.end(), {"-", "-", "-", "-"});
    return;
  }
  const Summary& summary = *figure->summary;
  row.push_back(fmt::format("{:.3f}", summary.median));
  row.push_back(fmt::format("{:.3f}", summary.p95));
  row.push_back(fmt::format("{:.3f}–{:.3f}", summary.minimum, summary.maximum));
  row.push_back(fmt::format("{:.3f}", summary.iqr));
}

// The first statistic names its figure and unit; the others follow it.
TableRow cells_header() {
  TableRow header{"Scenario", "Strategy", "Backend", "Met"};
  for (const Headline& headline : kHeadlines) {
    header.push_back(fmt::format("{} ms: median", headline.title));
    header.insert(header.end(), {"p95", "min–max", "IQR"});
  }
  return header;
}

// ", 2 could not run", or nothing when every run was carried out.
std::string could_not_run(std::size_t failed_runs) {
  return failed_runs == 0 ? "" : fmt::format(", {} could not run", failed_runs);
}

// "3/5" runs met their expectations, and how many could not be carried out.
std::string cell_verdict(const MatrixCell& cell) {
  return fmt::format("{}/{}{}", cell.passed, cell.run_count(),
                     could_not_run(cell.failed_runs.size()));
}

bool cell_passed(const MatrixCell& cell) { return cell.passed == cell.run_count(); }

std::vector<TableRow> cell_rows(const MatrixReport& report) {
  std::vector<TableRow> rows;
  for (const MatrixCell& cell : report.cells) {
    TableRow row{cell.scenario, cell.strategy, cell.backend, cell_verdict(cell)};
    for (const Headline& headline : kHeadlines)
      add_statistics(row, find_figure(cell, headline.subject, headline.name));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::size_t runs_passed(const MatrixReport& report) {
  std::size_t passed = 0;
  for (const MatrixRunEntry& run : report.runs) passed += run.passed;
  return passed;
}

std::string counted(std::size_t count, const char* one, const char* many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

std::string plan_text(const MatrixReport& report) {
  const MatrixAxes& axes = report.axes;
  std::string text =
      fmt::format("{} × {} × {} × {}", counted(axes.scenarios.size(), "scenario", "scenarios"),
                  counted(axes.strategies.size(), "strategy", "strategies"),
                  counted(axes.backends.size(), "backend", "backends"),
                  counted(axes.repeat, "repeat", "repeats"));
  if (report.shard) text += fmt::format(", shard {}/{}", report.shard->index, report.shard->count);
  return text;
}

std::string verdict_text(const MatrixReport& report) {
  return fmt::format("{}/{} runs met their expectations{}", runs_passed(report),
                     report.runs.size() + report.failed_runs.size(),
                     could_not_run(report.failed_runs.size()));
}

const TableRow kFailedRunHeader{"Scenario", "Strategy", "Backend", "Seed", "Why it could not run"};

std::vector<TableRow> failed_run_rows(const MatrixReport& report) {
  std::vector<TableRow> rows;
  for (const FailedRun& run : report.failed_runs)
    rows.push_back({run.scenario, run.strategy, run.backend, std::to_string(run.seed), run.error});
  return rows;
}

std::string failed_runs_title(const MatrixReport& report) {
  return fmt::format("Runs that could not be carried out ({})", report.failed_runs.size());
}

std::string cell_label(const MatrixCell& cell) {
  return cell.scenario + " · " + cell.strategy + " · " + cell.backend;
}

std::string distribution(const MatrixReport& report, const Headline& headline) {
  std::vector<DistributionRow> rows;
  for (const MatrixCell& cell : report.cells) {
    DistributionRow row{cell_label(cell), {}, cell_passed(cell)};
    if (const CellFigure* figure = find_figure(cell, headline.subject, headline.name))
      for (const auto& value : figure->values)
        if (value) row.values.push_back(*value);
    rows.push_back(std::move(row));
  }
  const std::string svg = render_svg_distribution(
      fmt::format("{} of the {} per cell", headline.title, headline.subject), "ms", rows);
  if (svg.empty()) return "";
  return fmt::format("<h3>{}, {}</h3>\n", escape_markup(headline.title),
                     escape_markup(headline.subject)) +
         svg;
}

// A yes/no figure summarizes to a share of yes; the others keep their unit.
std::string statistic_text(FigureUnit unit, double value) {
  return unit == FigureUnit::yes_no ? fmt::format("{:.2f} yes", value) : format_figure(unit, value);
}

// Every figure of a cell with its statistics and the value of each repeat.
std::string cell_details(const MatrixReport& report, const MatrixCell& cell) {
  std::vector<TableRow> rows;
  for (const CellFigure& figure : cell.figures) {
    TableRow row{figure.subject, figure.name};
    if (figure.summary) {
      for (const double value :
           {figure.summary->median, figure.summary->p95, figure.summary->minimum,
            figure.summary->maximum, figure.summary->iqr})
        row.push_back(statistic_text(figure.unit, value));
    } else {
      row.insert(row.end(), 5, "-");
    }
    std::string values;
    for (const auto& value : figure.values)
      values += (values.empty() ? "" : ", ") + format_figure(figure.unit, value);
    row.push_back(values);
    rows.push_back(std::move(row));
  }
  std::string seeds;
  for (const std::size_t position : cell.runs)
    seeds += (seeds.empty() ? "" : ", ") + std::to_string(report.runs[position].seed);
  for (const std::size_t position : cell.failed_runs)
    seeds += (seeds.empty() ? "" : ", ") + std::to_string(report.failed_runs[position].seed);
  return fmt::format("<details><summary>{} (seeds {}; {}/{} met their expectations{})</summary>\n",
                     escape_markup(cell_label(cell)), seeds, cell.passed, cell.run_count(),
                     could_not_run(cell.failed_runs.size())) +
         html_table({"Subject", "Figure", "Median", "p95", "Min", "Max", "IQR", "Each repeat"},
                    rows) +
         "</details>\n";
}

// Links to each run's own report, written next to its result.json.
std::string run_links(const MatrixReport& report) {
  std::string html = R"(<ul class="runs">)";
  for (const MatrixRunEntry& run : report.runs) {
    std::string report_file = run.result_file;
    report_file.replace(report_file.rfind('/') + 1, std::string::npos, "report.html");
    html += fmt::format(R"(<li><a href="{}">{} · {} · {} · seed {}</a>: {}</li>)",
                        escape_markup(report_file), escape_markup(run.scenario),
                        escape_markup(run.strategy), escape_markup(run.backend), run.seed,
                        run.passed ? "PASS" : "FAIL") +
            "\n";
  }
  return html + "</ul>\n";
}

}  // namespace

std::string render_matrix_text(const MatrixReport& report) {
  std::vector<TableRow> rows{cells_header()};
  for (TableRow row : cell_rows(report)) rows.push_back(std::move(row));
  std::string text = fmt::format("matrix: {}\n\n", plan_text(report)) + aligned_table(rows);
  if (!report.failed_runs.empty()) {
    std::vector<TableRow> failed{kFailedRunHeader};
    for (TableRow row : failed_run_rows(report)) failed.push_back(std::move(row));
    text += fmt::format("\n{}:\n", failed_runs_title(report)) + aligned_table(failed, 2);
  }
  return text + fmt::format("\n{}, {}\n", verdict_text(report), report.passed() ? "PASS" : "FAIL");
}

std::string render_matrix_markdown(const MatrixReport& report) {
  std::string text =
      fmt::format("### {}: matrix of {}\n\n{}.\n\n", markdown_verdict(report.passed()),
                  plan_text(report), verdict_text(report)) +
      markdown_table(cells_header(), cell_rows(report));
  if (!report.failed_runs.empty())
    text += fmt::format("#### {}\n\n", failed_runs_title(report)) +
            markdown_table(kFailedRunHeader, failed_run_rows(report));
  return text;
}

std::string render_matrix_html(const MatrixReport& report) {
  const std::string title = "Matrix of " + plan_text(report);
  std::string body =
      fmt::format("<h1>{} {}</h1>\n", escape_markup(title), verdict_badge(report.passed()));
  body += fmt::format(
      R"(<p class="meta">{}; lmlab {}, started {}, {:.1f} s wall time. Repeat k plays the scenario's seed + k. The downtime of a run is that of its worst probe direction, the stall that of its worst TCP stream.</p>)"
      "\n",
      escape_markup(verdict_text(report)), escape_markup(report.metadata.lmlab_version),
      escape_markup(report.metadata.started_at), report.metadata.wall_time_seconds);
  std::vector<std::string> classes;
  for (const MatrixCell& cell : report.cells) classes.push_back(cell_passed(cell) ? "" : "fail");
  body += html_table(cells_header(), cell_rows(report), classes);
  if (!report.failed_runs.empty())
    body += fmt::format("<h2>{}</h2>\n", escape_markup(failed_runs_title(report))) +
            html_table(kFailedRunHeader, failed_run_rows(report),
                       std::vector<std::string>(report.failed_runs.size(), "fail"));
  body += "<h2>Spread over the repeats</h2>\n";
  for (const Headline& headline : kHeadlines) body += distribution(report, headline);
  body += "<h2>Every figure, per cell</h2>\n";
  for (const MatrixCell& cell : report.cells) body += cell_details(report, cell);
  body += fmt::format("<h2>Every run ({})</h2>\n", report.runs.size()) + run_links(report);
  return html_page(title, body);
}

}  // namespace lmlab
