#include "real-backend/lab_guardian.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

#include "real-backend/lab_manifest.hpp"
#include "real-backend/lab_teardown.hpp"

namespace lmlab::real {

namespace {

constexpr char kStandDown = 'k';

[[noreturn]] void guard(int lifeline, const std::string& lab_directory) {
  // Its own session: Ctrl-C on lmlab's terminal must not stop the one who cleans up after it.
  setsid();
  signal(SIGINT, SIG_IGN);
  signal(SIGTERM, SIG_IGN);
  signal(SIGHUP, SIG_IGN);
  char message = 0;
  ssize_t count;
  while ((count = read(lifeline, &message, 1)) < 0 && errno == EINTR) {
  }
  if (count == 1 && message == kStandDown) _exit(0);
  try {
    tear_down_lab(load_manifest(lab_directory));
  } catch (const std::exception&) {
    // No manifest: the lab was already removed.
  }
  _exit(0);
}

}  // namespace

LabGuardian::LabGuardian(const std::string& lab_directory) {
  int ends[2];
  if (pipe2(ends, O_CLOEXEC) != 0)
    throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid_ == 0) {
    close(ends[1]);
    guard(ends[0], lab_directory);
  }
  close(ends[0]);
  lifeline_ = ends[1];
}

LabGuardian::~LabGuardian() {
  if (lifeline_ >= 0) close(lifeline_);
  while (waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
  }
}

void LabGuardian::stand_down() {
  [[maybe_unused]] const auto written = write(lifeline_, &kStandDown, 1);
  close(lifeline_);
  lifeline_ = -1;
}

}  // namespace lmlab::real
