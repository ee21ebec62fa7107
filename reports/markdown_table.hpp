// Markdown building blocks shared by the run, compare and matrix reports, in the GitHub
// flavour pull-request comments render: tables and collapsed sections.
#pragma once

#include <string>
#include <vector>

#include "reports/text_format.hpp"

namespace lmlab {

// A table with the cells escaped; "None." when there are no rows.
std::string markdown_table(const TableRow& header, const std::vector<TableRow>& rows);

// A section collapsed under `summary` until the reader opens it.
std::string markdown_details(const std::string& summary, const std::string& body);

// "✅ PASS" or "❌ FAIL".
std::string markdown_verdict(bool passed);

}  // namespace lmlab
