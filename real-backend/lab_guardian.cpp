#include "real-backend/lab_guardian.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include "real-backend/lab_teardown.hpp"
#include "real-backend/process.hpp"

namespace lmlab::real {

namespace {

constexpr char kStandDown = 'k';
constexpr const char* kReady = "ready";

// kReady, or why the lab's directory and manifest could not be made.
std::string make_lab_directory(const LabManifest& manifest) {
  try {
    std::filesystem::create_directories(kLabStateRoot);
    // Created here and nowhere else: a directory that already exists is another lab's.
    if (!std::filesystem::create_directory(manifest.directory))
      return manifest.directory + " already exists";
    try {
      save_manifest(manifest);
    } catch (const std::exception&) {
      std::filesystem::remove_all(manifest.directory);
      throw;
    }
    return kReady;
  } catch (const std::exception& error) {
    return error.what();
  }
}

void write_all(int fd, const std::string& text) {
  for (std::size_t written = 0; written < text.size();) {
    const auto count = write(fd, text.data() + written, text.size() - written);
    if (count < 0 && errno != EINTR) return;
    if (count > 0) written += static_cast<std::size_t>(count);
  }
}

std::string read_all(int fd) {
  std::string text;
  char buffer[256];
  for (;;) {
    const auto count = read(fd, buffer, sizeof buffer);
    if (count < 0 && errno == EINTR) continue;
    if (count <= 0) return text;
    text.append(buffer, static_cast<std::size_t>(count));
  }
}

[[noreturn]] void guard(int lifeline, int reply, const LabManifest& manifest) {
  // Its own session: Ctrl-C on lmlab's terminal must not stop the one who cleans up after it.
  setsid();
  signal(SIGINT, SIG_IGN);
  signal(SIGTERM, SIG_IGN);
  signal(SIGHUP, SIG_IGN);
  signal(SIGPIPE, SIG_IGN);  // lmlab may be gone before the reply is written
  const auto made = make_lab_directory(manifest);
  write_all(reply, made);
  close(reply);
  if (made != kReady) _exit(1);
  char message = 0;
  ssize_t count;
  while ((count = read(lifeline, &message, 1)) < 0 && errno == EINTR) {
  }
  if (count == 1 && message == kStandDown) _exit(0);
  try {
    tear_down_lab(load_manifest(manifest.directory));
  } catch (const std::exception&) {
    // No manifest: the lab was already removed.
  }
  _exit(0);
}

}  // namespace

LabGuardian::LabGuardian(const LabManifest& manifest) {
  // Both close on exec: a command lmlab starts holds the lifeline only until it runs, so the
  // guardian's EOF also means none of them is still about to become a lab process unseen.
  const auto lifeline = make_pipe();
  const auto reply = make_pipe();
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid_ == 0) {
    close(lifeline[1]);
    close(reply[0]);
    guard(lifeline[0], reply[1], manifest);
  }
  close(lifeline[0]);
  close(reply[1]);
  lifeline_ = lifeline[1];
  const auto made = read_all(reply[0]);
  close(reply[0]);
  if (made != kReady) {
    close(lifeline_);
    while (waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
    }
    throw std::runtime_error("cannot create the lab's directory: " +
                             (made.empty() ? "its guardian died" : made));
  }
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
