// `lmlab lab up|down|status`: a real OVN lab kept running for people who want to poke at it.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace lmlab::cli {

struct LabArguments {
  std::string scenario_file;     // up
  std::vector<std::string> ids;  // down; empty: every lab no running lmlab owns
  CLI::App* up = nullptr;
  CLI::App* down = nullptr;
  CLI::App* status = nullptr;
};

CLI::App* add_lab_command(CLI::App& app, LabArguments& arguments);
int lab(const LabArguments& arguments);

}  // namespace lmlab::cli
