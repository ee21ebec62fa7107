// The data segments a TCP sender puts on the wire, read from a capture on its interface.
// Each becomes a tcp_segment_sent record: the sequence number relative to the connection's
// initial one (its first data byte is 1, as in the ns-3 model), unwrapped to 64 bits, and
// the payload length. A retransmission is a segment below the highest sequence already
// sent, which is how the analyzer counts them. With segmentation offload on the interface a
// segment may be larger than the MTU; it still counts once.
#pragma once

#include <cstdint>
#include <memory>

#include <asio.hpp>

#include "real-backend/traffic/run_epoch.hpp"
#include "real-backend/traffic/packet_capture.hpp"
#include "real-backend/traffic/record_log.hpp"

namespace lmlab::real {

// `spec` must select the sender's segments of one connection, SYN included.
std::shared_ptr<PacketCapture> capture_tcp_segments(asio::io_context& io, const RunEpoch& epoch,
                                                    const CaptureSpec& spec, RecordLog& log,
                                                    std::uint32_t flow);

}  // namespace lmlab::real
