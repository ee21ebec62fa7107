// Quantities used across lmlab and their text forms in scenario files.
// Kept C++17-compatible: the ns-3 library (C++17) includes sim/ headers.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lmlab {

// Simulated or wall-clock time since the scenario started, and durations.
using Time = std::chrono::nanoseconds;

// Parsers accept the unit-suffixed strings of scenario files and return nullopt on anything
// else; the scenario loader turns nullopt into a located error.
//   durations: "250us", "1ms", "1.5s", "2m"  (ns, us, ms, s, m; a number needs a unit)
//   bit rates: "100bps", "500kbps", "10Mbps", "1Gbps" (decimal prefixes, bits per second)
//   byte sizes: "4096", "64Ki", "512Mi", "1Gi", "1GiB", "1G", "1GB" (Ki/Mi/Gi/Ti binary,
//               K/M/G/T decimal, optional trailing "B")
//   byte rates: a byte size followed by "/s": "8Mi/s", "8MiB/s", "1G/s"
std::optional<Time> parse_duration(std::string_view text);
std::optional<std::uint64_t> parse_bit_rate(std::string_view text);
std::optional<std::uint64_t> parse_byte_size(std::string_view text);
std::optional<std::uint64_t> parse_byte_rate(std::string_view text);

// Canonical forms, parseable again by the functions above ("1.5ms", "10Mbps", "1Gi", "8Mi/s").
std::string format_duration(Time duration);
std::string format_bit_rate(std::uint64_t bits_per_second);
std::string format_byte_size(std::uint64_t bytes);
std::string format_byte_rate(std::uint64_t bytes_per_second);

// Milliseconds as a double, for figures in reports.
inline double to_milliseconds(Time duration) {
  return std::chrono::duration<double, std::milli>(duration).count();
}

}  // namespace lmlab
