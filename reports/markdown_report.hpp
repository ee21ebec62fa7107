// A Markdown summary of one run, suited to a pull-request comment.
#pragma once

#include <string>

#include "sim/core/result.hpp"

namespace lmlab {

std::string render_markdown_report(const Result& result);

}  // namespace lmlab
