// `lmlab matrix`: scenarios × strategies × backends × repeats, summarized per cell in one
// report; `--shard i/n` plays every n-th run so CI runners can share the work. A run that
// could not be carried out is recorded with its cause, and the others are still played.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace lmlab::cli {

struct MatrixArguments {
  std::vector<std::string> scenario_files;  // empty: every scenario in scenario_directory
  std::string scenario_directory;
  std::vector<std::string> strategies;  // empty: every strategy; "scenario": each its own
  std::vector<std::string> backends{"ns3"};
  unsigned repeat = 1;
  std::string shard;  // "i/n"; empty: the whole matrix
  std::string out_directory = "results/matrix";
  std::string junit_file;
};

CLI::App* add_matrix_command(CLI::App& app, MatrixArguments& arguments);
int matrix(const MatrixArguments& arguments);

}  // namespace lmlab::cli
