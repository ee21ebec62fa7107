// One chassis of the OVN model: the logical switch pipeline that ovn-controller installs in
// br-int, reduced to what decides a migration's downtime. Frames from local VIFs pass
// binding checks (port bound here, not blocked awaiting RARP), the ARP responder for known
// addresses, and the L2 lookup; frames for a port go to every chassis it is bound to (main
// and additional: multi-chassis duplication), tunnelled to remote ones.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include <ns3/net-device.h>
#include <ns3/mac48-address.h>
#include <ns3/node.h>
#include <ns3/packet.h>

#include "models/ovn_southbound_model.hpp"
#include "sim/core/clock.hpp"
#include "sim/core/scenario.hpp"

namespace lmlab {

class OvnChassis {
 public:
  OvnChassis(std::string name, ns3::Ptr<ns3::Node> node, OvnSouthboundModel& southbound,
             Clock& clock, const ClusterSpec& cluster);

  const std::string& name() const { return name_; }
  ns3::Ptr<ns3::Node> node() const { return node_; }

  // The chassis' end of a VIF (the tap QEMU or the pod uses) plugged in as a logical port;
  // plugging the same VIF again as another port moves it there.
  void add_vif(const std::string& port, ns3::Ptr<ns3::NetDevice> vif);
  // A Geneve tunnel to another chassis over the underlay.
  void add_tunnel(OvnChassis& peer, ns3::Ptr<ns3::NetDevice> local_end,
                  ns3::Ptr<ns3::NetDevice> peer_end);

 private:
  void receive_from_vif(ns3::Ptr<ns3::NetDevice> device, ns3::Ptr<const ns3::Packet> packet,
                        std::uint16_t ether_type, const ns3::Address& source,
                        const ns3::Address& destination, ns3::NetDevice::PacketType);
  void receive_from_tunnel(ns3::Ptr<ns3::NetDevice> device, ns3::Ptr<const ns3::Packet> packet,
                           std::uint16_t ether_type, const ns3::Address& source,
                           const ns3::Address& destination, ns3::NetDevice::PacketType);
  bool answer_arp(const std::string& port, ns3::Ptr<const ns3::Packet> packet);
  void output(const std::string& port, ns3::Ptr<const ns3::Packet> packet,
              ns3::Mac48Address source, ns3::Mac48Address destination,
              std::uint16_t ether_type);
  void deliver_locally(const std::string& port, ns3::Ptr<const ns3::Packet> packet,
                       ns3::Mac48Address source, ns3::Mac48Address destination,
                       std::uint16_t ether_type);

  std::string name_;
  ns3::Ptr<ns3::Node> node_;
  OvnSouthboundModel& southbound_;
  Clock& clock_;
  const ClusterSpec& cluster_;
  std::map<std::string, ns3::Ptr<ns3::NetDevice>> vifs_;                  // by port
  std::map<ns3::Ptr<ns3::NetDevice>, std::string> vif_ports_;                 // by device
  struct Tunnel {
    ns3::Ptr<ns3::NetDevice> device;
    ns3::Mac48Address peer_address;
  };
  std::map<std::string, Tunnel> tunnels_;  // by peer chassis name
};

}  // namespace lmlab
