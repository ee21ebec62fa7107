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
std::string suite_name(const Result& result) {
  return fmt::format("{} ({}, {}, seed {})", result.scenario.name,
                     to_string(result.scenario.cluster.strategy), result.backend, result.seed);
}

std::string testcase(const Result& result, const ExpectationResult& expectation) {
  const std::string verdict =
      fmt::format("measured {}, expected {}", expectation.measured, expectation.expected);
  std::string xml =
      fmt::format("    <testcase{}{}>\n",
                  attribute("name", expectation.expectation + " " + expectation.subject),
                  attribute("classname", "lmlab." + result.scenario.name));
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
  std::string xml = fmt::format(
      "  <testsuite{}{}{} errors=\"0\" skipped=\"0\"{}>\n", attribute("name", suite_name(result)),
      attribute("tests", std::to_string(result.expectations.size())),
      attribute("failures", std::to_string(failures(result))),
      attribute("time", fmt::format("{:.3f}", result.metadata.wall_time_seconds)));
  xml += "    <properties>\n" + property("backend", result.backend) +
         property("backend_version", result.metadata.backend_version) +
         property("strategy", to_string(result.scenario.cluster.strategy)) +
         property("seed", std::to_string(result.seed)) +
         property("scenario_file", result.scenario.source_file) +
         property("lmlab_version", result.metadata.lmlab_version) +
         property("started_at", result.metadata.started_at) + "    </properties>\n";
  for (const ExpectationResult& expectation : result.expectations)
    xml += testcase(result, expectation);
  return xml + "  </testsuite>\n";
}

}  // namespace

std::string render_junit_report(const std::vector<const Result*>& results) {
  std::size_t tests = 0, failed = 0;
  double time = 0;
  std::string suites;
  for (const Result* result : results) {
    tests += result->expectations.size();
    failed += failures(*result);
    time += result->metadata.wall_time_seconds;
    suites += testsuite(*result);
  }
  return fmt::format(
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<testsuites name=\"lmlab\" tests=\"{}\" failures=\"{}\" errors=\"0\" "
             "time=\"{:.3f}\">\n",
             tests, failed, time) +
         suites + "</testsuites>\n";
}

}  // namespace lmlab
