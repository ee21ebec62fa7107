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
  std::vector<pid_t> processes;
  bool directory = false;
  bool empty() const { return namespaces.empty() && processes.empty() && !directory; }
};

LabTraces traces_of(const std::string& id) {
  LabTraces traces;
  const auto prefix = "lmlab-" + id + "-";
  for (const auto& entry : fs::directory_iterator("/run/netns"))
    if (entry.path().filename().string().rfind(prefix, 0) == 0)
      traces.namespaces.push_back(entry.path().filename());
  const auto directory = std::string(kLabStateRoot) + "/" + id;
  for (const auto& entry : fs::directory_iterator("/proc")) {
    const auto name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream cmdline(entry.path() / "cmdline");
    const std::string text{std::istreambuf_iterator<char>(cmdline), {}};
    if (text.find(directory + "/") != std::string::npos &&
        process_alive(static_cast<pid_t>(std::stol(name))))
      traces.processes.push_back(static_cast<pid_t>(std::stol(name)));
  }
  traces.directory = fs::exists(directory);
  return traces;
}

// Polls until `done` holds or `limit` passes; returns whether it held.
template <typename Condition>
bool eventually(Condition done, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(20ms);
  }
  return true;
}

// The lab a running lmlab (pid `owner`) is building, once it has its VM.
std::optional<LabManifest> lab_owned_by(pid_t owner) {
  for (const auto& directory : find_lab_directories()) {
    try {
      auto manifest = load_manifest(directory);
      const bool has_vm = std::any_of(manifest.namespaces.begin(), manifest.namespaces.end(),
                                      [](const std::string& name) {
                                        return name.find("-qemu-") != std::string::npos;
                                      });
      if (manifest.owner == owner && has_vm) return manifest;
    } catch (const std::exception&) {
      // Being written right now.
    }
  }
  return std::nullopt;
}

LabManifest wait_for_lab_of(pid_t owner) {
  std::optional<LabManifest> manifest;
  EXPECT_TRUE(eventually([&] { return (manifest = lab_owned_by(owner)).has_value(); }, 20s))
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
  EXPECT_TRUE(left.empty()) << left.namespaces.size() << " namespaces, " << left.processes.size()
                            << " processes left";
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
  EXPECT_TRUE(eventually([&] { return traces_of(lab.id).empty(); }, 10s))
      << "the killed run's lab is still there";
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
