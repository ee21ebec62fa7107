#include "real-backend/traffic/real_workloads.hpp"

#include <optional>
#include <random>

#include "real-backend/traffic/icmp_echo_socket.hpp"
#include "real-backend/traffic/neighbour_table.hpp"
#include "real-backend/traffic/packet_capture.hpp"
#include "real-backend/traffic/probe_sender.hpp"
#include "real-backend/traffic/stamped_arrivals.hpp"
#include "real-backend/traffic/tcp_chunk_receiver.hpp"
#include "real-backend/traffic/tcp_chunk_sender.hpp"
#include "real-backend/traffic/tcp_segment_capture.hpp"
#include "real-backend/traffic/udp_probe_port.hpp"
#include "real-backend/traffic/udp_probe_socket.hpp"
#include "real-backend/traffic/workload_error.hpp"

namespace lmlab::real {

namespace {
// Echo identifiers are this plus the forward flow id, so several ICMP probes can share a
// client namespace.
constexpr std::uint16_t kEchoIdentifierBase = 0x6c6d;  // "lm"

// Each backend has its own random stream: runs of one seed on ns-3 and on real namespaces
// share their flows and schedule rules, not the exact offsets.
WorkloadPlan plan_with_seed(const Scenario& scenario, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  return plan_workloads(scenario, [&random](Time range) {
    return Time(std::uniform_int_distribution<Time::rep>(0, range.count() - 1)(random));
  });
}

std::string context_of(const std::string& workload, const GuestEndpoint& endpoint) {
  return "workload '" + workload + "' in network namespace '" + endpoint.netns + "'";
}

asio::ip::address address_of(const GuestEndpoint& endpoint) {
  std::error_code error;
  const auto address = asio::ip::make_address(endpoint.ip, error);
  if (error) throw std::runtime_error("bad address '" + endpoint.ip + "'");
  return address;
}

// The unspecified address of the endpoint's family, to listen on every address.
asio::ip::address any_address_like(const asio::ip::address& address) {
  if (address.is_v6()) return asio::ip::address_v6::any();
  return asio::ip::address_v4::any();
}

// Arrivals at `endpoint` of packets addressed to it; `match` narrows the protocol.
CaptureSpec arrivals_at(const GuestEndpoint& endpoint, const std::string& match) {
  return {endpoint.netns, endpoint.interface,
          match + " and dst host " + address_of(endpoint).to_string(), PCAP_D_IN};
}

// The client of the VM's first workload: the peer whose view of the VM is observed.
std::optional<std::string> first_client_of(const WorkloadPlan& plan, const std::string& vm) {
  for (const auto& probe : plan.probes) {
    if (probe.workload.vm == vm) return probe.workload.client;
  }
  for (const auto& stream : plan.tcp_streams) {
    if (stream.workload.vm == vm) return stream.workload.client;
  }
  return std::nullopt;
}

PacketRecord probe_record(const StampedArrival& arrival, RecordKind kind, std::uint32_t flow) {
  const Time sent = kind == RecordKind::probe_received ? arrival.stamp.sent : Time{0};
  return {arrival.at, kind, flow, arrival.stamp.seq, arrival.payload_bytes, sent};
}
}  // namespace

RealWorkloads::RealWorkloads(asio::io_context& io, const Scenario& scenario, std::uint64_t seed,
                             const RunEpoch& epoch, EndpointLookup endpoint_of)
    : io_(io),
      epoch_(epoch),
      endpoint_of_(std::move(endpoint_of)),
      plan_(plan_with_seed(scenario, seed)) {}

RealWorkloads::~RealWorkloads() {
  // Pending completions keep the parts alive after this; closed, they touch nothing here.
  for (auto& sender : probe_senders_) sender->stop();
  for (auto& sender : tcp_senders_) sender->stop();
  for (auto& capture : captures_) capture->close();
  for (auto& receiver : tcp_receivers_) receiver->close();
}

void RealWorkloads::start() {
  for (const auto& probe : plan_.probes) start_probe(probe);
  for (const auto& stream : plan_.tcp_streams) start_tcp_stream(stream);
}

void RealWorkloads::stop() {
  for (auto& sender : probe_senders_) sender->stop();
  for (auto& sender : tcp_senders_) sender->stop();
  for (auto& capture : captures_) capture->drain_and_close();
  for (auto& receiver : tcp_receivers_) receiver->drain_and_close();
  probe_ports_.clear();
}

std::vector<PacketRecord> RealWorkloads::take_records() { return log_.take_sorted(); }

SourceObserver RealWorkloads::observer_for(const std::string& vm) {
  return [this, vm](const std::string& ip) { seen_source_[vm] = ip; };
}

void RealWorkloads::start_capture(std::shared_ptr<PacketCapture> capture) {
  capture->start();
  captures_.push_back(std::move(capture));
}

void RealWorkloads::start_sender(std::unique_ptr<ProbeSender> sender) {
  sender->start();
  probe_senders_.push_back(std::move(sender));
}

void RealWorkloads::start_probe(const ProbePlan& probe) {
  const GuestEndpoint client = endpoint_of_(probe.workload.client, probe.workload.family);
  const GuestEndpoint vm = endpoint_of_(probe.workload.vm, probe.workload.family);
  if (probe.workload.protocol == ProbeProtocol::icmp) {
    start_icmp_probe(probe, client, vm);
  } else {
    start_udp_probe(probe, client, vm);
  }
}

void RealWorkloads::start_udp_probe(const ProbePlan& probe, const GuestEndpoint& client,
                                    const GuestEndpoint& vm) {
  const std::string& name = probe.workload.name;
  // Receiving ends first, so the first probes find them.
  open_udp_receiver(name, vm, probe.forward_port, probe.forward_flow, nullptr);
  open_udp_receiver(name, client, probe.reverse_port, probe.reverse_flow,
                    observer_for(probe.workload.vm));
  start_udp_sender(name, client, vm, probe.forward_port, probe.forward_flow,
                   probe.client_schedule);
  start_udp_sender(name, vm, client, probe.reverse_port, probe.reverse_flow, *probe.vm_schedule);
}

void RealWorkloads::open_udp_receiver(const std::string& workload, const GuestEndpoint& at,
                                      std::uint16_t port, std::uint32_t flow,
                                      const SourceObserver& observe) {
  with_context(context_of(workload, at), [&] {
    probe_ports_.push_back(
        open_udp_probe_port(io_, at.netns, {any_address_like(address_of(at)), port}));
    start_capture(capture_stamped_arrivals(
        io_, epoch_, arrivals_at(at, "udp dst port " + std::to_string(port)), flow,
        [this, flow, observe](const StampedArrival& arrival) {
          log_.add(probe_record(arrival, RecordKind::probe_received, flow));
          if (observe) observe(arrival.source_ip);
        }));
  });
}

void RealWorkloads::start_udp_sender(const std::string& workload, const GuestEndpoint& from,
                                     const GuestEndpoint& to, std::uint16_t port,
                                     std::uint32_t flow, const SendSchedule& schedule) {
  const std::string context = context_of(workload, from);
  with_context(context, [&] {
    start_sender(std::make_unique<ProbeSender>(
        io_, epoch_, log_, flow, schedule,
        std::make_unique<UdpProbeSocket>(io_, from.netns,
                                         asio::ip::udp::endpoint(address_of(to), port)),
        context));
  });
}

void RealWorkloads::start_icmp_probe(const ProbePlan& probe, const GuestEndpoint& client,
                                     const GuestEndpoint& vm) {
  const std::string& name = probe.workload.name;
  const auto identifier = static_cast<std::uint16_t>(kEchoIdentifierBase + probe.forward_flow);
  const std::string echo = "icmp and icmp[4:2] == " + std::to_string(identifier);
  // The VM's kernel answers each request as it arrives: an arrival there is also a reply
  // sent, as in the ns-3 model.
  with_context(context_of(name, vm), [&] {
    if (!address_of(vm).is_v4()) throw std::runtime_error("ICMP probes need an IPv4 address");
    start_capture(capture_stamped_arrivals(
        io_, epoch_, arrivals_at(vm, echo + " and icmp[icmptype] == icmp-echo"),
        probe.forward_flow,
        [this, forward = probe.forward_flow, reverse = probe.reverse_flow](
            const StampedArrival& arrival) {
          log_.add(probe_record(arrival, RecordKind::probe_received, forward));
          log_.add(probe_record(arrival, RecordKind::probe_sent, reverse));
        }));
  });
  with_context(context_of(name, client), [&] {
    // Replies echo the request's stamp, so they carry the forward flow's id.
    start_capture(capture_stamped_arrivals(
        io_, epoch_, arrivals_at(client, echo + " and icmp[icmptype] == icmp-echoreply"),
        probe.forward_flow,
        [this, reverse = probe.reverse_flow, observe = observer_for(probe.workload.vm)](
            const StampedArrival& arrival) {
          log_.add(probe_record(arrival, RecordKind::probe_received, reverse));
          observe(arrival.source_ip);
        }));
    start_sender(std::make_unique<ProbeSender>(
        io_, epoch_, log_, probe.forward_flow, probe.client_schedule,
        std::make_unique<IcmpEchoSocket>(io_, client.netns, address_of(vm).to_v4(), identifier),
        context_of(name, client)));
  });
}

void RealWorkloads::start_tcp_stream(const TcpStreamPlan& stream) {
  const GuestEndpoint sender = endpoint_of_(stream.sender, stream.workload.family);
  const GuestEndpoint receiver = endpoint_of_(stream.receiver, stream.workload.family);
  const std::string& name = stream.workload.name;
  const bool from_vm = stream.workload.direction == Direction::vm_to_client;
  with_context(context_of(name, receiver), [&] {
    auto tcp_receiver = std::make_shared<TcpChunkReceiver>(
        io_, epoch_, log_, stream.flow, stream.schedule.bytes, receiver.netns,
        asio::ip::tcp::endpoint(any_address_like(address_of(receiver)), stream.port),
        from_vm ? observer_for(stream.workload.vm) : SourceObserver());
    tcp_receiver->start();
    tcp_receivers_.push_back(std::move(tcp_receiver));
  });
  with_context(context_of(name, sender), [&] {
    const asio::ip::address receiver_address = address_of(receiver);
    start_capture(capture_tcp_segments(
        io_, epoch_,
        {sender.netns, sender.interface,
         "tcp and dst host " + receiver_address.to_string() + " and dst port " +
             std::to_string(stream.port),
         PCAP_D_OUT},
        log_, stream.flow));
    auto tcp_sender = std::make_shared<TcpChunkSender>(
        io_, epoch_, log_, stream.flow, stream.schedule, sender.netns,
        asio::ip::tcp::endpoint(receiver_address, stream.port));
    tcp_sender->start();
    tcp_senders_.push_back(std::move(tcp_sender));
  });
}

IdentityObservation RealWorkloads::observe_identity(const std::string& vm, AddressFamily family) {
  IdentityObservation seen{epoch_.since_start(), vm, seen_source_[vm], "", family};
  seen_source_.erase(vm);
  if (const auto client = first_client_of(plan_, vm)) {
    seen.mac = neighbour_mac(endpoint_of_(*client, family).netns, endpoint_of_(vm, family).ip)
                   .value_or("");
  }
  return seen;
}

}  // namespace lmlab::real
