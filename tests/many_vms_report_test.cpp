// A node drain of 200 VMs with 1 ms probes keeps its result.json and report.html small: the
// result stores runs of deliveries between gaps as arrays of numbers, and the page shows how
// the downtime spread, the worst few VMs in full and the rest in one table.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "reports/html_report.hpp"
#include "reports/result_json.hpp"
#include "reports/result_json_reader.hpp"
#include "tests/many_vm_result.hpp"

namespace lmlab {
namespace {

using ::testing::HasSubstr;

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t count = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

class ManyVms : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { drain_ = new Result(many_vm_result()); }
  static void TearDownTestSuite() { delete drain_; }
  static const Result& drain() { return *drain_; }

 private:
  static inline Result* drain_ = nullptr;
};

TEST_F(ManyVms, ResultJsonStaysUnderTenMegabytesAndReadsBack) {
  const std::string text = render_result_json(drain());
  EXPECT_LT(text.size(), 10u << 20) << text.size();
  EXPECT_EQ(render_result_json(result_from_text(text)), text);
}

TEST_F(ManyVms, PageStaysUnderFiveMegabytes) {
  const std::string html = render_html_report(drain());
  EXPECT_LT(html.size(), 5u << 20) << html.size();
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);  // nothing fetched
  EXPECT_EQ(html.find(" href="), std::string::npos);
}

TEST_F(ManyVms, PageSummarizesTheDowntimeDistribution) {
  const std::string html = render_html_report(drain());
  EXPECT_THAT(html, HasSubstr("<h2>Downtime across 200 VMs</h2>"));
  EXPECT_THAT(html, HasSubstr("1 VM(s) never got probes through again"));
  EXPECT_THAT(html, HasSubstr(R"(class="cdf")"));
  EXPECT_THAT(html, HasSubstr(R"(class="bar")"));
  EXPECT_THAT(html, HasSubstr(R"(class="limit")"));  // max_downtime: 50ms
  // 17 to 56 ms: 40 VMs in each whole millisecond, the one not recovered left out.
  EXPECT_THAT(html, HasSubstr("199 VMs"));
}

// vm0 never recovers; then 56 ms, the longest downtime, is that of vm27, vm67, vm107, ...
TEST_F(ManyVms, WorstVmsAreDrawnInFullTheRestInOneTable) {
  const std::string html = render_html_report(drain());
  EXPECT_EQ(count_of(html, "<h2>Timeline of "), 5u);
  for (const char* vm : {"vm0", "vm27", "vm67", "vm107", "vm147"})
    EXPECT_THAT(html, HasSubstr(std::string("<h2>Timeline of ") + vm + "</h2>")) << vm;
  EXPECT_THAT(html, HasSubstr("<h2>Every VM, worst first (200)</h2>"));
  // vm0, and the 5 VMs each at 51 to 56 ms
  EXPECT_EQ(count_of(html, "<tr class=\"fail\"><td>vm"), 1u + 6u * 5u)
      << "rows over max_downtime are marked";
  const std::regex vm_row(R"(<tr(?: class="[a-z]*")?><td>vm[0-9]+</td><td>node-b</td>)");
  EXPECT_EQ(
      std::distance(std::sregex_iterator(html.begin(), html.end(), vm_row), std::sregex_iterator()),
      200);
}

// A run of a few VMs still draws each of them.
TEST_F(ManyVms, FewVmsAreEachDrawnWithoutTheSummary) {
  const std::string html = render_html_report(many_vm_result({.vms = 3}));
  EXPECT_EQ(count_of(html, "<h2>Timeline of "), 3u);
  EXPECT_EQ(html.find("Downtime across"), std::string::npos);
}

}  // namespace
}  // namespace lmlab
