// A few chassis of the OVN model on real ns-3 nodes, for tests of the model's parts without a
// scenario: chassis joined pairwise by Geneve tunnels over full-duplex links, and pods reduced to a
// NIC on a channel of their own with a VIF per chassis, as the cluster topology builds them.
// Pods have no IP stack: a test sends raw frames and sees every frame a device receives.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <ns3/net-device.h>
#include <ns3/mac48-address.h>
#include <ns3/packet.h>

#include "models/ns3_clock.hpp"
#include "models/ovn_chassis.hpp"
#include "models/ovn_southbound_model.hpp"
#include "models/vm_hypervisor_model.hpp"
#include "sim/core/phase_event.hpp"
#include "sim/core/scenario.hpp"

namespace lmlab::testing {

// IEEE 802 local experimental EtherType: frames of a test, which nothing in the model
// treats specially.
inline constexpr std::uint16_t kTestEtherType = 0x88b5;
// live-migration-facts.md, QEMU self-announce.
inline constexpr std::uint16_t kRarpEtherType = 0x8035;

// The pods the model tests lay out: a client and a VM on one switch, in Kube-OVN's addressing.
inline constexpr const char* kClientMac = "0a:58:0a:10:00:64";
inline constexpr const char* kClientIp = "10.16.0.100";
inline constexpr const char* kVmMac = "0a:58:0a:10:00:0a";
inline constexpr const char* kVmIp = "10.16.0.10";
// Long enough for any frame to cross a VIF, a tunnel and a VIF.
inline constexpr Time kDelivery = std::chrono::milliseconds(1);

struct Frame {
  std::uint16_t ether_type = 0;
  ns3::Mac48Address source;
  ns3::Mac48Address destination;
  ns3::Ptr<ns3::Packet> packet;
};

// Every frame a device receives, whoever it is addressed to. Stays where it is built: the
// device's node calls back into it.
class FrameLog {
 public:
  explicit FrameLog(ns3::Ptr<ns3::NetDevice> device);
  FrameLog(const FrameLog&) = delete;
  FrameLog& operator=(const FrameLog&) = delete;

  const std::vector<Frame>& frames() const { return frames_; }
  std::size_t count(std::uint16_t ether_type) const;

 private:
  void record(ns3::Ptr<ns3::NetDevice>, ns3::Ptr<const ns3::Packet> packet,
              std::uint16_t ether_type, const ns3::Address& source,
              const ns3::Address& destination, ns3::NetDevice::PacketType);

  std::vector<Frame> frames_;
};

class OvnModelLab {
 public:
  explicit OvnModelLab(const std::vector<std::string>& nodes);
  // The simulator's events and nodes refer to this lab's chassis: they go first.
  ~OvnModelLab();
  OvnModelLab(const OvnModelLab&) = delete;
  OvnModelLab& operator=(const OvnModelLab&) = delete;

  OvnChassis& chassis(const std::string& node) { return *chassis_.at(node); }
  // A pod's NIC with MAC `mac` on a channel of its own, and a VIF on each of `nodes`: all
  // attached, none plugged into its chassis (the hypervisor model does that for VMs).
  VmHypervisorModel::Guest add_guest(const std::string& mac, const std::vector<std::string>& nodes);
  // A pod that stays on `node`, plugged in there as `port`; returns its NIC.
  ns3::Ptr<ns3::NetDevice> add_pod(const std::string& mac, const std::string& node,
                                       const std::string& port);
  // Runs the simulation for `duration` from now.
  void run_for(Time duration);

  const ClusterSpec cluster;  // the defaults: control-plane delays, underlay
  Ns3Clock clock;
  EventLog log;
  OvnSouthboundModel southbound{clock, log};

 private:
  std::map<std::string, std::unique_ptr<OvnChassis>> chassis_;
};

// A frame of `ether_type` with a small payload, sent from `nic` to `destination`.
void send_frame(ns3::Ptr<ns3::NetDevice> nic, ns3::Mac48Address destination,
                std::uint16_t ether_type = kTestEtherType);

}  // namespace lmlab::testing
