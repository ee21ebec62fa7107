// Where a text stops being UTF-8, for inputs that must be UTF-8 (scenario and result files).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace lmlab {

// 1-based line and column (in characters), and the 0-based byte offset.
struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;
  std::size_t offset = 0;
};

// The position of the first byte that does not belong to valid UTF-8 (overlong forms,
// surrogates and code points past U+10FFFF are invalid too), or nullopt for UTF-8 text.
std::optional<TextPosition> first_invalid_utf8(std::string_view text);

}  // namespace lmlab
