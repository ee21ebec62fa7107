// The runs of a matrix, scenarios × strategies × backends × repeats, in one fixed order, and
// the share of them one CI runner plays (--shard i/n). Every runner computes the same plan,
// so shards split the work deterministically and can be merged back into the whole.
// Kept C++17-compatible like the rest of the scenario vocabulary.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/scenario.hpp"

namespace lmlab {

struct MatrixAxes {
  std::vector<std::string> scenarios;  // names, in the order runs go through them
  // nullopt: each scenario's own strategy; otherwise it replaces cluster.strategy.
  std::vector<std::optional<StrategyKind>> strategies;
  std::vector<std::string> backends;
  unsigned repeat = 1;  // runs per cell; repeat k plays seed + k
};

struct MatrixRun {
  std::size_t index = 0;     // position in the whole plan
  std::size_t scenario = 0;  // into MatrixAxes::scenarios
  std::optional<StrategyKind> strategy;
  std::string backend;
  unsigned repeat = 0;
};

// Scenario-major, then strategy, backend and repeat.
std::vector<MatrixRun> plan_matrix(const MatrixAxes& axes);

struct Shard {
  unsigned index = 1;  // 1-based
  unsigned count = 1;
};

// "2/3"; nullopt unless 1 <= index <= count.
std::optional<Shard> parse_shard(std::string_view text);

// Every count-th run starting at the index-th, so each shard gets a share of every scenario.
std::vector<MatrixRun> runs_of_shard(const std::vector<MatrixRun>& runs, Shard shard);

// The seed repeat `repeat` plays for a scenario whose seed is `seed`.
inline std::uint64_t repeat_seed(std::uint64_t seed, unsigned repeat) { return seed + repeat; }

// The name a plan uses for a strategy choice: the strategy's, or "scenario".
std::string strategy_choice_name(const std::optional<StrategyKind>& strategy);

}  // namespace lmlab
