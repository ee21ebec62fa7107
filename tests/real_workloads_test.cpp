// The real workloads between a client's and a VM's namespace joined by a bridge: probes keep
// their fixed rate through an outage of the network, the analyzer reads the outage from their
// records as downtime, TCP recovers with retransmissions, and identity observation sees the
// VM's address and MAC.
// Runs as root; a missing capability fails the tests, it never skips them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <thread>
#include <utility>

#include <asio.hpp>

#include "real-backend/traffic/run_epoch.hpp"
#include "real-backend/traffic/real_workloads.hpp"
#include "sim/analysis/analyzer.hpp"
#include "tests/guest_lab.hpp"

namespace lmlab {
namespace {

using std::chrono::milliseconds;
using testing::GuestLab;
using ::testing::HasSubstr;

const std::string kUdpProbe =
    "  - {kind: probe, name: probe, vm: vm1, client: client, protocol: udp, interval: 1ms}\n";
const std::string kIcmpProbe =
    "  - {kind: probe, name: ping, vm: vm1, client: client, protocol: icmp, interval: 1ms}\n";
const std::string kTcpStream =
    "  - {kind: tcp, name: stream, vm: vm1, client: client, direction: client-to-vm, "
    "rate: 10Mbps}\n";

// The network between the guests goes down at 700 ms for 200 ms.
constexpr Time kOutageAt = milliseconds(700);
constexpr Time kOutageLength = milliseconds(200);

// Taking the bridge down or up takes the kernel a moment: the outage is known to within
// these bounds.
struct Outage {
  Time going_down;  // as the bridge was asked to go down
  Time down;        // when that was done: nothing crosses from here
  Time going_up;    // until here
  Time up;          // when the bridge was back
  Time shortest() const { return going_up - down; }
  Time longest() const { return up - going_down; }
};

struct Played {
  std::vector<FlowInfo> flows;
  std::vector<PacketRecord> records;
  IdentityObservation identity;  // taken 50 ms before the end
  std::optional<Outage> outage;
  RunOutput output() const { return {"namespaces", "", flows, records, {identity}, 0}; }
};

// Plays the scenario's workloads on the lab for the scenario's duration, in real time.
Played play(const Scenario& scenario, const GuestLab& lab, bool with_outage) {
  asio::io_context io;
  const real::RunEpoch epoch;
  real::RealWorkloads workloads(io, scenario, scenario.seed, epoch,
                                [&lab](const std::string& name, AddressFamily) { return lab.endpoint_of(name); });
  Played played;
  std::vector<std::unique_ptr<asio::steady_timer>> timers;
  const auto at = [&](Time when, std::function<void()> action) {
    timers.push_back(std::make_unique<asio::steady_timer>(io, epoch.steady_at(when)));
    timers.back()->async_wait([action = std::move(action)](const std::error_code& error) {
      if (!error) action();
    });
  };
  at(scenario.duration - milliseconds(50),
     [&] { played.identity = workloads.observe_identity("vm1", AddressFamily::ipv4); });
  at(scenario.duration, [&] { workloads.stop(); });
  workloads.start();
  // The outage runs on a thread of its own, as the network is not the workloads' business.
  std::thread outage;
  if (with_outage) {
    played.outage.emplace();
    outage = std::thread([&] {
      std::this_thread::sleep_until(epoch.steady_at(kOutageAt));
      played.outage->going_down = epoch.since_start();
      lab.set_network_up(false);
      played.outage->down = epoch.since_start();
      std::this_thread::sleep_until(epoch.steady_at(kOutageAt + kOutageLength));
      played.outage->going_up = epoch.since_start();
      lab.set_network_up(true);
      played.outage->up = epoch.since_start();
    });
  }
  io.run_for(scenario.duration + std::chrono::seconds(5));
  if (outage.joinable()) outage.join();
  EXPECT_TRUE(io.stopped()) << "the run did not end after stop()";
  played.flows = workloads.flows();
  played.records = workloads.take_records();
  return played;
}

std::vector<const PacketRecord*> records_of(const Played& played, std::uint32_t flow,
                                            RecordKind kind) {
  std::vector<const PacketRecord*> found;
  for (const auto& record : played.records) {
    if (record.flow == flow && record.kind == kind) found.push_back(&record);
  }
  return found;
}

// Migration-like phase events around the outage, so the analyzer has a window to look in.
std::vector<PhaseEvent> events_around(const Outage& outage) {
  return {{outage.going_down - milliseconds(100), "vm1", Phase::migration_scheduled, "", ""},
          {outage.up, "vm1", Phase::target_resumed, "", ""},
          {outage.up + milliseconds(600), "vm1", Phase::migration_completed, "", ""}};
}

// A schedule starts at 100 ms plus less than `spread` and sends until 100 ms before the end:
// its number of sends lies between those of the latest and the earliest start.
void expect_all_scheduled_sends(std::size_t sends, const Scenario& scenario, Time interval,
                                Time spread) {
  const auto sends_from = [&](Time start) {
    const Time span = scenario.duration - milliseconds(100) - start;
    return static_cast<std::size_t>((span + interval - Time(1)) / interval);
  };
  EXPECT_GE(sends, sends_from(milliseconds(100) + spread));
  EXPECT_LE(sends, sends_from(milliseconds(100)));
}

// What start() threw; a test failure when it did not throw.
std::string start_error(const Scenario& scenario,
                        real::EndpointLookup endpoint_of) {
  asio::io_context io;
  const real::RunEpoch epoch;
  real::RealWorkloads workloads(io, scenario, 1, epoch, std::move(endpoint_of));
  try {
    workloads.start();
  } catch (const std::runtime_error& error) {
    return error.what();
  }
  ADD_FAILURE() << "start() did not fail";
  return "";
}

class RealWorkloadsBetweenNamespaces : public ::testing::Test {
 protected:
  std::unique_ptr<GuestLab> lab_for(const Scenario& scenario) {
    return std::make_unique<GuestLab>(scenario, scenario.clients[0], scenario.vms[0]);
  }
};

TEST_F(RealWorkloadsBetweenNamespaces, UdpProbesKeepTheirRateThroughAnOutageThatShowsAsDowntime) {
  const Scenario scenario = testing::scenario_for_lab("1.5s", kUdpProbe);
  const auto lab = lab_for(scenario);
  const Played played = play(scenario, *lab, /*with_outage=*/true);
  ASSERT_EQ(played.flows.size(), 2u);
  const Outage outage = *played.outage;

  for (const FlowInfo& flow : played.flows) {
    SCOPED_TRACE(to_string(flow.direction));
    const auto sent = records_of(played, flow.id, RecordKind::probe_sent);
    ASSERT_FALSE(sent.empty());
    const Time first = sent.front()->time;
    // Every scheduled probe went out once, in order, on its own seq. A busy machine holds the
    // loop up now and then for a few ms; the probes it missed go out at once afterwards.
    expect_all_scheduled_sends(sent.size(), scenario, flow.interval, flow.interval);
    Time latest{0};
    for (std::size_t k = 0; k < sent.size(); ++k) {
      ASSERT_EQ(sent[k]->seq, k);
      latest = std::max(latest, sent[k]->time - (first + flow.interval * static_cast<int>(k)));
    }
    EXPECT_LT(latest, milliseconds(25));
    // The prober did not slow down while the network was down.
    const auto during = std::count_if(sent.begin(), sent.end(), [&](const PacketRecord* r) {
      return r->time >= outage.down && r->time < outage.going_up;
    });
    EXPECT_NEAR(static_cast<double>(during), outage.shortest() / flow.interval,
                latest / flow.interval + 2);

    // Nothing arrived while the network was down, what was sent then was lost, everything
    // else arrived.
    const auto received = records_of(played, flow.id, RecordKind::probe_received);
    const auto lost = static_cast<double>(sent.size() - received.size());
    EXPECT_GE(lost, outage.shortest() / flow.interval - 1);
    EXPECT_LE(lost, outage.longest() / flow.interval + 1);
    for (const PacketRecord* record : received) {
      EXPECT_FALSE(record->time > outage.down + milliseconds(1) && record->time < outage.going_up)
          << "probe " << record->seq << " arrived during the outage";
      EXPECT_GE(record->time, record->sent_time);
    }
  }

  const Figures figures = analyze(scenario, played.output(), events_around(outage));
  ASSERT_EQ(figures.probes.size(), 2u);
  for (const ProbeFigures& probe : figures.probes) {
    SCOPED_TRACE(to_string(probe.direction));
    EXPECT_TRUE(probe.recovered);
    // At probe resolution: within one interval of the outage.
    EXPECT_GE(probe.downtime, outage.shortest() - probe.interval);
    EXPECT_LE(probe.downtime, outage.longest() + probe.interval);
    EXPECT_EQ(probe.duplicates, 0u);
  }
  EXPECT_EQ(played.identity.ip, lab->vm().ip);
  EXPECT_EQ(played.identity.mac, lab->vm().mac);
}

TEST_F(RealWorkloadsBetweenNamespaces, TcpDeliversEveryChunkInOrderAndRetransmitsAfterAnOutage) {
  const Scenario scenario = testing::scenario_for_lab("2s", kTcpStream);
  const auto lab = lab_for(scenario);
  const Played played = play(scenario, *lab, /*with_outage=*/true);
  ASSERT_EQ(played.flows.size(), 1u);
  const FlowInfo& flow = played.flows[0];
  const Outage outage = *played.outage;

  const auto written = records_of(played, flow.id, RecordKind::tcp_chunk_sent);
  const auto delivered = records_of(played, flow.id, RecordKind::tcp_chunk_delivered);
  ASSERT_FALSE(written.empty());
  expect_all_scheduled_sends(written.size(), scenario, flow.interval, milliseconds(10));
  ASSERT_EQ(delivered.size(), written.size());
  for (std::size_t k = 0; k < delivered.size(); ++k) {
    ASSERT_EQ(delivered[k]->seq, k);
    EXPECT_EQ(delivered[k]->bytes, 1000u);
  }
  EXPECT_TRUE(records_of(played, flow.id, RecordKind::tcp_connection_failed).empty());

  const auto segments = records_of(played, flow.id, RecordKind::tcp_segment_sent);
  ASSERT_FALSE(segments.empty());
  EXPECT_EQ(segments.front()->seq, 1u);  // relative to the initial sequence number

  const Figures figures = analyze(scenario, played.output(), events_around(outage));
  ASSERT_EQ(figures.tcp_streams.size(), 1u);
  const TcpFigures& stream = figures.tcp_streams[0];
  EXPECT_TRUE(stream.survived) << stream.failure;
  EXPECT_EQ(stream.bytes_delivered, 1000u * written.size());
  ASSERT_GT(stream.retransmissions, 0u);
  EXPECT_GE(stream.retransmission_times.front(), outage.going_down);
  // Lost segments were sent again once the network was back.
  EXPECT_GE(stream.retransmission_times.back(), outage.going_up);
  // Retransmissions wait for timers (Linux's minimum RTO is 200 ms): the stall outlasts the
  // outage.
  EXPECT_GE(stream.stall, outage.shortest());
}

TEST_F(RealWorkloadsBetweenNamespaces, IcmpEchoRequestsAreAnsweredByTheVmKernel) {
  const Scenario scenario = testing::scenario_for_lab("600ms", kIcmpProbe);
  const auto lab = lab_for(scenario);
  const Played played = play(scenario, *lab, /*with_outage=*/false);
  ASSERT_EQ(played.flows.size(), 2u);
  const auto requests = records_of(played, 0, RecordKind::probe_sent);
  expect_all_scheduled_sends(requests.size(), scenario, milliseconds(1), milliseconds(1));
  // The VM's kernel replied to each request as it arrived: a reply sent per request received.
  EXPECT_EQ(records_of(played, 0, RecordKind::probe_received).size(), requests.size());
  EXPECT_EQ(records_of(played, 1, RecordKind::probe_sent).size(), requests.size());
  const auto replies = records_of(played, 1, RecordKind::probe_received);
  ASSERT_EQ(replies.size(), requests.size());
  for (std::size_t k = 0; k < replies.size(); ++k) {
    EXPECT_EQ(replies[k]->sent_time, requests[k]->time);  // the request's stamp came back
  }
  EXPECT_EQ(played.identity.ip, lab->vm().ip);
  EXPECT_EQ(played.identity.mac, lab->vm().mac);
}

TEST_F(RealWorkloadsBetweenNamespaces, StartNamesTheInterfaceItCannotCapture) {
  const Scenario scenario = testing::scenario_for_lab("1s", kUdpProbe);
  const auto lab = lab_for(scenario);
  const std::string message = start_error(scenario, [&lab](const std::string& name, AddressFamily) {
    real::GuestEndpoint endpoint = lab->endpoint_of(name);
    endpoint.interface = "nosuch0";
    return endpoint;
  });
  EXPECT_THAT(message, HasSubstr("workload 'probe'"));
  EXPECT_THAT(message,
              HasSubstr("capture on 'nosuch0' in network namespace '" + lab->vm().netns + "'"));
}

TEST(RealWorkloads, StartNamesTheWorkloadAndNamespaceItCannotOpen) {
  const std::string message =
      start_error(testing::scenario_for_lab("1s", kUdpProbe), [](const std::string& name, AddressFamily) {
        return real::GuestEndpoint{"lmlabt-missing-" + name, "eth0", "10.77.0.1", ""};
      });
  EXPECT_THAT(message, HasSubstr("workload 'probe'"));
  EXPECT_THAT(message, HasSubstr("lmlabt-missing-vm1"));
  EXPECT_THAT(message, HasSubstr("No such file or directory"));
}

TEST(RealWorkloads, ListsTheFlowsOfTheSharedWorkloadPlanBeforeStarting) {
  const Scenario scenario = testing::scenario_for_lab("1s", kUdpProbe + kTcpStream);
  asio::io_context io;
  const real::RunEpoch epoch;
  const real::RealWorkloads workloads(
      io, scenario, 1, epoch, [](const std::string&, AddressFamily) { return real::GuestEndpoint{}; });
  const auto& flows = workloads.flows();
  ASSERT_EQ(flows.size(), 3u);
  EXPECT_EQ(flows[0].workload, "probe");
  EXPECT_EQ(flows[0].direction, Direction::client_to_vm);
  EXPECT_EQ(flows[1].direction, Direction::vm_to_client);
  EXPECT_EQ(flows[2].workload, "stream");
  EXPECT_EQ(flows[2].kind, FlowKind::tcp_stream);
}

}  // namespace
}  // namespace lmlab
