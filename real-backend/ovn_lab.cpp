#include "real-backend/ovn_lab.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>
#include <unistd.h>

#include "real-backend/lab_teardown.hpp"

namespace lmlab::real {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

constexpr auto kChassisRegistrationLimit = 10s;
constexpr const char* kTorBridge = "br-tor";

std::string base36(std::uint64_t value, std::size_t digits = 1) {
  std::string text;
  do {
    text.insert(text.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[value % 36]);
    value /= 36;
  } while (value != 0 || text.size() < digits);
  return text;
}

// Unique among labs on this host: the creating process and the millisecond it started, the
// latter at a fixed width so that an id says which process made it.
std::string new_lab_id() {
  const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::system_clock::now().time_since_epoch());
  return lab_id_prefix(getpid()) +
         base36(static_cast<std::uint64_t>(now.count()) % (36 * 36 * 36), 3);
}

LabManifest new_manifest(const LabSpec& spec) {
  for (const auto& node : spec.nodes) check_lab_name("node", node);
  LabManifest manifest;
  manifest.id = new_lab_id();
  manifest.directory = std::string(kLabStateRoot) + "/" + manifest.id;
  manifest.owner = getpid();
  manifest.scenario = spec.scenario;
  return manifest;
}

// The most recent error a daemon wrote to its log, to say why it did not start.
std::string last_error_line(const std::string& log_file) {
  std::ifstream log(log_file);
  std::string found;
  for (std::string line; std::getline(log, line);)
    if (line.find("|ERR|") != std::string::npos || line.find("|EMER|") != std::string::npos)
      found = line;
  return found;
}

std::string last_line(const std::string& file) {
  std::ifstream in(file);
  std::string last;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) last = line;
  return last;
}

Environment ovs_environment(const std::string& directory) {
  return {{"OVS_RUNDIR", directory + "/run"},
          {"OVS_DBDIR", directory + "/db"},
          {"OVS_LOGDIR", directory + "/log"},
          {"OVS_SYSCONFDIR", directory + "/etc"},
          // ovn-controller finds br-int.mgmt and names its control socket under OVN_RUNDIR.
          {"OVN_RUNDIR", directory + "/run"}};
}

Argv in_namespace(const std::string& netns, Argv argv) {
  argv.insert(argv.begin(), {"ip", "netns", "exec", netns});
  return argv;
}

void make_directories(const std::string& directory) {
  for (const char* sub : {"run", "db", "log", "etc"}) fs::create_directories(directory + "/" + sub);
}

}  // namespace

void check_lab_name(const std::string& what, const std::string& name) {
  const bool valid = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
  if (!valid)
    throw std::runtime_error(what + " name '" + name +
                             "' cannot name a namespace: use letters, digits, '-', '_' and '.'");
}

std::string lab_id_prefix(pid_t pid) { return base36(static_cast<std::uint64_t>(pid)); }

int underlay_mtu_for(int network_mtu, int tunnel_overhead) {
  return std::max(kMinUnderlayMtu, network_mtu + std::max(tunnel_overhead, kGeneveOverhead));
}

OvnLab::OvnLab(const LabSpec& spec)
    : spec_(spec), manifest_(new_manifest(spec)), guardian_(manifest_), nodes_(spec.nodes) {
  for (std::size_t index = 0; index < nodes_.size(); ++index) {
    const auto& node = nodes_[index];
    chassis_[node] = {node, namespace_name("hv-" + node),
                      manifest_.directory + "/" + node,
                      "172.16.0." + std::to_string(index + 1)};
  }
}

OvnLab::~OvnLab() {
  if (!released_) tear_down();
}

std::string OvnLab::nb_socket() const { return manifest_.directory + "/central/run/nb.sock"; }
std::string OvnLab::sb_socket() const { return manifest_.directory + "/central/run/sb.sock"; }

const Chassis& OvnLab::chassis(const std::string& node) const {
  const auto found = chassis_.find(node);
  if (found == chassis_.end()) throw std::runtime_error("no chassis for node '" + node + "'");
  return found->second;
}

std::string OvnLab::namespace_name(const std::string& role) const {
  return "lmlab-" + manifest_.id + "-" + role;
}

