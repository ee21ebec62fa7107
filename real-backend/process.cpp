#include "real-backend/process.hpp"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace lmlab::real {

namespace {

// The strings and pointer arrays exec needs, built before fork so the child allocates nothing.
class ExecImage {
 public:
  ExecImage(const Argv& argv, const Environment& environment) : argv_(argv) {
    if (argv_.empty()) throw CommandError("empty command");
    for (char** entry = environ; *entry != nullptr; ++entry) {
      const std::string variable(*entry);
      const auto name = variable.substr(0, variable.find('='));
      if (!environment.count(name)) environment_.push_back(variable);
    }
    for (const auto& [name, value] : environment) environment_.push_back(name + "=" + value);
    for (auto& word : argv_) argv_pointers_.push_back(word.data());
    argv_pointers_.push_back(nullptr);
    for (auto& variable : environment_) environment_pointers_.push_back(variable.data());
    environment_pointers_.push_back(nullptr);
  }
  char* file() { return argv_pointers_.front(); }
  char** argv() { return argv_pointers_.data(); }
  char** envp() { return environment_pointers_.data(); }

 private:
  Argv argv_;
  std::vector<std::string> environment_;
  std::vector<char*> argv_pointers_;
  std::vector<char*> environment_pointers_;
};

int exit_code_of(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

// Reads both pipes until the child closes them.
void drain(int out_fd, int err_fd, CommandResult& result) {
  std::array<pollfd, 2> fds{{{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}}};
  std::array<std::string*, 2> sinks{&result.out, &result.err};
  int open_count = 2;
  char buffer[4096];
  while (open_count > 0) {
    if (poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t count = read(fds[i].fd, buffer, sizeof buffer);
      if (count > 0) {
        sinks[i]->append(buffer, static_cast<std::size_t>(count));
      } else if (count == 0 || errno != EINTR) {
        fds[i].fd = -1;
        --open_count;
      }
    }
  }
}

}  // namespace

std::array<int, 2> make_pipe() {
  std::array<int, 2> ends{};
  if (pipe2(ends.data(), O_CLOEXEC) != 0)
    throw CommandError(std::string("pipe: ") + std::strerror(errno));
  return ends;
}

std::string describe(const Argv& argv) {
  std::string text;
  for (const auto& word : argv) {
    if (!text.empty()) text += ' ';
    text += word.find_first_of(" \t\"'") == std::string::npos ? word : "'" + word + "'";
  }
  return text;
}

CommandResult run_command(const Argv& argv, const Environment& environment) {
  ExecImage image(argv, environment);
  auto out = make_pipe();
  auto err = make_pipe();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  pid_t pid = -1;
  const int spawn_error =
      posix_spawnp(&pid, image.file(), &actions, nullptr, image.argv(), image.envp());
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  close(err[1]);
  if (spawn_error != 0) {
    close(out[0]);
    close(err[0]);
    throw CommandError("cannot run " + argv.front() + ": " + std::strerror(spawn_error));
  }
  CommandResult result;
  drain(out[0], err[0], result);
  close(out[0]);
  close(err[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = exit_code_of(status);
  return result;
}

int run_daemonizing(const Argv& argv, const Environment& environment,
                    const std::string& output_file) {
  ExecImage image(argv, environment);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, output_file.c_str(),
                                   O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  pid_t pid = -1;
  const int spawn_error =
      posix_spawnp(&pid, image.file(), &actions, nullptr, image.argv(), image.envp());
  posix_spawn_file_actions_destroy(&actions);
  if (spawn_error != 0)
    throw CommandError("cannot run " + argv.front() + ": " + std::strerror(spawn_error));
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return exit_code_of(status);
}

std::string check_command(const Argv& argv, const Environment& environment) {
  auto result = run_command(argv, environment);
  if (result.exit_code != 0) {
    auto message = describe(argv) + " failed (exit " + std::to_string(result.exit_code) + ")";
    const auto text = result.err.empty() ? result.out : result.err;
    if (!text.empty()) message += ": " + text.substr(0, text.find_last_not_of('\n') + 1);
    throw CommandError(message);
  }
  return std::move(result.out);
}

ChildProcess::ChildProcess(const Argv& argv, const Environment& environment) {
  ExecImage image(argv, environment);
  program_ = argv.front();
  auto out = make_pipe();
  auto in = make_pipe();
  auto exec_status = make_pipe();  // carries errno if exec fails; closed by a successful exec
  const pid_t parent = getpid();
  pid_ = fork();
  if (pid_ < 0) throw CommandError(std::string("fork: ") + std::strerror(errno));
  if (pid_ == 0) {
    // Only async-signal-safe calls from here on.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) _exit(127);
    dup2(out[1], STDOUT_FILENO);
    dup2(in[0], STDIN_FILENO);
    execvpe(image.file(), image.argv(), image.envp());
    const int error = errno;
    [[maybe_unused]] const auto written = write(exec_status[1], &error, sizeof error);
    _exit(127);
  }
  close(out[1]);
  close(in[0]);
  close(exec_status[1]);
  int error = 0;
  const auto count = read(exec_status[0], &error, sizeof error);
  close(exec_status[0]);
  if (count == static_cast<ssize_t>(sizeof error)) {
    close(out[0]);
    close(in[1]);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
    throw CommandError("cannot run " + argv.front() + ": " + std::strerror(error));
  }
  stdout_fd_ = out[0];
  stdin_fd_ = in[1];
}

void ChildProcess::write_line(const std::string& line) {
  const auto text = line + "\n";
  for (std::size_t written = 0; written < text.size();) {
    const auto count = write(stdin_fd_, text.data() + written, text.size() - written);
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) throw CommandError(program_ + " stopped taking input: " + std::strerror(errno));
    written += static_cast<std::size_t>(count);
  }
}

std::string ChildProcess::read_line(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    const auto newline = unread_.find('\n');
    if (newline != std::string::npos) {
      std::string line = unread_.substr(0, newline);
      unread_.erase(0, newline + 1);
      return line;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    pollfd ready{stdout_fd_, POLLIN, 0};
    const int polled = left.count() > 0 ? poll(&ready, 1, static_cast<int>(left.count())) : 0;
    if (polled < 0 && errno == EINTR) continue;
    if (polled == 0) throw CommandError(program_ + " printed nothing within " +
                                        std::to_string(timeout.count()) + " ms");
    char buffer[4096];
    const auto count = read(stdout_fd_, buffer, sizeof buffer);
    if (count < 0 && errno == EINTR) continue;
    if (count <= 0) throw CommandError(program_ + " stopped printing");
    unread_.append(buffer, static_cast<std::size_t>(count));
  }
}

ChildProcess::~ChildProcess() { stop(); }

int ChildProcess::wait() {
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  stop();
  return exit_code_of(status);
}

void ChildProcess::stop() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    while (waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
  }
  if (stdin_fd_ >= 0) close(stdin_fd_);
  if (stdout_fd_ >= 0) close(stdout_fd_);
  stdin_fd_ = -1;
  stdout_fd_ = -1;
}

}  // namespace lmlab::real
