#include "reports/result_schema_upgrade.hpp"

#include <initializer_list>
#include <utility>

#include "sim/core/result.hpp"

namespace lmlab {

namespace {

using Json = nlohmann::json;

// A document may be malformed: whatever is missing or of the wrong type is left as it is, for
// the reader to refuse by its JSON Pointer.
Json* member(Json* object, const char* key) {
  if (object == nullptr || !object->is_object()) return nullptr;
  const auto found = object->find(key);
  return found == object->end() ? nullptr : &*found;
}

// emplace leaves a key that is already there alone.
void add_default(Json* object, const char* key, const Json& value) {
  if (object != nullptr && object->is_object()) object->emplace(key, value);
}

template <typename Upgrade>
void for_each_item(Json* array, Upgrade upgrade) {
  if (array == nullptr || !array->is_array()) return;
  for (Json& item : *array) upgrade(&item);
}

// {"a": 1, "b": 2} as [1, 2] for keys {"a", "b"}; anything else stays as it is.
void as_array(Json& object, std::initializer_list<const char*> keys) {
  if (!object.is_object()) return;
  Json array = Json::array();
  for (const char* key : keys) {
    const Json* value = member(&object, key);
    if (value == nullptr) return;
    array.push_back(*value);
  }
  object = std::move(array);
}

}  // namespace

nlohmann::json upgrade_from_schema_2(nlohmann::json document) {
  Json* scenario = member(&document, "scenario");
  Json* cluster = member(scenario, "cluster");
  add_default(member(cluster, "network"), "dhcp", nullptr);
  add_default(member(cluster, "network"), "gateway", nullptr);
  add_default(member(cluster, "underlay"), "vlan", nullptr);
  const NorthboundPreload preload;
  add_default(member(cluster, "control_plane"), "preload",
              Json{{"switches", preload.switches}, {"ports_per_switch", preload.ports_per_switch}});
  for_each_item(member(scenario, "clients"),
                [](Json* client) { add_default(client, "external", ClientSpec{}.external); });
  for_each_item(member(scenario, "vms"),
                [](Json* vm) { add_default(vm, "addressing", to_string(VmSpec{}.addressing)); });
  for_each_item(member(scenario, "workloads"), [](Json* workload) {
    const Json* kind = member(workload, "kind");
    const bool tcp = kind != nullptr && *kind == "tcp";
    add_default(workload, "family", to_string(tcp ? TcpWorkload{}.family : ProbeWorkload{}.family));
  });
  for_each_item(member(&document, "flows"),
                [](Json* flow) { add_default(flow, "family", to_string(FlowInfo{}.family)); });
  for_each_item(member(&document, "events"),
                [](Json* event) { add_default(event, "port", PhaseEvent{}.port); });
  // Schema 2 did not count loss outside the migration: none recorded, as before.
  for_each_item(member(member(&document, "figures"), "probes"), [](Json* probe) {
    add_default(probe, "sent_outside_migration", 0u);  // a count: unsigned, as parsed
    add_default(probe, "lost_outside_migration", 0u);
  });
  add_default(&document, "identity_observations", Json::array());
  document["schema_version"] = 3;
  return document;
}

nlohmann::json upgrade_from_schema_3(nlohmann::json document) {
  const auto gaps = [](Json* list) {
    for_each_item(list, [](Json* gap) { as_array(*gap, {"start_ms", "end_ms"}); });
  };
  Json* figures = member(&document, "figures");
  for_each_item(member(figures, "probes"), [&](Json* probe) { gaps(member(probe, "gaps")); });
  for_each_item(member(figures, "tcp_streams"), [&](Json* tcp) { gaps(member(tcp, "stalls")); });
  Json* timeline = member(&document, "timeline");
  if (Json* version = member(timeline, "version"); version != nullptr && *version == 1)
    *version = 2;
  for_each_item(member(timeline, "flows"), [](Json* flow) {
    for_each_item(member(flow, "delivery_runs"), [](Json* run) {
      as_array(*run, {"start_ms", "end_ms", "deliveries"});
    });
    for (const char* curve : {"written", "delivered"})
      for_each_item(member(flow, curve), [](Json* point) { as_array(*point, {"t_ms", "bytes"}); });
  });
  // Version 3 ended the breakdown at the first delivery: the closest boundary it has.
  for_each_item(member(figures, "breakdowns"), [](Json* breakdown) {
    if (const Json* delivered = member(breakdown, "first_delivery_at_ms"))
      add_default(breakdown, "through_again_at_ms", *delivered);
  });
  document["schema_version"] = 4;
  return document;
}

}  // namespace lmlab
