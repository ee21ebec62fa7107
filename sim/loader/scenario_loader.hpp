// Loads and validates scenario files (format v1, YAML).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "sim/core/scenario.hpp"

namespace lmlab {

// A problem in a scenario file, located at a 1-based line and column.
// what() is "file:line:col: message", the form compilers use, so editors can jump to it.
class ScenarioError : public std::runtime_error {
 public:
  ScenarioError(std::string file, int line, int column, std::string message);
  const std::string& file() const { return file_; }
  int line() const { return line_; }
  int column() const { return column_; }
  const std::string& message() const { return message_; }

 private:
  std::string file_;
  int line_;
  int column_;
  std::string message_;
};

// Throws ScenarioError for unreadable files, YAML syntax errors, unknown keys, wrong types,
// bad units, bad addresses and references to undefined nodes, clients or VMs.
Scenario load_scenario_file(const std::string& path);

// The largest scenario file lmlab reads.
inline constexpr std::size_t kMaxScenarioBytes = 1 << 20;
// The same for text already in memory; `file_name` is used in error messages.
Scenario load_scenario_text(std::string_view yaml, const std::string& file_name);

}  // namespace lmlab
