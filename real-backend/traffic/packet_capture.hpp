// A libpcap capture on one interface of a namespace, read from the io_context as frames
// arrive: nanosecond kernel timestamps, immediate delivery, a BPF filter and a direction,
// so each workload sees only its own packets.
#pragma once

#include <pcap/pcap.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>

#include <asio.hpp>

#include "real-backend/traffic/run_epoch.hpp"

namespace lmlab::real {

struct CaptureSpec {
  std::string netns;
  std::string interface;
  std::string filter;  // pcap-filter(7) expression
  pcap_direction_t direction = PCAP_D_IN;
};

// A captured frame and when the kernel saw it, as run time.
using FrameHandler = std::function<void(Time at, std::span<const std::uint8_t> frame)>;

class PacketCapture : public std::enable_shared_from_this<PacketCapture> {
 public:
  // Opens and activates the capture inside spec.netns; throws std::runtime_error naming the
  // interface, namespace and filter, with libpcap's reason. A read error later comes out of
  // the io_context's run() the same way.
  PacketCapture(asio::io_context& io, const RunEpoch& epoch, const CaptureSpec& spec,
                FrameHandler handler);
  ~PacketCapture();
  PacketCapture(const PacketCapture&) = delete;
  PacketCapture& operator=(const PacketCapture&) = delete;

  // Delivers frames as they arrive.
  void start();
  // Delivers every frame captured so far, then closes.
  void drain_and_close();
  // Closes at once; no frame is delivered after this.
  void close();

 private:
  void wait_for_frames();
  void deliver_pending();

  const RunEpoch& epoch_;
  FrameHandler handler_;
  std::string context_;  // for errors
  std::unique_ptr<pcap_t, void (*)(pcap_t*)> pcap_;
  asio::posix::stream_descriptor readable_;  // pcap's selectable descriptor, owned by pcap
  bool closed_ = false;
};

}  // namespace lmlab::real
