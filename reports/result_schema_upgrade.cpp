#include "reports/result_schema_upgrade.hpp"

#include "sim/core/result.hpp"

namespace lmlab {

nlohmann::json upgrade_from_schema_2(nlohmann::json document) {
  using Json = nlohmann::json;
  // emplace leaves a key that is already there alone.
  Json& scenario = document.at("scenario");
  Json& cluster = scenario.at("cluster");
  cluster.at("network").emplace("dhcp", nullptr);
  cluster.at("network").emplace("gateway", nullptr);
  cluster.at("underlay").emplace("vlan", nullptr);
  const NorthboundPreload preload;
  cluster.at("control_plane")
      .emplace("preload", Json{{"switches", preload.switches},
                               {"ports_per_switch", preload.ports_per_switch}});
  for (Json& client : scenario.at("clients")) client.emplace("external", ClientSpec{}.external);
  for (Json& vm : scenario.at("vms")) vm.emplace("addressing", to_string(VmSpec{}.addressing));
  for (Json& workload : scenario.at("workloads"))
    workload.emplace("family", to_string(workload.at("kind") == "tcp" ? TcpWorkload{}.family
                                                                      : ProbeWorkload{}.family));
  for (Json& flow : document.at("flows")) flow.emplace("family", to_string(FlowInfo{}.family));
  for (Json& event : document.at("events")) event.emplace("port", PhaseEvent{}.port);
  // Schema 2 did not count loss outside the migration: none recorded, as before.
  for (Json& probe : document.at("figures").at("probes")) {
    probe.emplace("sent_outside_migration", 0);
    probe.emplace("lost_outside_migration", 0);
  }
  document.emplace("identity_observations", Json::array());
  document["schema_version"] = 3;
  return document;
}

}  // namespace lmlab
