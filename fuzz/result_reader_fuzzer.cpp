// libFuzzer target: any bytes given to the result reader are refused with a ResultFileError,
// or read into a result that every report `lmlab report` writes can render, and whose
// result.json reads back to itself.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "reports/html_report.hpp"
#include "reports/junit_report.hpp"
#include "reports/markdown_report.hpp"
#include "reports/result_json.hpp"
#include "reports/result_json_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > lmlab::kMaxResultBytes) return -1;  // read_result_file refuses those unread
  lmlab::Result result;
  try {
    result = lmlab::result_from_text(std::string_view(reinterpret_cast<const char*>(data), size),
                                     lmlab::SchemaVersion2::read_with_defaults);
  } catch (const lmlab::ResultFileError&) {
    return 0;
  }
  lmlab::render_markdown_report(result);
  lmlab::render_html_report(result);
  lmlab::render_junit_report({&result});
  const std::string written = lmlab::render_result_json(result);
  if (lmlab::render_result_json(lmlab::result_from_text(written)) != written) std::abort();
  return 0;
}
