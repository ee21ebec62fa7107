// Parsing captured frames: the fields the measurement reads, and no answer at all for frames
// it cannot read completely.
#include "real-backend/traffic/packet_headers.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace lmlab::real {
namespace {

using Bytes = std::vector<std::uint8_t>;

void append_u16(Bytes& bytes, std::uint16_t value) {
  bytes.push_back(static_cast<std::uint8_t>(value >> 8));
  bytes.push_back(static_cast<std::uint8_t>(value));
}

void append_u32(Bytes& bytes, std::uint32_t value) {
  append_u16(bytes, static_cast<std::uint16_t>(value >> 16));
  append_u16(bytes, static_cast<std::uint16_t>(value));
}

Bytes ethernet(std::uint16_t ether_type) {
  Bytes frame(12, 0xAA);  // destination and source MAC
  append_u16(frame, ether_type);
  return frame;
}

// An IPv4 header from 10.16.0.10 to 10.16.0.100 for a segment of `segment_length` bytes.
void append_ipv4(Bytes& frame, std::uint8_t protocol, std::uint16_t segment_length,
                 std::uint16_t fragment = 0) {
  frame.insert(frame.end(), {0x45, 0});
  append_u16(frame, static_cast<std::uint16_t>(20 + segment_length));
  append_u16(frame, 0);  // id
  append_u16(frame, fragment);
  frame.insert(frame.end(), {64, protocol, 0, 0, 10, 16, 0, 10, 10, 16, 0, 100});
}

Bytes udp_frame(std::uint16_t payload_length) {
  Bytes frame = ethernet(0x0800);
  append_ipv4(frame, 17, static_cast<std::uint16_t>(8 + payload_length));
  append_u16(frame, 40000);
  append_u16(frame, 10000);
  append_u16(frame, static_cast<std::uint16_t>(8 + payload_length));
  append_u16(frame, 0);
  for (std::uint16_t i = 0; i < payload_length; ++i) frame.push_back(static_cast<std::uint8_t>(i));
  return frame;
}

// An IPv6 TCP SYN+data segment behind a hop-by-hop options header.
Bytes ipv6_tcp_frame(std::uint16_t payload_length) {
  Bytes frame = ethernet(0x86DD);
  frame.insert(frame.end(), {0x60, 0, 0, 0});
  append_u16(frame, static_cast<std::uint16_t>(8 + 20 + payload_length));
  frame.insert(frame.end(), {0 /* hop-by-hop */, 64});
  Bytes source(16, 0);
  source[0] = 0xfd;
  source[15] = 0x0a;
  frame.insert(frame.end(), source.begin(), source.end());
  frame.insert(frame.end(), 16, 0x01);  // destination
  frame.insert(frame.end(), {6 /* TCP next */, 0, 1, 4, 0, 0, 0, 0});  // PadN option
  append_u16(frame, 20000);
  append_u16(frame, 20004);
  append_u32(frame, 0xFFFFFFF0u);
  append_u32(frame, 0);
  frame.insert(frame.end(), {0x50, 0x02});  // 20-byte header, SYN
  append_u16(frame, 65535);
  append_u32(frame, 0);
  frame.insert(frame.end(), payload_length, 0x42);
  return frame;
}

// Throws, failing the test, when the frame does not parse.
CapturedPacket parsed(const Bytes& frame) { return parse_ethernet_frame(frame).value(); }

TEST(ParseEthernetFrame, ReadsAnIpv4UdpProbe) {
  const Bytes frame = udp_frame(64);
  const CapturedPacket packet = parsed(frame);
  EXPECT_EQ(packet.source_ip, "10.16.0.10");
  const auto udp = std::get<UdpHeader>(packet.transport);
  EXPECT_EQ(udp.source_port, 40000);
  EXPECT_EQ(udp.destination_port, 10000);
  EXPECT_EQ(packet.payload_length, 64u);
  ASSERT_EQ(packet.payload.size(), 64u);
  EXPECT_EQ(packet.payload[5], 5);
}

TEST(ParseEthernetFrame, ReadsAnIpv6TcpSegmentBehindAnOptionsHeader) {
  const Bytes frame = ipv6_tcp_frame(100);
  const CapturedPacket packet = parsed(frame);
  EXPECT_EQ(packet.source_ip, "fd00::a");
  const auto tcp = std::get<TcpHeader>(packet.transport);
  EXPECT_EQ(tcp.sequence, 0xFFFFFFF0u);
  EXPECT_TRUE(tcp.syn);
  EXPECT_EQ(tcp.destination_port, 20004);
  EXPECT_EQ(packet.payload_length, 100u);
}

// A capture cut at the snap length keeps the headers: the length comes from the IP header.
TEST(ParseEthernetFrame, PayloadLengthComesFromTheIpHeaderNotTheCapture) {
  Bytes frame = udp_frame(1200);
  frame.resize(256);
  const CapturedPacket packet = parsed(frame);
  EXPECT_EQ(packet.payload_length, 1200u);
  EXPECT_EQ(packet.payload.size(), 256u - 14 - 20 - 8);
}

TEST(ParseEthernetFrame, ReadsAnEchoReply) {
  Bytes frame = ethernet(0x0800);
  append_ipv4(frame, 1, 8 + 20);
  frame.insert(frame.end(), {0 /* echo reply */, 0, 0, 0});
  append_u16(frame, 0x6c6d);
  append_u16(frame, 7);
  frame.insert(frame.end(), 20, 0);
  const CapturedPacket packet = parsed(frame);
  const auto echo = std::get<IcmpEchoHeader>(packet.transport);
  EXPECT_EQ(echo.identifier, 0x6c6d);
  EXPECT_EQ(echo.sequence, 7);
  EXPECT_EQ(packet.payload_length, 20u);
}

// Cut inside the headers: nothing; cut inside the payload: the headers and what was kept.
TEST(ParseEthernetFrame, ReadsTruncatedFramesOnlyAsFarAsTheyGo) {
  for (const Bytes& whole : {udp_frame(32), ipv6_tcp_frame(32)}) {
    const std::size_t headers = whole.size() - 32;
    for (std::size_t length = 0; length < whole.size(); ++length) {
      const Bytes cut(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(length));
      const auto packet = parse_ethernet_frame(cut);
      ASSERT_EQ(packet.has_value(), length >= headers) << "cut at " << length;
      if (!packet) continue;
      EXPECT_EQ(packet->payload_length, 32u);
      EXPECT_EQ(packet->payload.size(), length - headers);
    }
  }
}

TEST(ParseEthernetFrame, RefusesWhatItCannotReadCompletely) {
  Bytes fragment = ethernet(0x0800);
  append_ipv4(fragment, 17, 16, /*fragment=*/0x2000);  // more fragments follow
  fragment.insert(fragment.end(), 16, 0);
  EXPECT_FALSE(parse_ethernet_frame(fragment));

  Bytes arp = ethernet(0x0806);
  arp.insert(arp.end(), 28, 0);
  EXPECT_FALSE(parse_ethernet_frame(arp));

  Bytes lying = udp_frame(8);
  lying[14 + 3] = 10;  // IP total length shorter than its own UDP header
  EXPECT_FALSE(parse_ethernet_frame(lying));
}

}  // namespace
}  // namespace lmlab::real
