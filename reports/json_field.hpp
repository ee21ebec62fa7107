// A value of a JSON document read with its type and range checked, and named by its JSON
// Pointer ("/figures/probes/0/sent") when it is wrong, so a bad result file says where.
#pragma once

#include <concepts>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/core/units.hpp"

namespace lmlab {

class JsonField {
 public:
  JsonField(const nlohmann::json& value, std::string pointer)
      : value_(value), pointer_(std::move(pointer)) {}

  const nlohmann::json& json() const { return value_; }
  const std::string& pointer() const { return pointer_; }

  bool is_null() const { return value_.is_null(); }
  bool has(const char* key) const { return value_.is_object() && value_.contains(key); }
  // The member `key` of an object; a missing key or a value that is no object is an error.
  JsonField at(const char* key) const;

  std::string text() const;
  bool boolean() const;
  double number() const;  // any finite number
  // A whole number from 0 to the largest T: counts, sizes, ids.
  template <std::unsigned_integral T>
  T count() const {
    const std::uint64_t value = unsigned_at_most(std::numeric_limits<T>::max());
    return static_cast<T>(value);
  }
  // Milliseconds as the writer puts them, within what a run's times can be.
  Time milliseconds() const;

  // The items of an array of exactly `size` items, e.g. a [start, end] pair.
  std::vector<JsonField> tuple(std::size_t size) const;

  // Calls `visit(JsonField)` on each item of an array.
  template <typename Visit>
  void each(Visit visit) const {
    const nlohmann::json& array = array_value();
    for (std::size_t i = 0; i < array.size(); ++i)
      visit(JsonField(array[i], pointer_ + "/" + std::to_string(i)));
  }

  // Each item of an array read by `read(JsonField)`.
  template <typename Read>
  auto items(Read read) const -> std::vector<decltype(read(std::declval<JsonField>()))> {
    std::vector<decltype(read(std::declval<JsonField>()))> values;
    values.reserve(array_value().size());
    each([&](const JsonField& item) { values.push_back(read(item)); });
    return values;
  }

  // An error naming this value's place: "at /figures/probes/0/sent: <message>".
  [[noreturn]] void fail(const std::string& message) const;

 private:
  std::uint64_t unsigned_at_most(std::uint64_t largest) const;
  const nlohmann::json& array_value() const;
  [[noreturn]] void fail_expected(const std::string& expected) const;

  const nlohmann::json& value_;
  std::string pointer_;
};

}  // namespace lmlab
