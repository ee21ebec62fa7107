// A real OVN lab on this host: OVN central (NB and SB ovsdb-server, ovn-northd) and one
// chassis per node, each chassis in its own network namespace with its own ovsdb-server,
// ovs-vswitchd on the userspace datapath and ovn-controller, joined by a Linux-bridge
// underlay carrying real Geneve. Everything lives under one per-lab directory and
// per-lab namespace names, recorded in the lab's manifest as it is created.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "real-backend/lab_guardian.hpp"
#include "real-backend/lab_manifest.hpp"
#include "real-backend/process.hpp"
#include "sim/core/northbound.hpp"

namespace lmlab::real {

// reference/ovn-lab README, traps: Geneve adds 58 bytes and oversized packets are dropped
// silently, so the underlay carries the guests' frames plus that overhead (or the scenario's,
// if larger), and never less than 1600 bytes, what the lab has always carried.
inline constexpr int kGeneveOverhead = 58;
inline constexpr int kMinUnderlayMtu = 1600;
int underlay_mtu_for(int network_mtu, int tunnel_overhead);

struct LabSpec {
  std::string scenario;             // for `lmlab lab status`
  std::vector<std::string> nodes;   // one chassis each
  std::optional<std::uint16_t> provider_vlan;  // a ToR and br-ex on every chassis when set
  int underlay_mtu = kMinUnderlayMtu;  // of every underlay link and ToR trunk
};

struct Chassis {
  std::string node;
  std::string netns;
  std::string directory;
  std::string encap_ip;  // Geneve tunnel endpoint on the underlay
};

class OvnLab {
 public:
  // Forks the lab's guardian, which creates the lab's directory and manifest, owned by this
  // process. Nothing runs yet. Call while this process has a single thread.
  explicit OvnLab(const LabSpec& spec);
  // Tears the lab down unless it was handed over with release(); the guardian then finds
  // nothing left to do.
  ~OvnLab();
  OvnLab(const OvnLab&) = delete;
  OvnLab& operator=(const OvnLab&) = delete;

  // Central, underlay, chassis; returns once every chassis has registered in the SB and the
  // tunnels between them are warm. Throws std::runtime_error naming the daemon that failed
  // and its log line.
  void start();

  // A namespace of the lab, created and recorded; `role` becomes part of its name.
  std::string create_namespace(const std::string& role);
  // A veth pair between two namespaces of the lab, both ends up.
  void connect(const std::string& netns_a, const std::string& interface_a,
               const std::string& netns_b, const std::string& interface_b, int mtu);
  // Connects `interface` of namespace `netns` to the node's br-int as OVN port `iface_id`,
  // through a veth whose chassis end the lab names; returns that name.
  std::string attach(const std::string& node, const std::string& netns,
                     const std::string& interface, int mtu, const std::string& iface_id);
  // Unplugs the chassis end from br-int and deletes the veth.
  void detach(const std::string& node, const std::string& chassis_interface);
  // Connects `interface` of namespace `netns` to an access port of the ToR on the provider
  // VLAN (an external host).
  void attach_to_provider_network(const std::string& netns, const std::string& interface,
                                  int mtu);

  // Starts a daemon that detaches, with its pidfile and log under `directory` (run/, log/),
  // recorded for teardown. Throws naming the daemon and its last error line if it fails.
  void start_daemon(const std::string& name, const Argv& argv, const Environment& environment,
                    const std::string& directory, const std::string& control_socket,
                    std::vector<std::string> exit_arguments = {});

  // Records a process that will write `pidfile` (under the lab directory) and has no control
  // socket, so that teardown stops it with SIGTERM. Call before starting it.
  void record_daemon(const std::string& name, const std::string& pidfile);

  const Chassis& chassis(const std::string& node) const;
  const LabManifest& manifest() const { return manifest_; }
  std::string nb_socket() const;
  std::string sb_socket() const;
  // The directory daemons and helpers of the lab may put files in.
  std::string directory() const { return manifest_.directory; }

  // Stops and removes everything now; returns what could not be removed.
  std::vector<std::string> tear_down();
  // Leaves the lab running after this object is gone, guardian stood down (`lmlab lab up`).
  void release();

 private:
  std::string namespace_name(const std::string& role) const;
  void start_central();
  void start_underlay();
  void start_ovs(const std::string& directory, const std::string& netns);
  void start_chassis(const Chassis& chassis);
  void start_provider_network();
  void wait_for_chassis_registration();
  void warm_tunnels();
  Argv vsctl(const std::string& directory, const Argv& arguments) const;

  LabSpec spec_;
  LabManifest manifest_;
  LabGuardian guardian_;
  std::vector<std::string> nodes_;
  std::map<std::string, Chassis> chassis_;
  std::string underlay_netns_;
  std::string tor_netns_;
  std::string tor_directory_;
  std::size_t attached_count_ = 0;  // names chassis ends of veths uniquely
  bool released_ = false;
  bool torn_down_ = false;
};

// Only letters, digits, '-', '_' and '.': the names become namespace and file names.
void check_lab_name(const std::string& what, const std::string& name);

// The ids of the labs that process `pid` makes: this, then three characters of the time.
std::string lab_id_prefix(pid_t pid);

}  // namespace lmlab::real
