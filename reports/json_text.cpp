#include "reports/json_text.hpp"

#include <fmt/format.h>

#include "sim/core/utf8_text.hpp"

namespace lmlab {

nlohmann::json parse_json_text(std::string_view text, const std::string& kind) {
  using Json = nlohmann::json;
  if (const auto bad = first_invalid_utf8(text))
    throw JsonTextError(
        fmt::format("{}:{}: not UTF-8 text: {} is UTF-8", bad->line, bad->column, kind));
  const auto refuse_deep_nesting = [](int depth, Json::parse_event_t event, Json&) {
    const bool opens =
        event == Json::parse_event_t::object_start || event == Json::parse_event_t::array_start;
    if (opens && depth >= kMaxJsonNesting)
      throw JsonTextError(fmt::format("nested deeper than {} levels", kMaxJsonNesting));
    return true;
  };
  try {
    return Json::parse(text, refuse_deep_nesting);
  } catch (const Json::exception& error) {
    // A syntax error, or a number beyond a double (out_of_range 406, e.g. 1e400).
    throw JsonTextError(fmt::format("not JSON: {}", error.what()));
  }
}

}  // namespace lmlab
