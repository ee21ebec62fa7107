#include "reports/json_field.hpp"

#include <cmath>

#include <fmt/format.h>

#include "reports/result_json_reader.hpp"

namespace lmlab {

namespace {

// Times in a result lie within ±10^10 ms (about 115 days) of the run's start: far beyond any
// run, and small enough that reports can subtract and scale them without overflow.
constexpr double kLargestMilliseconds = 1e10;

// What the file holds instead, short enough for a message.
std::string describe(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object:
      return "an object";
    case nlohmann::json::value_t::array:
      return "an array";
    case nlohmann::json::value_t::null:
      return "null";
    case nlohmann::json::value_t::string: {
      constexpr std::size_t kMaxQuoted = 40;
      const auto& text = value.get_ref<const std::string&>();
      return text.size() > kMaxQuoted ? nlohmann::json(text.substr(0, kMaxQuoted)).dump() + "..."
                                      : value.dump();
    }
    default:
      return value.dump();
  }
}

// RFC 6901 escapes '~' and '/' in keys.
std::string pointer_token(const std::string& key) {
  std::string token;
  for (const char c : key) token += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  return token;
}

}  // namespace

void JsonField::fail(const std::string& message) const {
  throw ResultFileError(fmt::format("at {}: {}", pointer_.empty() ? "/" : pointer_, message));
}

void JsonField::fail_expected(const std::string& expected) const {
  fail(fmt::format("expected {}, got {}", expected, describe(value_)));
}

JsonField JsonField::at(const char* key) const {
  if (!value_.is_object()) fail_expected(fmt::format("an object with \"{}\"", key));
  const auto member = value_.find(key);
  if (member == value_.end()) fail(fmt::format("missing key \"{}\"", key));
  return JsonField(*member, pointer_ + "/" + pointer_token(key));
}

std::string JsonField::text() const {
  if (!value_.is_string()) fail_expected("a string");
  return value_.get<std::string>();
}

bool JsonField::boolean() const {
  if (!value_.is_boolean()) fail_expected("true or false");
  return value_.get<bool>();
}

double JsonField::number() const {
  const bool finite = value_.is_number() && std::isfinite(value_.get<double>());
  if (!finite) fail_expected("a number");
  return value_.get<double>();
}

std::uint64_t JsonField::unsigned_at_most(std::uint64_t largest) const {
  // nlohmann keeps whole numbers >= 0 that fit 64 bits as unsigned; anything else is not a count.
  if (!value_.is_number_unsigned() || value_.get<std::uint64_t>() > largest)
    fail_expected(fmt::format("a whole number from 0 to {}", largest));
  return value_.get<std::uint64_t>();
}

Time JsonField::milliseconds() const {
  const bool in_range = value_.is_number() && std::isfinite(value_.get<double>()) &&
                        std::abs(value_.get<double>()) <= kLargestMilliseconds;
  if (!in_range) fail_expected(fmt::format("milliseconds within ±{:.0e}", kLargestMilliseconds));
  return Time(std::llround(value_.get<double>() * 1e6));
}

std::vector<JsonField> JsonField::tuple(std::size_t size) const {
  if (!value_.is_array() || value_.size() != size)
    fail_expected(fmt::format("an array of {} items", size));
  return items([](const JsonField& item) { return item; });
}

const nlohmann::json& JsonField::array_value() const {
  if (!value_.is_array()) fail_expected("an array");
  return value_;
}

}  // namespace lmlab
