// The runner's view of a backend's Northbound: passes every transaction on and keeps the
// logical network it builds, so the backend can read back what the strategy laid out and
// the run's events can name the VM behind a port.
#pragma once

#include "sim/core/logical_network.hpp"
#include "sim/core/northbound.hpp"
#include "sim/core/phase_event.hpp"

namespace lmlab {

class NorthboundMirror : public Northbound {
 public:
  NorthboundMirror(Northbound& inner, EventLog& log) : inner_(inner), log_(log) {}

  // Checks the transaction against the network first: a strategy's bad change throws
  // std::logic_error before it reaches the backend.
  void commit(const NorthboundTransaction& transaction) override;
  const LogicalNetwork& network() const { return network_; }

 private:
  Northbound& inner_;
  EventLog& log_;
  LogicalNetwork network_;
};

}  // namespace lmlab
