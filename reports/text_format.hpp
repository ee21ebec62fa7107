// Text forms of figures shared by the human-readable reports (console and Markdown). Fixed
// precision keeps table columns aligned and lets reruns be compared line by line. Each report
// decides where units go: in the cell (unit_suffix) or in the column header.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/figures.hpp"
#include "sim/core/units.hpp"

namespace lmlab {

// The cells of one table row, before a report lays them out.
using TableRow = std::vector<std::string>;

// Left-aligned columns two spaces apart, every line indented by `indent` spaces, trailing
// blanks trimmed; the first row is the header. Widths count characters, not bytes.
std::string aligned_table(const std::vector<TableRow>& rows, std::size_t indent = 0);

// "20.000" plus unit_suffix: three decimals resolve the microsecond. A figure that was not
// measured, e.g. a breakdown segment whose end point never came, is "-" without the suffix.
std::string format_milliseconds(std::optional<Time> time, std::string_view unit_suffix = "");

// "4.818" plus unit_suffix: millisecond resolution is enough for a timeline.
std::string format_seconds(Time time, std::string_view unit_suffix = "");

// "9.50": bit/s as Mbit/s, two decimals.
std::string format_megabits(double bits_per_second);

// A duration as people read it on a chart: "0.24 ms", "17.0 ms", "600.9 ms", "1.25 s".
std::string format_short_duration(Time duration);

// "client→VM" or "VM→client": which way the traffic flows.
const char* direction_arrow(Direction direction);

// The probe's downtime in milliseconds, or "not recovered" when its gap never closed (the
// downtime then only measures up to the end of the run).
std::string format_probe_downtime(const ProbeFigures& probe, std::string_view unit_suffix = "");

}  // namespace lmlab
