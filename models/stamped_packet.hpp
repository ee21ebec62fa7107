// ns-3 packets whose payload starts with a Stamp (sim/core/stamp.hpp).
#pragma once

#include <cstdint>

#include <ns3/packet.h>

#include "sim/core/stamp.hpp"

namespace lmlab {

// A payload of `size` bytes (at least Stamp::kBytes) carrying `stamp`.
ns3::Ptr<ns3::Packet> stamped_packet(const Stamp& stamp, std::uint32_t size);
// The same, stamped as sent now.
ns3::Ptr<ns3::Packet> stamped_packet_now(std::uint32_t flow, std::uint64_t seq,
                                         std::uint32_t size);
// The stamp at the start of a payload of at least Stamp::kBytes.
Stamp read_stamp(ns3::Ptr<const ns3::Packet> payload);

}  // namespace lmlab
