// Matrix plans and shards, summary statistics, and the matrix report.
#include "reports/matrix.hpp"

#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <tuple>

#include <gtest/gtest.h>

#include "reports/matrix_report.hpp"
#include "tests/sample_result.hpp"

namespace lmlab {
namespace {

using namespace std::chrono_literals;

TEST(Statistics, MedianPercentilesRangeAndSpread) {
  const auto summary = summarize({5, 1, 4, 2, 3});
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->count, 5u);
  EXPECT_DOUBLE_EQ(summary->median, 3);
  EXPECT_DOUBLE_EQ(summary->p95, 4.8);  // between the two largest
  EXPECT_DOUBLE_EQ(summary->minimum, 1);
  EXPECT_DOUBLE_EQ(summary->maximum, 5);
  EXPECT_DOUBLE_EQ(summary->iqr, 2);  // p75 4 - p25 2
  const auto one = summarize({17});
  ASSERT_TRUE(one);
  EXPECT_DOUBLE_EQ(one->p95, 17);
  EXPECT_DOUBLE_EQ(one->iqr, 0);
  EXPECT_FALSE(summarize({}));
}

MatrixAxes two_by_two(unsigned repeat) {
  return MatrixAxes{{"tcp-survival", "busy-vm-ping"},
                    {StrategyKind::kube_ovn, StrategyKind::naive},
                    {"ns3"},
                    repeat};
}

TEST(MatrixPlan, ScenarioMajorThenStrategyBackendAndRepeat) {
  const auto runs = plan_matrix(two_by_two(3));
  ASSERT_EQ(runs.size(), 12u);
  EXPECT_EQ(runs[0].scenario, 0u);
  EXPECT_EQ(runs[2].repeat, 2u);
  EXPECT_EQ(runs[3].strategy, StrategyKind::naive);
  EXPECT_EQ(runs[3].repeat, 0u);
  EXPECT_EQ(runs[6].scenario, 1u);
  for (std::size_t i = 0; i < runs.size(); ++i) EXPECT_EQ(runs[i].index, i);
  EXPECT_EQ(repeat_seed(7, 2), 9u);
}

TEST(MatrixPlan, ShardsSplitThePlanExactlyAndEvenly) {
  const auto runs = plan_matrix(two_by_two(5));
  for (unsigned count = 1; count <= 7; ++count) {
    std::multiset<std::size_t> played;
    for (unsigned index = 1; index <= count; ++index) {
      const auto mine = runs_of_shard(runs, Shard{index, count});
      EXPECT_LE(mine.size(), runs.size() / count + 1);
      EXPECT_GE(mine.size(), runs.size() / count);
      for (const MatrixRun& run : mine) played.insert(run.index);
    }
    EXPECT_EQ(played.size(), runs.size()) << count;
    EXPECT_EQ(std::set<std::size_t>(played.begin(), played.end()).size(), runs.size()) << count;
  }
}

TEST(MatrixPlan, ShardIsIOfN) {
  const auto shard = parse_shard("2/3");
  ASSERT_TRUE(shard);
  EXPECT_EQ(shard->index, 2u);
  EXPECT_EQ(shard->count, 3u);
  for (const char* bad : {"0/2", "3/2", "1/0", "a/2", "2", "1/2x", "/2", "-1/2", ""})
    EXPECT_FALSE(parse_shard(bad)) << bad;
}

// Two cells of two repeats each, handed over out of order.
struct SampleMatrix {
  std::vector<Result> results;
  MatrixReport report;
};

SampleMatrix sample_matrix() {
  SampleMatrix sample;
  for (const auto& [strategy, downtime] : {std::pair{StrategyKind::kube_ovn, 17ms},
                                           {StrategyKind::kube_ovn, 19ms},
                                           {StrategyKind::naive, 522ms},
                                           {StrategyKind::naive, 530ms}}) {
    Result result = sample_result();
    result.scenario.cluster.strategy = strategy;
    result.figures.probes[0].downtime = downtime;
    sample.results.push_back(result);
  }
  std::vector<MatrixRunEntry> entries;
  for (std::size_t i = 0; i < sample.results.size(); ++i) {
    const Result& result = sample.results[i];
    entries.push_back(MatrixRunEntry{i, "tcp-survival", to_string(result.scenario.cluster.strategy),
                                     "ns3", 1 + i % 2, result.passed,
                                     "runs/" + std::to_string(i) + "/result.json"});
  }
  std::swap(entries[0], entries[3]);
  std::swap(sample.results[0], sample.results[3]);
  std::vector<const Result*> results;
  for (const Result& result : sample.results) results.push_back(&result);
  MatrixAxes axes{{"tcp-survival"}, {StrategyKind::kube_ovn, StrategyKind::naive}, {"ns3"}, 2};
  sample.report = summarize_matrix(axes, Shard{1, 1}, entries, results, {},
                                   MatrixMetadata{"0.1.0", "2024-01-01T00:00:00Z", 2.5, {}});
  return sample;
}

TEST(MatrixReport, CellsSummarizeTheirRepeatsInPlanOrder) {
  const MatrixReport report = sample_matrix().report;
  ASSERT_EQ(report.runs.size(), 4u);
  EXPECT_EQ(report.runs[0].index, 0u);
  ASSERT_EQ(report.cells.size(), 2u);
  const MatrixCell& naive = report.cells[1];
  EXPECT_EQ(naive.strategy, "naive");
  EXPECT_EQ(naive.runs, (std::vector<std::size_t>{2, 3}));
  EXPECT_EQ(naive.passed, 0u);
  // The headline is the worst direction of each repeat: client-to-vm, not the 17.5 ms back.
  const CellFigure& headline = naive.figures.at(0);
  EXPECT_EQ(headline.subject, kWorstProbe);
  EXPECT_EQ(headline.values, (std::vector<std::optional<double>>{522.0, 530.0}));
  ASSERT_TRUE(headline.summary);
  EXPECT_DOUBLE_EQ(headline.summary->median, 526);
  EXPECT_EQ(naive.figures.at(1).subject, kWorstStream);
  EXPECT_FALSE(report.passed());
}

TEST(MatrixReport, JsonKeepsThePlanShardAndRuns) {
  const MatrixReport report = sample_matrix().report;
  const auto json = matrix_to_json(report);
  EXPECT_EQ(json["matrix_schema_version"], kMatrixSchemaVersion);
  EXPECT_EQ(json["plan"]["strategies"], nlohmann::json({"kube-ovn", "naive"}));
  EXPECT_EQ(json["cells"][0]["seeds"], nlohmann::json({1, 2}));
  EXPECT_DOUBLE_EQ(json["cells"][0]["figures"][0]["median"].get<double>(), 18.25);

  const auto file = std::filesystem::temp_directory_path() / "lmlab-matrix-test.json";
  std::ofstream(file) << render_matrix_json(report);
  const MatrixReport read = read_matrix_file(file.string());
  std::filesystem::remove(file);
  EXPECT_EQ(read.axes.scenarios, report.axes.scenarios);
  EXPECT_EQ(read.axes.strategies, report.axes.strategies);
  EXPECT_EQ(read.axes.repeat, 2u);
  ASSERT_TRUE(read.shard);
  EXPECT_EQ(read.shard->count, 1u);
  ASSERT_EQ(read.runs.size(), 4u);
  EXPECT_EQ(read.runs[3].result_file, report.runs[3].result_file);
  EXPECT_EQ(read.metadata.wall_time_seconds, 2.5);
  EXPECT_THROW(read_matrix_file("/nonexistent/matrix.json"), MatrixFileError);
}

// On ovn, naive × 2 repeats: neither could be carried out; kube-ovn × 2: one played and
// passed, one interrupted. The failed runs are handed over out of order.
struct MatrixWithFailedRuns {
  Result result;
  MatrixReport report;
};

MatrixWithFailedRuns matrix_with_failed_runs() {
  MatrixWithFailedRuns sample{sample_result(), {}};
  sample.result.passed = true;
  const std::vector<FailedRun> failed_runs{
      {3, "tcp-survival", "kube-ovn", "ovn", 2, "interrupted by Interrupt; the lab was removed"},
      {0, "tcp-survival", "naive", "ovn", 1, "the ovn backend needs root"},
      {1, "tcp-survival", "naive", "ovn", 2, "the ovn backend needs root"}};
  const MatrixRunEntry played{2, "tcp-survival", "kube-ovn", "ovn", 1, true, "runs/2/result.json"};
  MatrixAxes axes{{"tcp-survival"}, {StrategyKind::naive, StrategyKind::kube_ovn}, {"ovn"}, 2};
  sample.report = summarize_matrix(axes, std::nullopt, {played}, {&sample.result}, failed_runs,
                                   MatrixMetadata{"0.1.0", "2024-01-01T00:00:00Z", 30, {}});
  return sample;
}

TEST(MatrixReport, FailedRunsCountAgainstTheirCellsInPlanOrder) {
  const MatrixReport report = matrix_with_failed_runs().report;
  ASSERT_EQ(report.failed_runs.size(), 3u);
  EXPECT_EQ(report.failed_runs[0].index, 0u);
  EXPECT_EQ(report.failed_runs[2].error, "interrupted by Interrupt; the lab was removed");
  // The naive cell comes first in the plan although none of its runs was played.
  ASSERT_EQ(report.cells.size(), 2u);
  const MatrixCell& naive = report.cells[0];
  EXPECT_EQ(naive.strategy, "naive");
  EXPECT_TRUE(naive.runs.empty());
  EXPECT_EQ(naive.failed_runs, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(naive.run_count(), 2u);
  EXPECT_TRUE(naive.figures.empty());
  const MatrixCell& kube_ovn = report.cells[1];
  EXPECT_EQ(kube_ovn.runs, (std::vector<std::size_t>{0}));
  EXPECT_EQ(kube_ovn.failed_runs, (std::vector<std::size_t>{2}));
  EXPECT_EQ(kube_ovn.passed, 1u);
  EXPECT_FALSE(kube_ovn.figures.empty());
  // Every run played passed, but not every run was played.
  EXPECT_FALSE(report.passed());
}

TEST(MatrixReport, JsonListsTheFailedRunsWithTheirCause) {
  const MatrixReport report = matrix_with_failed_runs().report;
  const auto json = matrix_to_json(report);
  EXPECT_EQ(json["passed"], false);
  EXPECT_EQ(json["cells"][0]["failed_runs"], 2);
  EXPECT_EQ(json["cells"][1]["failed_runs"], 1);
  ASSERT_EQ(json["failed_runs"].size(), 3u);
  EXPECT_EQ(json["failed_runs"][2],
            nlohmann::ordered_json::parse(R"({"index": 3, "scenario": "tcp-survival", "strategy": )"
                                          R"("kube-ovn", "backend": "ovn", "seed": 2, "error": )"
                                          R"("interrupted by Interrupt; the lab was removed"})"));

  const auto file = std::filesystem::temp_directory_path() / "lmlab-matrix-failed-test.json";
  std::ofstream(file) << render_matrix_json(report);
  const MatrixReport read = read_matrix_file(file.string());
  std::filesystem::remove(file);
  ASSERT_EQ(read.failed_runs.size(), 3u);
  for (std::size_t i = 0; i < read.failed_runs.size(); ++i) {
    const FailedRun& run = read.failed_runs[i];
    const FailedRun& written = report.failed_runs[i];
    EXPECT_EQ(std::tie(run.index, run.scenario, run.strategy, run.backend, run.seed, run.error),
              std::tie(written.index, written.scenario, written.strategy, written.backend,
                       written.seed, written.error));
  }
}

TEST(MatrixReport, ReadsAMatrixJsonWrittenBeforeFailedRunsWereRecorded) {
  auto json = matrix_to_json(sample_matrix().report);
  json.erase("failed_runs");
  const auto file = std::filesystem::temp_directory_path() / "lmlab-matrix-older-test.json";
  std::ofstream(file) << json.dump();
  const MatrixReport read = read_matrix_file(file.string());
  std::filesystem::remove(file);
  EXPECT_EQ(read.runs.size(), 4u);
  EXPECT_TRUE(read.failed_runs.empty());
}

// What merge trusts in a matrix.json: a shard i of n with 1 <= i <= n, and result files inside
// the matrix directory (merge writes each again under its name). Anything else is refused
// with the file and the place named.
TEST(MatrixReport, RefusesShardsOutOfRangeAndResultsOutsideItsDirectory) {
  const auto file = std::filesystem::temp_directory_path() / "lmlab-matrix-bad-test.json";
  const auto refusal = [&](const std::function<void(nlohmann::ordered_json&)>& spoil) -> std::string {
    auto json = matrix_to_json(sample_matrix().report);
    spoil(json);
    std::ofstream(file) << json.dump();
    try {
      read_matrix_file(file.string());
      return "";
    } catch (const MatrixFileError& error) {
      return error.what();
    }
  };
  const std::string path = file.string();
  EXPECT_EQ(refusal([](auto& json) { json["shard"]["index"] = -1; }),
            path + ": at /shard/index: expected a whole number from 0 to 4294967295, got -1");
  EXPECT_EQ(refusal([](auto& json) { json["shard"] = {{"index", 3}, {"count", 2}}; }),
            path + ": at /shard: expected shard i of n with 1 <= i <= n, got 3 of 2");
  EXPECT_EQ(refusal([](auto& json) { json["runs"][1]["result"] = "../../etc/result.json"; }),
            path + ": at /runs/1/result: expected a path inside the matrix directory, got "
                   "'../../etc/result.json'");
  EXPECT_EQ(refusal([](auto& json) { json["runs"][0]["result"] = "/tmp/result.json"; }),
            path + ": at /runs/0/result: expected a path inside the matrix directory, got "
                   "'/tmp/result.json'");
  std::filesystem::remove(file);
}

TEST(MatrixReport, PagesListTheFailedRunsWithTheirCause) {
  const MatrixReport report = matrix_with_failed_runs().report;
  const std::string html = render_matrix_html(report);
  for (const char* mark :
       {"1/4 runs met their expectations, 3 could not run",
        R"(<tr class="fail"><td>tcp-survival</td><td>naive</td><td>ovn</td>)"
        "<td>0/2, 2 could not run</td><td>-</td>",
        R"(<tr class="fail"><td>tcp-survival</td><td>kube-ovn</td><td>ovn</td>)"
        "<td>1/2, 1 could not run</td>",
        "<h2>Runs that could not be carried out (3)</h2>",
        "<td>tcp-survival</td><td>kube-ovn</td><td>ovn</td><td>2</td><td>interrupted by Interrupt; "
        "the lab was removed</td>",
        "tcp-survival · naive · ovn (seeds 1, 2; 0/2 met their expectations, 2 could not run)"})
    EXPECT_NE(html.find(mark), std::string::npos) << mark;
  const std::string markdown = render_matrix_markdown(report);
  EXPECT_EQ(markdown.rfind("### ❌ FAIL: matrix of 1 scenario", 0), 0u) << markdown;
  for (const char* mark : {"| tcp-survival | naive | ovn | 0/2, 2 could not run | - |",
                           "#### Runs that could not be carried out (3)",
                           "| tcp-survival | naive | ovn | 1 | the ovn backend needs root |"})
    EXPECT_NE(markdown.find(mark), std::string::npos) << mark << "\n" << markdown;
  const std::string text = render_matrix_text(report);
  for (const char* mark : {"Runs that could not be carried out (3):",
                           "1/4 runs met their expectations, 3 could not run, FAIL"})
    EXPECT_NE(text.find(mark), std::string::npos) << mark << "\n" << text;
}

TEST(MatrixReport, PagesShowEveryCellItsSpreadAndEveryRun) {
  const MatrixReport report = sample_matrix().report;
  const std::string html = render_matrix_html(report);
  for (const char* mark :
       {"Matrix of 1 scenario × 2 strategies × 1 backend × 2 repeats, shard 1/1",
        "<td>tcp-survival</td><td>naive</td><td>ns3</td><td>0/2</td><td>526.000</td>",
        "Downtime, worst probe direction", "median 526.0 · p95 529.6 ms",
        R"(<a href="runs/3/report.html">tcp-survival · naive · ns3 · seed 2</a>: FAIL)"})
    EXPECT_NE(html.find(mark), std::string::npos) << mark;
  const std::string markdown = render_matrix_markdown(report);
  EXPECT_EQ(markdown.rfind("### ❌ FAIL: matrix of 1 scenario", 0), 0u) << markdown;
  EXPECT_NE(markdown.find("| tcp-survival | kube-ovn | ns3 | 0/2 | 18.250 | 18.925 | "
                          "17.500–19.000 | 0.750 |"),
            std::string::npos)
      << markdown;
}

}  // namespace
}  // namespace lmlab
