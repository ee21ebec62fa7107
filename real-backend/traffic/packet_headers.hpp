// Reads what the measurement needs from a captured Ethernet frame: the IP source, the UDP,
// TCP or ICMP echo header and the transport payload. Frames it cannot read completely
// (truncated, fragmented, other protocols) give nullopt, never a partial answer.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <variant>

namespace lmlab::real {

struct UdpHeader {
  std::uint16_t source_port = 0;
  std::uint16_t destination_port = 0;
};

struct TcpHeader {
  std::uint16_t source_port = 0;
  std::uint16_t destination_port = 0;
  std::uint32_t sequence = 0;
  bool syn = false;
};

struct IcmpEchoHeader {
  std::uint8_t type = 0;  // ICMP_ECHO or ICMP_ECHOREPLY
  std::uint16_t identifier = 0;
  std::uint16_t sequence = 0;
};

struct CapturedPacket {
  std::string source_ip;  // text form, e.g. "10.16.0.10"
  std::variant<UdpHeader, TcpHeader, IcmpEchoHeader> transport;
  // The transport payload's length as the IP header gives it: what the sender put on the
  // wire, even where the capture kept fewer bytes.
  std::uint32_t payload_length = 0;
  std::span<const std::uint8_t> payload;  // the captured part of the payload
};

std::optional<CapturedPacket> parse_ethernet_frame(std::span<const std::uint8_t> frame);

}  // namespace lmlab::real
