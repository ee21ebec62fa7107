// Reads a result JSON back into a Result, so reports can be made after the run (`lmlab
// report`, `compare`, `merge`). Only the schema version this lmlab writes is accepted: an
// older file is refused with the advice to run the scenario again.
#pragma once

#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "sim/core/result.hpp"

namespace lmlab {

// A file that is missing, not JSON, of another schema version or missing a key; what() says
// which file and what is wrong.
class ResultFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

Result result_from_json(const nlohmann::json& document);
Result read_result_file(const std::string& path);

}  // namespace lmlab
