#include "real-backend/prerequisites.hpp"

#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

namespace lmlab::real {

namespace fs = std::filesystem;

namespace {

struct Requirement {
  const char* what;     // a program on PATH, or an absolute file
  const char* package;  // the Debian package that provides it
};

// Every program and schema the lab launcher, Northbound, hypervisor and probes run.
constexpr Requirement kRequirements[] = {
    {"ovsdb-tool", "openvswitch-common"},
    {"ovsdb-server", "openvswitch-switch"},
    {"ovs-vswitchd", "openvswitch-switch"},
    {"ovs-vsctl", "openvswitch-switch"},
    {"ovs-appctl", "openvswitch-common"},
    {"/usr/share/openvswitch/vswitch.ovsschema", "openvswitch-common"},
    {"ovn-northd", "ovn-central"},
    {"ovn-nbctl", "ovn-common"},
    {"ovn-sbctl", "ovn-common"},
    {"/usr/share/ovn/ovn-nb.ovsschema", "ovn-common"},
    {"/usr/share/ovn/ovn-sb.ovsschema", "ovn-common"},
    {"ovn-controller", "ovn-host"},
    {"ip", "iproute2"},
    {"tc", "iproute2"},
    {"ping", "iputils-ping"},
    {"ovsdb-client", "openvswitch-common"},
};

bool on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::istringstream directories(path ? path : "/usr/sbin:/usr/bin:/sbin:/bin");
  for (std::string directory; std::getline(directories, directory, ':');)
    if (!directory.empty() && access((fs::path(directory) / program).c_str(), X_OK) == 0)
      return true;
  return false;
}

bool present(const std::string& what) {
  return what.front() == '/' ? fs::exists(what) : on_path(what);
}

}  // namespace

void check_prerequisites() {
  if (geteuid() != 0)
    throw std::runtime_error(
        "the ovn backend needs root: it creates network namespaces and runs OVS/OVN daemons");
  std::vector<std::string> missing;
  std::set<std::string> packages;
  for (const auto& requirement : kRequirements) {
    if (present(requirement.what)) continue;
    missing.push_back(requirement.what);
    packages.insert(requirement.package);
  }
  if (missing.empty()) return;
  std::string message = "the ovn backend cannot find";
  for (const auto& what : missing) message += " " + what;
  message += "; install the Debian packages:";
  for (const auto& package : packages) message += " " + package;
  message += " (scripts/install-deps does)";
  throw std::runtime_error(message);
}

}  // namespace lmlab::real
