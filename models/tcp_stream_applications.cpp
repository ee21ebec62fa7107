#include "models/tcp_stream_applications.hpp"

#include <ns3/inet-socket-address.h>
#include <ns3/tcp-socket-factory.h>

#include "models/stamped_packet.hpp"

namespace lmlab {

TcpChunkSender::TcpChunkSender(ns3::Ptr<ns3::Node> node, ns3::Ipv4Address peer,
                               std::uint16_t port, const SendSchedule& schedule,
                               std::uint32_t flow, RecordSink& sink)
    : socket_(ns3::Socket::CreateSocket(node, ns3::TcpSocketFactory::GetTypeId())),
      peer_(peer),
      port_(port),
      start_(schedule.start),
      chunk_bytes_(schedule.bytes),
      flow_(flow),
      sink_(sink),
      ticker_(schedule, [this](std::uint64_t seq) { write_chunk(seq); }) {}

void TcpChunkSender::start() {
  socket_->TraceConnectWithoutContext("Tx", ns3::MakeCallback(&TcpChunkSender::on_segment, this));
  socket_->SetCloseCallbacks(ns3::MakeNullCallback<void, ns3::Ptr<ns3::Socket>>(),
                             ns3::MakeCallback(&TcpChunkSender::on_failure, this));
  socket_->SetConnectCallback(
      ns3::MakeCallback(+[](ns3::Ptr<ns3::Socket>) {}),
      ns3::MakeCallback(&TcpChunkSender::on_failure, this));
  socket_->SetSendCallback(ns3::MakeCallback(&TcpChunkSender::flush, this));
  ns3::Simulator::Schedule(ns3::NanoSeconds(start_.count()) - ns3::Simulator::Now(), [this] {
    socket_->Connect(ns3::InetSocketAddress(peer_, port_));
  });
  ticker_.begin();
}

void TcpChunkSender::write_chunk(std::uint64_t seq) {
  if (failed_) return;
  pending_.push_back(Stamp{flow_, seq, Time(ns3::Simulator::Now().GetNanoSeconds())});
  flush(socket_, socket_->GetTxAvailable());
}

void TcpChunkSender::flush(ns3::Ptr<ns3::Socket> socket, std::uint32_t available) {
  // The application writes whole chunks; a full send buffer holds them back, as a blocking
  // write() would, so the offered rate is kept without losing data. A chunk counts as sent
  // once TCP has taken it, as on the real backend.
  while (!pending_.empty() && available >= chunk_bytes_) {
    const Stamp& chunk = pending_.front();
    if (socket->Send(stamped_packet(chunk, chunk_bytes_)) < 0) return;
    sink_.add(RecordKind::tcp_chunk_sent, flow_, chunk.seq, chunk_bytes_);
    pending_.pop_front();
    available -= chunk_bytes_;
  }
}

void TcpChunkSender::on_segment(ns3::Ptr<const ns3::Packet> payload, const ns3::TcpHeader& header,
                                ns3::Ptr<const ns3::TcpSocketBase>) {
  if (payload->GetSize() == 0) return;  // pure ACKs and handshake segments carry no data
  const std::uint64_t sequence = sequence_.unwrap(header.GetSequenceNumber().GetValue());
  sink_.add(RecordKind::tcp_segment_sent, flow_, sequence, payload->GetSize());
}

void TcpChunkSender::on_failure(ns3::Ptr<ns3::Socket>) {
  failed_ = true;
  sink_.add(RecordKind::tcp_connection_failed, flow_);
}

TcpChunkReceiver::TcpChunkReceiver(ns3::Ptr<ns3::Node> node, std::uint16_t port,
                                   std::uint32_t chunk_bytes, std::uint32_t flow,
                                   RecordSink& sink, SourceObserver observer)
    : listener_(ns3::Socket::CreateSocket(node, ns3::TcpSocketFactory::GetTypeId())),
      chunk_bytes_(chunk_bytes),
      flow_(flow),
      sink_(sink),
      observer_(std::move(observer)) {
  listener_->Bind(ns3::InetSocketAddress(ns3::Ipv4Address::GetAny(), port));
  listener_->Listen();
  listener_->SetAcceptCallback(
      ns3::MakeNullCallback<bool, ns3::Ptr<ns3::Socket>, const ns3::Address&>(),
      ns3::MakeCallback(&TcpChunkReceiver::accept, this));
}

void TcpChunkReceiver::accept(ns3::Ptr<ns3::Socket> socket, const ns3::Address& from) {
  connection_ = socket;
  if (observer_) observer_(ns3::InetSocketAddress::ConvertFrom(from).GetIpv4());
  socket->SetRecvCallback(ns3::MakeCallback(&TcpChunkReceiver::receive, this));
  socket->SetCloseCallbacks(ns3::MakeNullCallback<void, ns3::Ptr<ns3::Socket>>(),
                            ns3::MakeCallback(&TcpChunkReceiver::on_failure, this));
}

void TcpChunkReceiver::receive(ns3::Ptr<ns3::Socket> socket) {
  while (auto packet = socket->Recv()) {
    std::vector<std::uint8_t> bytes(packet->GetSize());
    packet->CopyData(bytes.data(), static_cast<std::uint32_t>(bytes.size()));
    for (std::uint8_t byte : bytes) {
      partial_.push_back(byte);
      if (partial_.size() < chunk_bytes_) continue;
      const Stamp stamp = Stamp::read(partial_.data());
      sink_.add(RecordKind::tcp_chunk_delivered, flow_, stamp.seq, chunk_bytes_, stamp.sent);
      partial_.clear();
    }
  }
}

void TcpChunkReceiver::on_failure(ns3::Ptr<ns3::Socket>) {
  sink_.add(RecordKind::tcp_connection_failed, flow_);
}

}  // namespace lmlab
