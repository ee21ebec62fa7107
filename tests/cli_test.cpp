// The lmlab executable as users call it: exit codes, messages, files written.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;
using ::testing::ContainsRegex;
using ::testing::HasSubstr;

struct Outcome {
  int exit_code;
  std::string output;  // stdout and stderr together
};

// `environment`: assignments for the command, e.g. "PATH=/nonexistent".
Outcome lmlab(const std::string& arguments, const std::string& environment = "") {
  const std::string command =
      environment + " " + std::string(LMLAB_BINARY) + " " + arguments + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  std::string output;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

// The ovn backend looks its programs up on PATH: with none there it cannot start (as root,
// as CI runs the suite; without root it stops at that first), while ns-3 needs none.
const std::string kWithoutOvnPrograms = "PATH=/nonexistent";

std::string shipped(const std::string& name) {
  return std::string(LMLAB_SOURCE_DIR) + "/scenarios/" + name + ".yaml";
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class LmlabCli : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = fs::temp_directory_path() /
                 ("lmlab-cli-" + std::string(::testing::UnitTest::GetInstance()
                                                  ->current_test_info()->name()));
    fs::remove_all(directory_);
    fs::create_directories(directory_);
  }
  void TearDown() override { fs::remove_all(directory_); }

  // A copy of tcp-survival.yaml with one line replaced.
  std::string variant(const std::string& from, const std::string& to) {
    std::string text = read_file(shipped("tcp-survival"));
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    const fs::path path = directory_ / "variant.yaml";
    std::ofstream(path) << text;
    return path.string();
  }

  fs::path directory_;
};

TEST_F(LmlabCli, ValidateAcceptsTheShippedScenarios) {
  for (const char* name : {"tcp-survival", "tcp-survival-naive", "busy-vm-ping"}) {
    const auto outcome = lmlab("validate " + shipped(name));
    EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
    EXPECT_NE(outcome.output.find(": ok"), std::string::npos);
  }
}

TEST_F(LmlabCli, ValidateLocatesAnUnknownKey) {
  const std::string file = variant("  mtu: 1400", "  mtu: 1400\n  colour: blue");
  const auto outcome = lmlab("validate " + file);
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_NE(outcome.output.find(file + ":15:3: "), std::string::npos) << outcome.output;
  EXPECT_NE(outcome.output.find("colour"), std::string::npos);
}

TEST_F(LmlabCli, RunWritesResultAndReportAndPasses) {
  const fs::path out = directory_ / "out";
  const fs::path junit = directory_ / "ci" / "junit.xml";
  const auto outcome = lmlab("run " + shipped("tcp-survival") + " --out " + out.string() +
                             " --junit " + junit.string());
  EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
  EXPECT_NE(outcome.output.find("client-to-vm"), std::string::npos);
  EXPECT_NE(outcome.output.find("vm-to-client"), std::string::npos);
  EXPECT_NE(outcome.output.find("source_paused"), std::string::npos);
  const auto result = nlohmann::json::parse(read_file(out / "result.json"));
  EXPECT_EQ(result["schema_version"], 4);
  EXPECT_EQ(result["backend"], "ns3");
  EXPECT_EQ(result["passed"], true);
  EXPECT_NE(read_file(out / "report.md").find("tcp-survival"), std::string::npos);
  const std::string html = read_file(out / "report.html");
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find(">downtime 17.0 ms</text>"), std::string::npos);
  // 5 expectations of the scenario and 8 checks of the measurement itself.
  EXPECT_NE(read_file(junit).find(R"x(<testsuite name="tcp-survival (kube-ovn, ns3, seed 1)" )x"
                                  R"x(tests="13" failures="0")x"),
            std::string::npos);
  for (const fs::path& directory : {out, junit.parent_path()})
    for (const auto& entry : fs::directory_iterator(directory))
      EXPECT_NE(entry.path().filename().string().front(), '.') << "left a partial file";
}

