// `lmlab merge SHARD_DIR...`: the shards of one matrix, played by separate CI runners with
// `matrix --shard i/n`, joined into the report the whole matrix would have given, runs that
// could not be carried out included, with the exit status the whole matrix would have had.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace lmlab::cli {

struct MergeArguments {
  std::vector<std::string> shard_directories;
  std::string out_directory = "results/matrix";
  std::string junit_file;
};

CLI::App* add_merge_command(CLI::App& app, MergeArguments& arguments);
int merge(const MergeArguments& arguments);

}  // namespace lmlab::cli
