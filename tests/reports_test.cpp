#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "reports/console_summary.hpp"
#include "reports/markdown_report.hpp"
#include "reports/network_summary.hpp"
#include "reports/result_json.hpp"
#include "reports/result_json_reader.hpp"
#include "reports/text_format.hpp"
#include "tests/sample_result.hpp"
#include "tests/scenario_fields.hpp"

namespace lmlab {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using nlohmann::ordered_json;

std::vector<std::string> keys_of(const nlohmann::ordered_json& object) {
  std::vector<std::string> keys;
  for (const auto& item : object.items()) keys.push_back(item.key());
  return keys;
}

// ---- Shared text forms -----------------------------------------------------------------

TEST(TextFormat, MillisecondsToTheMicrosecondWithOptionalUnit) {
  EXPECT_EQ(format_milliseconds(17500us), "17.500");
  EXPECT_EQ(format_milliseconds(Time{4'817'600'499}, " ms"), "4817.600 ms");
  EXPECT_EQ(format_milliseconds(0ms, " ms"), "0.000 ms");
}

TEST(TextFormat, AbsentMillisecondsAreADashWithoutUnit) {
  EXPECT_EQ(format_milliseconds(std::nullopt), "-");
  EXPECT_EQ(format_milliseconds(std::nullopt, " ms"), "-");
}

TEST(TextFormat, SecondsToTheMillisecond) {
  EXPECT_EQ(format_seconds(4817600us), "4.818");
  EXPECT_EQ(format_seconds(3s, "s"), "3.000s");
}

TEST(TextFormat, MegabitsWithTwoDecimals) {
  EXPECT_EQ(format_megabits(9.5e6), "9.50");
  EXPECT_EQ(format_megabits(0), "0.00");
}

TEST(TextFormat, ProbeDowntimeOrNotRecovered) {
  ProbeFigures probe = sample_probe(Direction::client_to_vm, 20ms);
  EXPECT_EQ(format_probe_downtime(probe), "20.000");
  EXPECT_EQ(format_probe_downtime(probe, " ms"), "20.000 ms");
  probe.recovered = false;
  EXPECT_EQ(format_probe_downtime(probe, " ms"), "not recovered");
}

// ---- JSON ------------------------------------------------------------------------------

TEST(ResultJson, TopLevelKeysInSchemaOrder) {
  const auto document = result_to_json(sample_result());
  EXPECT_EQ(keys_of(document),
            (std::vector<std::string>{"schema_version", "scenario", "backend", "seed", "passed",
                                      "expectations", "figures", "flows", "events",
                                      "identity_observations", "timeline", "metadata"}));
  EXPECT_EQ(document["schema_version"], kResultSchemaVersion);
  EXPECT_EQ(keys_of(document["figures"]),
            (std::vector<std::string>{"probes", "tcp_streams", "breakdowns", "identities"}));
}

TEST(ResultJson, ScenarioReadsLikeTheScenarioFile) {
  const auto scenario = result_to_json(sample_result())["scenario"];
  EXPECT_EQ(keys_of(scenario), (std::vector<std::string>{"name", "description", "seed", "duration",
                                                         "cluster", "clients", "vms", "workloads",
                                                         "migrations", "expectations"}));
  EXPECT_EQ(scenario["duration"], "12s");
  EXPECT_EQ(scenario["cluster"]["strategy"], "kube-ovn");
  EXPECT_EQ(scenario["cluster"]["underlay"]["rate"], "10Gbps");
  EXPECT_EQ(scenario["cluster"]["underlay"]["latency"], "50us");
  EXPECT_EQ(scenario["cluster"]["control_plane"]["northd"], "2ms");
  EXPECT_EQ(scenario["vms"][0]["memory"], "1Gi");
  EXPECT_EQ(scenario["vms"][0]["dirty_rate"], "16Mi/s");
  EXPECT_EQ(scenario["workloads"][0]["kind"], "probe");
  EXPECT_EQ(scenario["workloads"][0]["interval"], "1ms");
  EXPECT_EQ(scenario["workloads"][1]["kind"], "tcp");
  EXPECT_EQ(scenario["workloads"][1]["rate"], "10Mbps");
  EXPECT_EQ(scenario["migrations"][0]["to"], "node-b");
  EXPECT_EQ(scenario["migrations"][0]["at"], "3s");
  EXPECT_EQ(scenario["expectations"]["max_downtime"], "50ms");
  EXPECT_TRUE(scenario["expectations"]["ip_preserved"].is_null());
  EXPECT_FALSE(scenario.contains("source_file"));
}

// Optional fields the scenario leaves out are null, so every result has the same keys.
TEST(ResultJson, ScenarioWithoutOptionalFieldsHasNullsAndDefaults) {
  const auto scenario = result_to_json(sample_result())["scenario"];
  const auto& cluster = scenario["cluster"];
  EXPECT_EQ(keys_of(cluster["network"]),
            (std::vector<std::string>{"subnet", "subnet_v6", "mtu", "dhcp", "gateway"}));
  EXPECT_TRUE(cluster["network"]["dhcp"].is_null());
  EXPECT_TRUE(cluster["network"]["gateway"].is_null());
  EXPECT_TRUE(cluster["underlay"]["vlan"].is_null());
  EXPECT_EQ(cluster["control_plane"]["preload"],
            (ordered_json{{"switches", 0}, {"ports_per_switch", 0}}));
  EXPECT_EQ(scenario["clients"][0]["external"], false);
  EXPECT_EQ(scenario["vms"][0]["addressing"], "static");
  EXPECT_EQ(scenario["workloads"][0]["family"], "ipv4");
  EXPECT_EQ(scenario["workloads"][1]["family"], "ipv4");
}

TEST(ResultJson, OptionalScenarioFieldsInTheFormsOfScenarioFiles) {
  Result result = sample_result();
  result.scenario = full_scenario();
  const auto scenario = result_to_json(result)["scenario"];
  const auto& cluster = scenario["cluster"];
  EXPECT_EQ(cluster["network"]["dhcp"], (ordered_json{{"lease_time", "3500s"},
                                                      {"server_id", "169.254.1.1"},
                                                      {"server_mac", "0a:58:a9:fe:01:01"},
                                                      {"router", "169.254.1.1"}}));
  EXPECT_EQ(cluster["network"]["gateway"], "169.254.1.1");
  EXPECT_EQ(cluster["underlay"]["vlan"], 100);
  EXPECT_EQ(cluster["control_plane"]["preload"],
            (ordered_json{{"switches", 100}, {"ports_per_switch", 10}}));
  EXPECT_EQ(scenario["clients"][1]["external"], true);
  EXPECT_EQ(scenario["clients"][1]["node"], "");
  EXPECT_EQ(scenario["vms"][0]["addressing"], "dhcp");
  EXPECT_EQ(scenario["workloads"][0]["family"], "ipv6");
}

TEST(ResultJson, FiguresRoundTripAsMillisecondsWithNullForAbsentValues) {
  const json document = json::parse(render_result_json(sample_result()));
  const json& probe = document["figures"]["probes"][0];
  EXPECT_EQ(probe["direction"], "client-to-vm");
  EXPECT_EQ(probe["lost"], 20);
  EXPECT_EQ(probe["duplicates"], 7);
  EXPECT_DOUBLE_EQ(probe["downtime_ms"].get<double>(), 20.0);
  EXPECT_DOUBLE_EQ(probe["gap_start_ms"].get<double>(), 4799.05);
  EXPECT_DOUBLE_EQ(probe["gaps"][1][0].get<double>(), 11000.123);  // to the microsecond
  EXPECT_TRUE(probe["gaps"][1][1].is_null());

  const json& tcp = document["figures"]["tcp_streams"][0];
  EXPECT_EQ(tcp["survived"], false);
  EXPECT_EQ(tcp["failure"], "connection failed at 5.123s");
  EXPECT_DOUBLE_EQ(tcp["throughput_during_bps"].get<double>(), 9.5e6);
  EXPECT_EQ(tcp["retransmission_times_ms"], json::array({5000.0}));

  const json& breakdown = document["figures"]["breakdowns"][0];
  EXPECT_DOUBLE_EQ(breakdown["vm_paused_ms"].get<double>(), 16.0);
  EXPECT_TRUE(breakdown["first_delivery_at_ms"].is_null());
  EXPECT_TRUE(breakdown["first_packet_ms"].is_null());

  EXPECT_EQ(document["figures"]["identities"][0]["ip_after"], "10.16.0.10");
  EXPECT_EQ(document["flows"][0]["kind"], "udp-probe");
  EXPECT_EQ(document["flows"][0]["family"], "ipv4");
  EXPECT_EQ(document["events"][2]["port"], "");
  EXPECT_EQ(document["events"][2]["phase"], "northbound_update");
  EXPECT_DOUBLE_EQ(document["events"][2]["time_ms"].get<double>(), 4817.6);
  EXPECT_EQ(document["expectations"][1]["passed"], false);
  EXPECT_EQ(document["passed"], false);
  EXPECT_EQ(document["metadata"]["scenario_file"], "scenarios/tcp-survival.yaml");
  EXPECT_EQ(document["metadata"]["simulator_events"], 123456);
}

TEST(ResultJson, TimelineHasRunsForProbesAndCurvesForStreams) {
  const json timeline = json::parse(render_result_json(sample_result()))["timeline"];
  EXPECT_EQ(timeline["version"], kTimelineVersion);
  const json& probe = timeline["flows"][0];
  EXPECT_EQ(probe["flow"], 0);
  // [first delivery, last delivery, deliveries]; whole milliseconds without a fraction.
  EXPECT_EQ(probe["delivery_runs"][1].dump(), "[4820.05,11900,7080]");
  EXPECT_FALSE(probe.contains("delivered"));
  const json& stream = timeline["flows"][1];
  EXPECT_FALSE(stream.contains("delivery_runs"));
  EXPECT_EQ(stream["written"].size(), 2u);
  EXPECT_EQ(stream["delivered"][2].dump(), "[5020,5861000]");  // [time, bytes]
}

TEST(ResultJson, EqualResultsRenderByteIdentical) {
  const std::string text = render_result_json(sample_result());
  EXPECT_EQ(text, render_result_json(sample_result()));
  EXPECT_EQ(text.back(), '\n');
}

TEST(ResultJson, RunMetadataOnlyChangesTheMetadataBlock) {
  Result first = sample_result();
  Result second = sample_result();
  second.metadata.started_at = "2024-06-30T12:00:00Z";
  second.metadata.wall_time_seconds = 2.5;
  second.metadata.events_per_second = 49382.4;

  json a = json::parse(render_result_json(first));
  json b = json::parse(render_result_json(second));
  EXPECT_NE(a["metadata"], b["metadata"]);
  a.erase("metadata");
  b.erase("metadata");
  EXPECT_EQ(a, b);
}

// ---- Reading the JSON back -------------------------------------------------------------

TEST(ResultJsonReader, ReadsBackWhatWasWritten) {
  const std::string text = render_result_json(sample_result());
  const Result read = result_from_json(json::parse(text));
  EXPECT_EQ(render_result_json(read), text);
  EXPECT_EQ(read.scenario.source_file, "scenarios/tcp-survival.yaml");
  EXPECT_EQ(read.figures.probes.at(1).downtime, 17500us);
  EXPECT_EQ(read.figures.probes.at(0).gaps.at(1).end, std::nullopt);
  EXPECT_EQ(read.events.at(2).phase, Phase::northbound_update);
  EXPECT_EQ(read.timeline.flows.at(1).delivered.at(2).time, 5020ms);
}

TEST(ResultJsonReader, RefusesAnotherSchemaVersion) {
  json document = json::parse(render_result_json(sample_result()));
  document["schema_version"] = 1;
  try {
    result_from_json(document);
    FAIL() << "accepted schema version 1";
  } catch (const ResultFileError& error) {
    EXPECT_NE(std::string(error.what()).find("schema version 1"), std::string::npos)
        << error.what();
  }
}

// tests/data/result-schema-2.json is sample_result() as the schema version 2 writer wrote it.
const std::string kSchema2File =
    std::string(LMLAB_SOURCE_DIR) + "/tests/data/result-schema-2.json";

TEST(ResultJsonReader, ReadsSchemaVersion2WithWhatItLacksAtDefaultsWhereAllowed) {
  const Result read = read_result_file(kSchema2File, SchemaVersion2::read_with_defaults);
  EXPECT_EQ(render_result_json(read), render_result_json(sample_result()));
}

// tests/data/result-schema-3.json is sample_result() as the schema version 3 writer wrote it:
// the same content, gaps, runs and curve points as objects, indented.
const std::string kSchema3File =
    std::string(LMLAB_SOURCE_DIR) + "/tests/data/result-schema-3.json";

TEST(ResultJsonReader, ReadsSchemaVersion3AsItIs) {
  const Result read = read_result_file(kSchema3File);
  EXPECT_EQ(render_result_json(read), render_result_json(sample_result()));
}

TEST(ResultJsonReader, RefusesSchemaVersion2UnlessAllowed) {
  try {
    read_result_file(kSchema2File);
    FAIL() << "accepted schema version 2";
  } catch (const ResultFileError& error) {
    EXPECT_NE(std::string(error.what())
                  .find("schema version 2, this lmlab reads versions 3 to 4 (run the scenario "
                        "again)"),
              std::string::npos)
        << error.what();
  }
}

TEST(ResultJsonReader, NamesAMissingKey) {
  json document = json::parse(render_result_json(sample_result()));
  document["figures"]["probes"][0].erase("downtime_ms");
  try {
    result_from_json(document);
    FAIL() << "accepted a probe without downtime";
  } catch (const ResultFileError& error) {
    EXPECT_NE(std::string(error.what()).find("downtime_ms"), std::string::npos) << error.what();
  }
}

TEST(ResultJsonReader, MissingFileAndNonJsonNameThePath) {
  EXPECT_THROW(
      {
        try {
          read_result_file("/nonexistent/result.json");
        } catch (const ResultFileError& error) {
          EXPECT_NE(std::string(error.what()).find("/nonexistent/result.json"), std::string::npos);
          throw;
        }
      },
      ResultFileError);
  EXPECT_THROW(result_from_json(json::array({1, 2})), ResultFileError);
}

// ---- Markdown --------------------------------------------------------------------------

TEST(MarkdownReport, TitleCarriesScenarioBackendSeedAndVerdict) {
  const std::string report = render_markdown_report(sample_result());
  EXPECT_EQ(report.rfind("### ❌ FAIL: tcp-survival (1/2 expectations met)\n", 0), 0u);
  EXPECT_NE(report.find("Backend `ns3`, strategy `kube-ovn`, seed 1."), std::string::npos);
}

// A pull-request comment shows the verdicts and the key figures; the rest is collapsed.
TEST(MarkdownReport, KeyFiguresOpenDetailsCollapsed) {
  const std::string report = render_markdown_report(sample_result());
  const auto details = report.find("<details><summary>");
  ASSERT_NE(details, std::string::npos);
  for (const char* visible :
       {"| tcp_survives | vm1 stream client-to-vm | true | false (connection failed at 5.123s) | "
        "❌ FAIL |",
        "**vm1 to node-b**: downtime 20.000 ms client→VM, 17.500 ms VM→client; paused 16.000, "
        "announce 0.000, converging 1.000, first packet - (ms).",
        "**TCP vm1 stream client→VM**: failed (connection failed at 5.123s), stall 230.000 ms, 3 "
        "retransmissions."}) {
    const auto at = report.find(visible);
    EXPECT_NE(at, std::string::npos) << visible;
    EXPECT_LT(at, details) << visible;
  }
  EXPECT_GT(report.find("#### Probes"), details);
  EXPECT_NE(report.find("<details><summary>Phase timeline (3 events)</summary>\n\n"),
            std::string::npos);
}

TEST(MarkdownReport, ContainsEveryTable) {
  const std::string report = render_markdown_report(sample_result());
  for (const char* line :
       {"| Expectation | Subject | Expected | Measured | Result |",
        "| max_downtime | vm1 probe client-to-vm | <= 50ms | 20ms | ✅ pass |",
        "| vm1 | probe | client-to-vm | udp | 12000 | 20 | 7 | 1 | 20.000 |",
        "| vm1 | probe | vm-to-client | udp | 12000 | 20 | 7 | 1 | 17.500 |",
        "| vm1 | stream | client-to-vm | no (connection failed at 5.123s) | 230.000 | 3 | 10.00 | "
        "9.50 | 10.00 |",
        "#### Downtime breakdown: vm1 to node-b", "| VM paused | 16.000 | VM paused (memory and device state copy) |",
        "| Announce | 0.000 | QEMU announce |", "| First packet | - | first packet through |",
        "| 3.000 | vm1 | migration_scheduled | node-b | target pod created |"}) {
    EXPECT_NE(report.find(line), std::string::npos) << line;
  }
}

TEST(MarkdownReport, EscapesPipesInCells) {
  const std::string report = render_markdown_report(sample_result());
  EXPECT_NE(report.find("| 4.818 | vm1 | northbound_update |  | "
                        "options:requested-chassis=node-a\\|node-b |"),
            std::string::npos);
}

TEST(MarkdownReport, SaysWhatNetworkTheRunWasPlayedOn) {
  const std::string report = render_markdown_report(sample_result());
  EXPECT_NE(report.find("seed 1.\n\nNetwork 10.16.0.0/16, MTU 1400.\n"), std::string::npos);
}

// ---- Network summary -------------------------------------------------------------------

TEST(NetworkSummary, PlainOverlayIsSubnetAndMtu) {
  EXPECT_EQ(describe_network(sample_scenario()), "Network 10.16.0.0/16, MTU 1400.");
}

TEST(NetworkSummary, NamesWhatTheScenarioAddsToAPlainOverlay) {
  EXPECT_EQ(describe_network(full_scenario()),
            "Network 10.16.0.0/16 and fd00:10:16::/64, MTU 1500; OVN DHCP (lease 3500s, server "
            "169.254.1.1 at 0a:58:a9:fe:01:01, router 169.254.1.1) for vm1; gateway 169.254.1.1 "
            "(arp_proxy); underlay VLAN 100 (external: tor-host); Northbound preloaded with 100 "
            "switches of 10 ports; IPv6 workloads: probe6, stream6.");
}

// ---- Console ---------------------------------------------------------------------------

TEST(ConsoleSummary, ShowsDowntimePerDirectionAndTheVerdict) {
  const std::string summary = render_console_summary(sample_result());
  EXPECT_EQ(summary.rfind("tcp-survival on ns3, seed 1\n", 0), 0u);
  EXPECT_NE(summary.find("client-to-vm  20.000 ms"), std::string::npos) << summary;
  EXPECT_NE(summary.find("vm-to-client  17.500 ms"), std::string::npos) << summary;
  EXPECT_NE(summary.find("failed: connection failed at 5.123s"), std::string::npos);
  const std::string verdict = "expectations: 1/2 met, FAIL\n";
  ASSERT_GE(summary.size(), verdict.size());
  EXPECT_EQ(summary.substr(summary.size() - verdict.size()), verdict);
}

TEST(ConsoleSummary, PlainTextWithoutColoursOrNan) {
  Result result = sample_result();
  result.figures.probes[0].recovered = false;
  const std::string summary = render_console_summary(result);
  EXPECT_EQ(summary.find('\x1b'), std::string::npos);
  EXPECT_EQ(summary.find("nan"), std::string::npos);
  EXPECT_NE(summary.find("not recovered"), std::string::npos);
}

}  // namespace
}  // namespace lmlab
