#include "tests/guest_lab.hpp"

#include <fcntl.h>
#include <net/if.h>
#include <spawn.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <system_error>

#include "real-backend/traffic/netns.hpp"
#include "sim/loader/scenario_loader.hpp"

extern char** environ;

namespace lmlab::testing {

namespace {
constexpr const char* kInterface = "eth0";
constexpr const char* kBridge = "br0";

std::string joined(const std::vector<std::string>& argv) {
  std::string text;
  for (const auto& argument : argv) text += (text.empty() ? "" : " ") + argument;
  return text;
}

// Everything written to the pipe until its last writer closed it.
std::string read_all(int fd) {
  std::string text;
  char buffer[1024];
  ssize_t got = 0;
  while ((got = ::read(fd, buffer, sizeof buffer)) > 0) text.append(buffer, got);
  return text;
}

std::string prefix_length_of(const std::string& subnet) {
  return subnet.substr(subnet.find('/') + 1);
}

std::string unique_prefix() {
  static std::atomic<int> labs{0};
  return "lmlabt-" + std::to_string(::getpid()) + "-" + std::to_string(labs++) + "-";
}
}  // namespace

Scenario scenario_for_lab(const std::string& duration, const std::string& workloads) {
  const std::string text = R"(
name: guest-lab
duration: )" + duration + R"(
cluster: {nodes: [node-a, node-b], network: {subnet: 10.77.0.0/16}, strategy: kube-ovn}
clients: [{name: client, node: node-a, mac: 0a:58:0a:4d:00:64, ips: [10.77.0.100]}]
vms: [{name: vm1, node: node-a, mac: 0a:58:0a:4d:00:0a, ips: [10.77.0.10], memory: 1Gi,
       dirty_rate: 16Mi/s}]
)" + (workloads.empty() ? "" : "workloads:\n" + workloads);
  return load_scenario_text(text, "guest-lab.yaml");
}

void run_program(const std::vector<std::string>& argv) {
  int output_pipe[2];
  if (::pipe2(output_pipe, O_CLOEXEC) != 0) {
    throw std::system_error(errno, std::system_category(), "pipe");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, output_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, output_pipe[1], STDERR_FILENO);
  std::vector<char*> arguments;
  for (const auto& argument : argv) arguments.push_back(const_cast<char*>(argument.c_str()));
  arguments.push_back(nullptr);
  pid_t pid = 0;
  const int spawned =
      posix_spawnp(&pid, arguments[0], &actions, nullptr, arguments.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(output_pipe[1]);
  const std::string output = spawned == 0 ? read_all(output_pipe[0]) : "";
  ::close(output_pipe[0]);
  if (spawned != 0) {
    throw std::runtime_error(joined(argv) + ": cannot start: " + std::strerror(spawned));
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error(joined(argv) + " failed: " + output);
  }
}

GuestLab::GuestLab(const Scenario& scenario, const ClientSpec& client, const VmSpec& vm)
    : client_name_(client.name), vm_name_(vm.name) {
  const std::string prefix = unique_prefix();
  const std::string length = prefix_length_of(scenario.cluster.network.subnet);
  network_netns_ = prefix + "network";
  client_ = {prefix + "client", kInterface, *address_of(client.ips, AddressFamily::ipv4), client.mac};
  vm_ = {prefix + "vm", kInterface, *address_of(vm.ips, AddressFamily::ipv4), vm.mac};
  try {
    for (const auto& netns : {network_netns_, client_.netns, vm_.netns}) {
      run_program({"ip", "netns", "add", netns});
      created_.push_back(netns);
    }
    run_program({"ip", "-n", network_netns_, "link", "add", kBridge, "type", "bridge"});
    for (const auto* guest : {&client_, &vm_}) {
      const std::string port = "to-" + guest->netns.substr(prefix.size());
      run_program({"ip", "-n", guest->netns, "link", "add", kInterface, "address", guest->mac,
                   "type", "veth", "peer", "name", port, "netns", network_netns_});
      run_program({"ip", "-n", network_netns_, "link", "set", port, "master", kBridge, "up"});
      run_program({"ip", "-n", guest->netns, "addr", "add", guest->ip + "/" + length, "dev",
                   kInterface});
      run_program({"ip", "-n", guest->netns, "link", "set", kInterface, "up"});
      run_program({"ip", "-n", guest->netns, "link", "set", "lo", "up"});
    }
    set_network_up(true);
  } catch (...) {
    remove_namespaces();
    throw;
  }
}

GuestLab::~GuestLab() { remove_namespaces(); }

void GuestLab::remove_namespaces() noexcept {
  for (const auto& netns : created_) {
    try {
      run_program({"ip", "netns", "del", netns});
    } catch (const std::exception& error) {
      std::fprintf(stderr, "cannot remove test namespace: %s\n", error.what());
    }
  }
  created_.clear();
}

real::GuestEndpoint GuestLab::endpoint_of(const std::string& name) const {
  if (name == client_name_) return client_;
  if (name == vm_name_) return vm_;
  throw std::runtime_error("the lab has no guest '" + name + "'");
}

void GuestLab::set_network_up(bool up) const {
  real::in_netns(network_netns_, [&] {
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) throw std::system_error(errno, std::system_category(), "socket");
    ifreq request{};
    std::strncpy(request.ifr_name, kBridge, IFNAMSIZ - 1);
    int result = ::ioctl(fd, SIOCGIFFLAGS, &request);
    if (result == 0) {
      request.ifr_flags = static_cast<short>(up ? (request.ifr_flags | IFF_UP)
                                                : (request.ifr_flags & ~IFF_UP));
      result = ::ioctl(fd, SIOCSIFFLAGS, &request);
    }
    const int error = errno;
    ::close(fd);
    if (result != 0) throw std::system_error(error, std::system_category(), "bridge up/down");
  });
}

}  // namespace lmlab::testing
