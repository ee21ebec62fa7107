// The readable summary `lmlab run` prints: downtime per direction, loss, duplicates, TCP,
// the phase timeline and the expectations.
#pragma once

#include <string>

#include "sim/core/result.hpp"

namespace lmlab {

std::string render_console_summary(const Result& result);

}  // namespace lmlab
