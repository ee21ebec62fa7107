// The in-memory Northbound of the OVN model: each change reaches the chassis after the
// modelled control-plane path NB -> ovn-northd -> SB -> ovn-controller -> flows installed.
#pragma once

#include "models/ovn_southbound_model.hpp"
#include "sim/clock.hpp"
#include "sim/northbound.hpp"
#include "sim/scenario.hpp"

namespace lmlab {

class OvnNorthboundModel : public Northbound {
 public:
  OvnNorthboundModel(Clock& clock, const ControlPlaneSpec& delays, OvnSouthboundModel& southbound)
      : clock_(clock), delays_(delays), southbound_(southbound) {}

  void add_port(const LogicalSwitchPort& port) override;
  void set_port_binding(const std::string& port, const std::vector<std::string>& requested_chassis,
                        const std::optional<std::string>& activation_strategy) override;

 private:
  void propagate(const LogicalSwitchPort& port);

  Clock& clock_;
  const ControlPlaneSpec& delays_;
  OvnSouthboundModel& southbound_;
  std::map<std::string, LogicalSwitchPort> ports_;  // the NB table as the CMS wrote it
};

}  // namespace lmlab
