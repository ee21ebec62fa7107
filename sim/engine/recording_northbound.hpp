// Puts every Northbound change a strategy makes for a VM's migration on the run's timeline,
// then passes it on.
#pragma once

#include "sim/core/clock.hpp"
#include "sim/core/northbound.hpp"
#include "sim/core/phase_event.hpp"

namespace lmlab {

class RecordingNorthbound : public Northbound {
 public:
  RecordingNorthbound(Northbound& inner, const Clock& clock, EventLog& log, std::string vm)
      : inner_(inner), clock_(clock), log_(log), vm_(std::move(vm)) {}

  void commit(const NorthboundTransaction& transaction) override;

 private:
  Northbound& inner_;
  const Clock& clock_;
  EventLog& log_;
  std::string vm_;
};

}  // namespace lmlab
