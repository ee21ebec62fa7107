// The real lab's life cycle on this host: it comes up with a registered chassis per node, it
// says which daemon failed and why, and it leaves nothing behind, whether the run ends,
// fails, is interrupted or is killed. These tests need root and the OVS/OVN packages; without
// them they fail, they do not skip.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <thread>

#include "real-backend/lab_manifest.hpp"
#include "real-backend/lab_processes.hpp"
#include "real-backend/ovn_lab.hpp"
#include "real-backend/prerequisites.hpp"
#include "real-backend/process.hpp"

namespace lmlab::real {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using ::testing::HasSubstr;

const std::string kScenario = std::string(LMLAB_SOURCE_DIR) + "/scenarios/tcp-survival.yaml";

// What of a lab is visible on the host: its namespaces, its processes, its directory.
struct LabTraces {
  std::vector<std::string> namespaces;
  std::vector<std::string> processes;  // pid and command line
  std::vector<std::string> directories;
  bool empty() const { return namespaces.empty() && processes.empty() && directories.empty(); }
};

std::ostream& operator<<(std::ostream& out, const LabTraces& traces) {
  out << traces.namespaces.size() << " namespaces, " << traces.processes.size()
      << " processes, " << traces.directories.size() << " directories left";
  for (const auto& process : traces.processes) out << "\n  " << process;
  return out;
}

// What could be read of the file: reading the /proc files of a process that is exiting fails.
std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Traces of the labs whose ids match `id_pattern`, a regular expression. A process counts
// while it runs: a zombie that PID 1 has not reaped yet is gone, whatever its files say.
LabTraces traces_matching(const std::string& id_pattern) {
  LabTraces traces;
  const std::regex namespace_name("lmlab-" + id_pattern + "-.*");
  const std::regex directory_name(id_pattern);
  const std::regex reference(std::string(kLabStateRoot) + "/" + id_pattern + "/|lmlab-" +
                             id_pattern + "-");
  std::error_code error;
  for (const auto& entry : fs::directory_iterator("/run/netns", error))
    if (std::regex_match(entry.path().filename().string(), namespace_name))
      traces.namespaces.push_back(entry.path().filename());
  for (const auto& entry : fs::directory_iterator(kLabStateRoot, error))
    if (std::regex_match(entry.path().filename().string(), directory_name))
      traces.directories.push_back(entry.path());
  for (const auto& entry : fs::directory_iterator("/proc", error)) {
    const auto name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    const auto pid = static_cast<pid_t>(std::stol(name));
    if (!process_alive(pid)) continue;
    auto command_line = read_text(entry.path() / "cmdline");
    std::replace(command_line.begin(), command_line.end(), '\0', ' ');
    const auto cwd = fs::read_symlink(entry.path() / "cwd", error).string() + "/";
    // Alive after the reading too: an exiting process may still have shown its files.
    if ((std::regex_search(command_line, reference) || std::regex_search(cwd, reference)) &&
        process_alive(pid))
      traces.processes.push_back(name + ": " + command_line);
  }
  return traces;
}

LabTraces traces_of(const std::string& id) { return traces_matching(id); }

// Traces of every lab process `pid` made.
LabTraces traces_of_labs_by(pid_t pid) {
  return traces_matching(lab_id_prefix(pid) + "[0-9a-z]{3}");
}

// Polls until `done` holds or `limit` passes; returns whether it held.
template <typename Condition>
bool eventually(Condition done, std::chrono::milliseconds limit,
                std::chrono::milliseconds interval = 20ms) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(interval);
  }
  return true;
}

// The lab a running lmlab (pid `owner`) is building, once `far_enough` holds for its manifest.
template <typename Predicate>
std::optional<LabManifest> lab_owned_by(pid_t owner, Predicate far_enough) {
  for (const auto& directory : find_lab_directories()) {
    try {
      auto manifest = load_manifest(directory);
      if (manifest.owner == owner && far_enough(manifest)) return manifest;
    } catch (const std::exception&) {
      // Being removed right now.
    }
  }
  return std::nullopt;
}

