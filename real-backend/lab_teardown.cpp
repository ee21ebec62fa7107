#include "real-backend/lab_teardown.hpp"

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>

#include "real-backend/lab_processes.hpp"
#include "real-backend/process.hpp"

namespace lmlab::real {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// The pid in the daemon's pidfile, if that process still runs and is the lab's own (the pid
// may have been reused since).
std::optional<pid_t> running_pid(const LabDaemon& daemon, const LabManifest& manifest) {
  std::ifstream pidfile(daemon.pidfile);
  pid_t pid = 0;
  if (!(pidfile >> pid) || pid <= 0 || !belongs_to_lab(pid, manifest)) return std::nullopt;
  return pid;
}

void wait_until_gone(const std::vector<pid_t>& pids, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  for (const pid_t pid : pids)
    while (process_alive(pid) && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(5ms);
}

// Asks every daemon that has written its pidfile to exit the way it is meant to
// (ovs-vswitchd --cleanup removes its taps), newest first, then waits for them together.
void ask_daemons_to_exit(const LabManifest& manifest) {
  std::vector<pid_t> stopping;
  for (auto daemon = manifest.daemons.rbegin(); daemon != manifest.daemons.rend(); ++daemon) {
    const auto pid = running_pid(*daemon, manifest);
    if (!pid) continue;
    if (daemon->control_socket.empty()) {
      kill(*pid, SIGTERM);  // not an OVS daemon: no control socket to ask
    } else {
      Argv exit_command{"ovs-appctl", "--timeout=2", "-t", daemon->control_socket, "exit"};
      exit_command.insert(exit_command.end(), daemon->exit_arguments.begin(),
                          daemon->exit_arguments.end());
      run_command(exit_command);
    }
    stopping.push_back(*pid);
  }
  wait_until_gone(stopping, 2s);
}

// Whatever of the lab still runs: a daemon that did not exit when asked, one whose pidfile
// is not written yet, a command its owner had started when it was killed. Every round looks
// afresh, so a child forked meanwhile (a daemon detaching) is caught too. Returns the
// processes that outlived SIGKILL.
std::vector<pid_t> stop_remaining_processes(const LabManifest& manifest) {
  for (const int signal : {SIGTERM, SIGKILL}) {
    const auto deadline = std::chrono::steady_clock::now() + 1s;
    do {
      const auto pids = lab_processes(manifest);
      if (pids.empty()) return {};
      for (const pid_t pid : pids) kill(pid, signal);
      std::this_thread::sleep_for(20ms);
    } while (std::chrono::steady_clock::now() < deadline);
  }
  return lab_processes(manifest);
}

bool namespace_exists(const std::string& name) { return fs::exists("/run/netns/" + name); }

}  // namespace

std::vector<std::string> tear_down_lab(const LabManifest& manifest) {
  ask_daemons_to_exit(manifest);
  std::vector<std::string> problems;
  // Namespaces and directory stay while a process remains: they are how it is found again.
  for (const pid_t pid : stop_remaining_processes(manifest))
    problems.push_back("process " + std::to_string(pid) + " did not stop");
  if (!problems.empty()) return problems;
  for (auto name = manifest.namespaces.rbegin(); name != manifest.namespaces.rend(); ++name) {
    if (!namespace_exists(*name)) continue;
    const auto result = run_command({"ip", "netns", "delete", *name});
    // Another teardown of the same lab (its guardian, `lmlab lab down`) may have won the race.
    if (result.exit_code != 0 && namespace_exists(*name))
      problems.push_back("namespace " + *name + ": " + result.err);
  }
  if (!problems.empty()) return problems;
  try {
    remove_lab_directory(manifest.directory);
  } catch (const fs::filesystem_error& error) {
    if (fs::exists(manifest.directory)) problems.push_back(error.what());
  }
  return problems;
}

}  // namespace lmlab::real
