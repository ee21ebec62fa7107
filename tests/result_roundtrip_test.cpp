// result.json keeps the whole scenario and the whole run: what is written reads back equal.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "reports/result_json.hpp"
#include "reports/result_json_reader.hpp"
#include "sim/loader/scenario_loader.hpp"
#include "tests/sample_result.hpp"
#include "tests/scenario_fields.hpp"

namespace lmlab {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

Result round_trip(const Result& result) {
  return result_from_json(json::parse(render_result_json(result)));
}

Result result_of(const Scenario& scenario) {
  Result result;
  result.scenario = scenario;
  return result;
}

// Both echoes, so a failure shows where they part.
std::string both_echoes(const Scenario& written, const Scenario& read) {
  return "written:\n" + result_to_json(result_of(written))["scenario"].dump(2) + "\nread:\n" +
         result_to_json(result_of(read))["scenario"].dump(2);
}

void expect_round_trip(const Scenario& scenario, const std::string& what) {
  const Scenario read = round_trip(result_of(scenario)).scenario;
  EXPECT_TRUE(read == scenario) << what << "\n" << both_echoes(scenario, read);
}

std::vector<std::filesystem::path> shipped_scenarios() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(LMLAB_SOURCE_DIR) + "/scenarios"))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

TEST(ResultRoundTrip, EveryShippedScenario) {
  const auto files = shipped_scenarios();
  ASSERT_FALSE(files.empty());
  for (const auto& file : files) expect_round_trip(load_scenario_file(file.string()), file);
}

TEST(ResultRoundTrip, ScenarioWithEveryFieldSet) {
  expect_round_trip(full_scenario(), "full_scenario()");
}

// Each field at a second value, optional ones absent: a field the writer or the reader
// leaves out would come back at the full scenario's value or the default.
TEST(ResultRoundTrip, ScenarioWithAnyOneFieldChanged) {
  for (const StructChanges& part : every_field_change()) {
    for (const FieldChange& change : part.changes) {
      Scenario changed = full_scenario();
      change.apply(changed);
      expect_round_trip(changed, change.field);
    }
  }
}

TEST(ResultRoundTrip, EventsKeepTheirPortFlowsAndObservationsTheirFamily) {
  Result result = sample_result();
  result.events.at(2).port = "vm1";
  result.flows.at(2).family = AddressFamily::ipv6;
  result.identity_observations = {
      IdentityObservation{2990ms, "vm1", "10.16.0.10", "0a:58:0a:10:00:0a", AddressFamily::ipv4},
      IdentityObservation{2990ms, "vm1", "fd00:10:16::10", "0a:58:0a:10:00:0a",
                          AddressFamily::ipv6}};

  const json document = json::parse(render_result_json(result));
  EXPECT_EQ(document["events"][2]["port"], "vm1");
  EXPECT_EQ(document["events"][0]["port"], "");
  EXPECT_EQ(document["flows"][2]["family"], "ipv6");
  EXPECT_EQ(document["identity_observations"][1]["family"], "ipv6");

  const Result read = round_trip(result);
  ASSERT_EQ(read.events.size(), result.events.size());
  for (std::size_t i = 0; i < read.events.size(); ++i)
    EXPECT_EQ(read.events[i].port, result.events[i].port) << i;
  ASSERT_EQ(read.flows.size(), result.flows.size());
  for (std::size_t i = 0; i < read.flows.size(); ++i)
    EXPECT_EQ(read.flows[i].family, result.flows[i].family) << i;
  ASSERT_EQ(read.identity_observations.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    const IdentityObservation& observation = read.identity_observations[i];
    EXPECT_EQ(observation.time, 2990ms);
    EXPECT_EQ(observation.vm, "vm1");
    EXPECT_EQ(observation.ip, result.identity_observations[i].ip);
    EXPECT_EQ(observation.mac, "0a:58:0a:10:00:0a");
    EXPECT_EQ(observation.family, result.identity_observations[i].family);
  }
  EXPECT_EQ(render_result_json(read), render_result_json(result));
}

}  // namespace
}  // namespace lmlab
