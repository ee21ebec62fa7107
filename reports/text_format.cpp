#include "reports/text_format.hpp"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>

namespace lmlab {

namespace {
std::size_t characters(const std::string& text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}
}  // namespace

std::string aligned_table(const std::vector<TableRow>& rows, std::size_t indent) {
  std::vector<std::size_t> widths;
  for (const TableRow& row : rows) {
    widths.resize(std::max(widths.size(), row.size()));
    for (std::size_t i = 0; i < row.size(); ++i)
      widths[i] = std::max(widths[i], characters(row[i]));
  }
  std::string text;
  for (const TableRow& row : rows) {
    std::string line(indent, ' ');
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] + 2 - characters(row[i]), ' ');
    }
    line.erase(line.find_last_not_of(' ') + 1);
    text += line + "\n";
  }
  return text;
}

std::string format_milliseconds(std::optional<Time> time, std::string_view unit_suffix) {
  if (!time) return "-";
  return fmt::format("{:.3f}{}", to_milliseconds(*time), unit_suffix);
}

std::string format_seconds(Time time, std::string_view unit_suffix) {
  return fmt::format("{:.3f}{}", std::chrono::duration<double>(time).count(), unit_suffix);
}

std::string format_megabits(double bits_per_second) {
  return fmt::format("{:.2f}", bits_per_second / 1e6);
}

std::string format_short_duration(Time duration) {
  const double milliseconds = to_milliseconds(duration);
  if (milliseconds < 1) return fmt::format("{:.2f} ms", milliseconds);
  if (milliseconds < 1000) return fmt::format("{:.1f} ms", milliseconds);
  return fmt::format("{:.2f} s", milliseconds / 1000);
}

const char* direction_arrow(Direction direction) {
  return direction == Direction::client_to_vm ? "client→VM" : "VM→client";
}

std::string format_probe_downtime(const ProbeFigures& probe, std::string_view unit_suffix) {
  return probe.recovered ? format_milliseconds(probe.downtime, unit_suffix) : "not recovered";
}

}  // namespace lmlab
