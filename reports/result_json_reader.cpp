#include "reports/result_json_reader.hpp"

#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "reports/json_field.hpp"
#include "reports/json_text.hpp"
#include "reports/result_schema_upgrade.hpp"
#include "sim/core/bounded_file.hpp"

namespace lmlab {
namespace {

using Json = nlohmann::json;

// ---- Values in the forms result_json.cpp writes ----------------------------------------

// null stands for an absent optional value.
template <typename FromJson>
auto nullable(const JsonField& value, FromJson from_json)
    -> std::optional<decltype(from_json(value))> {
  if (value.is_null()) return std::nullopt;
  return from_json(value);
}

std::string text(const JsonField& value) { return value.text(); }

bool boolean(const JsonField& value) { return value.boolean(); }

Time milliseconds(const JsonField& value) { return value.milliseconds(); }

std::optional<Time> optional_milliseconds(const JsonField& value) {
  return nullable(value, milliseconds);
}

// A unit string of the scenario echo, e.g. "50us" or "10Gbps", parsed by the loader's rules.
template <typename Parse>
auto unit_value(const JsonField& value, Parse parse, const char* what) {
  const std::string written = value.text();
  const auto parsed = parse(written);
  if (!parsed) value.fail(fmt::format("'{}' is not a {}", written, what));
  return *parsed;
}

Time duration(const JsonField& value) { return unit_value(value, parse_duration, "duration"); }

std::uint64_t bit_rate(const JsonField& value) {
  return unit_value(value, parse_bit_rate, "bit rate");
}

// An enumeration spelled as its to_string() spells it.
template <typename Enum>
Enum named(const JsonField& value, const std::vector<Enum>& values) {
  const std::string written = value.text();
  for (const Enum candidate : values)
    if (written == to_string(candidate)) return candidate;
  value.fail(fmt::format("unknown name '{}'", written));
}

Direction direction(const JsonField& value) {
  return named<Direction>(value, {Direction::client_to_vm, Direction::vm_to_client});
}

ProbeProtocol protocol(const JsonField& value) {
  return named<ProbeProtocol>(value, {ProbeProtocol::udp, ProbeProtocol::icmp});
}

AddressFamily family(const JsonField& value) {
  return named<AddressFamily>(value, {AddressFamily::ipv4, AddressFamily::ipv6});
}

// ---- The scenario echo -----------------------------------------------------------------

DhcpSpec dhcp(const JsonField& json) {
  return DhcpSpec{.lease_time = duration(json.at("lease_time")),
                  .server_id = json.at("server_id").text(),
                  .server_mac = json.at("server_mac").text(),
                  .router = nullable(json.at("router"), text)};
}

NorthboundPreload preload(const JsonField& json) {
  return NorthboundPreload{.switches = json.at("switches").count<std::uint32_t>(),
                           .ports_per_switch = json.at("ports_per_switch").count<std::uint32_t>()};
}

ClusterSpec cluster(const JsonField& json) {
  ClusterSpec cluster;
  cluster.nodes = json.at("nodes").items(text);
  const JsonField& network = json.at("network");
  cluster.network.subnet = network.at("subnet").text();
  cluster.network.subnet_v6 = nullable(network.at("subnet_v6"), text);
  cluster.network.mtu = network.at("mtu").count<std::uint32_t>();
  cluster.network.dhcp = nullable(network.at("dhcp"), dhcp);
  cluster.network.gateway = nullable(network.at("gateway"), text);
  cluster.strategy = named(json.at("strategy"), all_strategies());
  const JsonField& underlay = json.at("underlay");
  cluster.underlay.rate_bps = bit_rate(underlay.at("rate"));
  cluster.underlay.latency = duration(underlay.at("latency"));
  cluster.underlay.tunnel_overhead_bytes = underlay.at("tunnel_overhead").count<std::uint32_t>();
  cluster.underlay.vlan = nullable(underlay.at("vlan"), [](const JsonField& vlan) {
    return vlan.count<std::uint16_t>();
  });
  const JsonField& control_plane = json.at("control_plane");
  cluster.control_plane.northd = duration(control_plane.at("northd"));
  cluster.control_plane.southbound = duration(control_plane.at("southbound"));
  cluster.control_plane.ovn_controller = duration(control_plane.at("ovn_controller"));
  cluster.control_plane.activation = duration(control_plane.at("activation"));
  cluster.control_plane.preload = preload(control_plane.at("preload"));
  const JsonField& kubevirt = json.at("kubevirt");
  cluster.kubevirt.target_pod_startup = duration(kubevirt.at("target_pod_startup"));
  cluster.kubevirt.completion_report = duration(kubevirt.at("completion_report"));
  cluster.kubevirt.source_cleanup = duration(kubevirt.at("source_cleanup"));
  cluster.kubevirt.switchover_overhead = duration(kubevirt.at("switchover_overhead"));
  return cluster;
}

ClientSpec client(const JsonField& json) {
  return ClientSpec{.name = json.at("name").text(),
                    .node = json.at("node").text(),
                    .mac = json.at("mac").text(),
                    .ips = json.at("ips").items(text),
                    .external = json.at("external").boolean()};
}

VmSpec vm(const JsonField& json) {
  return VmSpec{.name = json.at("name").text(),
                .node = json.at("node").text(),
                .mac = json.at("mac").text(),
                .ips = json.at("ips").items(text),
                .memory_bytes = unit_value(json.at("memory"), parse_byte_size, "byte size"),
                .dirty_rate_bytes_per_second =
                    unit_value(json.at("dirty_rate"), parse_byte_rate, "byte rate"),
                .addressing = named<Addressing>(json.at("addressing"),
                                                {Addressing::static_ip, Addressing::dhcp})};
}

WorkloadsSpec workloads(const JsonField& list) {
  WorkloadsSpec workloads;
  list.each([&](const JsonField& json) {
    const JsonField kind = json.at("kind");
    if (kind.text() == "probe") {
      workloads.probes.push_back(ProbeWorkload{.name = json.at("name").text(),
                                               .vm = json.at("vm").text(),
                                               .client = json.at("client").text(),
                                               .protocol = protocol(json.at("protocol")),
                                               .interval = duration(json.at("interval")),
                                               .size_bytes = json.at("size").count<std::uint32_t>(),
                                               .family = family(json.at("family"))});
    } else if (kind.text() == "tcp") {
      workloads.tcp_streams.push_back(TcpWorkload{.name = json.at("name").text(),
                                                  .vm = json.at("vm").text(),
                                                  .client = json.at("client").text(),
                                                  .direction = direction(json.at("direction")),
                                                  .rate_bps = bit_rate(json.at("rate")),
                                                  .family = family(json.at("family"))});
    } else {
      kind.fail(fmt::format("unknown workload kind '{}'", kind.text()));
    }
  });
  return workloads;
}

MigrationSpec migration(const JsonField& json) {
  return MigrationSpec{.vm = json.at("vm").text(),
                       .target_node = json.at("to").text(),
                       .start = duration(json.at("at")),
                       .bandwidth_bps = bit_rate(json.at("bandwidth"))};
}

Expectations expectations_spec(const JsonField& json) {
  return Expectations{.max_downtime = nullable(json.at("max_downtime"), duration),
                      .tcp_survives = nullable(json.at("tcp_survives"), boolean),
                      .ip_preserved = nullable(json.at("ip_preserved"), boolean),
                      .mac_preserved = nullable(json.at("mac_preserved"), boolean)};
}

Scenario scenario(const JsonField& json, const JsonField& metadata) {
  Scenario scenario;
  scenario.source_file = metadata.at("scenario_file").text();
  scenario.name = json.at("name").text();
  scenario.description = json.at("description").text();
  scenario.seed = json.at("seed").count<std::uint64_t>();
  scenario.duration = duration(json.at("duration"));
  scenario.cluster = cluster(json.at("cluster"));
  scenario.clients = json.at("clients").items(client);
  scenario.vms = json.at("vms").items(vm);
  scenario.workloads = workloads(json.at("workloads"));
  scenario.migrations = json.at("migrations").items(migration);
  scenario.expectations = expectations_spec(json.at("expectations"));
  return scenario;
}

// ---- Verdicts and figures --------------------------------------------------------------

ExpectationResult expectation(const JsonField& json) {
  return ExpectationResult{.expectation = json.at("expectation").text(),
                           .subject = json.at("subject").text(),
                           .expected = json.at("expected").text(),
                           .measured = json.at("measured").text(),
                           .passed = json.at("passed").boolean()};
}

Gap gap(const JsonField& json) {
  const auto start_end = json.tuple(2);
  return Gap{milliseconds(start_end[0]), optional_milliseconds(start_end[1])};
}

ProbeFigures probe(const JsonField& json) {
  ProbeFigures probe;
  probe.workload = json.at("workload").text();
  probe.vm = json.at("vm").text();
  probe.direction = direction(json.at("direction"));
  probe.protocol = protocol(json.at("protocol"));
  probe.interval = milliseconds(json.at("interval_ms"));
  probe.sent = json.at("sent").count<std::uint64_t>();
  probe.received = json.at("received").count<std::uint64_t>();
  probe.lost = json.at("lost").count<std::uint64_t>();
  probe.sent_outside_migration = json.at("sent_outside_migration").count<std::uint64_t>();
  probe.lost_outside_migration = json.at("lost_outside_migration").count<std::uint64_t>();
  probe.duplicates = json.at("duplicates").count<std::uint64_t>();
  probe.reordered = json.at("reordered").count<std::uint64_t>();
  probe.downtime = milliseconds(json.at("downtime_ms"));
  probe.gap_start = optional_milliseconds(json.at("gap_start_ms"));
  probe.gap_end = optional_milliseconds(json.at("gap_end_ms"));
  probe.recovered = json.at("recovered").boolean();
  probe.gaps = json.at("gaps").items(gap);
  return probe;
}

TcpFigures tcp(const JsonField& json) {
  TcpFigures tcp;
  tcp.workload = json.at("workload").text();
  tcp.vm = json.at("vm").text();
  tcp.direction = direction(json.at("direction"));
  tcp.survived = json.at("survived").boolean();
  tcp.failure = json.at("failure").text();
  tcp.stall = milliseconds(json.at("stall_ms"));
  tcp.stall_start = optional_milliseconds(json.at("stall_start_ms"));
  tcp.stall_end = optional_milliseconds(json.at("stall_end_ms"));
  tcp.segments_sent = json.at("segments_sent").count<std::uint64_t>();
  tcp.retransmissions = json.at("retransmissions").count<std::uint64_t>();
  tcp.bytes_delivered = json.at("bytes_delivered").count<std::uint64_t>();
  tcp.throughput_before_bps = json.at("throughput_before_bps").number();
  tcp.throughput_during_bps = json.at("throughput_during_bps").number();
  tcp.throughput_after_bps = json.at("throughput_after_bps").number();
  tcp.stalls = json.at("stalls").items(gap);
  tcp.retransmission_times = json.at("retransmission_times_ms").items(milliseconds);
  return tcp;
}

DowntimeBreakdown breakdown(const JsonField& json) {
  DowntimeBreakdown breakdown;
  breakdown.vm = json.at("vm").text();
  breakdown.target_node = json.at("target_node").text();
  breakdown.paused_at = optional_milliseconds(json.at("paused_at_ms"));
  breakdown.resumed_at = optional_milliseconds(json.at("resumed_at_ms"));
  breakdown.first_rarp_at = optional_milliseconds(json.at("first_rarp_at_ms"));
  breakdown.binding_active_at = optional_milliseconds(json.at("binding_active_at_ms"));
  breakdown.first_delivery_at = optional_milliseconds(json.at("first_delivery_at_ms"));
  breakdown.through_again_at = optional_milliseconds(json.at("through_again_at_ms"));
  breakdown.vm_paused = optional_milliseconds(json.at("vm_paused_ms"));
  breakdown.announce = optional_milliseconds(json.at("announce_ms"));
  breakdown.network_converging = optional_milliseconds(json.at("network_converging_ms"));
  breakdown.first_packet = optional_milliseconds(json.at("first_packet_ms"));
  return breakdown;
}

IdentityFigures identity(const JsonField& json) {
  return IdentityFigures{.vm = json.at("vm").text(),
                         .ip_before = json.at("ip_before").text(),
                         .ip_after = json.at("ip_after").text(),
                         .mac_before = json.at("mac_before").text(),
                         .mac_after = json.at("mac_after").text(),
                         .ip_preserved = json.at("ip_preserved").boolean(),
                         .mac_preserved = json.at("mac_preserved").boolean()};
}

Figures figures(const JsonField& json) {
  return Figures{.probes = json.at("probes").items(probe),
                 .tcp_streams = json.at("tcp_streams").items(tcp),
                 .breakdowns = json.at("breakdowns").items(breakdown),
                 .identities = json.at("identities").items(identity)};
}

FlowInfo flow(const JsonField& json) {
  return FlowInfo{
      .id = json.at("id").count<std::uint32_t>(),
      .workload = json.at("workload").text(),
      .vm = json.at("vm").text(),
      .direction = direction(json.at("direction")),
      .kind = named<FlowKind>(json.at("kind"),
                              {FlowKind::udp_probe, FlowKind::icmp_probe, FlowKind::tcp_stream}),
      .interval = milliseconds(json.at("interval_ms")),
      .family = family(json.at("family"))};
}

PhaseEvent event(const JsonField& json) {
  return PhaseEvent{
      .time = milliseconds(json.at("time_ms")),
      .vm = json.at("vm").text(),
      .phase = named<Phase>(
          json.at("phase"),
          {Phase::migration_scheduled, Phase::target_ready, Phase::memory_transfer_started,
           Phase::precopy_iteration, Phase::source_paused, Phase::target_resumed, Phase::rarp_sent,
           Phase::northbound_update, Phase::binding_active, Phase::migration_completed,
           Phase::source_deleted, Phase::migration_failed}),
      .node = json.at("node").text(),
      .detail = json.at("detail").text(),
      .port = json.at("port").text()};
}

IdentityObservation identity_observation(const JsonField& json) {
  return IdentityObservation{.time = milliseconds(json.at("time_ms")),
                             .vm = json.at("vm").text(),
                             .ip = json.at("ip").text(),
                             .mac = json.at("mac").text(),
                             .family = family(json.at("family"))};
}

// ---- Timeline --------------------------------------------------------------------------

DeliveryRun delivery_run(const JsonField& json) {
  const auto start_end_deliveries = json.tuple(3);
  return DeliveryRun{milliseconds(start_end_deliveries[0]), milliseconds(start_end_deliveries[1]),
                     start_end_deliveries[2].count<std::uint64_t>()};
}

ProgressPoint progress_point(const JsonField& json) {
  const auto time_bytes = json.tuple(2);
  return ProgressPoint{milliseconds(time_bytes[0]), time_bytes[1].count<std::uint64_t>()};
}

// Each flow carries only the keys of its kind.
template <typename T, typename FromJson>
std::vector<T> optional_list(const JsonField& json, const char* key, FromJson from_json) {
  return json.has(key) ? json.at(key).items(from_json) : std::vector<T>{};
}

FlowTimeline flow_timeline(const JsonField& json) {
  return FlowTimeline{
      .flow = json.at("flow").count<std::uint32_t>(),
      .delivery_runs = optional_list<DeliveryRun>(json, "delivery_runs", delivery_run),
      .written = optional_list<ProgressPoint>(json, "written", progress_point),
      .delivered = optional_list<ProgressPoint>(json, "delivered", progress_point)};
}

Timeline timeline(const JsonField& json) {
  const JsonField version = json.at("version");
  if (version.json() != kTimelineVersion)
    version.fail(fmt::format("timeline version {} is not {}", version.json().dump(),
                             kTimelineVersion));
  return Timeline{json.at("flows").items(flow_timeline)};
}

RunMetadata metadata(const JsonField& json) {
  return RunMetadata{.lmlab_version = json.at("lmlab_version").text(),
                     .backend_version = json.at("backend_version").text(),
                     .started_at = json.at("started_at").text(),
                     .wall_time_seconds = json.at("wall_time_seconds").number(),
                     .simulator_events = json.at("simulator_events").count<std::uint64_t>(),
                     .events_per_second = json.at("events_per_second").number()};
}

// A document of the current schema version, read key by key.
Result result_of(const JsonField& document) {
  Result result;
  result.scenario = scenario(document.at("scenario"), document.at("metadata"));
  result.backend = document.at("backend").text();
  result.seed = document.at("seed").count<std::uint64_t>();
  result.passed = document.at("passed").boolean();
  result.expectations = document.at("expectations").items(expectation);
  result.figures = figures(document.at("figures"));
  result.flows = document.at("flows").items(flow);
  result.events = document.at("events").items(event);
  result.identity_observations = document.at("identity_observations").items(identity_observation);
  result.timeline = timeline(document.at("timeline"));
  result.metadata = metadata(document.at("metadata"));
  return result;
}

}  // namespace

Result result_from_json(const Json& document, SchemaVersion2 version_2) {
  if (!document.is_object() || !document.contains("schema_version"))
    throw ResultFileError("not an lmlab result (no schema_version)");
  const Json& version = document.at("schema_version");
  const bool reads_version_2 = version_2 == SchemaVersion2::read_with_defaults;
  if (version == kResultSchemaVersion) return result_of(JsonField(document, ""));
  // Version 3 holds everything version 4 does, in longer forms.
  if (version == 3) return result_of(JsonField(upgrade_from_schema_3(document), ""));
  if (version == 2 && reads_version_2)
    return result_of(JsonField(upgrade_from_schema_3(upgrade_from_schema_2(document)), ""));
  throw ResultFileError(fmt::format(
      "schema version {}, this lmlab reads versions {} to {} (run the scenario again)",
      version.dump(), reads_version_2 ? 2 : 3, kResultSchemaVersion));
}

Result result_from_text(std::string_view text, SchemaVersion2 version_2) {
  try {
    return result_from_json(parse_json_text(text, "a result file"), version_2);
  } catch (const JsonTextError& error) {
    throw ResultFileError(error.what());
  }
}

Result read_result_file(const std::string& path, SchemaVersion2 version_2) {
  try {
    return result_from_text(read_bounded_file(path, kMaxResultBytes, "a result file"), version_2);
  } catch (const BoundedFileError& error) {
    throw ResultFileError(fmt::format("{}: {}", path, error.what()));
  } catch (const ResultFileError& error) {
    throw ResultFileError(fmt::format("{}: {}", path, error.what()));
  }
}

}  // namespace lmlab
