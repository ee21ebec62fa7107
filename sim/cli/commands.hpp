// The lmlab subcommands. Each returns the process exit code:
// 0 expectations met (or nothing to check), 1 expectations not met, 2 bad input (nothing is
// written), 3 a run could not be carried out on this host (a program or package missing, no
// root, a daemon that fails, SIGINT or SIGTERM): a cause to fix on the host, not in the input.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lmlab::cli {

inline constexpr int kExitPassed = 0;
inline constexpr int kExitExpectationsNotMet = 1;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitRunFailed = 3;

struct RunArguments {
  std::string scenario_file;
  std::string backend = "ns3";
  std::optional<std::uint64_t> seed;
  std::string out_directory;  // empty: results/<scenario name>
  std::string junit_file;     // empty: no JUnit XML
};

int run(const RunArguments& arguments);
int validate(const std::string& scenario_file);

// The scenario files (*.yaml) in `directory`, sorted; throws std::runtime_error when it
// cannot be read.
std::vector<std::string> scenario_files_in(const std::string& directory);

}  // namespace lmlab::cli
