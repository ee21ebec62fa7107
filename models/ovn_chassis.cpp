#include "models/ovn_chassis.hpp"

#include <algorithm>
#include <sstream>

#include <ns3/arp-header.h>
#include <ns3/arp-l3-protocol.h>

#include "models/ovn_tunnel_header.hpp"

namespace lmlab {

namespace {
// live-migration-facts.md, QEMU: the self-announce RARP uses ethertype 0x8035.
constexpr std::uint16_t kRarpEtherType = 0x8035;
// The outer Ethernet header frames the underlay packet and does not count against its MTU;
// the rest of the Geneve overhead and the inner Ethernet header travel in OvnTunnelHeader.
constexpr std::uint32_t kOuterEthernetBytes = 14;
constexpr std::uint32_t kInnerEthernetBytes = 14;

std::string mac_text(ns3::Mac48Address mac) {
  std::ostringstream text;
  text << mac;
  return text.str();
}

std::string ip_text(ns3::Ipv4Address ip) {
  std::ostringstream text;
  ip.Print(text);
  return text.str();
}
}  // namespace

OvnChassis::OvnChassis(std::string name, ns3::Ptr<ns3::Node> node,
                       OvnSouthboundModel& southbound, Clock& clock, const ClusterSpec& cluster)
    : name_(std::move(name)), node_(node), southbound_(southbound), clock_(clock),
      cluster_(cluster) {}

void OvnChassis::add_vif(const std::string& port, ns3::Ptr<ns3::NetDevice> vif) {
  const auto plugged = vif_ports_.find(vif);
  if (plugged == vif_ports_.end()) {
    node_->RegisterProtocolHandler(ns3::MakeCallback(&OvnChassis::receive_from_vif, this), 0,
                                   vif, true);
  } else {
    vifs_.erase(plugged->second);  // the tap now belongs to another port of the pod
  }
  vifs_[port] = vif;
  vif_ports_[vif] = port;
}

void OvnChassis::add_tunnel(OvnChassis& peer, ns3::Ptr<ns3::NetDevice> local_end,
                            ns3::Ptr<ns3::NetDevice> peer_end) {
  tunnels_[peer.name()] = {local_end, ns3::Mac48Address::ConvertFrom(peer_end->GetAddress())};
  node_->RegisterProtocolHandler(ns3::MakeCallback(&OvnChassis::receive_from_tunnel, this),
                                 OvnTunnelHeader::kEtherType, local_end, false);
}

void OvnChassis::receive_from_vif(ns3::Ptr<ns3::NetDevice> device,
                                  ns3::Ptr<const ns3::Packet> packet, std::uint16_t ether_type,
                                  const ns3::Address& source, const ns3::Address& destination,
                                  ns3::NetDevice::PacketType) {
  const std::string& port = vif_ports_.at(device);
  if (!southbound_.knows(port)) return;  // not created yet
  if (!southbound_.forwards_on(port, name_)) {
    // controller/physical.c: on a blocked additional chassis a RARP goes to ovn-controller
    // (priority 1010), which activates the port there; everything else is dropped (1000).
    if (ether_type == kRarpEtherType && southbound_.awaits_rarp(port, name_))
      clock_.schedule_in(cluster_.control_plane.activation,
                         [this, port] { southbound_.activate(port, name_); });
    return;
  }
  if (ether_type == ns3::ArpL3Protocol::PROT_NUMBER && answer_arp(port, packet)) return;
  output(port, packet, ns3::Mac48Address::ConvertFrom(source),
         ns3::Mac48Address::ConvertFrom(destination), ether_type);
}

// ls_in_arp_rsp: OVN answers ARP requests for addresses of the logical switch's ports
// itself, back out of the port that asked, instead of flooding them.
bool OvnChassis::answer_arp(const std::string& port, ns3::Ptr<const ns3::Packet> packet) {
  ns3::ArpHeader request;
  packet->Copy()->RemoveHeader(request);
  if (!request.IsRequest()) return false;
  const auto mac = southbound_.mac_of_ip(southbound_.switch_of(port),
                                         ip_text(request.GetDestinationIpv4Address()));
  const auto requester = ns3::Mac48Address::ConvertFrom(request.GetSourceHardwareAddress());
  if (!mac || *mac == mac_text(requester)) return false;
  const ns3::Mac48Address owner(mac->c_str());
  ns3::ArpHeader reply;
  reply.SetReply(owner, request.GetDestinationIpv4Address(), requester,
                 request.GetSourceIpv4Address());
  auto answer = ns3::Create<ns3::Packet>();
  answer->AddHeader(reply);
  vifs_.at(port)->SendFrom(answer, owner, requester, ns3::ArpL3Protocol::PROT_NUMBER);
  return true;
}

void OvnChassis::output(const std::string& port, ns3::Ptr<const ns3::Packet> packet,
                        ns3::Mac48Address source, ns3::Mac48Address destination,
                        std::uint16_t ether_type) {
  const auto& logical_switch = southbound_.switch_of(port);
  std::vector<std::string> outputs;
  if (destination.IsBroadcast() || destination.IsGroup()) {
    for (const auto& other : southbound_.ports_on(logical_switch))
      if (other != port) outputs.push_back(other);
  } else if (auto owner = southbound_.port_with_mac(logical_switch, mac_text(destination))) {
    outputs.push_back(*owner);
  }  // an unknown unicast MAC: OVN drops it (no port has "unknown" addresses)
  const std::uint32_t encapsulated =
      cluster_.underlay.tunnel_overhead_bytes - kOuterEthernetBytes + kInnerEthernetBytes;
  for (const auto& output_port : outputs) {
    for (const auto& chassis : southbound_.chassis_of(output_port)) {
      if (chassis == name_) {
        deliver_locally(output_port, packet, source, destination, ether_type);
        continue;
      }
      const auto tunnel = tunnels_.find(chassis);
      if (tunnel == tunnels_.end()) continue;
      auto frame = packet->Copy();
      frame->AddHeader(OvnTunnelHeader(southbound_.key_of(output_port), source, destination, ether_type,
                                       static_cast<std::uint16_t>(encapsulated)));
      tunnel->second.device->Send(frame, tunnel->second.peer_address, OvnTunnelHeader::kEtherType);
    }
  }
}

void OvnChassis::receive_from_tunnel(ns3::Ptr<ns3::NetDevice>, ns3::Ptr<const ns3::Packet> packet,
                                     std::uint16_t, const ns3::Address&, const ns3::Address&,
                                     ns3::NetDevice::PacketType) {
  auto frame = packet->Copy();
  OvnTunnelHeader header;
  frame->RemoveHeader(header);
  const auto port = southbound_.port_with_key(header.output_port_key());
  if (!port) return;
  deliver_locally(*port, frame, header.source(), header.destination(), header.ether_type());
}

void OvnChassis::deliver_locally(const std::string& port, ns3::Ptr<const ns3::Packet> packet,
                                 ns3::Mac48Address source, ns3::Mac48Address destination,
                                 std::uint16_t ether_type) {
  // Blocked (awaiting RARP) or not bound here: controller/physical.c drops egress too.
  if (!southbound_.forwards_on(port, name_)) return;
  const auto vif = vifs_.find(port);
  // Without a VIF, or with the VM not running on it, the frame is lost like one sent to a
  // tap nobody reads.
  if (vif == vifs_.end()) return;
  vif->second->SendFrom(packet->Copy(), source, destination, ether_type);
}

}  // namespace lmlab
