#include "sim/analysis/delivery_log.hpp"

#include <algorithm>

namespace lmlab {

std::vector<Records> split_by_flow(const RunOutput& output) {
  std::vector<Records> by_flow(output.flows.size());
  for (const PacketRecord& record : output.records) {
    if (record.flow < by_flow.size()) by_flow[record.flow].push_back(&record);
  }
  return by_flow;
}

DeliveryLog read_deliveries(const Records& records, RecordKind sent_kind,
                            RecordKind delivered_kind) {
  DeliveryLog log;
  std::optional<std::uint64_t> highest_delivered;
  for (const PacketRecord* record : records) {
    if (record->kind == sent_kind) {
      log.sent.insert(record->seq);
      if (!log.first_sent) log.first_sent = record->time;
      log.last_sent = record->time;
    } else if (record->kind == delivered_kind) {
      if (!log.first_delivery.emplace(record->seq, record->time).second) {
        ++log.duplicates;
        continue;
      }
      if (highest_delivered && record->seq < *highest_delivered) ++log.reordered;
      highest_delivered = std::max(highest_delivered.value_or(0), record->seq);
      log.delivery_times.push_back(record->time);
    }
  }
  std::sort(log.delivery_times.begin(), log.delivery_times.end());
  return log;
}

}  // namespace lmlab