std::string OvnLab::create_namespace(const std::string& role) {
  const auto name = namespace_name(role);
  manifest_.namespaces.push_back(name);
  save_manifest(manifest_);
  check_command({"ip", "netns", "add", name});
  check_command({"ip", "-n", name, "link", "set", "lo", "up"});
  return name;
}

void OvnLab::connect(const std::string& netns_a, const std::string& interface_a,
                     const std::string& netns_b, const std::string& interface_b, int mtu) {
  const auto mtu_text = std::to_string(mtu);
  check_command({"ip", "link", "add", interface_a, "netns", netns_a, "mtu", mtu_text, "type",
                 "veth", "peer", "name", interface_b, "netns", netns_b, "mtu", mtu_text});
  check_command({"ip", "-n", netns_a, "link", "set", interface_a, "up"});
  check_command({"ip", "-n", netns_b, "link", "set", interface_b, "up"});
}

Argv OvnLab::vsctl(const std::string& directory, const Argv& arguments) const {
  Argv argv{"ovs-vsctl", "--db=unix:" + directory + "/run/db.sock"};
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  return argv;
}

std::string OvnLab::attach(const std::string& node, const std::string& netns,
                          const std::string& interface, int mtu, const std::string& iface_id) {
  const auto& where = chassis(node);
  const auto chassis_interface = "vif" + std::to_string(attached_count_++);
  connect(where.netns, chassis_interface, netns, interface, mtu);
  check_command(vsctl(where.directory, {"add-port", "br-int", chassis_interface, "--", "set",
                                        "interface", chassis_interface,
                                        "external_ids:iface-id=" + iface_id}));
  return chassis_interface;
}

void OvnLab::detach(const std::string& node, const std::string& chassis_interface) {
  const auto& where = chassis(node);
  check_command(vsctl(where.directory, {"--if-exists", "del-port", "br-int", chassis_interface}));
  check_command({"ip", "-n", where.netns, "link", "delete", chassis_interface});
}

void OvnLab::record_daemon(const std::string& name, const std::string& pidfile) {
  manifest_.daemons.push_back({name, pidfile, "", {}});
  save_manifest(manifest_);
}

void OvnLab::start_daemon(const std::string& name, const Argv& argv,
                          const Environment& environment, const std::string& directory,
                          const std::string& control_socket,
                          std::vector<std::string> exit_arguments) {
  const auto pidfile = directory + "/run/" + name + ".pid";
  const auto log_file = directory + "/log/" + name + ".log";
  const auto output_file = directory + "/log/" + name + ".out";
  // Recorded before it starts, so a crash in between still leaves a way to stop it.
  manifest_.daemons.push_back({name, pidfile, control_socket, std::move(exit_arguments)});
  save_manifest(manifest_);
  Argv full = argv;
  const auto program = std::find_if(full.begin(), full.end(), [](const std::string& word) {
    return word.rfind("ovs", 0) == 0 || word.rfind("ovn", 0) == 0;
  });
  full.insert(program + 1, {"-vconsole:off", "--detach", "--no-chdir", "--pidfile=" + pidfile,
                            "--log-file=" + log_file});
  const int exit_code = run_daemonizing(full, environment, output_file);
  if (exit_code == 0) return;
  auto reason = last_error_line(log_file);
  if (reason.empty()) reason = last_line(output_file);
  throw std::runtime_error(name + " failed to start (exit " + std::to_string(exit_code) +
                           "): " + reason + " (log: " + log_file + ")");
}

void OvnLab::start_central() {
  const auto central = manifest_.directory + "/central";
  make_directories(central);
  const auto run = central + "/run";
  for (const std::string database : {"nb", "sb"}) {
    const auto file = central + "/db/" + database + ".db";
    check_command({"ovsdb-tool", "create", file, "/usr/share/ovn/ovn-" + database + ".ovsschema"});
    start_daemon(database, {"ovsdb-server", "--unixctl=" + run + "/" + database + ".ctl",
                            "--remote=punix:" + run + "/" + database + ".sock", file},
                 {}, central, run + "/" + database + ".ctl");
  }
  check_command({"ovn-nbctl", "--db=unix:" + nb_socket(), "--no-wait", "init"});
  check_command({"ovn-sbctl", "--db=unix:" + sb_socket(), "init"});
  start_daemon("northd",
               {"ovn-northd", "--unixctl=" + run + "/northd.ctl", "--ovnnb-db=unix:" + nb_socket(),
                "--ovnsb-db=unix:" + sb_socket()},
               {{"OVN_RUNDIR", run}}, central, run + "/northd.ctl");
}

