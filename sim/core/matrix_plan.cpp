#include "sim/core/matrix_plan.hpp"

#include <charconv>

namespace lmlab {

std::vector<MatrixRun> plan_matrix(const MatrixAxes& axes) {
  std::vector<MatrixRun> runs;
  for (std::size_t scenario = 0; scenario < axes.scenarios.size(); ++scenario)
    for (const auto& strategy : axes.strategies)
      for (const std::string& backend : axes.backends)
        for (unsigned repeat = 0; repeat < axes.repeat; ++repeat)
          runs.push_back(MatrixRun{runs.size(), scenario, strategy, backend, repeat});
  return runs;
}

std::optional<Shard> parse_shard(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto number = [](std::string_view digits) -> std::optional<unsigned> {
    unsigned value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
    return value;
  };
  const auto index = number(text.substr(0, slash));
  const auto count = number(text.substr(slash + 1));
  if (!index || !count || *index < 1 || *index > *count) return std::nullopt;
  return Shard{*index, *count};
}

std::vector<MatrixRun> runs_of_shard(const std::vector<MatrixRun>& runs, Shard shard) {
  std::vector<MatrixRun> mine;
  for (const MatrixRun& run : runs)
    if (run.index % shard.count == shard.index - 1) mine.push_back(run);
  return mine;
}

std::string strategy_choice_name(const std::optional<StrategyKind>& strategy) {
  return strategy ? to_string(*strategy) : "scenario";
}

}  // namespace lmlab
