// A matrix as text for the terminal, Markdown for a pull request and one HTML page: per cell
// the median, p95, range and IQR of the downtime and the TCP stall, their spread as charts,
// every figure per cell, and links to each run's report. Runs that could not be carried out
// count against their cell and are listed with their cause.
#pragma once

#include <string>

#include "reports/matrix.hpp"

namespace lmlab {

std::string render_matrix_text(const MatrixReport& report);
std::string render_matrix_markdown(const MatrixReport& report);
std::string render_matrix_html(const MatrixReport& report);

}  // namespace lmlab
