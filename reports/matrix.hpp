// A matrix's results summarized per cell (scenario × strategy × backend) over its repeats,
// and matrix.json: the cells, the plan, the runs played and those that could not be carried
// out, from which shards are merged.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "reports/failed_run.hpp"
#include "reports/figure_table.hpp"
#include "reports/statistics.hpp"
#include "sim/core/matrix_plan.hpp"
#include "sim/core/result.hpp"

namespace lmlab {

inline constexpr int kMatrixSchemaVersion = 1;

// One run of the plan that was played.
struct MatrixRunEntry {
  std::size_t index = 0;  // MatrixRun::index
  std::string scenario;
  std::string strategy;  // the strategy it used
  std::string backend;
  std::uint64_t seed = 0;
  bool passed = false;
  std::string result_file;  // relative to the matrix directory
};

struct CellFigure {
  std::string subject;
  std::string name;
  FigureUnit unit = FigureUnit::count;
  std::vector<std::optional<double>> values;  // one per run of the cell, in plan order
  std::optional<Summary> summary;             // over the measured values
};

// Headline figures, the same for every scenario: the worst probe direction and the worst TCP
// stream of each run.
inline constexpr const char* kWorstProbe = "worst probe direction";
inline constexpr const char* kWorstStream = "worst TCP stream";

struct MatrixCell {
  std::string scenario;
  std::string strategy;
  std::string backend;
  std::vector<std::size_t> runs;         // positions in MatrixReport::runs
  std::vector<std::size_t> failed_runs;  // positions in MatrixReport::failed_runs
  std::size_t passed = 0;                // runs that met every expectation
  std::vector<CellFigure> figures;       // the headline figures first, then every named figure

  // Runs of the cell in the plan, played or not.
  std::size_t run_count() const { return runs.size() + failed_runs.size(); }
};

// What differs between identical matrices.
struct MatrixMetadata {
  std::string lmlab_version;
  std::string started_at;
  double wall_time_seconds = 0;
  std::vector<std::string> scenario_files;
};

struct MatrixReport {
  MatrixAxes axes;
  std::optional<Shard> shard;          // nullopt: the whole plan (played at once or merged)
  std::vector<MatrixRunEntry> runs;    // by plan index
  std::vector<FailedRun> failed_runs;  // by plan index
  std::vector<MatrixCell> cells;       // in plan order
  MatrixMetadata metadata;

  // Every run was carried out and met its expectations.
  bool passed() const;
};

// `results[i]` is the result of `runs[i]`; runs and failed runs may come in any order.
MatrixReport summarize_matrix(MatrixAxes axes, std::optional<Shard> shard,
                              std::vector<MatrixRunEntry> runs,
                              const std::vector<const Result*>& results,
                              std::vector<FailedRun> failed_runs, MatrixMetadata metadata);

// Deterministic apart from "metadata", like the result JSON.
nlohmann::ordered_json matrix_to_json(const MatrixReport& report);
std::string render_matrix_json(const MatrixReport& report);

class MatrixFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The largest matrix.json lmlab reads (one line per run: thousands of runs fit in a few MiB).
inline constexpr std::size_t kMaxMatrixBytes = std::size_t{16} << 20;

// The plan, shard, runs, failed runs and metadata of a matrix.json (one written before failed
// runs were recorded has none); cells are left to be summarized again from the runs' results.
MatrixReport read_matrix_file(const std::string& path);

}  // namespace lmlab
