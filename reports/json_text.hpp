// Parses the JSON files lmlab reads back (result.json, matrix.json) in bounded memory: UTF-8
// text only, nested no deeper than the files lmlab writes ever are.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace lmlab {

// what() says what is wrong and where (line:col, or the parser's byte position).
class JsonTextError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// lmlab's files nest a handful of levels; 50 MB of '[' would otherwise cost gigabytes.
inline constexpr int kMaxJsonNesting = 32;

// `kind` names the file in messages ("a result file").
nlohmann::json parse_json_text(std::string_view text, const std::string& kind);

}  // namespace lmlab
