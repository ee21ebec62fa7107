// A long-lived TCP connection carrying fixed-size chunks at a fixed rate; each chunk starts
// with a Stamp (sim/core/stamp.hpp) so the receiver can tell which chunk arrived and when it was
// written.
#pragma once

#include <cstdint>
#include <deque>
#include <vector>

#include <ns3/ipv4-address.h>
#include <ns3/node.h>
#include <ns3/socket.h>
#include <ns3/tcp-header.h>
#include <ns3/tcp-socket-base.h>

#include "models/fixed_rate_ticker.hpp"
#include "models/probe_applications.hpp"
#include "models/record_sink.hpp"
#include "sim/core/sequence_unwrapper.hpp"
#include "sim/core/stamp.hpp"

namespace lmlab {

class TcpChunkSender {
 public:
  TcpChunkSender(ns3::Ptr<ns3::Node> node, ns3::Ipv4Address peer, std::uint16_t port,
                 const SendSchedule& schedule, std::uint32_t flow, RecordSink& sink);
  void start();

 private:
  void write_chunk(std::uint64_t seq);
  void flush(ns3::Ptr<ns3::Socket> socket, std::uint32_t available);
  void on_segment(ns3::Ptr<const ns3::Packet> payload, const ns3::TcpHeader& header,
                  ns3::Ptr<const ns3::TcpSocketBase> socket);
  void on_failure(ns3::Ptr<ns3::Socket> socket);

  ns3::Ptr<ns3::Socket> socket_;
  ns3::Ipv4Address peer_;
  std::uint16_t port_;
  Time start_;
  std::uint32_t chunk_bytes_;
  std::uint32_t flow_;
  RecordSink& sink_;
  FixedRateTicker ticker_;
  // Chunks written while the send buffer was full, as their stamps: a few bytes each, so a
  // stream offered faster than its path holds little memory while it falls behind.
  std::deque<Stamp> pending_;
  SequenceUnwrapper sequence_;
  bool failed_ = false;
};

class TcpChunkReceiver {
 public:
  TcpChunkReceiver(ns3::Ptr<ns3::Node> node, std::uint16_t port, std::uint32_t chunk_bytes,
                   std::uint32_t flow, RecordSink& sink, SourceObserver observer);

 private:
  void accept(ns3::Ptr<ns3::Socket> socket, const ns3::Address& from);
  void receive(ns3::Ptr<ns3::Socket> socket);
  void on_failure(ns3::Ptr<ns3::Socket> socket);

  ns3::Ptr<ns3::Socket> listener_;
  ns3::Ptr<ns3::Socket> connection_;
  std::uint32_t chunk_bytes_;
  std::uint32_t flow_;
  RecordSink& sink_;
  SourceObserver observer_;
  std::vector<std::uint8_t> partial_;  // bytes of the chunk being reassembled
};

}  // namespace lmlab
