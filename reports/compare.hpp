// Lines up runs of the same scenario figure by figure (ns-3 against a real backend, one
// strategy against another, before and after a change) and finds where a run is worse than
// the first beyond a tolerance.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "reports/figure_table.hpp"
#include "sim/core/result.hpp"

namespace lmlab {

// How much worse a gated figure may get: a share of the first run's value ("20%") or a
// duration ("5ms"), which only applies to figures in milliseconds.
struct Tolerance {
  std::optional<double> share;  // 0.2 for "20%"
  std::optional<Time> duration;
  std::string text;  // as the user wrote it
};

// nullopt for anything that is neither "N%" nor a duration.
std::optional<Tolerance> parse_tolerance(std::string_view text);

// Runs that do not measure the same flows, migrations and VMs cannot be compared.
class ComparisonError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

struct ComparedRun {
  std::string label;  // "A", "B", ...
  std::string file;   // where it was read from
  const Result* result = nullptr;
};

struct ComparedFigure {
  std::string subject;
  std::string name;
  FigureUnit unit = FigureUnit::count;
  bool lower_is_better = true;
  bool gated = false;
  std::vector<std::optional<double>> values;  // one per run, in run order
  std::vector<bool> regressed;                // per run: worse than the first beyond tolerance
};

struct Regression {
  std::size_t run = 0;      // index into the runs; never 0
  std::string description;  // "vm1 probe client-to-vm downtime 522.000 ms against 17.000 ms ..."
};

struct Comparison {
  std::vector<ComparedRun> runs;
  std::vector<ComparedFigure> figures;
  std::optional<Tolerance> tolerance;
  std::vector<Regression> regressions;  // empty without a tolerance
};

// Throws ComparisonError naming the first figure one run has and another lacks.
Comparison compare_runs(std::vector<ComparedRun> runs, const std::optional<Tolerance>& tolerance);

}  // namespace lmlab
