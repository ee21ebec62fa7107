#include "models/vm_hypervisor_model.hpp"

#include <ns3/packet.h>

#include <stdexcept>

namespace lmlab {

namespace {
// live-migration-facts.md, QEMU self-announce: ethertype 0x8035, opcode 3 (request
// reverse), broadcast, sha = tha = the VM MAC, spa = tpa = 0.0.0.0.
constexpr std::uint16_t kRarpEtherType = 0x8035;
constexpr std::uint16_t kRarpRequestReverse = 3;

// QEMU pads the announce to the minimum Ethernet payload: a 60-byte frame.
constexpr std::size_t kMinimumEthernetPayload = 46;

ns3::Ptr<ns3::Packet> rarp_for(ns3::Mac48Address mac) {
  std::uint8_t body[kMinimumEthernetPayload] = {
      0x00, 0x01,  // hardware type: Ethernet
      0x08, 0x00,  // protocol type: IPv4
      6,    4,     // address lengths
      0x00, static_cast<std::uint8_t>(kRarpRequestReverse)};
  mac.CopyTo(body + 8);   // sender hardware address; sender IP 0.0.0.0 follows
  mac.CopyTo(body + 18);  // target hardware address; target IP 0.0.0.0 follows
  return ns3::Create<ns3::Packet>(body, sizeof body);
}
}  // namespace

void VmHypervisorModel::add_guest(const std::string& vm, Guest guest, const std::string& port) {
  for (const auto& [node, vif] : guest.wire.vifs())
    if (node != guest.node) guest.wire.detach(node);
  guest.chassis.at(guest.node)->add_vif(port, guest.wire.vif(guest.node));
  guest.domains = {guest.node};
  guests_.insert_or_assign(vm, std::move(guest));
}

void VmHypervisorModel::prepare_target(const std::string& vm, const std::string& node,
                                       const std::string& port) {
  auto& guest = guests_.at(vm);
  if (guest.wire.vifs().count(node) == 0)
    throw std::logic_error("no VIF for " + vm + " on " + node);
  // Its VIF exists already, detached until the VM runs there.
  guest.chassis.at(node)->add_vif(port, guest.wire.vif(node));
  guest.domains.insert(node);
}

void VmHypervisorModel::pause(const std::string& vm) {
  auto& guest = guests_.at(vm);
  guest.wire.detach(guest.node);
  guest.paused = true;
}

void VmHypervisorModel::resume(const std::string& vm, const std::string& node) {
  auto& guest = guests_.at(vm);
  if (guest.domains.count(node) == 0)
    throw std::logic_error("resume of " + vm + " on " + node + " without a target domain");
  guest.wire.attach(node);
  guest.node = node;
  guest.paused = false;
}

void VmHypervisorModel::announce(const std::string& vm) {
  auto& guest = guests_.at(vm);
  const auto nic = guest.wire.nic();
  nic->Send(rarp_for(ns3::Mac48Address::ConvertFrom(nic->GetAddress())),
            ns3::Mac48Address::GetBroadcast(), kRarpEtherType);
}

void VmHypervisorModel::remove_domain(const std::string& vm, const std::string& node) {
  guests_.at(vm).domains.erase(node);
}

}  // namespace lmlab
