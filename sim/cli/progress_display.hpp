// Progress of long runs, on stderr. On a terminal one line is redrawn in place: which run of
// how many, the simulated time reached and an estimate of the time left. Elsewhere (CI logs)
// nothing is drawn while a run plays; with several runs, one line is written as each ends.
// A run that could not be carried out gets a line with the reason everywhere.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "sim/runner/runner.hpp"

namespace lmlab::cli {

class ProgressDisplay {
 public:
  // `durations`: the simulated duration of every run to come, in order.
  ProgressDisplay(std::FILE* stream, bool terminal, std::vector<Time> durations);
  // Clears: a run that throws leaves no half-drawn line before its error message.
  ~ProgressDisplay();
  ProgressDisplay(const ProgressDisplay&) = delete;
  ProgressDisplay& operator=(const ProgressDisplay&) = delete;

  void start(std::size_t run, std::string label);
  void advance(Time simulated);
  void finish(bool passed);
  // A run that could not be carried out: one line with the reason, on a terminal too, since
  // the run leaves no report of its own.
  void fail(const std::string& error);
  // Erases the line drawn on a terminal, so that other output starts on a clean line.
  void clear();

  // For RunOptions::progress; valid while this display lives.
  ProgressCallback callback();

 private:
  using Clock = std::chrono::steady_clock;
  void draw();
  void end_run();
  std::string time_left() const;

  std::FILE* stream_;
  bool terminal_;
  std::vector<Time> durations_;
  Time total_{0};
  Time finished_{0};  // simulated time of the runs already finished
  std::size_t run_ = 0;
  std::string label_;
  Time simulated_{0};
  Clock::time_point started_;
  Clock::time_point run_started_;
  Clock::time_point last_draw_;
  bool drawn_ = false;  // a line is on the terminal
};

// Whether `stream` is a terminal (and not a pipe or a file).
bool is_terminal(std::FILE* stream);

}  // namespace lmlab::cli
