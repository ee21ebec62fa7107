// Every figure of a run as a named number, so runs can be lined up figure by figure
// (compare) and summarized over repeats (matrix). A figure is named by its subject (the flow,
// migration or VM it measures) and its name.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/core/result.hpp"

namespace lmlab {

enum class FigureUnit { milliseconds, count, megabits_per_second, yes_no };

struct NamedFigure {
  std::string subject;  // "vm1 probe client-to-vm", "vm1 to node-b", "vm1", "expectations"
  std::string name;     // "downtime", "retransmissions", ...
  FigureUnit unit = FigureUnit::count;
  bool lower_is_better = true;
  // A regression gate (compare --max-regression) watches it: downtimes, TCP stalls and
  // every yes/no that should stay yes.
  bool gated = false;
  std::optional<double> value;  // nullopt where the run did not measure it; yes_no is 1 or 0
};

std::vector<NamedFigure> named_figures(const Result& result);

// "17.000 ms", "16", "9.50 Mbit/s", "yes"; "-" when not measured.
std::string format_figure(FigureUnit unit, const std::optional<double>& value);

// The change from `from` to `to`: "+505.000 ms (+2970.6%)", "yes → no", "=" when equal, ""
// when either was not measured.
std::string format_change(FigureUnit unit, const std::optional<double>& from,
                          const std::optional<double>& to);

}  // namespace lmlab
