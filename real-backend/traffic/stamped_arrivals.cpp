#include "real-backend/traffic/stamped_arrivals.hpp"

#include "real-backend/traffic/packet_headers.hpp"

namespace lmlab::real {

std::shared_ptr<PacketCapture> capture_stamped_arrivals(asio::io_context& io,
                                                        const RunEpoch& epoch,
                                                        const CaptureSpec& spec,
                                                        std::uint32_t stamp_flow,
                                                        ArrivalHandler handler) {
  auto on_frame = [stamp_flow, handler = std::move(handler)](
                      Time at, std::span<const std::uint8_t> frame) {
    const auto packet = parse_ethernet_frame(frame);
    if (!packet || packet->payload.size() < Stamp::kBytes) return;
    const Stamp stamp = Stamp::read(packet->payload.data());
    if (stamp.flow != stamp_flow) return;
    handler({at, stamp, packet->payload_length, packet->source_ip});
  };
  return std::make_shared<PacketCapture>(io, epoch, spec, std::move(on_frame));
}

}  // namespace lmlab::real
