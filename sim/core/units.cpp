#include "sim/core/units.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <limits>
#include <numeric>
#include <span>

namespace lmlab {
namespace {

// A unit suffix and how many base units (ns, bit/s, bytes) one of it is.
struct Unit {
  std::string_view suffix;
  std::uint64_t factor;
};

// Listed in the order the formatter prefers them when two forms are equally short.
constexpr std::array<Unit, 5> kDurationUnits{{
    {"ns", 1},
    {"us", 1'000},
    {"ms", 1'000'000},
    {"s", 1'000'000'000},
    {"m", 60'000'000'000},
}};

constexpr std::array<Unit, 5> kBitRateUnits{{
    {"bps", 1},
    {"kbps", 1'000},
    {"Mbps", 1'000'000},
    {"Gbps", 1'000'000'000},
    {"Tbps", 1'000'000'000'000},
}};

constexpr std::array<Unit, 9> kByteSizeUnits{{
    {"", 1},
    {"Ki", 1ULL << 10},
    {"Mi", 1ULL << 20},
    {"Gi", 1ULL << 30},
    {"Ti", 1ULL << 40},
    {"K", 1'000},
    {"M", 1'000'000},
    {"G", 1'000'000'000},
    {"T", 1'000'000'000'000},
}};

constexpr std::string_view kByteSuffix = "B";
constexpr std::string_view kPerSecondSuffix = "/s";

// Enough for any whole value below 2^64 in any unit above; also keeps 10^digits in a uint64.
constexpr std::size_t kMaxFractionDigits = 19;

// A non-negative decimal number as written: "12" or "1.50".
struct Decimal {
  std::string_view whole;
  std::string_view fraction;  // empty without a decimal point
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_digit);
}

std::optional<std::uint64_t> parse_digits(std::string_view digits) {
  std::uint64_t value = 0;
  for (char c : digits) {
    if (__builtin_mul_overflow(value, 10U, &value) ||
        __builtin_add_overflow(value, static_cast<std::uint64_t>(c - '0'), &value)) {
      return std::nullopt;
    }
  }
  return value;
}

std::uint64_t power_of_ten(std::size_t exponent) {
  std::uint64_t value = 1;
  for (std::size_t i = 0; i < exponent; ++i) value *= 10;
  return value;
}

std::optional<Decimal> parse_decimal(std::string_view text) {
  const auto point = text.find('.');
  if (point == std::string_view::npos) {
    if (!all_digits(text)) return std::nullopt;
    return Decimal{text, {}};
  }
  Decimal decimal{text.substr(0, point), text.substr(point + 1)};
  if (!all_digits(decimal.whole) || !all_digits(decimal.fraction)) return std::nullopt;
  return decimal;
}

// fraction * factor, where fraction is "0.<digits>"; nullopt unless the result is whole.
// Works on the reduced ratio factor / 10^n so the product never overflows.
std::optional<std::uint64_t> scale_fraction(std::string_view digits, std::uint64_t factor) {
  digits = digits.substr(0, digits.find_last_not_of('0') + 1);
  if (digits.empty()) return 0;
  if (digits.size() > kMaxFractionDigits) return std::nullopt;
  const std::uint64_t numerator = *parse_digits(digits);
  const std::uint64_t denominator = power_of_ten(digits.size());
  const std::uint64_t common = std::gcd(factor, denominator);
  const std::uint64_t reduced_denominator = denominator / common;
  if (numerator % reduced_denominator != 0) return std::nullopt;
  return numerator / reduced_denominator * (factor / common);
}

// Exact value of `decimal` units of `factor`; nullopt if it is not whole or overflows.
std::optional<std::uint64_t> scale(const Decimal& decimal, std::uint64_t factor) {
  const auto whole = parse_digits(decimal.whole);
  const auto fraction = scale_fraction(decimal.fraction, factor);
  std::uint64_t value = 0;
  if (!whole || !fraction || __builtin_mul_overflow(*whole, factor, &value) ||
      __builtin_add_overflow(value, *fraction, &value)) {
    return std::nullopt;
  }
  return value;
}

// "<decimal><suffix>" with the suffix looked up in `units`.
std::optional<std::uint64_t> parse_with_unit(std::string_view text, std::span<const Unit> units) {
  const auto number_end = std::min(text.find_first_not_of("0123456789."), text.size());
  const auto suffix = text.substr(number_end);
  const auto unit = std::find_if(units.begin(), units.end(),
                                 [&](const Unit& candidate) { return candidate.suffix == suffix; });
  const auto decimal = parse_decimal(text.substr(0, number_end));
  if (unit == units.end() || !decimal) return std::nullopt;
  return scale(*decimal, unit->factor);
}

// value / factor as a terminating decimal, or nullopt if it needs too many digits.
std::optional<std::string> exact_decimal(std::uint64_t value, std::uint64_t factor) {
  std::string text = std::to_string(value / factor);
  std::uint64_t remainder = value % factor;
  if (remainder != 0) text += '.';
  for (std::size_t digits = 0; remainder != 0; ++digits) {
    if (digits == kMaxFractionDigits) return std::nullopt;
    remainder *= 10;  // remainder < factor <= 2^40, so this cannot overflow
    text += static_cast<char>('0' + remainder / factor);
    remainder %= factor;
  }
  return text;
}

// The shortest exact form of `value` among `units`; the earliest unit wins ties. Units larger
// than the value are skipped: "500ms" reads better than "0.5s".
std::string format_with_unit(std::uint64_t value, std::span<const Unit> units) {
  std::string best;
  for (const Unit& unit : units) {
    if (value != 0 && value < unit.factor) continue;
    const auto number = exact_decimal(value, unit.factor);
    if (!number) continue;
    std::string candidate = *number + std::string(unit.suffix);
    if (best.empty() || candidate.size() < best.size()) best = std::move(candidate);
  }
  return best;  // never empty: every table has a unit of factor 1
}

bool remove_suffix(std::string_view& text, std::string_view suffix) {
  if (!text.ends_with(suffix)) return false;
  text.remove_suffix(suffix.size());
  return true;
}

}  // namespace

std::optional<Time> parse_duration(std::string_view text) {
  const auto nanoseconds = parse_with_unit(text, kDurationUnits);
  if (!nanoseconds || *nanoseconds > static_cast<std::uint64_t>(Time::max().count())) {
    return std::nullopt;
  }
  return Time(static_cast<Time::rep>(*nanoseconds));
}

std::optional<std::uint64_t> parse_bit_rate(std::string_view text) {
  return parse_with_unit(text, kBitRateUnits);
}

std::optional<std::uint64_t> parse_byte_size(std::string_view text) {
  remove_suffix(text, kByteSuffix);
  return parse_with_unit(text, kByteSizeUnits);
}

std::optional<std::uint64_t> parse_byte_rate(std::string_view text) {
  if (!remove_suffix(text, kPerSecondSuffix)) return std::nullopt;
  return parse_byte_size(text);
}

std::string format_duration(Time duration) {
  const auto count = duration.count();
  // Negative durations only appear in reports (e.g. offsets); the parser rejects them.
  if (count < 0) {
    return "-" + format_with_unit(0 - static_cast<std::uint64_t>(count), kDurationUnits);
  }
  return format_with_unit(static_cast<std::uint64_t>(count), kDurationUnits);
}

std::string format_bit_rate(std::uint64_t bits_per_second) {
  return format_with_unit(bits_per_second, kBitRateUnits);
}

std::string format_byte_size(std::uint64_t bytes) {
  return format_with_unit(bytes, kByteSizeUnits);
}

std::string format_byte_rate(std::uint64_t bytes_per_second) {
  return format_byte_size(bytes_per_second) + std::string(kPerSecondSuffix);
}

}  // namespace lmlab
