// The model's wires: full-duplex links whose ends each send from a queue of
// their own at the link's rate (ns-3's SimpleNetDevice on a SimpleChannel). A
// tap, a veth and a switched underlay port are all full duplex; ns-3's CSMA,
// which the model used before, is half duplex with random backoff, and at a few
// thousand frames per second it held frames for milliseconds and lost a third
// of them.
#pragma once

#include <ns3/mac48-address.h>
#include <ns3/node.h>
#include <ns3/simple-channel.h>
#include <ns3/simple-net-device.h>

#include <cstdint>

#include "sim/core/units.hpp"

namespace lmlab {

struct LinkSpec {
  std::uint64_t rate_bps = 0;
  Time delay{0};
  std::uint32_t mtu = 1500;  // the largest payload an end sends; larger frames vanish
};

// An empty channel with the link's delay.
ns3::Ptr<ns3::SimpleChannel> new_channel(const LinkSpec& link);
// A new end on `node`, on `channel`, with `mac`.
ns3::Ptr<ns3::SimpleNetDevice> add_link_end(ns3::Ptr<ns3::Node> node,
                                            ns3::Ptr<ns3::SimpleChannel> channel,
                                            const LinkSpec& link, ns3::Mac48Address mac);

}  // namespace lmlab
