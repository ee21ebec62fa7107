// Sends probes as UDP datagrams from a namespace to a peer's probe port.
#pragma once

#include <string>

#include <asio.hpp>

#include "real-backend/traffic/probe_socket.hpp"

namespace lmlab::real {

class UdpProbeSocket : public ProbeSocket {
 public:
  // Opens the socket inside `netns`.
  UdpProbeSocket(asio::io_context& io, const std::string& netns,
                 const asio::ip::udp::endpoint& peer);
  std::error_code send(std::uint64_t seq, std::span<const std::uint8_t> payload) override;

 private:
  asio::ip::udp::socket socket_;
  asio::ip::udp::endpoint peer_;
};

}  // namespace lmlab::real
