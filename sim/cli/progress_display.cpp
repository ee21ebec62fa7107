#include "sim/cli/progress_display.hpp"

#include <unistd.h>

#include <fmt/format.h>

#include "reports/text_format.hpp"

namespace lmlab::cli {

namespace {
// Redraws at most ten times a second: enough to look alive, too few to cost anything.
constexpr auto kRedrawInterval = std::chrono::milliseconds(100);
constexpr const char* kEraseLine = "\r\x1b[2K";

std::string minutes_and_seconds(double seconds) {
  const auto whole = static_cast<long>(seconds + 0.5);
  return whole >= 60 ? fmt::format("{} min {:02} s", whole / 60, whole % 60)
                     : fmt::format("{} s", whole);
}
}  // namespace

bool is_terminal(std::FILE* stream) { return isatty(fileno(stream)) == 1; }

ProgressDisplay::ProgressDisplay(std::FILE* stream, bool terminal, std::vector<Time> durations)
    : stream_(stream),
      terminal_(terminal),
      durations_(std::move(durations)),
      started_(Clock::now()) {
  for (const Time duration : durations_) total_ += duration;
}

ProgressDisplay::~ProgressDisplay() { clear(); }

void ProgressDisplay::start(std::size_t run, std::string label) {
  run_ = run;
  label_ = std::move(label);
  simulated_ = Time{0};
  run_started_ = Clock::now();
  last_draw_ = Clock::time_point{};
  draw();
}

void ProgressDisplay::advance(Time simulated) {
  simulated_ = simulated;
  if (Clock::now() - last_draw_ >= kRedrawInterval) draw();
}

void ProgressDisplay::finish(bool passed) {
  end_run();
  if (terminal_ || durations_.size() < 2) return;
  const std::chrono::duration<double> wall = Clock::now() - run_started_;
  fmt::print(stream_, "[{}/{}] {}: {} ({:.1f} s)\n", run_ + 1, durations_.size(), label_,
             passed ? "PASS" : "FAIL", wall.count());
  std::fflush(stream_);
}

void ProgressDisplay::fail(const std::string& error) {
  end_run();
  clear();
  fmt::print(stream_, "[{}/{}] {}: could not run: {}\n", run_ + 1, durations_.size(), label_,
             error);
  std::fflush(stream_);
}

void ProgressDisplay::end_run() {
  finished_ += durations_.at(run_);
  simulated_ = Time{0};
}

void ProgressDisplay::clear() {
  if (!drawn_) return;
  drawn_ = false;
  fmt::print(stream_, "{}", kEraseLine);
  std::fflush(stream_);
}

ProgressCallback ProgressDisplay::callback() {
  return [this](Time simulated) { advance(simulated); };
}

// Assumes simulated time costs the same everywhere: the estimate scales the time spent so
// far by the share of all simulated time still to play.
std::string ProgressDisplay::time_left() const {
  const double done = std::chrono::duration<double>(finished_ + simulated_).count();
  const double total = std::chrono::duration<double>(total_).count();
  const double elapsed = std::chrono::duration<double>(Clock::now() - started_).count();
  if (done <= 0.01 * total || elapsed < 0.5) return "estimating time left";
  return minutes_and_seconds(elapsed * (total - done) / done) + " left";
}

void ProgressDisplay::draw() {
  if (!terminal_) return;
  drawn_ = true;
  last_draw_ = Clock::now();
  fmt::print(stream_, "{}[{}/{}] {} · {} of {} simulated · {}", kEraseLine, run_ + 1,
             durations_.size(), label_, format_seconds(simulated_, " s"),
             format_seconds(durations_.at(run_), " s"), time_left());
  std::fflush(stream_);
}

}  // namespace lmlab::cli
