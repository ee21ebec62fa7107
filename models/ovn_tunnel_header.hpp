// What a chassis puts in front of a logical frame it tunnels to another chassis: the
// logical output port (Geneve's option carries it in OVN), the inner Ethernet addresses and
// type, and padding so the frame is as long as a real Geneve-encapsulated one.
#pragma once

#include <cstdint>

#include <ns3/header.h>
#include <ns3/mac48-address.h>

namespace lmlab {

class OvnTunnelHeader : public ns3::Header {
 public:
  // Geneve's EtherType for an Ethernet payload (transparent Ethernet bridging).
  static constexpr std::uint16_t kEtherType = 0x6558;

  static ns3::TypeId GetTypeId();
  ns3::TypeId GetInstanceTypeId() const override;

  OvnTunnelHeader() = default;
  // `encapsulated_size`: outer IP + UDP + Geneve bytes plus the inner Ethernet header; the
  // outer Ethernet header comes from the underlay device itself.
  OvnTunnelHeader(std::uint32_t output_port_key, ns3::Mac48Address source,
                  ns3::Mac48Address destination, std::uint16_t ether_type,
                  std::uint16_t encapsulated_size);

  std::uint32_t output_port_key() const { return output_port_key_; }
  ns3::Mac48Address source() const { return source_; }
  ns3::Mac48Address destination() const { return destination_; }
  std::uint16_t ether_type() const { return ether_type_; }

  std::uint32_t GetSerializedSize() const override;
  void Serialize(ns3::Buffer::Iterator start) const override;
  std::uint32_t Deserialize(ns3::Buffer::Iterator start) override;
  void Print(std::ostream& os) const override;

 private:
  std::uint32_t output_port_key_ = 0;
  ns3::Mac48Address source_;
  ns3::Mac48Address destination_;
  std::uint16_t ether_type_ = 0;
  std::uint16_t size_ = 0;
};

}  // namespace lmlab
