// The result JSON: versioned schema, the contract between `lmlab run` and every report.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "sim/core/result.hpp"

namespace lmlab {

// Keys keep a fixed order, so the same Result always gives the same text; everything that
// may differ between identical runs sits under "metadata".
nlohmann::ordered_json result_to_json(const Result& result);
std::string render_result_json(const Result& result);

}  // namespace lmlab
