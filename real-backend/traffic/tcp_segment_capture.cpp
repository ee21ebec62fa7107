#include "real-backend/traffic/tcp_segment_capture.hpp"

#include <optional>

#include "real-backend/traffic/packet_headers.hpp"
#include "sim/core/sequence_unwrapper.hpp"

namespace lmlab::real {

std::shared_ptr<PacketCapture> capture_tcp_segments(asio::io_context& io, const RunEpoch& epoch,
                                                    const CaptureSpec& spec, RecordLog& log,
                                                    std::uint32_t flow) {
  auto on_frame = [&log, flow, initial = std::optional<std::uint32_t>(),
                   unwrapper = SequenceUnwrapper()](
                      Time at, std::span<const std::uint8_t> frame) mutable {
    const auto packet = parse_ethernet_frame(frame);
    if (!packet) return;
    const auto* tcp = std::get_if<TcpHeader>(&packet->transport);
    if (tcp == nullptr) return;
    if (tcp->syn) initial = tcp->sequence;
    if (packet->payload_length == 0) return;  // handshake and pure ACKs carry no data
    // Without the SYN (the capture opened late) the first segment seen starts the stream.
    if (!initial) initial = tcp->sequence - 1;
    const std::uint64_t sequence = unwrapper.unwrap(tcp->sequence - *initial);
    log.add({at, RecordKind::tcp_segment_sent, flow, sequence, packet->payload_length, Time{0}});
  };
  return std::make_shared<PacketCapture>(io, epoch, spec, std::move(on_frame));
}

}  // namespace lmlab::real
