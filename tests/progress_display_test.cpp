// What a long run shows while it plays: redrawn in place on a terminal, one line per run in a
// log.
#include "sim/cli/progress_display.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include <gtest/gtest.h>

namespace lmlab::cli {
namespace {

using namespace std::chrono_literals;

// What a display wrote, captured in memory.
class Captured {
 public:
  Captured() : stream_(open_memstream(&buffer_, &size_)) {}
  ~Captured() {
    std::fclose(stream_);
    std::free(buffer_);
  }
  std::FILE* stream() { return stream_; }
  std::string text() {
    std::fflush(stream_);
    return std::string(buffer_, size_);
  }

 private:
  char* buffer_ = nullptr;
  std::size_t size_ = 0;
  std::FILE* stream_;
};

TEST(ProgressDisplay, LogGetsOneLinePerFinishedRun) {
  Captured out;
  ProgressDisplay display(out.stream(), false, {12s, 4s});
  display.start(0, "tcp-survival kube-ovn ns3 seed 1");
  for (int i = 1; i < 100; ++i) display.advance(i * 120ms);
  display.finish(true);
  display.start(1, "probe-only naive ns3 seed 1");
  display.callback()(2s);
  display.finish(false);
  display.clear();
  const std::string text = out.text();
  EXPECT_EQ(text.find('\r'), std::string::npos);
  EXPECT_EQ(text.find("simulated"), std::string::npos);
  EXPECT_NE(text.find("[1/2] tcp-survival kube-ovn ns3 seed 1: PASS ("), std::string::npos);
  EXPECT_NE(text.find("[2/2] probe-only naive ns3 seed 1: FAIL ("), std::string::npos);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2);
}

TEST(ProgressDisplay, ASingleRunInALogIsQuiet) {
  Captured out;
  ProgressDisplay display(out.stream(), false, {12s});
  display.start(0, "tcp-survival on ns3");
  display.advance(6s);
  display.finish(true);
  EXPECT_EQ(out.text(), "");
}

TEST(ProgressDisplay, TerminalLineIsRedrawnInPlaceAndCleared) {
  Captured out;
  ProgressDisplay display(out.stream(), true, {12s, 12s});
  display.start(1, "tcp-survival naive ns3 seed 2");
  const std::string text = out.text();
  EXPECT_EQ(text.rfind("\r\x1b[2K[2/2] tcp-survival naive ns3 seed 2 · 0.000 s of 12.000 s "
                       "simulated · ",
                       0),
            0u)
      << text;
  display.clear();
  EXPECT_EQ(out.text().substr(text.size()), "\r\x1b[2K");
}

TEST(ProgressDisplay, ARunThatCouldNotRunSaysWhyInALogAndOnATerminal) {
  for (const bool terminal : {false, true}) {
    Captured out;
    ProgressDisplay display(out.stream(), terminal, {12s});
    display.start(0, "tcp-survival kube-ovn ovn seed 1");
    display.fail("the ovn backend needs root");
    // On a terminal the progress line is erased first.
    const std::string failed =
        std::string(terminal ? "\r\x1b[2K" : "") +
        "[1/1] tcp-survival kube-ovn ovn seed 1: could not run: the ovn backend needs root\n";
    const std::string text = out.text();
    ASSERT_GE(text.size(), failed.size()) << terminal;
    EXPECT_EQ(text.substr(text.size() - failed.size()), failed) << terminal;
  }
}

TEST(ProgressDisplay, TakesItsLineAwayWithIt) {
  Captured out;
  std::size_t drawn = 0;
  {
    ProgressDisplay display(out.stream(), true, {12s});
    display.start(0, "tcp-survival kube-ovn ovn seed 1");
    drawn = out.text().size();
  }
  EXPECT_EQ(out.text().substr(drawn), "\r\x1b[2K");
}

}  // namespace
}  // namespace lmlab::cli
