// A scenario's workloads (probes, TCP streams) on real network namespaces: the same flows,
// schedules and packet records as the ns-3 model's WorkloadSet, measured with sockets and
// libpcap captures on one asio::io_context (single thread). Send times come from the run's
// monotonic clock, arrival times from the captures' kernel timestamps.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <asio.hpp>

#include "real-backend/traffic/guest_endpoint.hpp"
#include "real-backend/traffic/run_epoch.hpp"
#include "real-backend/traffic/record_log.hpp"
#include "real-backend/traffic/source_observer.hpp"
#include "sim/core/packet_record.hpp"
#include "sim/core/scenario.hpp"
#include "sim/core/workload_plan.hpp"

namespace lmlab::real {

class ProbeSender;
class PacketCapture;
class TcpChunkSender;
class TcpChunkReceiver;

class RealWorkloads {
 public:
  // endpoint_of(name, family) gives the namespace, interface and address of a client or VM
  // by scenario name. The seed places the schedules, as on every backend. Nothing is opened
  // before start().
  RealWorkloads(asio::io_context& io, const Scenario& scenario, std::uint64_t seed,
                const RunEpoch& epoch, EndpointLookup endpoint_of);
  ~RealWorkloads();
  RealWorkloads(const RealWorkloads&) = delete;
  RealWorkloads& operator=(const RealWorkloads&) = delete;

  // Opens sockets and captures and schedules the senders, relative to the epoch: call it
  // right after the epoch starts (senders begin 100 ms in). Throws std::runtime_error naming
  // the workload, namespace and cause.
  void start();
  // Stops the senders, records what the captures and receivers still hold, closes
  // everything. Call it from the io_context's thread, or while the io_context is not
  // running, after the senders' end (100 ms before the scenario's duration).
  void stop();

  const std::vector<FlowInfo>& flows() const { return plan_.flows; }
  // Every record so far, in time order; later calls return only newer records.
  std::vector<PacketRecord> take_records();
  // The VM's identity as its client sees it now over `family`: the source address of the
  // VM's latest packets and the MAC the client's neighbour table holds for the VM's address.
  // Forgets the seen address, so the next observation only reflects packets that arrive
  // after this one.
  IdentityObservation observe_identity(const std::string& vm, AddressFamily family);

 private:
  void start_probe(const ProbePlan& probe);
  void start_udp_probe(const ProbePlan& probe, const GuestEndpoint& client,
                       const GuestEndpoint& vm);
  // A probe port held open at `at` and a capture of the probes arriving there.
  void open_udp_receiver(const std::string& workload, const GuestEndpoint& at,
                         std::uint16_t port, std::uint32_t flow, const SourceObserver& observe);
  void start_udp_sender(const std::string& workload, const GuestEndpoint& from,
                        const GuestEndpoint& to, std::uint16_t port, std::uint32_t flow,
                        const SendSchedule& schedule);
  void start_icmp_probe(const ProbePlan& probe, const GuestEndpoint& client,
                        const GuestEndpoint& vm);
  void start_tcp_stream(const TcpStreamPlan& stream);
  void start_capture(std::shared_ptr<PacketCapture> capture);
  void start_sender(std::unique_ptr<ProbeSender> sender);
  // Remembers the source of a VM's packets as its client saw them.
  SourceObserver observer_for(const std::string& vm);

  asio::io_context& io_;
  const RunEpoch& epoch_;
  EndpointLookup endpoint_of_;
  WorkloadPlan plan_;
  RecordLog log_;
  std::map<std::string, std::string> seen_source_;  // VM -> address its packets came from
  std::vector<std::unique_ptr<ProbeSender>> probe_senders_;
  std::vector<asio::ip::udp::socket> probe_ports_;  // hold the UDP probe ports open
  std::vector<std::shared_ptr<PacketCapture>> captures_;
  std::vector<std::shared_ptr<TcpChunkSender>> tcp_senders_;
  std::vector<std::shared_ptr<TcpChunkReceiver>> tcp_receivers_;
};

}  // namespace lmlab::real
