// What a lab has created, written to its directory as it grows, so that whoever tears the lab
// down (the run itself, its guardian after a crash, or `lmlab lab down`) removes exactly
// that and nothing else.
#pragma once

#include <string>
#include <sys/types.h>
#include <vector>

namespace lmlab::real {

// Where every lab keeps its directory: root-only runtime state, gone after a reboot.
inline constexpr const char* kLabStateRoot = "/run/lmlab";

// A daemon started with --detach and a pidfile, stopped through its control socket, or with
// SIGTERM when it has none (a guest's DHCP client).
struct LabDaemon {
  std::string name;            // e.g. "ovn-controller node-a"
  std::string pidfile;
  std::string control_socket;  // ovs-appctl target; empty: SIGTERM
  std::vector<std::string> exit_arguments;  // e.g. {"--cleanup"} for ovs-vswitchd
};

struct LabManifest {
  std::string id;
  std::string directory;
  pid_t owner = 0;        // process that runs the lab; 0 once handed to the user (`lab up`)
  std::string scenario;   // what the lab was built for, for `lmlab lab status`
  std::vector<std::string> namespaces;  // in creation order
  std::vector<LabDaemon> daemons;       // in start order
};

// Writes directory/lab.json atomically (write then rename).
void save_manifest(const LabManifest& manifest);
// Reads directory/lab.json; throws std::runtime_error naming the file if it is unreadable.
LabManifest load_manifest(const std::string& directory);
// Removes the lab's directory, its manifest last: a removal cut short can still be finished
// from the manifest. Throws std::filesystem::filesystem_error.
void remove_lab_directory(const std::string& directory);
// Directories of every lab under kLabStateRoot that has a manifest.
std::vector<std::string> find_lab_directories();

}  // namespace lmlab::real