void OvnLab::start_underlay() {
  underlay_netns_ = create_namespace("underlay");
  check_command({"ip", "-n", underlay_netns_, "link", "add", "br0", "mtu",
                 std::to_string(spec_.underlay_mtu), "type", "bridge"});
  check_command({"ip", "-n", underlay_netns_, "link", "set", "br0", "up"});
  for (std::size_t index = 0; index < nodes_.size(); ++index) {
    const auto& where = chassis_.at(nodes_[index]);
    const auto port = "c" + std::to_string(index);
    connect(where.netns, "ul", underlay_netns_, port, spec_.underlay_mtu);
    check_command({"ip", "-n", underlay_netns_, "link", "set", port, "master", "br0"});
  }
}

void OvnLab::start_ovs(const std::string& directory, const std::string& netns) {
  const auto run = directory + "/run";
  const auto environment = ovs_environment(directory);
  make_directories(directory);
  check_command({"ovsdb-tool", "create", directory + "/db/conf.db",
                 "/usr/share/openvswitch/vswitch.ovsschema"});
  start_daemon("ovsdb-server",
               in_namespace(netns, {"ovsdb-server", "--unixctl=" + run + "/ovsdb-server.ctl",
                                    "--remote=punix:" + run + "/db.sock",
                                    directory + "/db/conf.db"}),
               environment, directory, run + "/ovsdb-server.ctl");
  check_command(vsctl(directory, {"--no-wait", "init"}));
  // ovs-vswitchd runs inside the namespace: its tap devices and tunnel routes are per
  // namespace. --cleanup on exit removes the taps it made.
  start_daemon("ovs-vswitchd",
               in_namespace(netns, {"ovs-vswitchd", "--unixctl=" + run + "/ovs-vswitchd.ctl",
                                    "unix:" + run + "/db.sock"}),
               environment, directory, run + "/ovs-vswitchd.ctl", {"--cleanup"});
}

void OvnLab::start_chassis(const Chassis& where) {
  const auto& directory = where.directory;
  const auto run = directory + "/run";
  start_ovs(directory, where.netns);
  check_command(vsctl(directory, {"set", "Open_vSwitch", ".",
                                  "external_ids:system-id=" + where.node,
                                  "external_ids:hostname=" + where.node,
                                  "external_ids:ovn-remote=unix:" + sb_socket(),
                                  "external_ids:ovn-encap-type=geneve",
                                  "external_ids:ovn-encap-ip=" + where.encap_ip,
                                  "external_ids:ovn-bridge-datapath-type=netdev", "--", "add-br",
                                  "br-int", "--", "set", "bridge", "br-int",
                                  "datapath_type=netdev", "fail-mode=secure",
                                  "other-config:disable-in-band=true", "--", "add-br", "br-phy",
                                  "--", "set", "bridge", "br-phy", "datapath_type=netdev", "--",
                                  "add-port", "br-phy", "ul"}));
  check_command({"ip", "-n", where.netns, "addr", "add", where.encap_ip + "/24", "dev", "br-phy"});
  check_command({"ip", "-n", where.netns, "link", "set", "br-phy", "up"});
  // ovn-controller 23.03 has no --unixctl: its control socket carries its pid, known only
  // once it runs, so the manifest gets it after the start.
  start_daemon("ovn-controller",
               in_namespace(where.netns, {"ovn-controller", "unix:" + run + "/db.sock"}),
               ovs_environment(directory), directory, "");
  std::ifstream pidfile(run + "/ovn-controller.pid");
  std::string pid;
  pidfile >> pid;
  manifest_.daemons.back().control_socket = run + "/ovn-controller." + pid + ".ctl";
  save_manifest(manifest_);
}