TEST_F(LmlabCli, UnmetExpectationsExitOne) {
  const fs::path out = directory_ / "out";
  const auto outcome =
      lmlab("run " + variant("max_downtime: 50ms", "max_downtime: 1ms") + " --out " + out.string());
  EXPECT_EQ(outcome.exit_code, 1) << outcome.output;
  EXPECT_NE(outcome.output.find("FAIL"), std::string::npos);
  EXPECT_TRUE(fs::exists(out / "result.json"));

  // The reports made again from result.json alone carry the same verdicts.
  fs::remove(out / "report.html");
  const fs::path junit = directory_ / "junit.xml";
  const auto report =
      lmlab("report " + (out / "result.json").string() + " --junit " + junit.string());
  EXPECT_EQ(report.exit_code, 1) << report.output;
  EXPECT_NE(read_file(out / "report.html").find("badge fail"), std::string::npos);
  const std::string xml = read_file(junit);
  EXPECT_NE(xml.find(R"(failures="2")"), std::string::npos) << xml;
  EXPECT_NE(xml.find(R"(<failure message="measured 17.000ms, expected &lt;= 1ms")"),
            std::string::npos)
      << xml;
}

TEST_F(LmlabCli, ReportRefusesWhatIsNotAResultOfThisVersion) {
  const fs::path old_version = directory_ / "old.json";
  std::ofstream(old_version) << R"({"schema_version": 1, "scenario": {}})";
  const fs::path not_json = directory_ / "notes.json";
  std::ofstream(not_json) << "not json";
  const fs::path negative = directory_ / "negative.json";
  std::string sample =
      read_file(std::string(LMLAB_SOURCE_DIR) + "/tests/data/result-schema-3.json");
  const std::string sent = "\"sent\": 12000";
  sample.replace(sample.find(sent), sent.size(), "\"sent\": -5");
  std::ofstream(negative) << sample;
  const fs::path nested = directory_ / "nested.json";
  std::ofstream(nested) << std::string(1 << 20, '[');
  const fs::path sub_directory = directory_ / "dir.json";
  fs::create_directories(sub_directory);
  const std::vector<std::pair<fs::path, std::string>> cases = {
      {directory_ / "absent.json", "cannot read"},
      {old_version, "schema version 1"},
      {not_json, "not JSON"},
      {negative, "at /figures/probes/0/sent: expected a whole number from 0 to"},
      {nested, "nested deeper than 32 levels"},
      {sub_directory, "not a regular file"}};
  for (const auto& [file, message] : cases) {
    for (const std::string& command : {"report " + file.string(),
                                       "compare " + file.string() + " " + file.string()}) {
      const auto outcome = lmlab(command);
      EXPECT_EQ(outcome.exit_code, 2) << file;
      EXPECT_NE(outcome.output.find(file.string() + ": "), std::string::npos) << outcome.output;
      EXPECT_NE(outcome.output.find(message), std::string::npos) << outcome.output;
    }
  }
  EXPECT_FALSE(fs::exists(directory_ / "report.html"));
  EXPECT_FALSE(fs::exists(directory_ / "report.md"));
}

// An old run's result.json still gives its reports, with what schema 2 lacked at defaults.
TEST_F(LmlabCli, ReportReadsASchemaVersion2Result) {
  const auto outcome = lmlab("report " + std::string(LMLAB_SOURCE_DIR) +
                             "/tests/data/result-schema-2.json --out " + directory_.string());
  EXPECT_EQ(outcome.exit_code, 1) << outcome.output;  // the sample run missed an expectation
  EXPECT_NE(read_file(directory_ / "report.html").find("badge fail"), std::string::npos);
}

