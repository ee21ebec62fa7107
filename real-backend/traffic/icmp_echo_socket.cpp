#include "real-backend/traffic/icmp_echo_socket.hpp"

#include <arpa/inet.h>
#include <linux/icmp.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

#include "real-backend/traffic/netns.hpp"

namespace lmlab::real {

namespace {
constexpr std::size_t kEchoHeaderBytes = 8;

// The Internet checksum (RFC 1071) of an ICMP message.
std::uint16_t internet_checksum(std::span<const std::uint8_t> bytes) {
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) sum += (bytes[i] << 8) | bytes[i + 1];
  if (bytes.size() % 2 != 0) sum += bytes.back() << 8;
  while (sum >> 16) sum = (sum & 0xFFFF) + (sum >> 16);
  return static_cast<std::uint16_t>(~sum);
}

void put_u16(std::uint8_t* out, std::uint16_t value) {
  out[0] = static_cast<std::uint8_t>(value >> 8);
  out[1] = static_cast<std::uint8_t>(value);
}

// A raw ICMP socket gets a copy of every ICMP packet its namespace receives; this one only
// sends, so it asks the kernel to queue none of them.
void receive_nothing(asio::ip::icmp::socket& socket) {
  icmp_filter all_types{~0u};
  if (setsockopt(socket.native_handle(), SOL_RAW, ICMP_FILTER, &all_types, sizeof all_types) != 0) {
    throw std::system_error(errno, std::system_category(), "ICMP_FILTER");
  }
}
}  // namespace

IcmpEchoSocket::IcmpEchoSocket(asio::io_context& io, const std::string& netns,
                               const asio::ip::address_v4& peer, std::uint16_t identifier)
    : socket_(io), peer_(peer, 0), identifier_(identifier) {
  in_netns(netns, [&] { socket_.open(asio::ip::icmp::v4()); });
  receive_nothing(socket_);
  socket_.non_blocking(true);
}

std::error_code IcmpEchoSocket::send(std::uint64_t seq, std::span<const std::uint8_t> payload) {
  message_.assign(kEchoHeaderBytes + payload.size(), 0);
  message_[0] = ICMP_ECHO;  // type; code 0
  put_u16(&message_[4], identifier_);
  put_u16(&message_[6], static_cast<std::uint16_t>(seq));
  std::copy(payload.begin(), payload.end(), message_.begin() + kEchoHeaderBytes);
  put_u16(&message_[2], internet_checksum(message_));
  std::error_code error;
  socket_.send_to(asio::buffer(message_), peer_, 0, error);
  return error;
}

}  // namespace lmlab::real
