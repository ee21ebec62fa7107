// The stamp every probe and TCP chunk carries in its first bytes: which flow it belongs to,
// its sequence number and when it was sent. The byte layout is the same on every backend, so
// a capture from either one reads the same way.
// Kept C++17-compatible: the ns-3 library includes it.
#pragma once

#include <cstdint>

#include "sim/core/units.hpp"

namespace lmlab {

struct Stamp {
  // Flow id (4 bytes), sequence number (8), send time in ns since the run started (8), all
  // in network byte order.
  static constexpr std::uint32_t kBytes = 20;

  std::uint32_t flow = 0;
  std::uint64_t seq = 0;
  Time sent{0};

  // Writes the stamp into the first kBytes of `out`.
  void write(std::uint8_t* out) const;
  // Reads the stamp from the first kBytes of `in`.
  static Stamp read(const std::uint8_t* in);
};

}  // namespace lmlab
