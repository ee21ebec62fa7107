// QEMU's self-announce schedule after the destination resumes.
#pragma once

#include <vector>

#include "sim/core/units.hpp"

namespace lmlab {

// Offsets from resume at which QEMU sends a RARP (live-migration-facts.md, QEMU
// migration/options.c + net/announce.c: initial 50 ms, max 550 ms, rounds 5, step 100 ms
// -> 0, 50, 200, 450, 800 ms).
std::vector<Time> qemu_announce_offsets();

}  // namespace lmlab
