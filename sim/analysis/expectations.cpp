#include "sim/analysis/expectations.hpp"

#include <string>
#include <vector>

#include "sim/analysis/verdict_text.hpp"

namespace lmlab {
namespace {

const char* to_text(bool value) { return value ? "true" : "false"; }

// An expectation the run gave nothing to check against fails rather than passing silently.
ExpectationResult nothing_to_measure(const std::string& expectation, const std::string& expected,
                                     const std::string& missing) {
  return ExpectationResult{.expectation = expectation,
                           .subject = "-",
                           .expected = expected,
                           .measured = "nothing to measure: " + missing,
                           .passed = false};
}

void check_max_downtime(std::vector<ExpectationResult>& results, const Scenario& scenario,
                        const Figures& figures, Time limit) {
  const std::string expected = "<= " + format_duration(limit);
  const auto first = results.size();
  for (const ProbeFigures& probe : figures.probes) {
    if (!migrates(scenario, probe.vm)) continue;
    results.push_back(ExpectationResult{
        .expectation = "max_downtime",
        .subject = flow_subject(probe.vm, probe.workload, probe.direction),
        .expected = expected,
        .measured = probe.recovered ? format_measured(probe.downtime) : "not recovered",
        .passed = probe.recovered && probe.downtime <= limit});
  }
  if (results.size() == first) {
    results.push_back(
        nothing_to_measure("max_downtime", expected, "no probe flow of a migrated VM"));
  }
}

void check_tcp_survives(std::vector<ExpectationResult>& results, const Figures& figures,
                        bool survives) {
  const std::string expected = to_text(survives);
  for (const TcpFigures& tcp : figures.tcp_streams) {
    results.push_back(
        ExpectationResult{.expectation = "tcp_survives",
                          .subject = flow_subject(tcp.vm, tcp.workload, tcp.direction),
                          .expected = expected,
                          .measured = tcp.survived ? "true" : "false (" + tcp.failure + ")",
                          .passed = tcp.survived == survives});
  }
  if (figures.tcp_streams.empty()) {
    results.push_back(nothing_to_measure("tcp_survives", expected, "no TCP stream"));
  }
}

// One identity attribute (IP or MAC) compared before and after migration.
struct IdentityAttribute {
  const char* expectation;
  std::string IdentityFigures::*before;
  std::string IdentityFigures::*after;
  bool IdentityFigures::*preserved;
};

std::string or_dash(const std::string& value) { return value.empty() ? "-" : value; }

void check_preserved(std::vector<ExpectationResult>& results, const Figures& figures,
                     const IdentityAttribute& attribute, bool preserved) {
  const std::string expected = to_text(preserved);
  for (const IdentityFigures& identity : figures.identities) {
    results.push_back(ExpectationResult{.expectation = attribute.expectation,
                                        .subject = identity.vm,
                                        .expected = expected,
                                        .measured = or_dash(identity.*attribute.before) + " -> " +
                                                    or_dash(identity.*attribute.after),
                                        .passed = identity.*attribute.preserved == preserved});
  }
  if (figures.identities.empty()) {
    results.push_back(nothing_to_measure(attribute.expectation, expected, "no migrated VM"));
  }
}

constexpr IdentityAttribute kIp{"ip_preserved", &IdentityFigures::ip_before,
                                &IdentityFigures::ip_after, &IdentityFigures::ip_preserved};
constexpr IdentityAttribute kMac{"mac_preserved", &IdentityFigures::mac_before,
                                 &IdentityFigures::mac_after, &IdentityFigures::mac_preserved};

}  // namespace

std::vector<ExpectationResult> evaluate_expectations(const Scenario& scenario,
                                                     const Figures& figures) {
  const Expectations& expectations = scenario.expectations;
  std::vector<ExpectationResult> results;
  if (expectations.max_downtime) {
    check_max_downtime(results, scenario, figures, *expectations.max_downtime);
  }
  if (expectations.tcp_survives) check_tcp_survives(results, figures, *expectations.tcp_survives);
  if (expectations.ip_preserved) check_preserved(results, figures, kIp, *expectations.ip_preserved);
  if (expectations.mac_preserved) {
    check_preserved(results, figures, kMac, *expectations.mac_preserved);
  }
  return results;
}

}  // namespace lmlab
