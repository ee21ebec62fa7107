// Reads a result JSON back into a Result, so reports can be made after the run (`lmlab
// report`, `compare`, `merge`). The schema version this lmlab writes is read as it is, and
// version 3, which holds the same in longer forms; version 2 only where the caller allows it;
// anything else is refused with the advice to run the scenario again. Input is bounded: a
// regular file of at most kMaxResultBytes of UTF-8 JSON, nested at most kMaxJsonNesting deep.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "sim/core/result.hpp"

namespace lmlab {

// The largest result file lmlab reads: a 200-VM run with 1 ms probes writes a few MiB.
inline constexpr std::size_t kMaxResultBytes = std::size_t{64} << 20;

// A file that is missing, not a regular file, too large, not UTF-8, not JSON, nested too
// deep, of another schema version, missing a key or holding a value of the wrong type or
// range; what() says which file, where (a JSON Pointer, or line:col for text that is not
// UTF-8) and what is wrong.
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
// UTF-8 JSON text, e.g. a result file's content.
Result result_from_text(std::string_view text,
                        SchemaVersion2 version_2 = SchemaVersion2::refused);
Result read_result_file(const std::string& path,
                        SchemaVersion2 version_2 = SchemaVersion2::refused);

}  // namespace lmlab
