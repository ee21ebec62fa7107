// A run of a matrix that could not be carried out (a program missing, a daemon that failed,
// the lab interrupted): which run it was and why. It has no result; the reports list it next
// to the runs that were played, so that the cause is not lost with the run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace lmlab {

struct FailedRun {
  std::size_t index = 0;  // MatrixRun::index
  std::string scenario;
  std::string strategy;  // the strategy it was to use
  std::string backend;
  std::uint64_t seed = 0;
  std::string error;  // what stopped it
};

}  // namespace lmlab
