#include "reports/matrix.hpp"

#include <algorithm>
#include <filesystem>
#include <limits>
#include <numeric>

#include <fmt/format.h>

#include "reports/json_field.hpp"
#include "reports/json_text.hpp"
#include "sim/core/bounded_file.hpp"

namespace lmlab {
namespace {

using Json = nlohmann::ordered_json;

// The largest value of the run's figures called `name`, or nullopt when it has none.
std::optional<double> worst(const std::vector<NamedFigure>& figures, const std::string& name) {
  std::optional<double> largest;
  for (const NamedFigure& figure : figures)
    if (figure.name == name && figure.value)
      largest = std::max(largest.value_or(*figure.value), *figure.value);
  return largest;
}

// The headline figures, then every named figure of the run.
std::vector<NamedFigure> cell_figures(const Result& result) {
  const std::vector<NamedFigure> named = named_figures(result);
  std::vector<NamedFigure> figures;
  if (const auto downtime = worst(named, "downtime"))
    figures.push_back(
        NamedFigure{kWorstProbe, "downtime", FigureUnit::milliseconds, true, true, downtime});
  if (const auto stall = worst(named, "stall"))
    figures.push_back(
        NamedFigure{kWorstStream, "stall", FigureUnit::milliseconds, true, true, stall});
  figures.insert(figures.end(), named.begin(), named.end());
  return figures;
}

std::optional<double> value_of(const std::vector<NamedFigure>& figures, const CellFigure& like) {
  for (const NamedFigure& figure : figures)
    if (figure.subject == like.subject && figure.name == like.name) return figure.value;
  return std::nullopt;
}

void summarize_cell(MatrixCell& cell, const std::vector<const Result*>& results_by_position) {
  if (cell.runs.empty()) return;  // none of its runs could be carried out: nothing measured
  std::vector<std::vector<NamedFigure>> runs;
  for (const std::size_t position : cell.runs)
    runs.push_back(cell_figures(*results_by_position[position]));
  // Repeats of one scenario measure the same figures; the first run names them.
  for (const NamedFigure& named : runs.front()) {
    CellFigure figure{named.subject, named.name, named.unit, {}, std::nullopt};
    std::vector<double> measured;
    for (const auto& figures : runs) {
      figure.values.push_back(value_of(figures, figure));
      if (figure.values.back()) measured.push_back(*figure.values.back());
    }
    figure.summary = summarize(measured);
    cell.figures.push_back(std::move(figure));
  }
}

const char* unit_name(FigureUnit unit) {
  switch (unit) {
    case FigureUnit::milliseconds: return "ms";
    case FigureUnit::count: return "count";
    case FigureUnit::megabits_per_second: return "Mbit/s";
    case FigureUnit::yes_no: return "yes=1";
  }
  return "?";
}

Json optional_number(const std::optional<double>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json cell_figure_json(const CellFigure& figure) {
  Json json{{"subject", figure.subject},
            {"figure", figure.name},
            {"unit", unit_name(figure.unit)},
            {"values", Json::array()}};
  for (const auto& value : figure.values) json["values"].push_back(optional_number(value));
  if (figure.summary) {
    json["median"] = figure.summary->median;
    json["p95"] = figure.summary->p95;
    json["min"] = figure.summary->minimum;
    json["max"] = figure.summary->maximum;
    json["iqr"] = figure.summary->iqr;
  }
  return json;
}

Json cell_json(const MatrixReport& report, const MatrixCell& cell) {
  Json seeds = Json::array();
  for (const std::size_t position : cell.runs) seeds.push_back(report.runs[position].seed);
  Json figures = Json::array();
  for (const CellFigure& figure : cell.figures) figures.push_back(cell_figure_json(figure));
  return Json{{"scenario", cell.scenario}, {"strategy", cell.strategy},
              {"backend", cell.backend},   {"seeds", seeds},
              {"passed", cell.passed},     {"failed_runs", cell.failed_runs.size()},
              {"figures", figures}};
}

Json run_json(const MatrixRunEntry& run) {
  return Json{{"index", run.index},       {"scenario", run.scenario}, {"strategy", run.strategy},
              {"backend", run.backend},   {"seed", run.seed},         {"passed", run.passed},
              {"result", run.result_file}};
}

Json failed_run_json(const FailedRun& run) {
  return Json{{"index", run.index},     {"scenario", run.scenario}, {"strategy", run.strategy},
              {"backend", run.backend}, {"seed", run.seed},         {"error", run.error}};
}

Json axes_json(const MatrixAxes& axes) {
  Json strategies = Json::array();
  for (const auto& strategy : axes.strategies) strategies.push_back(strategy_choice_name(strategy));
  return Json{{"scenarios", axes.scenarios},
              {"strategies", strategies},
              {"backends", axes.backends},
              {"repeat", axes.repeat}};
}

// ---- Reading ---------------------------------------------------------------------------

std::optional<StrategyKind> strategy_choice(const std::string& name) {
  if (name == strategy_choice_name(std::nullopt)) return std::nullopt;
  for (const StrategyKind strategy : all_strategies())
    if (name == to_string(strategy)) return strategy;
  throw MatrixFileError(fmt::format("unknown strategy '{}'", name));
}

MatrixAxes axes_from(const nlohmann::json& json) {
  MatrixAxes axes;
  axes.scenarios = json.at("scenarios").get<std::vector<std::string>>();
  for (const auto& name : json.at("strategies"))
    axes.strategies.push_back(strategy_choice(name.get<std::string>()));
  axes.backends = json.at("backends").get<std::vector<std::string>>();
  axes.repeat = json.at("repeat").get<unsigned>();
  return axes;
}

// A run's result file, relative to its matrix.json and inside its directory: merge reads it
// there and writes it again under the same name in its output directory.
std::string result_path_from(const JsonField& field) {
  const std::string path = field.text();
  const std::filesystem::path relative(path);
  if (path.empty() || relative.is_absolute() ||
      std::any_of(relative.begin(), relative.end(), [](const auto& part) { return part == ".."; }))
    field.fail("expected a path inside the matrix directory, got '" + path + "'");
  return path;
}

MatrixRunEntry run_from(const nlohmann::json& json, std::size_t position) {
  const JsonField run(json, "/runs/" + std::to_string(position));
  return MatrixRunEntry{
      run.at("index").count<std::size_t>(),   json.at("scenario").get<std::string>(),
      json.at("strategy").get<std::string>(), json.at("backend").get<std::string>(),
      json.at("seed").get<std::uint64_t>(),   json.at("passed").get<bool>(),
      result_path_from(run.at("result"))};
}

// Shard i of n, 1 <= i <= n.
Shard shard_from(const nlohmann::json& json) {
  const JsonField shard(json, "/shard");
  const auto index = shard.at("index").count<unsigned>();
  const auto count = shard.at("count").count<unsigned>();
  if (count == 0 || index == 0 || index > count)
    shard.fail(fmt::format("expected shard i of n with 1 <= i <= n, got {} of {}", index, count));
  return Shard{index, count};
}

FailedRun failed_run_from(const nlohmann::json& json) {
  return FailedRun{json.at("index").get<std::size_t>(),    json.at("scenario").get<std::string>(),
                   json.at("strategy").get<std::string>(), json.at("backend").get<std::string>(),
                   json.at("seed").get<std::uint64_t>(),   json.at("error").get<std::string>()};
}

MatrixMetadata metadata_from(const nlohmann::json& json) {
  return MatrixMetadata{json.at("lmlab_version").get<std::string>(),
                        json.at("started_at").get<std::string>(),
                        json.at("wall_time_seconds").get<double>(),
                        json.at("scenario_files").get<std::vector<std::string>>()};
}

// The cell of these three, added when it is not there yet.
MatrixCell& cell_of(std::vector<MatrixCell>& cells, const std::string& scenario,
                    const std::string& strategy, const std::string& backend) {
  const auto cell = std::find_if(cells.begin(), cells.end(), [&](const MatrixCell& c) {
    return c.scenario == scenario && c.strategy == strategy && c.backend == backend;
  });
  if (cell != cells.end()) return *cell;
  return cells.emplace_back(MatrixCell{scenario, strategy, backend, {}, {}, 0, {}});
}

// The plan places a cell's runs next to each other, so its first run places the cell.
std::size_t first_plan_index(const MatrixReport& report, const MatrixCell& cell) {
  std::size_t first = std::numeric_limits<std::size_t>::max();
  if (!cell.runs.empty()) first = report.runs[cell.runs.front()].index;
  if (!cell.failed_runs.empty())
    first = std::min(first, report.failed_runs[cell.failed_runs.front()].index);
  return first;
}

}  // namespace

bool MatrixReport::passed() const {
  return failed_runs.empty() && std::all_of(runs.begin(), runs.end(),
                                            [](const MatrixRunEntry& run) { return run.passed; });
}

MatrixReport summarize_matrix(MatrixAxes axes, std::optional<Shard> shard,
                              std::vector<MatrixRunEntry> runs,
                              const std::vector<const Result*>& results,
                              std::vector<FailedRun> failed_runs, MatrixMetadata metadata) {
  std::vector<std::size_t> order(runs.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return runs[a].index < runs[b].index; });
  std::sort(failed_runs.begin(), failed_runs.end(),
            [](const FailedRun& a, const FailedRun& b) { return a.index < b.index; });
  MatrixReport report{std::move(axes), shard, {}, std::move(failed_runs), {}, std::move(metadata)};
  std::vector<const Result*> results_by_position;
  for (const std::size_t i : order) {
    report.runs.push_back(std::move(runs[i]));
    results_by_position.push_back(results[i]);
  }
  for (std::size_t position = 0; position < report.runs.size(); ++position) {
    const MatrixRunEntry& run = report.runs[position];
    MatrixCell& cell = cell_of(report.cells, run.scenario, run.strategy, run.backend);
    cell.runs.push_back(position);
    cell.passed += run.passed;
  }
  for (std::size_t position = 0; position < report.failed_runs.size(); ++position) {
    const FailedRun& run = report.failed_runs[position];
    cell_of(report.cells, run.scenario, run.strategy, run.backend).failed_runs.push_back(position);
  }
  std::stable_sort(report.cells.begin(), report.cells.end(),
                   [&](const MatrixCell& a, const MatrixCell& b) {
                     return first_plan_index(report, a) < first_plan_index(report, b);
                   });
  for (MatrixCell& cell : report.cells) summarize_cell(cell, results_by_position);
  return report;
}

nlohmann::ordered_json matrix_to_json(const MatrixReport& report) {
  Json runs = Json::array();
  for (const MatrixRunEntry& run : report.runs) runs.push_back(run_json(run));
  Json failed_runs = Json::array();
  for (const FailedRun& run : report.failed_runs) failed_runs.push_back(failed_run_json(run));
  Json cells = Json::array();
  for (const MatrixCell& cell : report.cells) cells.push_back(cell_json(report, cell));
  const Json shard = report.shard
                         ? Json{{"index", report.shard->index}, {"count", report.shard->count}}
                         : Json(nullptr);
  return Json{{"matrix_schema_version", kMatrixSchemaVersion},
              {"plan", axes_json(report.axes)},
              {"shard", shard},
              {"passed", report.passed()},
              {"cells", cells},
              {"runs", runs},
              {"failed_runs", failed_runs},
              {"metadata",
               {{"lmlab_version", report.metadata.lmlab_version},
                {"started_at", report.metadata.started_at},
                {"wall_time_seconds", report.metadata.wall_time_seconds},
                {"scenario_files", report.metadata.scenario_files}}}};
}

std::string render_matrix_json(const MatrixReport& report) {
  return matrix_to_json(report).dump(2) + "\n";
}

MatrixReport read_matrix_file(const std::string& path) {
  try {
    const nlohmann::json json =
        parse_json_text(read_bounded_file(path, kMaxMatrixBytes, "a matrix.json"), "a matrix.json");
    if (!json.is_object() || json.value("matrix_schema_version", 0) != kMatrixSchemaVersion)
      throw MatrixFileError(
          fmt::format("not a matrix.json of schema version {}", kMatrixSchemaVersion));
    MatrixReport report;
    report.axes = axes_from(json.at("plan"));
    if (!json.at("shard").is_null()) report.shard = shard_from(json.at("shard"));
    for (const auto& run : json.at("runs")) report.runs.push_back(run_from(run, report.runs.size()));
    if (json.contains("failed_runs"))
      for (const auto& run : json.at("failed_runs"))
        report.failed_runs.push_back(failed_run_from(run));
    report.metadata = metadata_from(json.at("metadata"));
    return report;
  } catch (const nlohmann::json::exception& error) {
    throw MatrixFileError(fmt::format("{}: not a valid matrix.json: {}", path, error.what()));
  } catch (const std::runtime_error& error) {  // MatrixFileError, JsonTextError, BoundedFileError
    throw MatrixFileError(fmt::format("{}: {}", path, error.what()));
  }
}

}  // namespace lmlab
