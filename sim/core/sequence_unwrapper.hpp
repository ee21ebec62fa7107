// Turns 32-bit TCP sequence numbers, which wrap, into 64-bit stream offsets the analyzer can
// compare. Each number is taken as the nearest one (within 2^31) to the previous; the first
// is taken near 0, so feed numbers relative to the initial sequence number.
// Kept C++17-compatible: the ns-3 library includes it.
#pragma once

#include <cstdint>

namespace lmlab {

class SequenceUnwrapper {
 public:
  std::uint64_t unwrap(std::uint32_t sequence) {
    const auto delta = static_cast<std::int32_t>(sequence - static_cast<std::uint32_t>(last_));
    last_ = static_cast<std::uint64_t>(static_cast<std::int64_t>(last_) + delta);
    return last_;
  }

 private:
  std::uint64_t last_ = 0;
};

}  // namespace lmlab
