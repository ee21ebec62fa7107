// The frame of every lmlab HTML page: one self-contained file (styles inline; no scripts,
// fonts or images fetched), readable in any browser and as a CI artifact. The stylesheet
// also colours the SVG charts (svg_timeline.cpp, svg_breakdown.cpp).
#pragma once

#include <string>
#include <vector>

#include "reports/text_format.hpp"

namespace lmlab {

// `title` is text (escaped); `body` is markup built with the functions below.
std::string html_page(const std::string& title, const std::string& body);

// A table of text cells, all escaped. A row's class, when given, styles it ("fail").
std::string html_table(const TableRow& header, const std::vector<TableRow>& rows,
                       const std::vector<std::string>& row_classes = {});

// "PASS" on green or "FAIL" on red.
std::string verdict_badge(bool passed);

}  // namespace lmlab
