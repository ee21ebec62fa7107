// Where the real workloads put their packet records as they happen (one thread: the
// io_context's), and where the run takes them from in time order.
#pragma once

#include <algorithm>
#include <utility>
#include <vector>

#include "sim/core/packet_record.hpp"

namespace lmlab::real {

class RecordLog {
 public:
  void add(const PacketRecord& record) { records_.push_back(record); }

  // Records come from several clocks' callbacks (send loop, captures), so they are sorted
  // once here; records at the same time keep the order they were added in.
  std::vector<PacketRecord> take_sorted() {
    std::stable_sort(records_.begin(), records_.end(),
                     [](const PacketRecord& a, const PacketRecord& b) { return a.time < b.time; });
    return std::exchange(records_, {});
  }

 private:
  std::vector<PacketRecord> records_;
};

}  // namespace lmlab::real
