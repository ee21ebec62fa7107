// The HTML report and its SVG timelines: self-contained, escaped, and showing what a reader
// needs to find the downtime.
#include "reports/html_report.hpp"

#include <regex>
#include <string>

#include <gtest/gtest.h>
#include <libxml/parser.h>

#include "reports/svg_timeline.hpp"
#include "tests/sample_result.hpp"

namespace lmlab {
namespace {

using namespace std::chrono_literals;

Result sample_with_announce() {
  Result result = sample_result();
  result.events.push_back(PhaseEvent{4816ms, "vm1", Phase::target_resumed, "node-b", ""});
  result.events.push_back(PhaseEvent{4816ms, "vm1", Phase::rarp_sent, "node-b", "round 1"});
  result.events.push_back(
      PhaseEvent{4817ms, "vm1", Phase::binding_active, "node-b", "activated by RARP"});
  return result;
}

std::vector<std::string> svg_elements(const std::string& html) {
  std::vector<std::string> svgs;
  for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at)) {
    const std::size_t end = html.find("</svg>", at) + 6;
    svgs.push_back(html.substr(at, end - at));
    at = end;
  }
  return svgs;
}

bool well_formed_xml(const std::string& text) {
  xmlDoc* document = xmlReadMemory(text.data(), static_cast<int>(text.size()), "svg.xml", nullptr,
                                   XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  xmlFreeDoc(document);
  return document != nullptr;
}

TEST(HtmlReport, SelfContainedWithoutScriptsOrFetches) {
  const std::string html = render_html_report(sample_with_announce());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  for (const char* fetch : {"<script", "<link", "src=", "@import", "url("})
    EXPECT_EQ(html.find(fetch), std::string::npos) << fetch;
  // The only address is the SVG namespace, which names and does not fetch.
  const std::regex address("https?://[^\"]*");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), address);
       it != std::sregex_iterator(); ++it)
    EXPECT_EQ(it->str(), "http://www.w3.org/2000/svg");
}

TEST(HtmlReport, VerdictsSummaryAndEveryExpectation) {
  const std::string html = render_html_report(sample_with_announce());
  EXPECT_NE(html.find("<title>tcp-survival: FAIL</title>"), std::string::npos);
  EXPECT_NE(html.find(R"(<span class="badge fail">FAIL</span>)"), std::string::npos);
  EXPECT_NE(html.find("<td>vm1 probe client-to-vm</td><td>&lt;= 50ms</td><td>20ms</td>"
                      "<td>pass</td>"),
            std::string::npos);
  EXPECT_NE(html.find(R"(<tr class="fail"><td>tcp_survives</td>)"), std::string::npos);
  EXPECT_NE(html.find("1/2</div><div class=\"what\">expectations met"), std::string::npos);
}

TEST(HtmlReport, HeaderSaysWhatNetworkTheRunWasPlayedOn) {
  const std::string html = render_html_report(sample_with_announce());
  EXPECT_NE(html.find(R"(<p class="meta">Network 10.16.0.0/16, MTU 1400.</p>)"),
            std::string::npos);
}

TEST(HtmlReport, TimelinesShowGapsStallsPhasesAndRarps) {
  const std::string html = render_html_report(sample_with_announce());
  const auto svgs = svg_elements(html);
  ASSERT_EQ(svgs.size(), 3u);  // breakdown, whole run, zoom
  const std::string& zoom = svgs[2];
  for (const char* mark :
       {">downtime 20.0 ms</text>", ">stall 230.0 ms</text>", ">VM paused</text>", "RARP 1",
        "port active on node-b", R"(class="gap")", R"(class="delivered")", R"(class="ph-paused")",
        R"(class="ph-converging")", R"(class="rarp-glyph")", R"(class="retx")",
        R"(class="curve run-0")"})
    EXPECT_NE(zoom.find(mark), std::string::npos) << mark;
  EXPECT_NE(svgs[1].find(">zoomed below</text>"), std::string::npos);
  EXPECT_NE(html.find("Zoomed on the disruption: 4.744 s to 5.066 s"), std::string::npos);
  EXPECT_NE(svgs[0].find(">VM paused 16.0 ms</text>"), std::string::npos);
}

TEST(HtmlReport, EverySvgIsWellFormedAndTextIsEscaped) {
  Result result = sample_with_announce();
  result.scenario.name = "<script>alert(1)</script>";
  result.events.push_back(PhaseEvent{4900ms, "vm1", Phase::northbound_update, "", "a<b & \"c\""});
  const std::string html = render_html_report(result);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  for (const std::string& svg : svg_elements(html)) EXPECT_TRUE(well_formed_xml(svg)) << svg;
}

TEST(DisruptionWindow, FromThePauseToTheLastChainedOutagePadded) {
  const Result result = sample_result();
  const auto window = disruption_window(result, "vm1");
  ASSERT_TRUE(window);
  // The TCP stall 4.790-5.020 s holds the probe gap and the pause; 20% of 230 ms each side.
  EXPECT_EQ(window->start, 4744ms);
  EXPECT_EQ(window->end, 5066ms);
  EXPECT_FALSE(disruption_window(result, "vm2"));
}

TEST(DisruptionWindow, BackoffStallsThatFollowBelongToIt) {
  Result result = sample_result();
  auto& tcp = result.figures.tcp_streams[0];
  tcp.stalls = {Gap{4790ms, 5020ms}, Gap{5020ms, 5420ms}, Gap{9000ms, 9100ms}};
  const auto window = disruption_window(result, "vm1");
  ASSERT_TRUE(window);
  EXPECT_EQ(window->end, 5420ms + (5420ms - 4790ms) / 5);
}

}  // namespace
}  // namespace lmlab