TEST_F(LmlabCli, BadScenarioExitsTwoAndWritesNothing) {
  const fs::path out = directory_ / "out";
  const auto outcome = lmlab("run " + variant("interval: 1ms", "interval: fast") + " --out " +
                             out.string());
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_NE(outcome.output.find("variant.yaml:51:15:"), std::string::npos) << outcome.output;
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(LmlabCli, RunOrLabThatCannotBeCarriedOutExitsThreeAndNamesThePackages) {
  const fs::path out = directory_ / "out";
  for (const std::string& command :
       {"run " + shipped("tcp-survival") + " --backend ovn --out " + out.string(),
        "lab up " + shipped("tcp-survival")}) {
    const auto outcome = lmlab(command, kWithoutOvnPrograms);
    EXPECT_EQ(outcome.exit_code, 3) << command << "\n" << outcome.output;
    EXPECT_NE(outcome.output.find("lmlab: the ovn backend cannot find ovsdb-tool"),
              std::string::npos)
        << outcome.output;
    for (const char* package : {"install the Debian packages:", "openvswitch-switch", "ovn-central",
                                "ovn-host", "iproute2"})
      EXPECT_NE(outcome.output.find(package), std::string::npos) << package;
  }
  EXPECT_FALSE(fs::exists(out));

  // A malformed scenario is bad input, whatever the host lacks.
  const auto malformed = lmlab(
      "run " + variant("interval: 1ms", "interval: fast") + " --backend ovn --out " + out.string(),
      kWithoutOvnPrograms);
  EXPECT_EQ(malformed.exit_code, 2) << malformed.output;
  EXPECT_NE(malformed.output.find("variant.yaml:51:15:"), std::string::npos) << malformed.output;
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(LmlabCli, MissingFileExitsTwo) {
  const auto outcome = lmlab("run " + (directory_ / "absent.yaml").string());
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_NE(outcome.output.find("absent.yaml"), std::string::npos);
}

TEST_F(LmlabCli, SeedOverridesTheScenario) {
  const fs::path out = directory_ / "out";
  ASSERT_EQ(lmlab("run " + shipped("tcp-survival") + " --seed 9 --out " + out.string()).exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(read_file(out / "result.json"))["seed"], 9);
}

TEST_F(LmlabCli, UnknownBackendAndUsageErrorsExitTwo) {
  EXPECT_EQ(lmlab("run " + shipped("tcp-survival") + " --backend nowhere").exit_code, 2);
  EXPECT_EQ(lmlab("").exit_code, 2);
  EXPECT_EQ(lmlab("frobnicate").exit_code, 2);
  EXPECT_EQ(lmlab("--help").exit_code, 0);
}

// Kube-OVN against the naive baseline: the naive run breaks any sensible tolerance.
TEST_F(LmlabCli, CompareShowsWhereTheNaiveStrategyIsWorse) {
  for (const char* name : {"tcp-survival", "tcp-survival-naive"})
    ASSERT_EQ(lmlab("run " + shipped(name) + " --out " + (directory_ / name).string()).exit_code,
              0);
  const std::string kube_ovn = (directory_ / "tcp-survival" / "result.json").string();
  const std::string naive = (directory_ / "tcp-survival-naive" / "result.json").string();
  const fs::path html = directory_ / "compare" / "compare.html";
  const fs::path markdown = directory_ / "compare" / "compare.md";

  const auto gated = lmlab("compare " + kube_ovn + " " + naive + " --max-regression 20% --html " +
                           html.string() + " --markdown " + markdown.string());
  EXPECT_EQ(gated.exit_code, 1) << gated.output;
  for (const char* line :
       {"vm1 probe client-to-vm   downtime            17.000 ms     522.000 ms    +505.000 ms",
        "3 regression(s) beyond 20% against A:",
        "B: vm1 stream client-to-vm stall 600.801 ms against 19.304 ms in A"})
    EXPECT_NE(gated.output.find(line), std::string::npos) << line << "\n" << gated.output;
  EXPECT_NE(read_file(html).find("B · probe client→VM"), std::string::npos);
  EXPECT_EQ(read_file(markdown).rfind("### ❌ FAIL", 0), 0u);

  // Without a gate, or with one the naive run stays inside, the comparison passes.
  EXPECT_EQ(lmlab("compare " + kube_ovn + " " + naive).exit_code, 0);
  EXPECT_EQ(lmlab("compare " + kube_ovn + " " + naive + " --max-regression 600ms").exit_code, 0);
  // The other way round the naive run is the baseline and kube-ovn only gets better.
  EXPECT_EQ(lmlab("compare " + naive + " " + kube_ovn + " --max-regression 0%").exit_code, 0);

  // Bad input: exit 2, a message, nothing written.
  auto other = nlohmann::json::parse(read_file(kube_ovn));
  other["scenario"]["name"] = "probes-only";
  other["figures"]["tcp_streams"] = nlohmann::json::array();
  const fs::path mismatched = directory_ / "other.json";
  std::ofstream(mismatched) << other.dump();
  const fs::path unwritten = directory_ / "unwritten.html";
  const std::vector<std::pair<std::string, std::string>> bad = {
      {kube_ovn + " " + mismatched.string(), "cannot compare"},
      {kube_ovn + " " + naive + " --max-regression lots", "--max-regression lots"},
      {kube_ovn, "compare takes 2 to 6 result files"},
      {kube_ovn + " " + (directory_ / "absent.json").string(), "absent.json: cannot read"}};
  for (const auto& [arguments, message] : bad) {
    const auto outcome = lmlab("compare " + arguments + " --html " + unwritten.string());
    EXPECT_EQ(outcome.exit_code, 2) << arguments;
    EXPECT_NE(outcome.output.find(message), std::string::npos) << outcome.output;
  }
  EXPECT_FALSE(fs::exists(unwritten));
}

nlohmann::json without_metadata(const fs::path& file) {
  auto json = nlohmann::json::parse(read_file(file));
  json.erase("metadata");
  return json;
}

// Two scenarios × every strategy × 5 repeats, whole and as two shards merged: the same
// matrix, run for run. tcp-survival is cut to 6 s to keep the suite quick.
TEST_F(LmlabCli, TwoShardsMergedEqualTheWholeMatrix) {
  const std::string scenarios =
      variant("duration: 12s", "duration: 6s") + " " + shipped("busy-vm-ping");
  const fs::path whole = directory_ / "whole";
  const auto played = lmlab("matrix " + scenarios + " --repeat 5 --out " + whole.string());
  EXPECT_EQ(played.exit_code, 1) << played.output;  // naive misses the kube-ovn expectations
  EXPECT_NE(played.output.find("2 scenarios × 2 strategies × 1 backend × 5 repeats"),
            std::string::npos)
      << played.output;
  EXPECT_NE(played.output.find("[20/20] busy-vm-ping naive ns3 seed 5: FAIL"), std::string::npos)
      << played.output;
  for (const char* shard : {"1/2", "2/2"}) {
    const auto outcome = lmlab("matrix " + scenarios + " --repeat 5 --shard " + shard + " --out " +
                               (directory_ / ("shard-" + std::string(1, shard[0]))).string());
    EXPECT_EQ(outcome.exit_code, 1) << outcome.output;
  }
  const fs::path merged = directory_ / "merged";
  const fs::path junit = directory_ / "junit.xml";
  const auto joined =
      lmlab("merge " + (directory_ / "shard-1").string() + " " + (directory_ / "shard-2").string() +
            " --out " + merged.string() + " --junit " + junit.string());
  EXPECT_EQ(joined.exit_code, 1) << joined.output;

  EXPECT_EQ(without_metadata(merged / "matrix.json"), without_metadata(whole / "matrix.json"));
  const auto runs = nlohmann::json::parse(read_file(whole / "matrix.json"))["runs"];
  ASSERT_EQ(runs.size(), 20u);
  for (const auto& run : runs) {
    const std::string result = run["result"];
    EXPECT_EQ(without_metadata(merged / result), without_metadata(whole / result)) << result;
    EXPECT_TRUE(fs::exists(merged / fs::path(result).replace_filename("report.html")));
  }
  const std::string html = read_file(merged / "matrix.html");
  EXPECT_NE(html.find("Downtime, worst probe direction"), std::string::npos);
  EXPECT_NE(html.find("<td>busy-vm-ping</td><td>naive</td><td>ns3</td><td>0/5</td>"),
            std::string::npos);
  const std::string xml = read_file(junit);
  std::size_t suites = 0;
  for (auto at = xml.find("<testsuite "); at != std::string::npos;
       at = xml.find("<testsuite ", at + 1))
    ++suites;
  EXPECT_EQ(suites, 20u);

  // A shard missing, or given twice, is refused before anything is written.
  const fs::path unwritten = directory_ / "unwritten";
  for (const std::string& shards :
       {(directory_ / "shard-1").string(),
        (directory_ / "shard-1").string() + " " + (directory_ / "shard-1").string(),
        whole.string()}) {
    const auto outcome = lmlab("merge " + shards + " --out " + unwritten.string());
    EXPECT_EQ(outcome.exit_code, 2) << shards;
    EXPECT_FALSE(fs::exists(unwritten));
  }
  EXPECT_NE(lmlab("merge " + (directory_ / "shard-1").string()).output.find("shard 2/2 is missing"),
            std::string::npos);
}

// ns-3 plays its run; the ovn backend, without its programs, cannot: the matrix goes on,
// writes what was played, lists the failed run with its cause and exits 3. Its shards, merged,
// keep the failed run and exit the same.
TEST_F(LmlabCli, MatrixGoesOnPastARunThatCannotBeCarriedOut) {
  const std::string plan = "matrix " + variant("duration: 12s", "duration: 6s") +
                           " --strategy scenario --backend ns3,ovn";
  const fs::path whole = directory_ / "whole";
  const fs::path junit = directory_ / "junit.xml";
  const auto played =
      lmlab(plan + " --out " + whole.string() + " --junit " + junit.string(), kWithoutOvnPrograms);
  EXPECT_EQ(played.exit_code, 3) << played.output;
  EXPECT_NE(played.output.find("[2/2] tcp-survival kube-ovn ovn seed 1: could not run: the ovn "
                               "backend"),
            std::string::npos)
      << played.output;

  const auto matrix = nlohmann::json::parse(read_file(whole / "matrix.json"));
  EXPECT_EQ(matrix["passed"], false);
  ASSERT_EQ(matrix["runs"].size(), 1u);
  EXPECT_EQ(matrix["runs"][0]["backend"], "ns3");
  EXPECT_EQ(matrix["runs"][0]["passed"], true);
  const fs::path result = whole / matrix["runs"][0]["result"].get<std::string>();
  EXPECT_TRUE(fs::exists(result));
  EXPECT_TRUE(fs::exists(fs::path(result).replace_filename("report.html")));
  ASSERT_EQ(matrix["failed_runs"].size(), 1u);
  const auto& failed = matrix["failed_runs"][0];
  EXPECT_EQ(failed["index"], 1);
  EXPECT_EQ(failed["backend"], "ovn");
  EXPECT_EQ(failed["seed"], 1);
  const std::string error = failed["error"];
  EXPECT_NE(error.find("the ovn backend"), std::string::npos) << error;
  EXPECT_EQ(matrix["cells"][0]["failed_runs"], 0);
  EXPECT_EQ(matrix["cells"][1]["failed_runs"], 1);
  EXPECT_FALSE(fs::exists(whole / "runs" / "tcp-survival" / "kube-ovn" / "ovn"));

  const std::string markdown = read_file(whole / "matrix.md");
  for (const std::string& mark :
       {std::string("1/2 runs met their expectations, 1 could not run."),
        std::string("| tcp-survival | kube-ovn | ovn | 0/1, 1 could not run |"),
        "| tcp-survival | kube-ovn | ovn | 1 | " + error + " |"})
    EXPECT_NE(markdown.find(mark), std::string::npos) << mark << "\n" << markdown;
  EXPECT_NE(
      read_file(whole / "matrix.html").find("<h2>Runs that could not be carried out (1)</h2>"),
      std::string::npos);
  const std::string xml = read_file(junit);
  EXPECT_NE(xml.find(R"(<testsuites name="lmlab" tests="14" failures="0" errors="1")"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find(R"x(<testsuite name="tcp-survival (kube-ovn, ovn, seed 1)" tests="1" )x"
                     R"x(failures="0" errors="1")x"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find(R"(<error message="the ovn backend)"), std::string::npos) << xml;

  const std::vector<std::pair<std::string, int>> shards = {{"1/2", 0}, {"2/2", 3}};
  for (const auto& [shard, exit_code] : shards) {
    const auto outcome = lmlab(plan + " --shard " + shard + " --out " +
                                   (directory_ / ("shard-" + shard.substr(0, 1))).string(),
                               kWithoutOvnPrograms);
    EXPECT_EQ(outcome.exit_code, exit_code) << shard << "\n" << outcome.output;
  }
  const fs::path merged = directory_ / "merged";
  const auto joined = lmlab("merge " + (directory_ / "shard-1").string() + " " +
                            (directory_ / "shard-2").string() + " --out " + merged.string());
  EXPECT_EQ(joined.exit_code, 3) << joined.output;
  EXPECT_EQ(without_metadata(merged / "matrix.json"), without_metadata(whole / "matrix.json"));
}

TEST_F(LmlabCli, MatrixRefusesBadInputBeforePlaying) {
  const fs::path out = directory_ / "out";
  const std::vector<std::pair<std::string, std::string>> bad = {
      {shipped("busy-vm-ping") + " --shard 3/2", "--shard 3/2"},
      {shipped("busy-vm-ping") + " " + shipped("busy-vm-ping"), "both named busy-vm-ping"},
      {(directory_ / "absent.yaml").string(), "absent.yaml"},
      {shipped("busy-vm-ping") + " --strategy scenario,naive", "cannot be combined"},
      {shipped("busy-vm-ping") + " --strategy fastest", "fastest"},
      {shipped("busy-vm-ping") + " --backend nowhere", "nowhere"},
      {shipped("busy-vm-ping") + " " + shipped("dhcp-gateway"),
       "dhcp-gateway.yaml: the ns3 backend does not model OVN's DHCP"},
      {shipped("busy-vm-ping") + " --repeat 0", "repeat"}};
  for (const auto& [arguments, message] : bad) {
    const auto outcome = lmlab("matrix " + arguments + " --out " + out.string());
    EXPECT_EQ(outcome.exit_code, 2) << arguments;
    EXPECT_NE(outcome.output.find(message), std::string::npos) << outcome.output;
  }
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(LmlabCli, ListShowsWhichBackendPlaysEachShippedScenarioOrWhyNot) {
  const auto outcome = lmlab("list");
  EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
  EXPECT_THAT(outcome.output, HasSubstr("ns3    ovn    description"));
  EXPECT_THAT(outcome.output, ContainsRegex("tcp-survival.yaml +plays +plays "));
  EXPECT_THAT(outcome.output, ContainsRegex("busy-vm-ping.yaml +plays +plays "));
  EXPECT_THAT(outcome.output, ContainsRegex("dhcp-gateway.yaml +no +plays "));
  EXPECT_THAT(outcome.output, ContainsRegex("underlay-vlan.yaml +no +plays "));
  EXPECT_THAT(outcome.output,
              HasSubstr("dhcp-gateway.yaml on ns3: the ns3 backend does not model OVN's DHCP"));
  EXPECT_THAT(outcome.output,
              HasSubstr("underlay-vlan.yaml on ns3: the ns3 backend does not model a VLAN"));
}

}  // namespace
