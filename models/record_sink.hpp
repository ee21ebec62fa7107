// Where the model's applications write their packet records, stamped with simulated time.
#pragma once

#include <ns3/simulator.h>

#include "sim/core/packet_record.hpp"

namespace lmlab {

class RecordSink {
 public:
  void add(RecordKind kind, std::uint32_t flow, std::uint64_t seq = 0, std::uint32_t bytes = 0,
           Time sent_time = Time(0)) {
    records_.push_back({Time(ns3::Simulator::Now().GetNanoSeconds()), kind, flow, seq, bytes,
                        sent_time});
  }
  std::vector<PacketRecord> take() { return std::move(records_); }

 private:
  std::vector<PacketRecord> records_;
};

}  // namespace lmlab
