// Text placed into HTML or XML (reports, SVG, JUnit): every character with a meaning in
// markup is escaped, so scenario names, details and messages can never break a document.
#pragma once

#include <string>
#include <string_view>

namespace lmlab {

// & < > " ' as entities; safe in element content and in quoted attribute values.
std::string escape_markup(std::string_view text);

}  // namespace lmlab
