#include "reports/result_json.hpp"

#include <cmath>
#include <optional>
#include <vector>

namespace lmlab {
namespace {

using Json = nlohmann::ordered_json;

// Milliseconds rounded to the microsecond, whole ones without a fraction ("100", not
// "100.0"), so the text stays short and stable.
Json milliseconds(Time time) {
  const long long microseconds = std::llround(static_cast<double>(time.count()) / 1e3);
  if (microseconds % 1000 == 0) return Json(microseconds / 1000);
  return Json(static_cast<double>(microseconds) / 1e3);
}

Json milliseconds(const std::optional<Time>& time) {
  return time ? Json(milliseconds(*time)) : Json(nullptr);
}

template <typename T, typename ToJson>
Json array_of(const std::vector<T>& items, ToJson to_json) {
  Json array = Json::array();
  for (const T& item : items) array.push_back(to_json(item));
  return array;
}

// ---- The scenario, echoed in the units and key names of scenario files -----------------

// An optional field the scenario leaves out is null: every key is always there.
template <typename T, typename ToJson>
Json or_null(const std::optional<T>& value, ToJson to_json) {
  return value ? Json(to_json(*value)) : Json(nullptr);
}

template <typename T>
Json or_null(const std::optional<T>& value) {
  return or_null(value, [](const T& present) { return present; });
}

Json dhcp_json(const DhcpSpec& dhcp) {
  return Json{{"lease_time", format_duration(dhcp.lease_time)},
              {"server_id", dhcp.server_id},
              {"server_mac", dhcp.server_mac},
              {"router", or_null(dhcp.router)}};
}

Json cluster_json(const ClusterSpec& cluster) {
  const ControlPlaneSpec& control_plane = cluster.control_plane;
  return Json{
      {"nodes", cluster.nodes},
      {"network",
       {{"subnet", cluster.network.subnet},
        {"subnet_v6", or_null(cluster.network.subnet_v6)},
        {"mtu", cluster.network.mtu},
        {"dhcp", or_null(cluster.network.dhcp, dhcp_json)},
        {"gateway", or_null(cluster.network.gateway)}}},
      {"strategy", to_string(cluster.strategy)},
      {"underlay",
       {{"rate", format_bit_rate(cluster.underlay.rate_bps)},
        {"latency", format_duration(cluster.underlay.latency)},
        {"tunnel_overhead", cluster.underlay.tunnel_overhead_bytes},
        {"vlan", or_null(cluster.underlay.vlan)}}},
      {"control_plane",
       {{"northd", format_duration(control_plane.northd)},
        {"southbound", format_duration(control_plane.southbound)},
        {"ovn_controller", format_duration(control_plane.ovn_controller)},
        {"activation", format_duration(control_plane.activation)},
        {"preload",
         {{"switches", control_plane.preload.switches},
          {"ports_per_switch", control_plane.preload.ports_per_switch}}}}},
      {"kubevirt",
       {{"target_pod_startup", format_duration(cluster.kubevirt.target_pod_startup)},
        {"completion_report", format_duration(cluster.kubevirt.completion_report)},
        {"source_cleanup", format_duration(cluster.kubevirt.source_cleanup)},
        {"switchover_overhead", format_duration(cluster.kubevirt.switchover_overhead)}}},
  };
}

Json client_json(const ClientSpec& client) {
  return Json{{"name", client.name},
              {"node", client.node},
              {"mac", client.mac},
              {"ips", client.ips},
              {"external", client.external}};
}

Json vm_json(const VmSpec& vm) {
  return Json{{"name", vm.name},
              {"node", vm.node},
              {"mac", vm.mac},
              {"ips", vm.ips},
              {"memory", format_byte_size(vm.memory_bytes)},
              {"dirty_rate", format_byte_rate(vm.dirty_rate_bytes_per_second)},
              {"addressing", to_string(vm.addressing)}};
}

Json probe_workload_json(const ProbeWorkload& probe) {
  return Json{{"kind", "probe"},
              {"name", probe.name},
              {"vm", probe.vm},
              {"client", probe.client},
              {"protocol", to_string(probe.protocol)},
              {"family", to_string(probe.family)},
              {"interval", format_duration(probe.interval)},
              {"size", probe.size_bytes}};
}

Json tcp_workload_json(const TcpWorkload& tcp) {
  return Json{{"kind", "tcp"},
              {"name", tcp.name},
              {"vm", tcp.vm},
              {"client", tcp.client},
              {"direction", to_string(tcp.direction)},
              {"family", to_string(tcp.family)},
              {"rate", format_bit_rate(tcp.rate_bps)}};
}

// Scenario files list workloads in one sequence told apart by "kind".
Json workloads_json(const WorkloadsSpec& workloads) {
  Json list = array_of(workloads.probes, probe_workload_json);
  for (const TcpWorkload& tcp : workloads.tcp_streams) list.push_back(tcp_workload_json(tcp));
  return list;
}

Json migration_json(const MigrationSpec& migration) {
  return Json{{"vm", migration.vm},
              {"to", migration.target_node},
              {"at", format_duration(migration.start)},
              {"bandwidth", format_bit_rate(migration.bandwidth_bps)}};
}

Json expectations_spec_json(const Expectations& expectations) {
  return Json{{"max_downtime", or_null(expectations.max_downtime, format_duration)},
              {"tcp_survives", or_null(expectations.tcp_survives)},
              {"ip_preserved", or_null(expectations.ip_preserved)},
              {"mac_preserved", or_null(expectations.mac_preserved)}};
}

Json scenario_json(const Scenario& scenario) {
  return Json{{"name", scenario.name},
              {"description", scenario.description},
              {"seed", scenario.seed},
              {"duration", format_duration(scenario.duration)},
              {"cluster", cluster_json(scenario.cluster)},
              {"clients", array_of(scenario.clients, client_json)},
              {"vms", array_of(scenario.vms, vm_json)},
              {"workloads", workloads_json(scenario.workloads)},
              {"migrations", array_of(scenario.migrations, migration_json)},
              {"expectations", expectations_spec_json(scenario.expectations)}};
}

// ---- Verdicts and figures --------------------------------------------------------------

Json expectation_json(const ExpectationResult& result) {
  return Json{{"expectation", result.expectation},
              {"subject", result.subject},
              {"expected", result.expected},
              {"measured", result.measured},
              {"passed", result.passed}};
}

// Lists that grow with the run (gaps, delivery runs, curve points) hold arrays of numbers in a
// fixed order, not objects repeating their keys: a lossy run has many of them.
Json gap_json(const Gap& gap) {
  return Json::array({milliseconds(gap.start), milliseconds(gap.end)});
}

Json probe_json(const ProbeFigures& probe) {
  return Json{{"workload", probe.workload},
              {"vm", probe.vm},
              {"direction", to_string(probe.direction)},
              {"protocol", to_string(probe.protocol)},
              {"interval_ms", milliseconds(probe.interval)},
              {"sent", probe.sent},
              {"received", probe.received},
              {"lost", probe.lost},
              {"sent_outside_migration", probe.sent_outside_migration},
              {"lost_outside_migration", probe.lost_outside_migration},
              {"duplicates", probe.duplicates},
              {"reordered", probe.reordered},
              {"downtime_ms", milliseconds(probe.downtime)},
              {"gap_start_ms", milliseconds(probe.gap_start)},
              {"gap_end_ms", milliseconds(probe.gap_end)},
              {"recovered", probe.recovered},
              {"gaps", array_of(probe.gaps, gap_json)}};
}

Json tcp_json(const TcpFigures& tcp) {
  return Json{{"workload", tcp.workload},
              {"vm", tcp.vm},
              {"direction", to_string(tcp.direction)},
              {"survived", tcp.survived},
              {"failure", tcp.failure},
              {"stall_ms", milliseconds(tcp.stall)},
              {"stall_start_ms", milliseconds(tcp.stall_start)},
              {"stall_end_ms", milliseconds(tcp.stall_end)},
              {"segments_sent", tcp.segments_sent},
              {"retransmissions", tcp.retransmissions},
              {"bytes_delivered", tcp.bytes_delivered},
              {"throughput_before_bps", tcp.throughput_before_bps},
              {"throughput_during_bps", tcp.throughput_during_bps},
              {"throughput_after_bps", tcp.throughput_after_bps},
              {"stalls", array_of(tcp.stalls, gap_json)},
              {"retransmission_times_ms",
               array_of(tcp.retransmission_times, [](Time time) { return milliseconds(time); })}};
}

Json breakdown_json(const DowntimeBreakdown& breakdown) {
  return Json{{"vm", breakdown.vm},
              {"target_node", breakdown.target_node},
              {"paused_at_ms", milliseconds(breakdown.paused_at)},
              {"resumed_at_ms", milliseconds(breakdown.resumed_at)},
              {"first_rarp_at_ms", milliseconds(breakdown.first_rarp_at)},
              {"binding_active_at_ms", milliseconds(breakdown.binding_active_at)},
              {"first_delivery_at_ms", milliseconds(breakdown.first_delivery_at)},
              {"through_again_at_ms", milliseconds(breakdown.through_again_at)},
              {"vm_paused_ms", milliseconds(breakdown.vm_paused)},
              {"announce_ms", milliseconds(breakdown.announce)},
              {"network_converging_ms", milliseconds(breakdown.network_converging)},
              {"first_packet_ms", milliseconds(breakdown.first_packet)}};
}

Json identity_json(const IdentityFigures& identity) {
  return Json{{"vm", identity.vm},
              {"ip_before", identity.ip_before},
              {"ip_after", identity.ip_after},
              {"mac_before", identity.mac_before},
              {"mac_after", identity.mac_after},
              {"ip_preserved", identity.ip_preserved},
              {"mac_preserved", identity.mac_preserved}};
}

Json figures_json(const Figures& figures) {
  return Json{{"probes", array_of(figures.probes, probe_json)},
              {"tcp_streams", array_of(figures.tcp_streams, tcp_json)},
              {"breakdowns", array_of(figures.breakdowns, breakdown_json)},
              {"identities", array_of(figures.identities, identity_json)}};
}

Json flow_json(const FlowInfo& flow) {
  return Json{{"id", flow.id},
              {"workload", flow.workload},
              {"vm", flow.vm},
              {"direction", to_string(flow.direction)},
              {"kind", to_string(flow.kind)},
              {"interval_ms", milliseconds(flow.interval)},
              {"family", to_string(flow.family)}};
}

Json event_json(const PhaseEvent& event) {
  return Json{{"time_ms", milliseconds(event.time)},
              {"vm", event.vm},
              {"phase", to_string(event.phase)},
              {"node", event.node},
              {"detail", event.detail},
              {"port", event.port}};
}

Json identity_observation_json(const IdentityObservation& observation) {
  return Json{{"time_ms", milliseconds(observation.time)},
              {"vm", observation.vm},
              {"ip", observation.ip},
              {"mac", observation.mac},
              {"family", to_string(observation.family)}};
}

// ---- Timeline: delivery runs and progress curves, for drawing ---------------------------

Json delivery_run_json(const DeliveryRun& run) {
  return Json::array({milliseconds(run.start), milliseconds(run.end), run.deliveries});
}

Json progress_point_json(const ProgressPoint& point) {
  return Json::array({milliseconds(point.time), point.bytes});
}

// Probe flows carry delivery runs, TCP streams progress curves; each only its own keys.
Json flow_timeline_json(const FlowTimeline& flow) {
  Json json{{"flow", flow.flow}};
  if (!flow.delivery_runs.empty()) {
    json["delivery_runs"] = array_of(flow.delivery_runs, delivery_run_json);
  }
  if (!flow.written.empty() || !flow.delivered.empty()) {
    json["written"] = array_of(flow.written, progress_point_json);
    json["delivered"] = array_of(flow.delivered, progress_point_json);
  }
  return json;
}

Json timeline_json(const Timeline& timeline) {
  return Json{{"version", kTimelineVersion},
              {"flows", array_of(timeline.flows, flow_timeline_json)}};
}

// Everything that may differ between identical runs, plus where the scenario came from.
Json metadata_json(const Result& result) {
  const RunMetadata& metadata = result.metadata;
  return Json{{"lmlab_version", metadata.lmlab_version},
              {"backend_version", metadata.backend_version},
              {"started_at", metadata.started_at},
              {"wall_time_seconds", metadata.wall_time_seconds},
              {"simulator_events", metadata.simulator_events},
              {"events_per_second", metadata.events_per_second},
              {"scenario_file", result.scenario.source_file}};
}

}  // namespace

nlohmann::ordered_json result_to_json(const Result& result) {
  return Json{{"schema_version", kResultSchemaVersion},
              {"scenario", scenario_json(result.scenario)},
              {"backend", result.backend},
              {"seed", result.seed},
              {"passed", result.passed},
              {"expectations", array_of(result.expectations, expectation_json)},
              {"figures", figures_json(result.figures)},
              {"flows", array_of(result.flows, flow_json)},
              {"events", array_of(result.events, event_json)},
              {"identity_observations",
               array_of(result.identity_observations, identity_observation_json)},
              {"timeline", timeline_json(result.timeline)},
              {"metadata", metadata_json(result)}};
}

// One line per top-level key: no indentation to pay for in a run of many VMs, yet a diff of
// two results still shows which part differs.
std::string render_result_json(const Result& result) {
  const Json document = result_to_json(result);
  std::string text = "{";
  for (const auto& [key, value] : document.items())
    text += (text.size() > 1 ? ",\n" : "\n") + Json(key).dump() + ":" + value.dump();
  return text + "\n}\n";
}

}  // namespace lmlab
