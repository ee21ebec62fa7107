#include "reports/junit_report.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "reports/markup.hpp"

namespace lmlab {
namespace {

std::size_t failures(const Result& result) {
  return std::count_if(result.expectations.begin(), result.expectations.end(),
                       [](const ExpectationResult& expectation) { return !expectation.passed; });
}

std::string attribute(const char* name, const std::string& value) {
  return fmt::format(R"( {}="{}")", name, escape_markup(value));
}

std::string property(const char* name, const std::string& value) {
  return fmt::format("      <property{}{}/>\n", attribute("name", name), attribute("value", value));
}

// Runs of one scenario differ by strategy, backend and seed; all three name the suite.
std::string suite_name(const std::string& scenario, const std::string& strategy,
                       const std::string& backend, std::uint64_t seed) {
  return fmt::format("{} ({}, {}, seed {})", scenario, strategy, backend, seed);
}

std::string classname(const std::string& scenario) { return "lmlab." + scenario; }

std::string testcase(const Result& result, const ExpectationResult& expectation) {
  const std::string verdict =
      fmt::format("measured {}, expected {}", expectation.measured, expectation.expected);
  std::string xml =
      fmt::format("    <testcase{}{}>\n",
                  attribute("name", expectation.expectation + " " + expectation.subject),
                  attribute("classname", classname(result.scenario.name)));
  if (expectation.passed) {
    xml += "      <system-out>" + escape_markup(verdict) + "</system-out>\n";
  } else {
    xml += fmt::format("      <failure{}{}>{}</failure>\n", attribute("message", verdict),
                       attribute("type", expectation.expectation),
                       escape_markup(fmt::format("{} of {}: {}", expectation.expectation,
                                                 expectation.subject, verdict)));
  }
  return xml + "    </testcase>\n";
}

std::string testsuite(const Result& result) {
  const std::string strategy = to_string(result.scenario.cluster.strategy);
  std::string xml = fmt::format(
      "  <testsuite{}{}{} errors=\"0\" skipped=\"0\"{}>\n",
      attribute("name", suite_name(result.scenario.name, strategy, result.backend, result.seed)),
      attribute("tests", std::to_string(result.expectations.size())),
      attribute("failures", std::to_string(failures(result))),
      attribute("time", fmt::format("{:.3f}", result.metadata.wall_time_seconds)));
  xml += "    <properties>\n" + property("backend", result.backend) +
         property("backend_version", result.metadata.backend_version) +
         property("strategy", strategy) + property("seed", std::to_string(result.seed)) +
         property("scenario_file", result.scenario.source_file) +
         property("lmlab_version", result.metadata.lmlab_version) +
         property("started_at", result.metadata.started_at) + "    </properties>\n";
  for (const ExpectationResult& expectation : result.expectations)
    xml += testcase(result, expectation);
  return xml + "  </testsuite>\n";
}

// The run itself is the one testcase: no expectation was judged.
std::string error_testsuite(const FailedRun& run) {
  return fmt::format(
      "  <testsuite{} tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" time=\"0.000\">\n"
      "    <properties>\n{}{}{}    </properties>\n"
      "    <testcase{}{}>\n"
      "      <error{}{}>{}</error>\n"
      "    </testcase>\n"
      "  </testsuite>\n",
      attribute("name", suite_name(run.scenario, run.strategy, run.backend, run.seed)),
      property("backend", run.backend), property("strategy", run.strategy),
      property("seed", std::to_string(run.seed)), attribute("name", "run"),
      attribute("classname", classname(run.scenario)), attribute("message", run.error),
      attribute("type", "could not run"), escape_markup(run.error));
}

}  // namespace

std::string render_junit_report(const std::vector<const Result*>& results,
                                const std::vector<FailedRun>& failed_runs) {
  std::size_t tests = failed_runs.size(), failed = 0;
  double time = 0;
  std::string suites;
  for (const Result* result : results) {
    tests += result->expectations.size();
    failed += failures(*result);
    time += result->metadata.wall_time_seconds;
    suites += testsuite(*result);
  }
  for (const FailedRun& run : failed_runs) suites += error_testsuite(run);
  return fmt::format(
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<testsuites name=\"lmlab\" tests=\"{}\" failures=\"{}\" errors=\"{}\" "
             "time=\"{:.3f}\">\n",
             tests, failed, failed_runs.size(), time) +
         suites + "</testsuites>\n";
}

}  // namespace lmlab