// Kube-OVN's underlay (live-migration-facts.md): each chassis reaches the provider network
// through br-ex (ovn-bridge-mappings), trunked to a ToR switch. The kernel here has neither
// 802.1Q devices nor bridge VLAN filtering, so the ToR is an OVS bridge in normal (learning)
// mode in its own namespace, with access ports for external hosts.
void OvnLab::start_provider_network() {
  tor_netns_ = create_namespace("tor");
  tor_directory_ = manifest_.directory + "/tor";
  start_ovs(tor_directory_, tor_netns_);
  check_command(vsctl(tor_directory_, {"add-br", kTorBridge, "--", "set", "bridge", kTorBridge,
                                       "datapath_type=netdev", "fail-mode=standalone"}));
  for (std::size_t index = 0; index < nodes_.size(); ++index) {
    const auto& where = chassis_.at(nodes_[index]);
    const auto trunk = "n" + std::to_string(index);
    connect(where.netns, "tor", tor_netns_, trunk, spec_.underlay_mtu);
    check_command(vsctl(tor_directory_, {"add-port", kTorBridge, trunk}));
    check_command(vsctl(where.directory,
                        {"add-br", "br-ex", "--", "set", "bridge", "br-ex", "datapath_type=netdev",
                         "--", "add-port", "br-ex", "tor", "--", "set", "Open_vSwitch", ".",
                         std::string("external_ids:ovn-bridge-mappings=") + kProviderNetwork +
                             ":br-ex"}));
  }
}

void OvnLab::attach_to_provider_network(const std::string& netns, const std::string& interface,
                                        int mtu) {
  if (!spec_.provider_vlan) throw std::runtime_error("the lab has no provider network");
  const auto access = "x" + std::to_string(attached_count_++);
  connect(tor_netns_, access, netns, interface, mtu);
  check_command(vsctl(tor_directory_, {"add-port", kTorBridge, access, "tag=" +
                                           std::to_string(*spec_.provider_vlan)}));
}

void OvnLab::wait_for_chassis_registration() {
  const auto deadline = std::chrono::steady_clock::now() + kChassisRegistrationLimit;
  for (;;) {
    const auto names = check_command(
        {"ovn-sbctl", "--db=unix:" + sb_socket(), "--bare", "--columns=name", "list", "Chassis"});
    std::vector<std::string> missing;
    for (const auto& node : nodes_)
      if (names.find(node + "\n") == std::string::npos) missing.push_back(node);
    if (missing.empty()) return;
    if (std::chrono::steady_clock::now() > deadline) {
      const auto& where = chassis_.at(missing.front());
      const auto log_line = last_error_line(where.directory + "/log/ovn-controller.log");
      throw std::runtime_error("chassis " + missing.front() + " did not register in the SB within " +
                               std::to_string(kChassisRegistrationLimit.count()) + " s" +
                               (log_line.empty() ? "" : ": " + log_line));
    }
    std::this_thread::sleep_for(20ms);
  }
}

// reference/ovn-lab README, traps: the userspace tunnel drops the first packet to a VTEP
// whose MAC it has not resolved yet, so every chassis resolves every other one first.
void OvnLab::warm_tunnels() {
  for (const auto& from : nodes_)
    for (const auto& to : nodes_) {
      if (from == to) continue;
      check_command(in_namespace(chassis_.at(from).netns,
                                 {"ping", "-c", "1", "-W", "1", "-q", chassis_.at(to).encap_ip}));
    }
}

void OvnLab::start() {
  start_central();
  for (const auto& node : nodes_) create_namespace("hv-" + node);
  start_underlay();
  for (const auto& node : nodes_) start_chassis(chassis_.at(node));
  if (spec_.provider_vlan) start_provider_network();
  wait_for_chassis_registration();
  warm_tunnels();
}

std::vector<std::string> OvnLab::tear_down() {
  if (torn_down_) return {};
  torn_down_ = true;
  return tear_down_lab(manifest_);
}

void OvnLab::release() {
  released_ = true;
  manifest_.owner = 0;
  save_manifest(manifest_);
  guardian_.stand_down();
}

}  // namespace lmlab::real
