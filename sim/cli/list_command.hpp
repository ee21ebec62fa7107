// lmlab list: the scenarios of a directory, and which backend plays each (or why not).
#pragma once

#include <string>

namespace lmlab::cli {

int list(const std::string& scenario_directory);

}  // namespace lmlab::cli
