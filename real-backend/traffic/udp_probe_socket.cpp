#include "real-backend/traffic/udp_probe_socket.hpp"

#include "real-backend/traffic/netns.hpp"

namespace lmlab::real {

UdpProbeSocket::UdpProbeSocket(asio::io_context& io, const std::string& netns,
                               const asio::ip::udp::endpoint& peer)
    : socket_(io), peer_(peer) {
  in_netns(netns, [&] { socket_.open(peer.protocol()); });
  // Not connected: a connected socket would turn ICMP errors about earlier probes into send
  // errors of later ones.
  socket_.non_blocking(true);
}

std::error_code UdpProbeSocket::send(std::uint64_t, std::span<const std::uint8_t> payload) {
  std::error_code error;
  socket_.send_to(asio::buffer(payload.data(), payload.size()), peer_, 0, error);
  return error;
}

}  // namespace lmlab::real
