#include "real-backend/traffic/packet_headers.hpp"

#include <arpa/inet.h>
#include <net/ethernet.h>
#include <netinet/ip.h>
#include <netinet/ip6.h>
#include <netinet/ip_icmp.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>

#include <cstring>

namespace lmlab::real {

namespace {
// Headers are copied out rather than cast in place: capture buffers promise no alignment.
template <typename Header>
std::optional<Header> read_header(std::span<const std::uint8_t> bytes) {
  if (bytes.size() < sizeof(Header)) return std::nullopt;
  Header header;
  std::memcpy(&header, bytes.data(), sizeof(Header));
  return header;
}

// The network layer: where the transport header starts and how long the IP packet says
// the transport segment is.
struct NetworkLayer {
  std::string source_ip;
  std::uint8_t protocol;
  std::span<const std::uint8_t> segment;  // captured bytes from the transport header on
  std::uint32_t segment_length;           // per the IP header
};

std::string address_text(int family, const void* address) {
  char text[INET6_ADDRSTRLEN] = {};
  inet_ntop(family, address, text, sizeof text);
  return text;
}

std::optional<NetworkLayer> read_ipv4(std::span<const std::uint8_t> packet) {
  const auto ip = read_header<iphdr>(packet);
  if (!ip || ip->version != 4) return std::nullopt;
  const std::size_t header_length = ip->ihl * 4u;
  const std::size_t total_length = ntohs(ip->tot_len);
  // A fragment does not hold the whole segment; the measured traffic is never fragmented.
  if ((ntohs(ip->frag_off) & (IP_MF | IP_OFFMASK)) != 0) return std::nullopt;
  if (header_length < sizeof(iphdr) || total_length < header_length ||
      packet.size() < header_length) {
    return std::nullopt;
  }
  return NetworkLayer{address_text(AF_INET, &ip->saddr), ip->protocol,
                      packet.subspan(header_length),
                      static_cast<std::uint32_t>(total_length - header_length)};
}

bool is_ipv6_option_header(std::uint8_t next_header) {
  return next_header == IPPROTO_HOPOPTS || next_header == IPPROTO_ROUTING ||
         next_header == IPPROTO_DSTOPTS;
}

std::optional<NetworkLayer> read_ipv6(std::span<const std::uint8_t> packet) {
  const auto ip = read_header<ip6_hdr>(packet);
  if (!ip || (ip->ip6_vfc >> 4) != 6) return std::nullopt;
  std::uint8_t next_header = ip->ip6_nxt;
  std::size_t offset = sizeof(ip6_hdr);
  std::size_t payload_length = ntohs(ip->ip6_plen);
  while (is_ipv6_option_header(next_header)) {
    const auto option = read_header<ip6_ext>(packet.subspan(std::min(offset, packet.size())));
    if (!option) return std::nullopt;
    const std::size_t option_length = (option->ip6e_len + 1u) * 8u;
    if (payload_length < option_length) return std::nullopt;
    next_header = option->ip6e_nxt;
    offset += option_length;
    payload_length -= option_length;
  }
  if (packet.size() < offset) return std::nullopt;
  return NetworkLayer{address_text(AF_INET6, &ip->ip6_src), next_header, packet.subspan(offset),
                      static_cast<std::uint32_t>(payload_length)};
}

std::optional<NetworkLayer> read_network_layer(std::span<const std::uint8_t> frame) {
  const auto ethernet = read_header<ether_header>(frame);
  if (!ethernet) return std::nullopt;
  const auto packet = frame.subspan(sizeof(ether_header));
  switch (ntohs(ethernet->ether_type)) {
    case ETHERTYPE_IP: return read_ipv4(packet);
    case ETHERTYPE_IPV6: return read_ipv6(packet);
    default: return std::nullopt;
  }
}

// Completes `packet` with the transport header at the start of the segment, `header_length`
// bytes long; false when the segment is shorter than that.
bool take_payload(CapturedPacket& packet, const NetworkLayer& network, std::size_t header_length) {
  if (network.segment_length < header_length || network.segment.size() < header_length) {
    return false;
  }
  packet.payload_length = static_cast<std::uint32_t>(network.segment_length - header_length);
  const auto captured = network.segment.subspan(header_length);
  packet.payload = captured.first(std::min<std::size_t>(captured.size(), packet.payload_length));
  return true;
}

std::optional<CapturedPacket> read_transport(const NetworkLayer& network) {
  CapturedPacket packet{network.source_ip, UdpHeader{}, 0, {}};
  std::size_t header_length = 0;
  switch (network.protocol) {
    case IPPROTO_UDP: {
      const auto udp = read_header<udphdr>(network.segment);
      if (!udp) return std::nullopt;
      packet.transport = UdpHeader{ntohs(udp->source), ntohs(udp->dest)};
      header_length = sizeof(udphdr);
      break;
    }
    case IPPROTO_TCP: {
      const auto tcp = read_header<tcphdr>(network.segment);
      if (!tcp || tcp->doff * 4u < sizeof(tcphdr)) return std::nullopt;
      packet.transport =
          TcpHeader{ntohs(tcp->source), ntohs(tcp->dest), ntohl(tcp->seq), tcp->syn != 0};
      header_length = tcp->doff * 4u;
      break;
    }
    case IPPROTO_ICMP: {
      const auto icmp = read_header<icmphdr>(network.segment);
      if (!icmp || (icmp->type != ICMP_ECHO && icmp->type != ICMP_ECHOREPLY)) return std::nullopt;
      packet.transport = IcmpEchoHeader{icmp->type, ntohs(icmp->un.echo.id),
                                        ntohs(icmp->un.echo.sequence)};
      header_length = sizeof(icmphdr);
      break;
    }
    default: return std::nullopt;
  }
  if (!take_payload(packet, network, header_length)) return std::nullopt;
  return packet;
}
}  // namespace

std::optional<CapturedPacket> parse_ethernet_frame(std::span<const std::uint8_t> frame) {
  const auto network = read_network_layer(frame);
  if (!network) return std::nullopt;
  return read_transport(*network);
}

}  // namespace lmlab::real
