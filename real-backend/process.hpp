// Starting programs from argv vectors (never through a shell): run-to-completion commands
// with their output captured, and long-lived children whose stdout the caller reads.
#pragma once

#include <array>
#include <chrono>
#include <map>
#include <stdexcept>
#include <string>
#include <sys/types.h>
#include <vector>

namespace lmlab::real {

using Argv = std::vector<std::string>;
// Variables added to (or replacing those of) this process's environment.
using Environment = std::map<std::string, std::string>;

struct CommandResult {
  int exit_code = 0;  // 128 + signal number when the command was killed
  std::string out;
  std::string err;
};

// A command that could not be started, or that failed where success was required. The
// message names the command and carries what it printed on stderr.
class CommandError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Runs argv to completion and returns its exit code and output. Throws CommandError only
// when the program cannot be started.
CommandResult run_command(const Argv& argv, const Environment& environment = {});
// Runs a program that detaches into a daemon, its stdout and stderr going to `output_file`
// (a daemon may keep them open, so they cannot be pipes we wait on). Returns its exit code.
int run_daemonizing(const Argv& argv, const Environment& environment,
                    const std::string& output_file);
// Like run_command, but a non-zero exit is a CommandError.
std::string check_command(const Argv& argv, const Environment& environment = {});
// A pipe whose two ends close on exec; throws CommandError if it cannot be made.
std::array<int, 2> make_pipe();
// argv as a person would type it, for messages.
std::string describe(const Argv& argv);

// A child that runs alongside lmlab and is sent SIGTERM by the kernel if lmlab dies first.
class ChildProcess {
 public:
  ChildProcess(const Argv& argv, const Environment& environment = {});
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  // Read end of the child's stdout and write end of its stdin; the object closes them.
  int stdout_fd() const { return stdout_fd_; }
  int stdin_fd() const { return stdin_fd_; }
  // Writes a line to the child's stdin; throws CommandError if the child is gone.
  void write_line(const std::string& line);
  // The next line the child prints (without its newline); throws CommandError if none comes
  // within `timeout` or the child is gone.
  std::string read_line(std::chrono::milliseconds timeout);
  // Sends SIGTERM and reaps the child; idempotent.
  void stop();
  // Waits for the child to exit by itself and returns its exit code (128 + signal if killed).
  int wait();

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  int stdin_fd_ = -1;
  std::string program_;
  std::string unread_;  // read from stdout past the last line returned
};

}  // namespace lmlab::real