// The lab a running lmlab (pid `owner`) is building, once it has its VM.
LabManifest wait_for_lab_of(pid_t owner) {
  const auto has_vm = [](const LabManifest& manifest) {
    return std::any_of(
        manifest.namespaces.begin(), manifest.namespaces.end(),
        [](const std::string& name) { return name.find("-qemu-") != std::string::npos; });
  };
  std::optional<LabManifest> manifest;
  EXPECT_TRUE(
      eventually([&] { return (manifest = lab_owned_by(owner, has_vm)).has_value(); }, 20s))
      << "lmlab (pid " << owner << ") never built a lab";
  if (!manifest) throw std::runtime_error("no lab");
  return *manifest;
}

// `lmlab lab up FILE`; returns the lab id.
std::string lab_up(const std::string& scenario_file) {
  const auto up = run_command({LMLAB_BINARY, "lab", "up", scenario_file});
  if (up.exit_code != 0) throw std::runtime_error("lmlab lab up failed: " + up.err);
  return up.out.substr(4, up.out.find(' ', 4) - 4);  // "lab <id> is up ..."
}

TEST(RealLab, UnderlayCarriesTheNetworkMtuPlusTheTunnelOverhead) {
  EXPECT_EQ(underlay_mtu_for(1400, 58), 1600);  // never less than the lab always carried
  EXPECT_EQ(underlay_mtu_for(9000, 58), 9058);
  EXPECT_EQ(underlay_mtu_for(9000, 0), 9058);   // the lab's Geneve adds 58 whatever is said
  EXPECT_EQ(underlay_mtu_for(9000, 200), 9200);
}

TEST(RealLab, HostHasWhatTheOvnBackendNeeds) {
  // Fails (not skips) on a host without root or the packages: CI must run the suite below.
  EXPECT_NO_THROW(check_prerequisites());
}

TEST(RealLab, StartsARegisteredChassisPerNodeAndRemovesEverything) {
  std::string id;
  {
    OvnLab lab({"lab-test", {"node-a", "node-b", "node-c"}, std::nullopt});
    id = lab.manifest().id;
    const auto started = std::chrono::steady_clock::now();
    lab.start();
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    RecordProperty("lab_up_seconds", std::to_string(took.count()));
    const auto chassis = check_command({"ovn-sbctl", "--db=unix:" + lab.sb_socket(), "--bare",
                                        "--columns=name", "list", "Chassis"});
    for (const std::string node : {"node-a", "node-b", "node-c"}) {
      EXPECT_THAT(chassis, HasSubstr(node));
      EXPECT_TRUE(fs::exists("/run/netns/" + lab.chassis(node).netns));
    }
    // 3 central daemons + 3 per chassis, all running.
    EXPECT_EQ(lab.manifest().daemons.size(), 12u);
    EXPECT_EQ(traces_of(id).processes.size(), 12u);
    EXPECT_THAT(lab.tear_down(), ::testing::IsEmpty());
  }
  const auto left = traces_of(id);
  EXPECT_TRUE(left.empty()) << left;
}

TEST(RealLab, DaemonThatFailsIsNamedWithItsLogLine) {
  std::string id;
  {
    OvnLab lab({"lab-test", {"node-a"}, std::nullopt});
    id = lab.manifest().id;
    const auto directory = lab.directory() + "/broken";
    fs::create_directories(directory + "/run");
    fs::create_directories(directory + "/log");
    try {
      lab.start_daemon("broken-db", {"ovsdb-server", "/nonexistent/conf.db"}, {}, directory, "");
      ADD_FAILURE() << "ovsdb-server started on a database that does not exist";
    } catch (const std::runtime_error& error) {
      EXPECT_THAT(error.what(), HasSubstr("broken-db failed to start"));
      EXPECT_THAT(error.what(), HasSubstr("/nonexistent/conf.db"));
    }
  }
  EXPECT_TRUE(traces_of(id).empty());
}

TEST(RealLab, LabUpStatusDownByHand) {
  const auto id = lab_up(kScenario);
  EXPECT_FALSE(traces_of(id).empty());
  // The guests are wired: the client reaches the VM through OVN.
  const auto ping = run_command({"ip", "netns", "exec", "lmlab-" + id + "-client-client", "ping",
                                 "-c", "3", "-i", "0.2", "-W", "1", "10.16.0.10"});
  EXPECT_THAT(ping.out, HasSubstr(" 0% packet loss")) << ping.out;
  EXPECT_THAT(run_command({LMLAB_BINARY, "lab", "status"}).out, HasSubstr(id + "  scenario tcp-survival  kept"));
  const auto down = run_command({LMLAB_BINARY, "lab", "down", id});
  EXPECT_EQ(down.exit_code, 0) << down.err;
  EXPECT_TRUE(traces_of(id).empty());
  EXPECT_EQ(run_command({LMLAB_BINARY, "lab", "down", id}).exit_code, 2);
}

