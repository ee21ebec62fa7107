// `lmlab compare A.json B.json [...]`: runs of one scenario side by side, each against the
// first, optionally failing when one is worse beyond a tolerance.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace lmlab::cli {

struct CompareArguments {
  std::vector<std::string> result_files;
  std::string html_file;
  std::string markdown_file;
  std::string max_regression;  // "20%" or "5ms"; empty: differences are not judged
};

CLI::App* add_compare_command(CLI::App& app, CompareArguments& arguments);
int compare(const CompareArguments& arguments);

}  // namespace lmlab::cli
