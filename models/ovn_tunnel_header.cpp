#include "models/ovn_tunnel_header.hpp"

#include <algorithm>

#include <ns3/address-utils.h>

namespace lmlab {

namespace {
// port key (4) + two MACs (12) + ether type (2) + size (2)
constexpr std::uint16_t kFieldBytes = 20;
}  // namespace

ns3::TypeId OvnTunnelHeader::GetTypeId() {
  static ns3::TypeId tid = ns3::TypeId("lmlab::OvnTunnelHeader")
                               .SetParent<ns3::Header>()
                               .AddConstructor<OvnTunnelHeader>();
  return tid;
}

ns3::TypeId OvnTunnelHeader::GetInstanceTypeId() const { return GetTypeId(); }

OvnTunnelHeader::OvnTunnelHeader(std::uint32_t output_port_key, ns3::Mac48Address source,
                                 ns3::Mac48Address destination, std::uint16_t ether_type,
                                 std::uint16_t encapsulated_size)
    : output_port_key_(output_port_key),
      source_(source),
      destination_(destination),
      ether_type_(ether_type),
      size_(std::max(encapsulated_size, kFieldBytes)) {}

std::uint32_t OvnTunnelHeader::GetSerializedSize() const { return size_; }

void OvnTunnelHeader::Serialize(ns3::Buffer::Iterator start) const {
  start.WriteHtonU32(output_port_key_);
  ns3::WriteTo(start, source_);
  ns3::WriteTo(start, destination_);
  start.WriteHtonU16(ether_type_);
  start.WriteHtonU16(size_);
  start.WriteU8(0, size_ - kFieldBytes);
}

std::uint32_t OvnTunnelHeader::Deserialize(ns3::Buffer::Iterator start) {
  output_port_key_ = start.ReadNtohU32();
  ns3::ReadFrom(start, source_);
  ns3::ReadFrom(start, destination_);
  ether_type_ = start.ReadNtohU16();
  size_ = start.ReadNtohU16();
  start.Next(size_ - kFieldBytes);
  return size_;
}

void OvnTunnelHeader::Print(std::ostream& os) const {
  os << "port=" << output_port_key_ << " " << source_ << " > " << destination_ << " type=0x"
     << std::hex << ether_type_ << std::dec;
}

}  // namespace lmlab
