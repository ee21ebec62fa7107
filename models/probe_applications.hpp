// Fixed-rate probes between a client and a VM. UDP: an independent stream per direction.
// ICMP: echo requests from the client (observed on arrival at the VM) and the VM stack's
// echo replies (observed back at the client).
#pragma once

#include <cstdint>
#include <functional>

#include <ns3/ipv4-address.h>
#include <ns3/node.h>
#include <ns3/socket.h>

#include "models/fixed_rate_ticker.hpp"
#include "models/record_sink.hpp"

namespace lmlab {

// Tells a sender whether its host may send now (a paused VM sends nothing).
using SendGate = std::function<bool()>;
// Tells the run which address a VM's packets came from, as a peer saw it.
using SourceObserver = std::function<void(ns3::Ipv4Address)>;

class UdpProbeSender {
 public:
  UdpProbeSender(ns3::Ptr<ns3::Node> node, ns3::Ipv4Address peer, std::uint16_t port,
                 const SendSchedule& schedule, std::uint32_t flow, RecordSink& sink,
                 SendGate gate);
  void start() { ticker_.begin(); }

 private:
  void send(std::uint64_t seq);

  ns3::Ptr<ns3::Socket> socket_;
  std::uint32_t size_;
  std::uint32_t flow_;
  RecordSink& sink_;
  SendGate gate_;
  FixedRateTicker ticker_;
};

class UdpProbeReceiver {
 public:
  UdpProbeReceiver(ns3::Ptr<ns3::Node> node, std::uint16_t port, std::uint32_t flow,
                   RecordSink& sink, SourceObserver observer);

 private:
  void receive(ns3::Ptr<ns3::Socket> socket);

  ns3::Ptr<ns3::Socket> socket_;
  std::uint32_t flow_;
  RecordSink& sink_;
  SourceObserver observer_;
};

// Client side: sends echo requests (flow `request_flow`) and records replies (`reply_flow`).
class IcmpEchoProber {
 public:
  IcmpEchoProber(ns3::Ptr<ns3::Node> node, ns3::Ipv4Address peer, const SendSchedule& schedule,
                 std::uint32_t request_flow, std::uint32_t reply_flow, RecordSink& sink,
                 SourceObserver observer);
  void start() { ticker_.begin(); }

 private:
  void send(std::uint64_t seq);
  void receive(ns3::Ptr<ns3::Socket> socket);

  ns3::Ptr<ns3::Socket> socket_;
  ns3::Ipv4Address peer_;
  std::uint32_t size_;
  std::uint32_t request_flow_;
  std::uint32_t reply_flow_;
  RecordSink& sink_;
  SourceObserver observer_;
  FixedRateTicker ticker_;
};

// VM side: records echo requests as they arrive; the VM's own stack sends the reply at once,
// so each arrival is also a reply sent.
class IcmpEchoObserver {
 public:
  IcmpEchoObserver(ns3::Ptr<ns3::Node> node, std::uint32_t request_flow,
                   std::uint32_t reply_flow, RecordSink& sink);

 private:
  void receive(ns3::Ptr<ns3::Socket> socket);

  ns3::Ptr<ns3::Socket> socket_;
  std::uint32_t request_flow_;
  std::uint32_t reply_flow_;
  RecordSink& sink_;
};

}  // namespace lmlab
