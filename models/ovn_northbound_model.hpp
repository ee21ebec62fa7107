// The in-memory Northbound of the OVN model: each transaction reaches the chassis after the
// modelled control-plane path NB -> ovn-northd -> SB -> ovn-controller -> flows installed.
#pragma once

#include "models/ovn_southbound_model.hpp"
#include "sim/core/clock.hpp"
#include "sim/core/logical_network.hpp"
#include "sim/core/northbound.hpp"
#include "sim/core/scenario.hpp"

namespace lmlab {

class OvnNorthboundModel : public Northbound {
 public:
  OvnNorthboundModel(Clock& clock, const ControlPlaneSpec& delays, OvnSouthboundModel& southbound)
      : clock_(clock), delays_(delays), southbound_(southbound) {}

  void commit(const NorthboundTransaction& transaction) override;

 private:
  Clock& clock_;
  const ControlPlaneSpec& delays_;
  OvnSouthboundModel& southbound_;
  LogicalNetwork network_;  // the NB as the CMS wrote it
};

}  // namespace lmlab
