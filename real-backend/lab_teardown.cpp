#include "real-backend/lab_teardown.hpp"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>

#include "real-backend/process.hpp"

namespace lmlab::real {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The pid in the daemon's pidfile, if that process still runs and is the lab's own (its
// command line names the lab directory, which guards against a reused pid).
std::optional<pid_t> running_pid(const LabDaemon& daemon, const std::string& lab_directory) {
  const auto text = read_text(daemon.pidfile);
  if (text.empty()) return std::nullopt;
  const pid_t pid = static_cast<pid_t>(std::strtol(text.c_str(), nullptr, 10));
  if (pid <= 0 || !process_alive(pid)) return std::nullopt;
  if (read_text("/proc/" + std::to_string(pid) + "/cmdline").find(lab_directory) ==
      std::string::npos)
    return std::nullopt;
  return pid;
}

bool wait_until_gone(pid_t pid, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (process_alive(pid)) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(5ms);
  }
  return true;
}

bool namespace_exists(const std::string& name) { return fs::exists("/run/netns/" + name); }

}  // namespace

bool process_alive(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  if (!status) return false;
  // Detached daemons are reparented to PID 1, which may reap them only later.
  for (std::string line; std::getline(status, line);)
    if (line.rfind("State:", 0) == 0) return line.find('Z') == std::string::npos;
  return false;
}

std::vector<std::string> tear_down_lab(const LabManifest& manifest) {
  std::vector<std::string> problems;
  // Ask every daemon to exit first, newest first, then wait for them together.
  std::vector<std::pair<const LabDaemon*, pid_t>> stopping;
  for (auto daemon = manifest.daemons.rbegin(); daemon != manifest.daemons.rend(); ++daemon) {
    const auto pid = running_pid(*daemon, manifest.directory);
    if (!pid) continue;
    if (daemon->control_socket.empty()) {
      kill(*pid, SIGTERM);  // not an OVS daemon: no control socket to ask
    } else {
      Argv exit_command{"ovs-appctl", "--timeout=2", "-t", daemon->control_socket, "exit"};
      exit_command.insert(exit_command.end(), daemon->exit_arguments.begin(),
                          daemon->exit_arguments.end());
      run_command(exit_command);
    }
    stopping.emplace_back(&*daemon, *pid);
  }
  for (const auto& [daemon, pid] : stopping) {
    if (wait_until_gone(pid, 2s)) continue;
    kill(pid, SIGTERM);
    if (wait_until_gone(pid, 1s)) continue;
    kill(pid, SIGKILL);
    if (!wait_until_gone(pid, 1s))
      problems.push_back(daemon->name + " (pid " + std::to_string(pid) + ") did not stop");
  }
  for (auto name = manifest.namespaces.rbegin(); name != manifest.namespaces.rend(); ++name) {
    if (!namespace_exists(*name)) continue;
    const auto result = run_command({"ip", "netns", "delete", *name});
    if (result.exit_code != 0) problems.push_back("namespace " + *name + ": " + result.err);
  }
  std::error_code error;
  fs::remove_all(manifest.directory, error);
  if (error) problems.push_back(manifest.directory + ": " + error.message());
  return problems;
}

}  // namespace lmlab::real
