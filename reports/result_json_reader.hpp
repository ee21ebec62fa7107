// Reads a result JSON back into a Result, so reports can be made after the run (`lmlab
// report`, `compare`, `merge`). The schema version this lmlab writes is read as it is; version
// 2 only where the caller allows it; anything else is refused with the advice to run the
// scenario again.
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

// A version 2 file reads with what version 3 added at its defaults (result_schema_upgrade.hpp):
// enough for reports and comparisons of an old run, not for writing its result.json again,
// which would claim defaults the run may not have had.
enum class SchemaVersion2 { refused, read_with_defaults };

Result result_from_json(const nlohmann::json& document,
                        SchemaVersion2 version_2 = SchemaVersion2::refused);
Result read_result_file(const std::string& path,
                        SchemaVersion2 version_2 = SchemaVersion2::refused);

}  // namespace lmlab
