#include "sim/core/utf8_text.hpp"

#include <algorithm>

#include <utf8.h>

namespace lmlab {

std::optional<TextPosition> first_invalid_utf8(std::string_view text) {
  const auto invalid = utf8::find_invalid(text.begin(), text.end());
  if (invalid == text.end()) return std::nullopt;
  // Everything before the invalid byte is valid, so characters can be counted there.
  const auto line_start = std::find(std::make_reverse_iterator(invalid), text.rend(), '\n').base();
  return TextPosition{
      .line = static_cast<std::size_t>(std::count(text.begin(), line_start, '\n')) + 1,
      .column = static_cast<std::size_t>(utf8::distance(line_start, invalid)) + 1,
      .offset = static_cast<std::size_t>(invalid - text.begin())};
}

}  // namespace lmlab
