#include "models/probe_applications.hpp"

#include <ns3/icmpv4.h>
#include <ns3/inet-socket-address.h>
#include <ns3/ipv4-header.h>
#include <ns3/ipv4-raw-socket-factory.h>
#include <ns3/udp-socket-factory.h>
#include <ns3/uinteger.h>

#include "models/stamped_packet.hpp"

namespace lmlab {

namespace {
constexpr std::uint16_t kEchoIdentifier = 0x6c6d;  // "lm"
constexpr std::uint8_t kIcmpProtocol = 1;

ns3::Ptr<ns3::Socket> icmp_socket(ns3::Ptr<ns3::Node> node) {
  auto socket = ns3::Socket::CreateSocket(node, ns3::Ipv4RawSocketFactory::GetTypeId());
  socket->SetAttribute("Protocol", ns3::UintegerValue(kIcmpProtocol));
  return socket;
}

// Reads an ICMP echo (request or reply) from a raw-socket packet, which starts at the IP header.
bool read_echo(ns3::Ptr<ns3::Packet> packet, std::uint8_t wanted_type, Stamp& stamp,
               ns3::Ipv4Address& source) {
  ns3::Ipv4Header ip;
  ns3::Icmpv4Header icmp;
  ns3::Icmpv4Echo echo;
  packet->RemoveHeader(ip);
  packet->RemoveHeader(icmp);
  if (icmp.GetType() != wanted_type) return false;
  packet->RemoveHeader(echo);
  if (echo.GetIdentifier() != kEchoIdentifier || echo.GetDataSize() < Stamp::kBytes) return false;
  std::vector<std::uint8_t> data(echo.GetDataSize());
  echo.GetData(data.data());
  stamp = Stamp::read(data.data());
  source = ip.GetSource();
  return true;
}
}  // namespace

UdpProbeSender::UdpProbeSender(ns3::Ptr<ns3::Node> node, ns3::Ipv4Address peer,
                               std::uint16_t port, const SendSchedule& schedule,
                               std::uint32_t flow, RecordSink& sink, SendGate gate)
    : socket_(ns3::Socket::CreateSocket(node, ns3::UdpSocketFactory::GetTypeId())),
      size_(schedule.bytes),
      flow_(flow),
      sink_(sink),
      gate_(std::move(gate)),
      ticker_(schedule, [this](std::uint64_t seq) { send(seq); }) {
  socket_->Connect(ns3::InetSocketAddress(peer, port));
}

void UdpProbeSender::send(std::uint64_t seq) {
  if (!gate_()) return;
  socket_->Send(stamped_packet_now(flow_, seq, size_));
  sink_.add(RecordKind::probe_sent, flow_, seq, size_);
}

UdpProbeReceiver::UdpProbeReceiver(ns3::Ptr<ns3::Node> node, std::uint16_t port,
                                   std::uint32_t flow, RecordSink& sink, SourceObserver observer)
    : socket_(ns3::Socket::CreateSocket(node, ns3::UdpSocketFactory::GetTypeId())),
      flow_(flow),
      sink_(sink),
      observer_(std::move(observer)) {
  socket_->Bind(ns3::InetSocketAddress(ns3::Ipv4Address::GetAny(), port));
  socket_->SetRecvCallback(ns3::MakeCallback(&UdpProbeReceiver::receive, this));
}

void UdpProbeReceiver::receive(ns3::Ptr<ns3::Socket> socket) {
  ns3::Address from;
  while (auto packet = socket->RecvFrom(from)) {
    const Stamp stamp = read_stamp(packet);
    sink_.add(RecordKind::probe_received, flow_, stamp.seq, packet->GetSize(), stamp.sent);
    if (observer_) observer_(ns3::InetSocketAddress::ConvertFrom(from).GetIpv4());
  }
}

IcmpEchoProber::IcmpEchoProber(ns3::Ptr<ns3::Node> node, ns3::Ipv4Address peer,
                               const SendSchedule& schedule, std::uint32_t request_flow,
                               std::uint32_t reply_flow, RecordSink& sink,
                               SourceObserver observer)
    : socket_(icmp_socket(node)),
      peer_(peer),
      size_(schedule.bytes),
      request_flow_(request_flow),
      reply_flow_(reply_flow),
      sink_(sink),
      observer_(std::move(observer)),
      ticker_(schedule, [this](std::uint64_t seq) { send(seq); }) {
  socket_->SetRecvCallback(ns3::MakeCallback(&IcmpEchoProber::receive, this));
}

void IcmpEchoProber::send(std::uint64_t seq) {
  ns3::Icmpv4Echo echo;
  echo.SetIdentifier(kEchoIdentifier);
  echo.SetSequenceNumber(static_cast<std::uint16_t>(seq));  // the full number is in the data
  echo.SetData(stamped_packet_now(request_flow_, seq, size_));
  ns3::Icmpv4Header header;
  header.SetType(ns3::Icmpv4Header::ICMPV4_ECHO);
  header.SetCode(0);
  auto packet = ns3::Create<ns3::Packet>();
  packet->AddHeader(echo);
  packet->AddHeader(header);
  socket_->SendTo(packet, 0, ns3::InetSocketAddress(peer_, 0));
  sink_.add(RecordKind::probe_sent, request_flow_, seq, size_);
}

void IcmpEchoProber::receive(ns3::Ptr<ns3::Socket> socket) {
  while (auto packet = socket->Recv()) {
    Stamp stamp;
    ns3::Ipv4Address source;
    if (!read_echo(packet, ns3::Icmpv4Header::ICMPV4_ECHO_REPLY, stamp, source)) continue;
    sink_.add(RecordKind::probe_received, reply_flow_, stamp.seq, size_, stamp.sent);
    if (observer_) observer_(source);
  }
}

IcmpEchoObserver::IcmpEchoObserver(ns3::Ptr<ns3::Node> node, std::uint32_t request_flow,
                                   std::uint32_t reply_flow, RecordSink& sink)
    : socket_(icmp_socket(node)),
      request_flow_(request_flow),
      reply_flow_(reply_flow),
      sink_(sink) {
  socket_->SetRecvCallback(ns3::MakeCallback(&IcmpEchoObserver::receive, this));
}

void IcmpEchoObserver::receive(ns3::Ptr<ns3::Socket> socket) {
  while (auto packet = socket->Recv()) {
    Stamp stamp;
    ns3::Ipv4Address source;
    if (!read_echo(packet, ns3::Icmpv4Header::ICMPV4_ECHO, stamp, source)) continue;
    const auto bytes = static_cast<std::uint32_t>(packet->GetSize());
    sink_.add(RecordKind::probe_received, request_flow_, stamp.seq, bytes, stamp.sent);
    sink_.add(RecordKind::probe_sent, reply_flow_, stamp.seq, bytes);
  }
}

}  // namespace lmlab
