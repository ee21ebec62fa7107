#include "real-backend/traffic/packet_capture.hpp"

#include <exception>
#include <stdexcept>

#include "real-backend/traffic/netns.hpp"
#include "real-backend/traffic/workload_error.hpp"

namespace lmlab::real {

namespace {
// Enough for Ethernet, IPv6 with options, a full TCP header and a stamp; TCP segment lengths
// come from the IP header, not from what was kept.
constexpr int kSnapLength = 256;
// Some 12000 frames at that snap length: a stalled loop loses none of a fast stream's.
constexpr int kBufferBytes = 4 << 20;

void check(pcap_t* pcap, int status, const std::string& step) {
  if (status < 0) throw std::runtime_error(step + ": " + pcap_geterr(pcap));
}

// Creates, configures and activates the capture; activation binds it to the interface of
// the namespace the thread is in.
pcap_t* open_capture(const CaptureSpec& spec) {
  char error[PCAP_ERRBUF_SIZE] = {};
  pcap_t* pcap = pcap_create(spec.interface.c_str(), error);
  if (pcap == nullptr) throw std::runtime_error(error);
  try {
    check(pcap, pcap_set_snaplen(pcap, kSnapLength), "snap length");
    check(pcap, pcap_set_buffer_size(pcap, kBufferBytes), "buffer size");
    // Frames are handed over as they arrive, not when a buffer block fills.
    check(pcap, pcap_set_immediate_mode(pcap, 1), "immediate mode");
    check(pcap, pcap_set_tstamp_precision(pcap, PCAP_TSTAMP_PRECISION_NANO),
          "nanosecond timestamps");
    const int activated = pcap_activate(pcap);
    if (activated < 0) {
      throw std::runtime_error(std::string(pcap_statustostr(activated)) + ": " +
                               pcap_geterr(pcap));
    }
    if (pcap_datalink(pcap) != DLT_EN10MB) throw std::runtime_error("not an Ethernet interface");
    check(pcap, pcap_setdirection(pcap, spec.direction), "direction");
    bpf_program program{};
    check(pcap, pcap_compile(pcap, &program, spec.filter.c_str(), 1, PCAP_NETMASK_UNKNOWN),
          "filter");
    const int filtered = pcap_setfilter(pcap, &program);
    pcap_freecode(&program);
    check(pcap, filtered, "filter");
    char nonblock_error[PCAP_ERRBUF_SIZE] = {};
    if (pcap_setnonblock(pcap, 1, nonblock_error) < 0) {
      throw std::runtime_error(std::string("non-blocking: ") + nonblock_error);
    }
    return pcap;
  } catch (...) {
    pcap_close(pcap);
    throw;
  }
}

// With nanosecond precision libpcap puts nanoseconds in tv_usec.
timespec capture_time(const pcap_pkthdr& header) {
  return timespec{header.ts.tv_sec, static_cast<long>(header.ts.tv_usec)};
}
}  // namespace

PacketCapture::PacketCapture(asio::io_context& io, const RunEpoch& epoch,
                             const CaptureSpec& spec, FrameHandler handler)
    : epoch_(epoch),
      handler_(std::move(handler)),
      context_("capture on '" + spec.interface + "' in network namespace '" + spec.netns +
               "' ('" + spec.filter + "')"),
      pcap_(with_context(context_,
                         [&] { return in_netns(spec.netns, [&] { return open_capture(spec); }); }),
            pcap_close),
      readable_(io, pcap_get_selectable_fd(pcap_.get())) {}

PacketCapture::~PacketCapture() {
  // pcap_close closes the descriptor; asio must not close it too.
  readable_.release();
}

void PacketCapture::start() { wait_for_frames(); }

void PacketCapture::wait_for_frames() {
  readable_.async_wait(asio::posix::descriptor_base::wait_read,
                       [self = shared_from_this()](const std::error_code& error) {
                         if (error || self->closed_) return;
                         self->deliver_pending();
                         self->wait_for_frames();
                       });
}

void PacketCapture::deliver_pending() {
  struct Delivery {
    PacketCapture* capture;
    std::exception_ptr error;  // exceptions must not unwind through libpcap's C frames
  } delivery{this, nullptr};
  const auto on_frame = [](u_char* user, const pcap_pkthdr* header, const u_char* bytes) {
    auto* delivery = reinterpret_cast<Delivery*>(user);
    if (delivery->error) return;
    try {
      const PacketCapture& capture = *delivery->capture;
      capture.handler_(capture.epoch_.from_realtime(capture_time(*header)),
                       std::span<const std::uint8_t>(bytes, header->caplen));
    } catch (...) {
      delivery->error = std::current_exception();
    }
  };
  int delivered = 0;
  do {
    delivered = pcap_dispatch(pcap_.get(), -1, on_frame, reinterpret_cast<u_char*>(&delivery));
    if (delivery.error) std::rethrow_exception(delivery.error);
    if (delivered < 0) {
      throw std::runtime_error(context_ + ": reading: " + pcap_geterr(pcap_.get()));
    }
  } while (delivered > 0);
}

void PacketCapture::drain_and_close() {
  if (closed_) return;
  deliver_pending();
  close();
}

void PacketCapture::close() {
  closed_ = true;
  std::error_code ignored;
  readable_.cancel(ignored);
}

}  // namespace lmlab::real
