// Reading a result file back (report, compare, merge) refuses bad input with a message naming
// the file and, where it can, the JSON Pointer of the bad value, in bounded time and memory.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>

#include <nlohmann/json.hpp>

#include "reports/result_json.hpp"
#include "reports/result_json_reader.hpp"
#include "tests/sample_result.hpp"

namespace lmlab {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
namespace fs = std::filesystem;

std::string error_of(const std::function<void()>& read) {
  try {
    read();
  } catch (const ResultFileError& error) {
    return error.what();
  }
  ADD_FAILURE() << "read without error";
  return "";
}

json sample_document() { return json::parse(render_result_json(sample_result())); }

// The error reading `document` after `change`.
std::string error_after(const std::function<void(json&)>& change) {
  json document = sample_document();
  change(document);
  return error_of([&] { result_from_text(document.dump()); });
}

class ResultFile : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ =
        fs::temp_directory_path() /
        ("lmlab-result-input-" +
         std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".json");
  }
  void TearDown() override { fs::remove_all(path_); }
  fs::path path_;
};

TEST_F(ResultFile, OnlyRegularFilesAreRead) {
  EXPECT_EQ(error_of([] { read_result_file("/dev/zero"); }), "/dev/zero: not a regular file");
  fs::create_directories(path_);
  EXPECT_EQ(error_of([&] { read_result_file(path_.string()); }),
            path_.string() + ": not a regular file");
}

TEST_F(ResultFile, AFileOverTheLimitIsRefusedUnread) {
  std::ofstream(path_) << render_result_json(sample_result());
  fs::resize_file(path_, kMaxResultBytes + 1);  // sparse: nothing is written
  EXPECT_EQ(error_of([&] { read_result_file(path_.string()); }),
            path_.string() + ": file larger than 64 MiB; a result file is at most that");
}

TEST_F(ResultFile, MessagesNameTheFileAndThePlace) {
  json document = sample_document();
  document["figures"]["probes"][1]["sent"] = -5;
  std::ofstream(path_) << document.dump(2);
  EXPECT_EQ(error_of([&] { read_result_file(path_.string()); }),
            path_.string() +
                ": at /figures/probes/1/sent: expected a whole number from 0 to "
                "18446744073709551615, got -5");
}

TEST(ResultInput, NegativeCountsAreRefused) {
  EXPECT_THAT(error_after([](json& d) { d["figures"]["tcp_streams"][0]["retransmissions"] = -1; }),
              HasSubstr("at /figures/tcp_streams/0/retransmissions: expected a whole number"));
  EXPECT_THAT(error_after([](json& d) { d["seed"] = -7; }), HasSubstr("at /seed: "));
}

TEST(ResultInput, NumbersThatOverflowTheirTypeAreRefused) {
  EXPECT_THAT(
      error_after([](json& d) { d["scenario"]["cluster"]["network"]["mtu"] = 4294967296ULL; }),
      HasSubstr("at /scenario/cluster/network/mtu: expected a whole number from 0 to 4294967295, "
                "got 4294967296"));
  EXPECT_THAT(error_after([](json& d) { d["scenario"]["cluster"]["underlay"]["vlan"] = 70000; }),
              HasSubstr("at /scenario/cluster/underlay/vlan: expected a whole number from 0 to "
                        "65535"));
  EXPECT_THAT(error_after([](json& d) { d["figures"]["probes"][0]["downtime_ms"] = 1e300; }),
              HasSubstr("at /figures/probes/0/downtime_ms: expected milliseconds within"));
  // Beyond 64 bits, as text: the parser does not make it a count either.
  json document = sample_document();
  std::string text = document.dump();
  const std::string sent = "\"sent\":12000";
  text.replace(text.find(sent), sent.size(), "\"sent\":99999999999999999999999");
  EXPECT_THAT(error_of([&] { result_from_text(text); }),
              HasSubstr("at /figures/probes/0/sent: expected a whole number"));
  // Beyond a double: the parser refuses it as it reads it.
  text.replace(text.find("99999999999999999999999"), 23, "1e400");
  EXPECT_THAT(
      error_of([&] { result_from_text(text); }),
      HasSubstr("not JSON: [json.exception.out_of_range.406] number overflow parsing '1e400'"));
}

TEST(ResultInput, WrongTypesAreRefusedWithWhatWasFound) {
  EXPECT_EQ(error_after([](json& d) { d["passed"] = "yes"; }),
            "at /passed: expected true or false, got \"yes\"");
  EXPECT_EQ(error_after([](json& d) { d["events"] = json::object(); }),
            "at /events: expected an array, got an object");
  EXPECT_EQ(error_after([](json& d) { d["figures"]["probes"][0] = 3; }),
            "at /figures/probes/0: expected an object with \"workload\", got 3");
  EXPECT_EQ(error_after([](json& d) { d["figures"]["probes"][0]["direction"] = "sideways"; }),
            "at /figures/probes/0/direction: unknown name 'sideways'");
  EXPECT_EQ(error_after([](json& d) { d["scenario"]["workloads"][0]["kind"] = "dns"; }),
            "at /scenario/workloads/0/kind: unknown workload kind 'dns'");
  EXPECT_EQ(error_after([](json& d) { d["figures"]["probes"][0].erase("downtime_ms"); }),
            "at /figures/probes/0: missing key \"downtime_ms\"");
}

TEST(ResultInput, TextThatIsNotUtf8IsRefusedWhereItStarts) {
  EXPECT_EQ(error_of([] { result_from_text("{\n  \"name\": \"caf\xe9\"\n}"); }),
            "2:15: not UTF-8 text: a result file is UTF-8");
  // Surrogates and overlong forms are not UTF-8 either.
  EXPECT_THAT(error_of([] { result_from_text("\"\xed\xa0\x80\""); }), HasSubstr("1:2: not UTF-8"));
  EXPECT_THAT(error_of([] { result_from_text("\"\xe0\x80\xaf\""); }), HasSubstr("1:2: not UTF-8"));
}

TEST(ResultInput, DeepNestingIsRefusedEarly) {
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(error_of([] { result_from_text(std::string(50'000'000, '[')); }),
            "nested deeper than 32 levels");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  // As deep as the limit still parses, and is then refused as no result.
  EXPECT_THAT(error_of([] { result_from_text(std::string(31, '[') + std::string(31, ']')); }),
              HasSubstr("no schema_version"));
}

TEST(ResultInput, ASchemaVersion2DocumentOfTheWrongShapeIsRefusedByPlace) {
  json document = json::parse(
      std::ifstream(std::string(LMLAB_SOURCE_DIR) + "/tests/data/result-schema-2.json"));
  document["scenario"]["clients"] = 5;
  EXPECT_EQ(error_of([&] { result_from_json(document, SchemaVersion2::read_with_defaults); }),
            "at /scenario/clients: expected an array, got 5");
}

}  // namespace
}  // namespace lmlab