TEST(RealLab, DhcpGuestLeasesFromOvnAndResolvesTheGatewayThroughArpProxy) {
  const auto id = lab_up(std::string(LMLAB_SOURCE_DIR) + "/scenarios/dhcp-gateway.yaml");
  const auto vm = "lmlab-" + id + "-vm-vm1";
  EXPECT_THAT(check_command({"ip", "-n", vm, "-4", "addr", "show", "dev", "eth0"}),
              HasSubstr("10.16.0.10/16"));
  // Dual-stack: the IPv6 address came from OVN's stateful DHCPv6, to dhclient -6.
  EXPECT_THAT(check_command({"ip", "-n", vm, "-6", "addr", "show", "dev", "eth0"}),
              HasSubstr("fd00:10:16::10/64"));
  std::ifstream lease6(std::string(kLabStateRoot) + "/" + id + "/dhclient6-vm1.lease");
  EXPECT_THAT(std::string(std::istreambuf_iterator<char>(lease6), {}),
              HasSubstr("iaaddr fd00:10:16::10"));
  // A second lease from OVN's DHCP, as a renewal would get: the options of the scenario
  // (OVN-Kubernetes' lease_time=3500, server_id=169.254.1.1; live-migration-facts.md).
  const auto lease = run_command({"ip", "netns", "exec", vm, "udhcpc", "-i", "eth0", "-n", "-q",
                                  "-f", "-t", "3", "-T", "1", "-s", "/bin/true"});
  EXPECT_THAT(lease.out + lease.err,
              HasSubstr("lease of 10.16.0.10 obtained from 169.254.1.1, lease time 3500"));
  // arp_proxy answers the link-local gateway with the router port's MAC (0a:58 + 10.16.0.1).
  EXPECT_THAT(check_command({"ip", "-n", vm, "neigh", "show", "169.254.1.1"}),
              HasSubstr("lladdr 0a:58:0a:10:00:01"));
  EXPECT_THAT(check_command({"ip", "-n", vm, "route", "show", "default"}),
              HasSubstr("default via 169.254.1.1 dev eth0 onlink"));
  EXPECT_EQ(run_command({LMLAB_BINARY, "lab", "down", id}).exit_code, 0);
  EXPECT_TRUE(traces_of(id).empty());
}

TEST(RealLab, UnderlayVlanReachesTheExternalHostThroughLocalnetAndTheTor) {
  const auto id = lab_up(std::string(LMLAB_SOURCE_DIR) + "/scenarios/underlay-vlan.yaml");
  const auto ping = run_command({"ip", "netns", "exec", "lmlab-" + id + "-client-gateway", "ping",
                                 "-c", "3", "-i", "0.2", "-W", "1", "10.16.0.10"});
  EXPECT_THAT(ping.out, HasSubstr(" 0% packet loss")) << ping.out;
  // The ToR learned both ends on VLAN 100: the VM behind node-a's trunk (port n0), the
  // external host on its access port.
  const auto tor = std::string(kLabStateRoot) + "/" + id + "/tor/run";
  const auto fdb = check_command({"ovs-appctl", "-t", tor + "/ovs-vswitchd.ctl", "fdb/show",
                                  "br-tor"});
  EXPECT_THAT(fdb, ::testing::ContainsRegex(" 100  0a:58:0a:10:00:0a"));
  EXPECT_THAT(fdb, ::testing::ContainsRegex(" 100  0a:58:0a:10:00:01"));
  const auto localnet = check_command(
      {"ovn-nbctl", "--db=unix:" + std::string(kLabStateRoot) + "/" + id + "/central/run/nb.sock",
       "--bare", "--columns=type,tag", "list", "Logical_Switch_Port", "localnet.physnet"});
  EXPECT_THAT(localnet, HasSubstr("localnet"));
  EXPECT_THAT(localnet, HasSubstr("100"));
  EXPECT_EQ(run_command({LMLAB_BINARY, "lab", "down", id}).exit_code, 0);
  EXPECT_TRUE(traces_of(id).empty());
}

