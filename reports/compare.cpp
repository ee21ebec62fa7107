#include "reports/compare.hpp"

#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

namespace lmlab {
namespace {

std::string figure_key(const NamedFigure& figure) { return figure.subject + " " + figure.name; }

// Every run must list the same figures in the same order as the first.
void check_alignment(const std::vector<ComparedRun>& runs,
                     const std::vector<std::vector<NamedFigure>>& figures) {
  for (std::size_t i = 1; i < runs.size(); ++i) {
    const auto& first = figures.front();
    const auto& other = figures[i];
    for (std::size_t k = 0; k < std::max(first.size(), other.size()); ++k) {
      if (k < first.size() && k < other.size() && figure_key(first[k]) == figure_key(other[k]))
        continue;
      const bool first_has = k < first.size();
      const std::string missing = figure_key(first_has ? first[k] : other[k]);
      throw ComparisonError(fmt::format(
          "cannot compare {} ({}) with {} ({}): {} measures {} and {} does not; compare runs "
          "of the same scenario",
          runs[0].file, runs[0].result->scenario.name, runs[i].file, runs[i].result->scenario.name,
          first_has ? runs[0].label : runs[i].label, missing,
          first_has ? runs[i].label : runs[0].label));
    }
  }
}

bool exceeds(const ComparedFigure& figure, double first, double other, const Tolerance& tolerance) {
  const double worse_by = figure.lower_is_better ? other - first : first - other;
  if (worse_by <= 0) return false;
  if (figure.unit == FigureUnit::yes_no) return true;
  if (tolerance.share) return first == 0 || worse_by > *tolerance.share * first;
  return figure.unit == FigureUnit::milliseconds && tolerance.duration &&
         worse_by > to_milliseconds(*tolerance.duration);
}

void find_regressions(Comparison& comparison) {
  const Tolerance& tolerance = *comparison.tolerance;
  for (ComparedFigure& figure : comparison.figures) {
    if (!figure.gated || !figure.values[0]) continue;
    for (std::size_t i = 1; i < figure.values.size(); ++i) {
      if (!figure.values[i] || !exceeds(figure, *figure.values[0], *figure.values[i], tolerance))
        continue;
      figure.regressed[i] = true;
      comparison.regressions.push_back(Regression{
          i, fmt::format("{}: {} {} {} against {} in {}, {}", comparison.runs[i].label,
                         figure.subject, figure.name, format_figure(figure.unit, figure.values[i]),
                         format_figure(figure.unit, figure.values[0]), comparison.runs[0].label,
                         format_change(figure.unit, figure.values[0], figure.values[i]))});
    }
  }
}

}  // namespace

std::optional<Tolerance> parse_tolerance(std::string_view text) {
  if (text.size() > 1 && text.back() == '%') {
    const std::string number(text.substr(0, text.size() - 1));
    char* end = nullptr;
    const double percent = std::strtod(number.c_str(), &end);
    if (end != number.c_str() + number.size() || !std::isfinite(percent) || percent < 0)
      return std::nullopt;
    return Tolerance{percent / 100, std::nullopt, std::string(text)};
  }
  if (const auto duration = parse_duration(text))
    return Tolerance{std::nullopt, *duration, std::string(text)};
  return std::nullopt;
}

Comparison compare_runs(std::vector<ComparedRun> runs, const std::optional<Tolerance>& tolerance) {
  std::vector<std::vector<NamedFigure>> figures;
  for (const ComparedRun& run : runs) figures.push_back(named_figures(*run.result));
  check_alignment(runs, figures);

  Comparison comparison{std::move(runs), {}, tolerance, {}};
  for (std::size_t k = 0; k < figures.front().size(); ++k) {
    const NamedFigure& first = figures.front()[k];
    ComparedFigure figure{first.subject, first.name, first.unit, first.lower_is_better,
                          first.gated,   {},         {}};
    for (const auto& run_figures : figures) figure.values.push_back(run_figures[k].value);
    figure.regressed.assign(figures.size(), false);
    comparison.figures.push_back(std::move(figure));
  }
  if (tolerance) find_regressions(comparison);
  return comparison;
}

}  // namespace lmlab
