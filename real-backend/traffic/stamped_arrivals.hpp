// Probes arriving at an interface, read from a capture: each captured frame whose transport
// payload carries a stamp of the expected flow becomes one arrival, duplicates included.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include <asio.hpp>

#include "real-backend/traffic/run_epoch.hpp"
#include "real-backend/traffic/packet_capture.hpp"
#include "sim/core/stamp.hpp"

namespace lmlab::real {

struct StampedArrival {
  Time at;  // the capture's timestamp
  Stamp stamp;
  std::uint32_t payload_bytes;
  std::string source_ip;
};

using ArrivalHandler = std::function<void(const StampedArrival&)>;

// A capture that hands over arrivals stamped with `stamp_flow`; the filter selects the
// protocol, port or echo identifier.
std::shared_ptr<PacketCapture> capture_stamped_arrivals(asio::io_context& io,
                                                        const RunEpoch& epoch,
                                                        const CaptureSpec& spec,
                                                        std::uint32_t stamp_flow,
                                                        ArrivalHandler handler);

}  // namespace lmlab::real