TEST(RealLab, PreloadFillsTheNorthboundBeforeTheScenario) {
  std::ifstream original(kScenario);
  std::string text{std::istreambuf_iterator<char>(original), {}};
  text.replace(text.find("    activation: 1ms\n"), 20,
               "    activation: 1ms\n    preload: {switches: 40, ports_per_switch: 5}\n");
  const auto file = testing::TempDir() + "/preloaded.yaml";
  std::ofstream(file) << text;
  const auto id = lab_up(file);
  const auto nb = "--db=unix:" + std::string(kLabStateRoot) + "/" + id + "/central/run/nb.sock";
  const auto switches = check_command({"ovn-nbctl", nb, "--bare", "--columns=name", "list",
                                       "Logical_Switch"});
  const auto ports = check_command({"ovn-nbctl", nb, "--bare", "--columns=name", "list",
                                    "Logical_Switch_Port"});
  const auto preloaded = [](const std::string& listing) {
    std::istringstream names(listing);
    int count = 0;
    for (std::string name; names >> name;) count += name.rfind("preload-", 0) == 0;
    return count;
  };
  EXPECT_EQ(preloaded(switches), 40);
  EXPECT_EQ(preloaded(ports), 40 * 5);
  EXPECT_EQ(run_command({LMLAB_BINARY, "lab", "down", id}).exit_code, 0);
  EXPECT_TRUE(traces_of(id).empty());
}

TEST(RealLab, KilledRunIsCleanedUpByItsGuardian) {
  ChildProcess run({LMLAB_BINARY, "run", kScenario, "--backend", "ovn", "--out",
                    testing::TempDir() + "/killed-run"});
  const auto lab = wait_for_lab_of(run.pid());
  std::this_thread::sleep_for(2s);  // into the run, with guests and traffic
  kill(run.pid(), SIGKILL);
  EXPECT_EQ(run.wait(), 128 + SIGKILL);
  LabTraces left;
  EXPECT_TRUE(eventually([&] { return (left = traces_of(lab.id)).empty(); }, 20s))
      << "the killed run's lab is still there: " << left;
}

// A kill at any instant of the build, a daemon half started or a namespace just recorded,
// leaves nothing once the guardian is done.
TEST(RealLab, RunKilledDuringTheLabBuildIsCleanedUpByItsGuardian) {
  for (const auto delay : {100ms, 300ms, 600ms, 1000ms, 2000ms}) {
    ChildProcess run({LMLAB_BINARY, "run", kScenario, "--backend", "ovn", "--out",
                      testing::TempDir() + "/killed-build"});
    const auto owner = run.pid();
    std::this_thread::sleep_for(delay);
    kill(owner, SIGKILL);
    EXPECT_EQ(run.wait(), 128 + SIGKILL);
    LabTraces left;
    EXPECT_TRUE(eventually([&] { return (left = traces_of_labs_by(owner)).empty(); }, 20s))
        << "killed " << delay.count() << " ms into the run: " << left;
  }
}

// A process names the daemon's pidfile on its command line, and the pidfile is not written
// yet: the daemon is starting (or detaching) and nothing but its command line says it runs.
bool starting(const LabDaemon& daemon) {
  if (fs::exists(daemon.pidfile)) return false;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator("/proc", error))
    if (read_text(entry.path() / "cmdline").find("--pidfile=" + daemon.pidfile) !=
        std::string::npos)
      return !fs::exists(daemon.pidfile);
  return false;
}

// The narrowest windows of the build: lmlab is killed while a daemon it started has no
// pidfile yet, in the host (the NB database, ovn-nbctl) and in a chassis namespace.
TEST(RealLab, RunKilledAsADaemonStartsIsCleanedUpByItsGuardian) {
  int kills_before_a_pidfile = 0;
  for (const std::size_t daemon : {1u, 5u, 6u, 13u}) {
    ChildProcess run({LMLAB_BINARY, "run", kScenario, "--backend", "ovn", "--out",
                      testing::TempDir() + "/killed-daemon-start"});
    bool caught = false;  // the kill came before the pidfile
    EXPECT_TRUE(eventually(
        [&] {
          const auto lab = lab_owned_by(run.pid(), [&](const LabManifest& manifest) {
            return manifest.daemons.size() >= daemon;
          });
          if (!lab) return false;
          caught = starting(lab->daemons[daemon - 1]);
          return caught || fs::exists(lab->daemons[daemon - 1].pidfile);
        },
        20s, 0ms));
    const auto owner = run.pid();
    kill(owner, SIGKILL);
    EXPECT_EQ(run.wait(), 128 + SIGKILL);
    kills_before_a_pidfile += caught;
    LabTraces left;
    EXPECT_TRUE(eventually([&] { return (left = traces_of_labs_by(owner)).empty(); }, 20s))
        << "killed as daemon " << daemon << " started (" << (caught ? "" : "not ")
        << "before its pidfile): " << left;
  }
  RecordProperty("kills_before_a_pidfile", kills_before_a_pidfile);
}

