// A flow's send and delivery records reduced to what loss, gaps, ordering and timelines
// need. Shared by the analyzer and the timeline summary, so both see the same deliveries.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "sim/core/packet_record.hpp"
#include "sim/core/units.hpp"

namespace lmlab {

using Records = std::vector<const PacketRecord*>;

// The records of each flow, indexed by FlowInfo::id, in time order.
std::vector<Records> split_by_flow(const RunOutput& output);

// A "seq" is a probe number or a TCP chunk number.
struct DeliveryLog {
  std::unordered_set<std::uint64_t> sent;
  std::optional<Time> first_sent;
  std::optional<Time> last_sent;
  std::unordered_map<std::uint64_t, Time> first_delivery;
  std::vector<Time> delivery_times;  // first delivery of each seq, sorted
  std::uint64_t duplicates = 0;
  std::uint64_t reordered = 0;
};

DeliveryLog read_deliveries(const Records& records, RecordKind sent_kind,
                            RecordKind delivered_kind);

}  // namespace lmlab
