#include "sim/core/units.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace lmlab {
namespace {

using std::chrono::microseconds;
using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::nanoseconds;
using std::chrono::seconds;

constexpr std::uint64_t kMaxU64 = std::numeric_limits<std::uint64_t>::max();

TEST(ParseDuration, AcceptsEveryUnit) {
  EXPECT_EQ(parse_duration("7ns"), nanoseconds(7));
  EXPECT_EQ(parse_duration("250us"), microseconds(250));
  EXPECT_EQ(parse_duration("1ms"), milliseconds(1));
  EXPECT_EQ(parse_duration("3s"), seconds(3));
  EXPECT_EQ(parse_duration("2m"), minutes(2));
  EXPECT_EQ(parse_duration("0s"), Time::zero());
  EXPECT_EQ(parse_duration("007ms"), milliseconds(7));
}

TEST(ParseDuration, DecimalsAreExact) {
  EXPECT_EQ(parse_duration("1.5ms"), nanoseconds(1'500'000));
  EXPECT_EQ(parse_duration("1.5s"), milliseconds(1500));
  EXPECT_EQ(parse_duration("0.001s"), milliseconds(1));
  EXPECT_EQ(parse_duration("0.1s"), milliseconds(100));
  EXPECT_EQ(parse_duration("2.675ms"), nanoseconds(2'675'000));
  EXPECT_EQ(parse_duration("0.000000001s"), nanoseconds(1));
  EXPECT_EQ(parse_duration("1.25m"), seconds(75));
  EXPECT_EQ(parse_duration("1.500000000000000000000000s"), milliseconds(1500));
}

TEST(ParseDuration, RejectsMalformedText) {
  for (const char* text :
       {"",      "1",      "10",   "ms",     "-1s",   "+1s",   "1.s",          ".5s",
        "1..5s", "1.2.3s", "1 ms", " 1ms",   "1ms ",  "1h",    "1S",           "1Ms",
        "1sec",  "1e3ms",  "fast", "0x10ms", "1,5ms", "1.5ns", "0.0000000001s"}) {
    EXPECT_EQ(parse_duration(text), std::nullopt) << "'" << text << "'";
  }
}

TEST(ParseDuration, RejectsOverflow) {
  EXPECT_EQ(parse_duration("9223372036854775807ns"), Time::max());
  EXPECT_EQ(parse_duration("9223372036.854775807s"), Time::max());
  EXPECT_EQ(parse_duration("9223372036854775808ns"), std::nullopt);
  EXPECT_EQ(parse_duration("9223372036.854775808s"), std::nullopt);
  EXPECT_EQ(parse_duration("153722867.3m"), std::nullopt);
  EXPECT_EQ(parse_duration("99999999999999999999999s"), std::nullopt);
}

TEST(ParseBitRate, AcceptsDecimalPrefixes) {
  EXPECT_EQ(parse_bit_rate("100bps"), 100u);
  EXPECT_EQ(parse_bit_rate("500kbps"), 500'000u);
  EXPECT_EQ(parse_bit_rate("10Mbps"), 10'000'000u);
  EXPECT_EQ(parse_bit_rate("1Gbps"), 1'000'000'000u);
  EXPECT_EQ(parse_bit_rate("2.5Gbps"), 2'500'000'000u);
  EXPECT_EQ(parse_bit_rate("1Tbps"), 1'000'000'000'000u);
  EXPECT_EQ(parse_bit_rate("0bps"), 0u);
  EXPECT_EQ(parse_bit_rate("18446744073709551615bps"), kMaxU64);
}

TEST(ParseBitRate, RejectsMalformedText) {
  for (const char* text : {"", "10", "10M", "10MB", "10mbps", "10Mbit", "10 Mbps", "-1bps",
                           "1.5bps", "18446744073709551616bps", "18446744073.709551616Gbps"}) {
    EXPECT_EQ(parse_bit_rate(text), std::nullopt) << "'" << text << "'";
  }
}

TEST(ParseByteSize, AcceptsBinaryAndDecimalPrefixes) {
  EXPECT_EQ(parse_byte_size("4096"), 4096u);
  EXPECT_EQ(parse_byte_size("4096B"), 4096u);
  EXPECT_EQ(parse_byte_size("64Ki"), 65'536u);
  EXPECT_EQ(parse_byte_size("512Mi"), 512ULL << 20);
  EXPECT_EQ(parse_byte_size("1Gi"), 1ULL << 30);
  EXPECT_EQ(parse_byte_size("1GiB"), 1ULL << 30);
  EXPECT_EQ(parse_byte_size("2Ti"), 2ULL << 40);
  EXPECT_EQ(parse_byte_size("1G"), 1'000'000'000u);
  EXPECT_EQ(parse_byte_size("1GB"), 1'000'000'000u);
  EXPECT_EQ(parse_byte_size("1.5Ki"), 1536u);
  EXPECT_EQ(parse_byte_size("0.5Gi"), 512ULL << 20);
  EXPECT_EQ(parse_byte_size("3K"), 3000u);
  EXPECT_EQ(parse_byte_size("0"), 0u);
}

TEST(ParseByteSize, RejectsMalformedText) {
  for (const char* text : {"", "B", "Gi", "1iB", "1BB", "1gi", "1Gib", "1 Gi", "-1Gi", "1.3Ki",
                           "1.5", "16777216Ti", "18446744073709551616"}) {
    EXPECT_EQ(parse_byte_size(text), std::nullopt) << "'" << text << "'";
  }
}

TEST(ParseByteRate, NeedsPerSecond) {
  EXPECT_EQ(parse_byte_rate("8Mi/s"), 8ULL << 20);
  EXPECT_EQ(parse_byte_rate("8MiB/s"), 8ULL << 20);
  EXPECT_EQ(parse_byte_rate("1G/s"), 1'000'000'000u);
  EXPECT_EQ(parse_byte_rate("0/s"), 0u);
  for (const char* text : {"", "8Mi", "/s", "8Mi/h", "8Mi/s/s", "8Mi /s", "8Mbps"}) {
    EXPECT_EQ(parse_byte_rate(text), std::nullopt) << "'" << text << "'";
  }
}

TEST(FormatDuration, PicksTheShortestExactForm) {
  EXPECT_EQ(format_duration(Time::zero()), "0s");
  EXPECT_EQ(format_duration(nanoseconds(1)), "1ns");
  EXPECT_EQ(format_duration(nanoseconds(1'500'000)), "1.5ms");
  EXPECT_EQ(format_duration(nanoseconds(1'500)), "1.5us");
  EXPECT_EQ(format_duration(microseconds(250)), "250us");
  EXPECT_EQ(format_duration(milliseconds(500)), "500ms");
  EXPECT_EQ(format_duration(milliseconds(1500)), "1.5s");
  EXPECT_EQ(format_duration(seconds(3)), "3s");
  EXPECT_EQ(format_duration(seconds(12)), "12s");
  EXPECT_EQ(format_duration(seconds(90)), "90s");
  EXPECT_EQ(format_duration(minutes(2)), "2m");
  EXPECT_EQ(format_duration(nanoseconds(1'234'567)), "1234567ns");
  EXPECT_EQ(format_duration(nanoseconds(-1'500)), "-1.5us");
}

TEST(FormatRatesAndSizes, PickTheShortestExactForm) {
  EXPECT_EQ(format_bit_rate(0), "0bps");
  EXPECT_EQ(format_bit_rate(10'000'000), "10Mbps");
  EXPECT_EQ(format_bit_rate(10'000'000'000), "10Gbps");
  EXPECT_EQ(format_bit_rate(2'500'000'000), "2.5Gbps");
  EXPECT_EQ(format_bit_rate(1'234), "1234bps");
  EXPECT_EQ(format_byte_size(64), "64");
  EXPECT_EQ(format_byte_size(1ULL << 30), "1Gi");
  EXPECT_EQ(format_byte_size(1'000'000'000), "1G");
  EXPECT_EQ(format_byte_size(4096), "4Ki");
  EXPECT_EQ(format_byte_size(1536), "1536");
  EXPECT_EQ(format_byte_size(kMaxU64), "18446744073709551615");
  EXPECT_EQ(format_byte_rate(16ULL << 20), "16Mi/s");
  EXPECT_EQ(format_byte_rate(0), "0/s");
}

// Values near unit boundaries and powers, plus seeded random ones of every magnitude.
std::vector<std::uint64_t> interesting_values() {
  std::vector<std::uint64_t> values = {0, 1, 9, 10, 999, 1000, 1001, 1023, 1024, 1536, kMaxU64};
  for (std::uint64_t power = 1; power <= kMaxU64 / 10; power *= 10) {
    values.insert(values.end(), {power, power * 3 / 2, power * 7, power + 1});
  }
  for (int shift = 0; shift < 64; ++shift) values.push_back(std::uint64_t{1} << shift);
  std::mt19937_64 random(20240601);
  for (int i = 0; i < 2000; ++i) values.push_back(random() >> (random() % 64));
  return values;
}

TEST(RoundTrip, ParseOfFormatGivesTheValueBack) {
  for (const std::uint64_t value : interesting_values()) {
    EXPECT_EQ(parse_bit_rate(format_bit_rate(value)), value) << format_bit_rate(value);
    EXPECT_EQ(parse_byte_size(format_byte_size(value)), value) << format_byte_size(value);
    EXPECT_EQ(parse_byte_rate(format_byte_rate(value)), value) << format_byte_rate(value);
    const Time duration(static_cast<Time::rep>(value >> 1));  // non-negative durations only
    EXPECT_EQ(parse_duration(format_duration(duration)), duration) << format_duration(duration);
  }
}

TEST(RoundTrip, FormatOfParseIsCanonical) {
  EXPECT_EQ(format_duration(*parse_duration("1500us")), "1.5ms");
  EXPECT_EQ(format_duration(*parse_duration("60s")), "1m");
  EXPECT_EQ(format_bit_rate(*parse_bit_rate("10000kbps")), "10Mbps");
  EXPECT_EQ(format_byte_size(*parse_byte_size("1024MiB")), "1Gi");
  EXPECT_EQ(format_byte_rate(*parse_byte_rate("16384KiB/s")), "16Mi/s");
}

TEST(ToMilliseconds, KeepsFractions) { EXPECT_DOUBLE_EQ(to_milliseconds(microseconds(1500)), 1.5); }

}  // namespace
}  // namespace lmlab
