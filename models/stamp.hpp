// The sequence number and send time every probe and TCP chunk carries in its first bytes.
#pragma once

#include <cstdint>
#include <vector>

#include <ns3/packet.h>
#include <ns3/simulator.h>

#include "sim/units.hpp"

namespace lmlab {

struct Stamp {
  static constexpr std::uint32_t kBytes = 16;

  std::uint64_t seq = 0;
  Time sent{0};

  // A payload of `size` bytes (at least kBytes) starting with this stamp.
  ns3::Ptr<ns3::Packet> to_packet(std::uint32_t size) const;
  // Reads the stamp at the start of `bytes` (at least kBytes long).
  static Stamp read(const std::uint8_t* bytes);
  static Stamp from_packet(ns3::Ptr<const ns3::Packet> payload);
  // A stamp for a packet sent now.
  static Stamp now(std::uint64_t seq) {
    return {seq, Time(ns3::Simulator::Now().GetNanoSeconds())};
  }
};

}  // namespace lmlab
