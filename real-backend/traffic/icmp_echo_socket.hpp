// Sends probes as ICMP echo requests over a raw socket; the peer's kernel answers them. The
// socket itself receives nothing: replies are read from a capture, with the capture's
// timestamps.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <asio.hpp>

#include "real-backend/traffic/probe_socket.hpp"

namespace lmlab::real {

class IcmpEchoSocket : public ProbeSocket {
 public:
  // Opens the raw socket inside `netns`; echo requests carry `identifier`.
  IcmpEchoSocket(asio::io_context& io, const std::string& netns,
                 const asio::ip::address_v4& peer, std::uint16_t identifier);
  // The echo sequence number field carries the low 16 bits of seq; the stamp has all of it.
  std::error_code send(std::uint64_t seq, std::span<const std::uint8_t> payload) override;

 private:
  asio::ip::icmp::socket socket_;
  asio::ip::icmp::endpoint peer_;
  std::uint16_t identifier_;
  std::vector<std::uint8_t> message_;  // header + payload, reused
};

}  // namespace lmlab::real
