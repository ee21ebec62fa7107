#include "models/stamped_packet.hpp"

#include <algorithm>
#include <vector>

#include <ns3/simulator.h>

namespace lmlab {

ns3::Ptr<ns3::Packet> stamped_packet(const Stamp& stamp, std::uint32_t size) {
  std::vector<std::uint8_t> bytes(std::max(size, Stamp::kBytes), 0);
  stamp.write(bytes.data());
  return ns3::Create<ns3::Packet>(bytes.data(), static_cast<std::uint32_t>(bytes.size()));
}

ns3::Ptr<ns3::Packet> stamped_packet_now(std::uint32_t flow, std::uint64_t seq,
                                         std::uint32_t size) {
  return stamped_packet(Stamp{flow, seq, Time(ns3::Simulator::Now().GetNanoSeconds())}, size);
}

Stamp read_stamp(ns3::Ptr<const ns3::Packet> payload) {
  std::uint8_t bytes[Stamp::kBytes] = {};
  payload->CopyData(bytes, Stamp::kBytes);
  return Stamp::read(bytes);
}

}  // namespace lmlab
