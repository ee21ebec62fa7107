#include "reports/result_json_reader.hpp"

#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "reports/report_files.hpp"
#include "reports/result_schema_upgrade.hpp"

namespace lmlab {
namespace {

using Json = nlohmann::json;

// ---- Values in the forms result_json.cpp writes ----------------------------------------

// null stands for an absent optional value.
template <typename FromJson>
auto nullable(const Json& value, FromJson from_json)
    -> std::optional<decltype(from_json(value))> {
  if (value.is_null()) return std::nullopt;
  return from_json(value);
}

template <typename T>
T plain(const Json& value) {
  return value.get<T>();
}

Time milliseconds(const Json& value) { return Time(std::llround(value.get<double>() * 1e6)); }

std::optional<Time> optional_milliseconds(const Json& value) {
  return nullable(value, milliseconds);
}

template <typename T, typename FromJson>
std::vector<T> vector_of(const Json& array, FromJson from_json) {
  std::vector<T> items;
  for (const Json& item : array) items.push_back(from_json(item));
  return items;
}

// A unit string of the scenario echo, e.g. "50us" or "10Gbps", parsed by the loader's rules.
template <typename Parse>
auto unit_value(const Json& value, Parse parse, const char* what) {
  const std::string text = value.get<std::string>();
  const auto parsed = parse(text);
  if (!parsed) throw ResultFileError(fmt::format("'{}' is not a {}", text, what));
  return *parsed;
}

Time duration(const Json& value) { return unit_value(value, parse_duration, "duration"); }

std::uint64_t bit_rate(const Json& value) { return unit_value(value, parse_bit_rate, "bit rate"); }

// An enumeration spelled as its to_string() spells it.
template <typename Enum>
Enum named(const Json& value, const std::vector<Enum>& values) {
  const std::string text = value.get<std::string>();
  for (const Enum candidate : values)
    if (text == to_string(candidate)) return candidate;
  throw ResultFileError(fmt::format("unknown name '{}'", text));
}

Direction direction(const Json& value) {
  return named<Direction>(value, {Direction::client_to_vm, Direction::vm_to_client});
}

ProbeProtocol protocol(const Json& value) {
  return named<ProbeProtocol>(value, {ProbeProtocol::udp, ProbeProtocol::icmp});
}

AddressFamily family(const Json& value) {
  return named<AddressFamily>(value, {AddressFamily::ipv4, AddressFamily::ipv6});
}

// ---- The scenario echo -----------------------------------------------------------------

DhcpSpec dhcp(const Json& json) {
  return DhcpSpec{.lease_time = duration(json.at("lease_time")),
                  .server_id = json.at("server_id").get<std::string>(),
                  .server_mac = json.at("server_mac").get<std::string>(),
                  .router = nullable(json.at("router"), plain<std::string>)};
}

NorthboundPreload preload(const Json& json) {
  return NorthboundPreload{.switches = json.at("switches").get<std::uint32_t>(),
                           .ports_per_switch = json.at("ports_per_switch").get<std::uint32_t>()};
}

ClusterSpec cluster(const Json& json) {
  ClusterSpec cluster;
  cluster.nodes = json.at("nodes").get<std::vector<std::string>>();
  const Json& network = json.at("network");
  cluster.network.subnet = network.at("subnet").get<std::string>();
  cluster.network.subnet_v6 = nullable(network.at("subnet_v6"), plain<std::string>);
  cluster.network.mtu = network.at("mtu").get<std::uint32_t>();
  cluster.network.dhcp = nullable(network.at("dhcp"), dhcp);
  cluster.network.gateway = nullable(network.at("gateway"), plain<std::string>);
  cluster.strategy = named(json.at("strategy"), all_strategies());
  const Json& underlay = json.at("underlay");
  cluster.underlay.rate_bps = bit_rate(underlay.at("rate"));
  cluster.underlay.latency = duration(underlay.at("latency"));
  cluster.underlay.tunnel_overhead_bytes = underlay.at("tunnel_overhead").get<std::uint32_t>();
  cluster.underlay.vlan = nullable(underlay.at("vlan"), plain<std::uint16_t>);
  const Json& control_plane = json.at("control_plane");
  cluster.control_plane.northd = duration(control_plane.at("northd"));
  cluster.control_plane.southbound = duration(control_plane.at("southbound"));
  cluster.control_plane.ovn_controller = duration(control_plane.at("ovn_controller"));
  cluster.control_plane.activation = duration(control_plane.at("activation"));
  cluster.control_plane.preload = preload(control_plane.at("preload"));
  const Json& kubevirt = json.at("kubevirt");
  cluster.kubevirt.target_pod_startup = duration(kubevirt.at("target_pod_startup"));
  cluster.kubevirt.completion_report = duration(kubevirt.at("completion_report"));
  cluster.kubevirt.source_cleanup = duration(kubevirt.at("source_cleanup"));
  cluster.kubevirt.switchover_overhead = duration(kubevirt.at("switchover_overhead"));
  return cluster;
}

ClientSpec client(const Json& json) {
  return ClientSpec{.name = json.at("name").get<std::string>(),
                    .node = json.at("node").get<std::string>(),
                    .mac = json.at("mac").get<std::string>(),
                    .ips = json.at("ips").get<std::vector<std::string>>(),
                    .external = json.at("external").get<bool>()};
}

VmSpec vm(const Json& json) {
  return VmSpec{.name = json.at("name").get<std::string>(),
                .node = json.at("node").get<std::string>(),
                .mac = json.at("mac").get<std::string>(),
                .ips = json.at("ips").get<std::vector<std::string>>(),
                .memory_bytes = unit_value(json.at("memory"), parse_byte_size, "byte size"),
                .dirty_rate_bytes_per_second =
                    unit_value(json.at("dirty_rate"), parse_byte_rate, "byte rate"),
                .addressing = named<Addressing>(json.at("addressing"),
                                                {Addressing::static_ip, Addressing::dhcp})};
}

WorkloadsSpec workloads(const Json& list) {
  WorkloadsSpec workloads;
  for (const Json& json : list) {
    const std::string kind = json.at("kind").get<std::string>();
    if (kind == "probe") {
      workloads.probes.push_back(ProbeWorkload{.name = json.at("name").get<std::string>(),
                                               .vm = json.at("vm").get<std::string>(),
                                               .client = json.at("client").get<std::string>(),
                                               .protocol = protocol(json.at("protocol")),
                                               .interval = duration(json.at("interval")),
                                               .size_bytes = json.at("size").get<std::uint32_t>(),
                                               .family = family(json.at("family"))});
    } else if (kind == "tcp") {
      workloads.tcp_streams.push_back(TcpWorkload{.name = json.at("name").get<std::string>(),
                                                  .vm = json.at("vm").get<std::string>(),
                                                  .client = json.at("client").get<std::string>(),
                                                  .direction = direction(json.at("direction")),
                                                  .rate_bps = bit_rate(json.at("rate")),
                                                  .family = family(json.at("family"))});
    } else {
      throw ResultFileError(fmt::format("unknown workload kind '{}'", kind));
    }
  }
  return workloads;
}

MigrationSpec migration(const Json& json) {
  return MigrationSpec{.vm = json.at("vm").get<std::string>(),
                       .target_node = json.at("to").get<std::string>(),
                       .start = duration(json.at("at")),
                       .bandwidth_bps = bit_rate(json.at("bandwidth"))};
}

Expectations expectations_spec(const Json& json) {
  return Expectations{.max_downtime = nullable(json.at("max_downtime"), duration),
                      .tcp_survives = nullable(json.at("tcp_survives"), plain<bool>),
                      .ip_preserved = nullable(json.at("ip_preserved"), plain<bool>),
                      .mac_preserved = nullable(json.at("mac_preserved"), plain<bool>)};
}

Scenario scenario(const Json& json, const Json& metadata) {
  Scenario scenario;
  scenario.source_file = metadata.at("scenario_file").get<std::string>();
  scenario.name = json.at("name").get<std::string>();
  scenario.description = json.at("description").get<std::string>();
  scenario.seed = json.at("seed").get<std::uint64_t>();
  scenario.duration = duration(json.at("duration"));
  scenario.cluster = cluster(json.at("cluster"));
  scenario.clients = vector_of<ClientSpec>(json.at("clients"), client);
  scenario.vms = vector_of<VmSpec>(json.at("vms"), vm);
  scenario.workloads = workloads(json.at("workloads"));
  scenario.migrations = vector_of<MigrationSpec>(json.at("migrations"), migration);
  scenario.expectations = expectations_spec(json.at("expectations"));
  return scenario;
}

// ---- Verdicts and figures --------------------------------------------------------------

ExpectationResult expectation(const Json& json) {
  return ExpectationResult{.expectation = json.at("expectation").get<std::string>(),
                           .subject = json.at("subject").get<std::string>(),
                           .expected = json.at("expected").get<std::string>(),
                           .measured = json.at("measured").get<std::string>(),
                           .passed = json.at("passed").get<bool>()};
}

Gap gap(const Json& json) {
  return Gap{milliseconds(json.at("start_ms")), optional_milliseconds(json.at("end_ms"))};
}

ProbeFigures probe(const Json& json) {
  ProbeFigures probe;
  probe.workload = json.at("workload").get<std::string>();
  probe.vm = json.at("vm").get<std::string>();
  probe.direction = direction(json.at("direction"));
  probe.protocol = protocol(json.at("protocol"));
  probe.interval = milliseconds(json.at("interval_ms"));
  probe.sent = json.at("sent").get<std::uint64_t>();
  probe.received = json.at("received").get<std::uint64_t>();
  probe.lost = json.at("lost").get<std::uint64_t>();
  probe.sent_outside_migration = json.at("sent_outside_migration").get<std::uint64_t>();
  probe.lost_outside_migration = json.at("lost_outside_migration").get<std::uint64_t>();
  probe.duplicates = json.at("duplicates").get<std::uint64_t>();
  probe.reordered = json.at("reordered").get<std::uint64_t>();
  probe.downtime = milliseconds(json.at("downtime_ms"));
  probe.gap_start = optional_milliseconds(json.at("gap_start_ms"));
  probe.gap_end = optional_milliseconds(json.at("gap_end_ms"));
  probe.recovered = json.at("recovered").get<bool>();
  probe.gaps = vector_of<Gap>(json.at("gaps"), gap);
  return probe;
}

TcpFigures tcp(const Json& json) {
  TcpFigures tcp;
  tcp.workload = json.at("workload").get<std::string>();
  tcp.vm = json.at("vm").get<std::string>();
  tcp.direction = direction(json.at("direction"));
  tcp.survived = json.at("survived").get<bool>();
  tcp.failure = json.at("failure").get<std::string>();
  tcp.stall = milliseconds(json.at("stall_ms"));
  tcp.stall_start = optional_milliseconds(json.at("stall_start_ms"));
  tcp.stall_end = optional_milliseconds(json.at("stall_end_ms"));
  tcp.segments_sent = json.at("segments_sent").get<std::uint64_t>();
  tcp.retransmissions = json.at("retransmissions").get<std::uint64_t>();
  tcp.bytes_delivered = json.at("bytes_delivered").get<std::uint64_t>();
  tcp.throughput_before_bps = json.at("throughput_before_bps").get<double>();
  tcp.throughput_during_bps = json.at("throughput_during_bps").get<double>();
  tcp.throughput_after_bps = json.at("throughput_after_bps").get<double>();
  tcp.stalls = vector_of<Gap>(json.at("stalls"), gap);
  tcp.retransmission_times = vector_of<Time>(json.at("retransmission_times_ms"), milliseconds);
  return tcp;
}

DowntimeBreakdown breakdown(const Json& json) {
  DowntimeBreakdown breakdown;
  breakdown.vm = json.at("vm").get<std::string>();
  breakdown.target_node = json.at("target_node").get<std::string>();
  breakdown.paused_at = optional_milliseconds(json.at("paused_at_ms"));
  breakdown.resumed_at = optional_milliseconds(json.at("resumed_at_ms"));
  breakdown.first_rarp_at = optional_milliseconds(json.at("first_rarp_at_ms"));
  breakdown.binding_active_at = optional_milliseconds(json.at("binding_active_at_ms"));
  breakdown.first_delivery_at = optional_milliseconds(json.at("first_delivery_at_ms"));
  // Schema 3 results written before it was kept: the delivery is the closest boundary.
  breakdown.through_again_at = optional_milliseconds(
      json.value("through_again_at_ms", json.at("first_delivery_at_ms")));
  breakdown.vm_paused = optional_milliseconds(json.at("vm_paused_ms"));
  breakdown.announce = optional_milliseconds(json.at("announce_ms"));
  breakdown.network_converging = optional_milliseconds(json.at("network_converging_ms"));
  breakdown.first_packet = optional_milliseconds(json.at("first_packet_ms"));
  return breakdown;
}

IdentityFigures identity(const Json& json) {
  return IdentityFigures{.vm = json.at("vm").get<std::string>(),
                         .ip_before = json.at("ip_before").get<std::string>(),
                         .ip_after = json.at("ip_after").get<std::string>(),
                         .mac_before = json.at("mac_before").get<std::string>(),
                         .mac_after = json.at("mac_after").get<std::string>(),
                         .ip_preserved = json.at("ip_preserved").get<bool>(),
                         .mac_preserved = json.at("mac_preserved").get<bool>()};
}

Figures figures(const Json& json) {
  return Figures{.probes = vector_of<ProbeFigures>(json.at("probes"), probe),
                 .tcp_streams = vector_of<TcpFigures>(json.at("tcp_streams"), tcp),
                 .breakdowns = vector_of<DowntimeBreakdown>(json.at("breakdowns"), breakdown),
                 .identities = vector_of<IdentityFigures>(json.at("identities"), identity)};
}

FlowInfo flow(const Json& json) {
  return FlowInfo{
      .id = json.at("id").get<std::uint32_t>(),
      .workload = json.at("workload").get<std::string>(),
      .vm = json.at("vm").get<std::string>(),
      .direction = direction(json.at("direction")),
      .kind = named<FlowKind>(json.at("kind"),
                              {FlowKind::udp_probe, FlowKind::icmp_probe, FlowKind::tcp_stream}),
      .interval = milliseconds(json.at("interval_ms")),
      .family = family(json.at("family"))};
}

PhaseEvent event(const Json& json) {
  return PhaseEvent{
      .time = milliseconds(json.at("time_ms")),
      .vm = json.at("vm").get<std::string>(),
      .phase = named<Phase>(
          json.at("phase"),
          {Phase::migration_scheduled, Phase::target_ready, Phase::memory_transfer_started,
           Phase::precopy_iteration, Phase::source_paused, Phase::target_resumed, Phase::rarp_sent,
           Phase::northbound_update, Phase::binding_active, Phase::migration_completed,
           Phase::source_deleted, Phase::migration_failed}),
      .node = json.at("node").get<std::string>(),
      .detail = json.at("detail").get<std::string>(),
      .port = json.at("port").get<std::string>()};
}

IdentityObservation identity_observation(const Json& json) {
  return IdentityObservation{.time = milliseconds(json.at("time_ms")),
                             .vm = json.at("vm").get<std::string>(),
                             .ip = json.at("ip").get<std::string>(),
                             .mac = json.at("mac").get<std::string>(),
                             .family = family(json.at("family"))};
}

// ---- Timeline --------------------------------------------------------------------------

DeliveryRun delivery_run(const Json& json) {
  return DeliveryRun{milliseconds(json.at("start_ms")), milliseconds(json.at("end_ms")),
                     json.at("deliveries").get<std::uint64_t>()};
}

ProgressPoint progress_point(const Json& json) {
  return ProgressPoint{milliseconds(json.at("t_ms")), json.at("bytes").get<std::uint64_t>()};
}

// Each flow carries only the keys of its kind.
template <typename T, typename FromJson>
std::vector<T> optional_list(const Json& json, const char* key, FromJson from_json) {
  return json.contains(key) ? vector_of<T>(json.at(key), from_json) : std::vector<T>{};
}

FlowTimeline flow_timeline(const Json& json) {
  return FlowTimeline{
      .flow = json.at("flow").get<std::uint32_t>(),
      .delivery_runs = optional_list<DeliveryRun>(json, "delivery_runs", delivery_run),
      .written = optional_list<ProgressPoint>(json, "written", progress_point),
      .delivered = optional_list<ProgressPoint>(json, "delivered", progress_point)};
}

Timeline timeline(const Json& json) {
  if (json.at("version") != kTimelineVersion)
    throw ResultFileError(
        fmt::format("timeline version {} is not {}", json.at("version").dump(), kTimelineVersion));
  return Timeline{vector_of<FlowTimeline>(json.at("flows"), flow_timeline)};
}

RunMetadata metadata(const Json& json) {
  return RunMetadata{.lmlab_version = json.at("lmlab_version").get<std::string>(),
                     .backend_version = json.at("backend_version").get<std::string>(),
                     .started_at = json.at("started_at").get<std::string>(),
                     .wall_time_seconds = json.at("wall_time_seconds").get<double>(),
                     .simulator_events = json.at("simulator_events").get<std::uint64_t>(),
                     .events_per_second = json.at("events_per_second").get<double>()};
}

// A document of the current schema version, read key by key.
Result result_of(const Json& document) {
  Result result;
  result.scenario = scenario(document.at("scenario"), document.at("metadata"));
  result.backend = document.at("backend").get<std::string>();
  result.seed = document.at("seed").get<std::uint64_t>();
  result.passed = document.at("passed").get<bool>();
  result.expectations = vector_of<ExpectationResult>(document.at("expectations"), expectation);
  result.figures = figures(document.at("figures"));
  result.flows = vector_of<FlowInfo>(document.at("flows"), flow);
  result.events = vector_of<PhaseEvent>(document.at("events"), event);
  result.identity_observations = vector_of<IdentityObservation>(
      document.at("identity_observations"), identity_observation);
  result.timeline = timeline(document.at("timeline"));
  result.metadata = metadata(document.at("metadata"));
  return result;
}

}  // namespace

Result result_from_json(const Json& document, SchemaVersion2 version_2) {
  try {
    if (!document.is_object() || !document.contains("schema_version"))
      throw ResultFileError("not an lmlab result (no schema_version)");
    const Json& version = document.at("schema_version");
    const bool reads_version_2 = version_2 == SchemaVersion2::read_with_defaults;
    if (version == kResultSchemaVersion) return result_of(document);
    if (version == 2 && reads_version_2) return result_of(upgrade_from_schema_2(document));
    throw ResultFileError(fmt::format(
        "schema version {}, this lmlab reads version {}{} (run the scenario again)",
        version.dump(), reads_version_2 ? "2 or " : "", kResultSchemaVersion));
  } catch (const Json::exception& error) {
    // nlohmann's messages name the missing key or the wrong type.
    throw ResultFileError(fmt::format("not a valid lmlab result: {}", error.what()));
  }
}

Result read_result_file(const std::string& path, SchemaVersion2 version_2) {
  const auto text = read_report_file(path);
  if (!text) throw ResultFileError(fmt::format("{}: cannot read the file", path));
  try {
    return result_from_json(Json::parse(*text), version_2);
  } catch (const Json::parse_error& error) {
    throw ResultFileError(fmt::format("{}: not JSON: {}", path, error.what()));
  } catch (const ResultFileError& error) {
    throw ResultFileError(fmt::format("{}: {}", path, error.what()));
  }
}

}  // namespace lmlab