// The guardian of process `owner`: its child in a session of its own.
std::optional<pid_t> guardian_of(pid_t owner) {
  std::error_code error;
  for (const auto& entry : fs::directory_iterator("/proc", error)) {
    if (entry.path().filename().string().find_first_not_of("0123456789") != std::string::npos)
      continue;
    std::istringstream stat(read_text(entry.path() / "stat"));
    pid_t pid = 0, parent = 0, group = 0, session = 0;
    std::string name, state;
    // pid (comm) state ppid pgrp session; lmlab's comm has no spaces.
    if (stat >> pid >> name >> state >> parent >> group >> session && parent == owner &&
        session == pid)
      return pid;
  }
  return std::nullopt;
}

// With its guardian killed too, a run's leftovers stay: `lab status` lists them and `lab down`
// removes every namespace and process of them, whatever point of the build they reached.
TEST(RealLab, RunKilledWithItsGuardianIsListedAndRemovedByLabDown) {
  for (const std::size_t daemons : {1u, 4u, 8u}) {
    ChildProcess run({LMLAB_BINARY, "run", kScenario, "--backend", "ovn", "--out",
                      testing::TempDir() + "/killed-with-guardian"});
    std::optional<LabManifest> lab;
    ASSERT_TRUE(eventually(
        [&] {
          lab = lab_owned_by(run.pid(), [&](const LabManifest& manifest) {
            return manifest.daemons.size() >= daemons;
          });
          return lab.has_value();
        },
        20s, 1ms))
        << "lmlab never recorded " << daemons << " daemons";
    // Right as the manifest names the daemon: it may not run yet, or have no pidfile yet.
    const auto owner = run.pid();
    const auto guardian = guardian_of(owner);
    ASSERT_TRUE(guardian.has_value());
    kill(*guardian, SIGKILL);
    kill(owner, SIGKILL);
    EXPECT_EQ(run.wait(), 128 + SIGKILL);
    EXPECT_THAT(run_command({LMLAB_BINARY, "lab", "status"}).out,
                HasSubstr(lab->id + "  scenario tcp-survival  left by pid " +
                          std::to_string(owner)));
    const auto down = run_command({LMLAB_BINARY, "lab", "down", lab->id});
    EXPECT_EQ(down.exit_code, 0) << down.err;
    const auto left = traces_of(lab->id);
    EXPECT_TRUE(left.empty()) << "killed with " << daemons << " daemons recorded: " << left;
  }
}

TEST(RealLab, InterruptedRunRemovesItsLabAndSaysSo) {
  const auto out = testing::TempDir() + "/interrupted-run";
  ChildProcess run({LMLAB_BINARY, "run", kScenario, "--backend", "ovn", "--out", out});
  const auto lab = wait_for_lab_of(run.pid());
  std::this_thread::sleep_for(2s);  // into the run, with guests and traffic
  kill(run.pid(), SIGINT);
  EXPECT_EQ(run.wait(), 3);  // the run could not be carried out
  EXPECT_TRUE(traces_of(lab.id).empty()) << "lab left after an interrupted run";
  EXPECT_FALSE(fs::exists(out)) << "an interrupted run wrote a report";
}

TEST(RealLab, MissingPackagesAreNamed) {
  const auto result = run_command({LMLAB_BINARY, "run", kScenario, "--backend", "ovn"},
                                  {{"PATH", "/nonexistent"}});
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_THAT(result.err, HasSubstr("install the Debian packages"));
  EXPECT_THAT(result.err, HasSubstr("openvswitch-switch"));
  EXPECT_THAT(result.err, HasSubstr("ovn-host"));
}

TEST(RealLab, WithoutRootSaysSo) {
  const auto result = run_command({"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                                   LMLAB_BINARY, "run", kScenario, "--backend", "ovn"});
  EXPECT_EQ(result.exit_code, 3) << result.err;
  EXPECT_THAT(result.err, HasSubstr("needs root"));
}

}  // namespace
}  // namespace lmlab::real
