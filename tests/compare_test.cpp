// Lining runs up figure by figure and gating on regressions.
#include "reports/compare.hpp"

#include <gtest/gtest.h>

#include "reports/compare_report.hpp"
#include "tests/sample_result.hpp"

namespace lmlab {
namespace {

using namespace std::chrono_literals;

const ComparedFigure& figure(const Comparison& comparison, const std::string& subject,
                             const std::string& name) {
  for (const ComparedFigure& figure : comparison.figures)
    if (figure.subject == subject && figure.name == name) return figure;
  throw std::out_of_range(subject + " " + name);
}

Comparison compare(const Result& a, const Result& b, const std::string& tolerance = "") {
  std::optional<Tolerance> parsed;
  if (!tolerance.empty()) parsed = parse_tolerance(tolerance);
  return compare_runs({{"A", "a.json", &a}, {"B", "b.json", &b}}, parsed);
}

TEST(Tolerance, ShareOrDuration) {
  const auto share = parse_tolerance("20%");
  ASSERT_TRUE(share);
  EXPECT_DOUBLE_EQ(*share->share, 0.2);
  EXPECT_FALSE(share->duration);
  const auto duration = parse_tolerance("5ms");
  ASSERT_TRUE(duration);
  EXPECT_EQ(*duration->duration, 5ms);
  EXPECT_EQ(duration->text, "5ms");
  for (const char* bad : {"", "%", "20", "-5%", "x%", "fast", "5 ms"})
    EXPECT_FALSE(parse_tolerance(bad)) << bad;
}

TEST(CompareRuns, EveryFigureSideBySide) {
  const Result a = sample_result();
  Result b = sample_result();
  b.figures.probes[0].downtime = 40ms;
  const Comparison comparison = compare(a, b);
  const ComparedFigure& downtime = figure(comparison, "vm1 probe client-to-vm", "downtime");
  EXPECT_EQ(downtime.values, (std::vector<std::optional<double>>{20.0, 40.0}));
  EXPECT_TRUE(downtime.gated);
  EXPECT_EQ(figure(comparison, "vm1 stream client-to-vm", "retransmissions").values[1], 3.0);
  EXPECT_EQ(figure(comparison, "vm1 to node-b", "first packet").values[0], std::nullopt);
  EXPECT_EQ(figure(comparison, "expectations", "met").values[0], 1.0);
  EXPECT_TRUE(comparison.regressions.empty()) << "no tolerance, no verdict";
}

TEST(CompareRuns, ShareToleranceFlagsWorseDowntime) {
  const Result a = sample_result();
  Result b = sample_result();
  b.figures.probes[0].downtime = 40ms;  // +100%
  b.figures.probes[1].downtime = 19ms;  // 17.5 -> 19: +8.6%
  const Comparison comparison = compare(a, b, "20%");
  ASSERT_EQ(comparison.regressions.size(), 1u);
  EXPECT_EQ(comparison.regressions[0].run, 1u);
  EXPECT_EQ(comparison.regressions[0].description,
            "B: vm1 probe client-to-vm downtime 40.000 ms against 20.000 ms in A, +20.000 ms "
            "(+100.0%)");
  EXPECT_TRUE(figure(comparison, "vm1 probe client-to-vm", "downtime").regressed[1]);
  EXPECT_FALSE(figure(comparison, "vm1 probe vm-to-client", "downtime").regressed[1]);
}

TEST(CompareRuns, DurationToleranceAppliesToMillisecondsOnly) {
  const Result a = sample_result();
  Result b = sample_result();
  b.figures.probes[0].downtime = 40ms;             // +20 ms
  b.figures.tcp_streams[0].stall = 260ms;          // +30 ms
  b.figures.tcp_streams[0].retransmissions = 300;  // not gated
  const Comparison comparison = compare(a, b, "25ms");
  ASSERT_EQ(comparison.regressions.size(), 1u);
  EXPECT_NE(comparison.regressions[0].description.find("stall"), std::string::npos);
  EXPECT_TRUE(compare(a, b, "30ms").regressions.empty());
}

TEST(CompareRuns, LosingSurvivalOrIdentityIsAlwaysARegression) {
  Result a = sample_result();
  a.figures.tcp_streams[0].survived = true;
  Result b = sample_result();
  b.figures.identities[0].mac_preserved = false;
  const Comparison comparison = compare(a, b, "1000%");
  ASSERT_EQ(comparison.regressions.size(), 2u);
  EXPECT_NE(comparison.regressions[0].description.find("survived no against yes"),
            std::string::npos);
  EXPECT_NE(comparison.regressions[1].description.find("MAC preserved"), std::string::npos);
  // Getting better is no regression.
  EXPECT_TRUE(compare(b, a, "0%").regressions.size() == 0);
}

TEST(CompareRuns, RunsOfDifferentScenariosAreRefused) {
  const Result a = sample_result();
  Result b = sample_result();
  b.scenario.name = "other";
  b.figures.tcp_streams.clear();
  try {
    compare(a, b);
    FAIL() << "compared runs that measure different things";
  } catch (const ComparisonError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("a.json (tcp-survival) with b.json (other)"), std::string::npos)
        << message;
    EXPECT_NE(message.find("vm1 stream client-to-vm survived"), std::string::npos) << message;
  }
}

TEST(CompareReport, MarkdownLeadsWithTheVerdictAndGatedFigures) {
  const Result a = sample_result();
  Result b = sample_result();
  b.figures.probes[0].downtime = 40ms;
  const std::string markdown = render_compare_markdown(compare(a, b, "20%"));
  EXPECT_EQ(markdown.rfind("### ❌ FAIL: 2 runs of tcp-survival\n", 0), 0u) << markdown;
  EXPECT_NE(markdown.find("| vm1 probe client-to-vm | downtime | 20.000 ms | 40.000 ms | "
                          "+20.000 ms (+100.0%) (worse) |"),
            std::string::npos)
      << markdown;
  EXPECT_LT(markdown.find("| vm1 probe client-to-vm | downtime |"),
            markdown.find("<details><summary>Every other figure"));
}

TEST(CompareReport, HtmlOverlaysTheRunsOnOneAxis) {
  const Result a = sample_result();
  Result b = sample_result();
  b.figures.tcp_streams[0].stalls = {Gap{4790ms, 5390ms}};
  b.figures.tcp_streams[0].stall_start = 4790ms;
  b.figures.tcp_streams[0].stall = 600ms;
  const std::string html = render_compare_html(compare(a, b, "20%"));
  for (const char* mark : {"A · probe client→VM", "B · probe client→VM", ">A · stall 230.0 ms<",
                           ">B · stall 600.0 ms<", R"(class="curve run-1")",
                           R"(<tr class="worse"><td>vm1 stream client-to-vm</td><td>stall</td>)",
                           "A · downtime, by cause", "B · downtime, by cause"})
    EXPECT_NE(html.find(mark), std::string::npos) << mark;
}

}  // namespace
}  // namespace lmlab
