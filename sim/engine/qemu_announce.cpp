#include "sim/engine/qemu_announce.hpp"

#include <algorithm>

namespace lmlab {

namespace {
// QEMU announce-initial, announce-max, announce-rounds, announce-step defaults.
constexpr Time kInitial = std::chrono::milliseconds(50);
constexpr Time kMax = std::chrono::milliseconds(550);
constexpr int kRounds = 5;
constexpr Time kStep = std::chrono::milliseconds(100);
}  // namespace

std::vector<Time> qemu_announce_offsets() {
  // The first round goes out at once; each wait grows by `step` from `initial`, capped at `max`.
  std::vector<Time> offsets{Time(0)};
  Time wait = kInitial;
  for (int round = 1; round < kRounds; ++round) {
    offsets.push_back(offsets.back() + wait);
    wait = std::min(wait + kStep, kMax);
  }
  return offsets;
}

}  // namespace lmlab
