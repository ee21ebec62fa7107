// A scenario's lab, ready to play: chassis for its nodes, the logical switch with a port per
// client and VM (through the same Northbound the strategies use), the guests, every port
// bound. Whatever happens, the lab is removed when this object goes, and by its guardian if
// this process dies first, unless it is handed over to the user with keep().
#pragma once

#include <memory>
#include <optional>

#include "real-backend/lab_guardian.hpp"
#include "real-backend/lab_guests.hpp"
#include "real-backend/nbctl_daemon.hpp"
#include "real-backend/ovn_lab.hpp"
#include "real-backend/ovn_northbound.hpp"
#include "sim/scenario.hpp"

namespace lmlab::real {

// Kube-OVN's default subnet is the logical switch "ovn-default".
inline constexpr const char* kLogicalSwitch = "ovn-default";

class ScenarioLab {
 public:
  // Call while this process has one thread (the guardian is forked here).
  explicit ScenarioLab(const Scenario& scenario);

  OvnLab& lab() { return *lab_; }
  OvnNorthbound& northbound() { return *northbound_; }
  LabGuests& guests() { return *guests_; }

  // Leaves the lab running for the user (`lmlab lab up`).
  void keep();

 private:
  void check_data_plane(const Scenario& scenario);

  // Declared first, so it goes last: after the lab's own teardown it finds nothing to do.
  std::optional<LabGuardian> guardian_;
  std::unique_ptr<OvnLab> lab_;
  std::unique_ptr<NbctlDaemon> nbctl_;
  std::unique_ptr<OvnNorthbound> northbound_;
  std::unique_ptr<LabGuests> guests_;
};

}  // namespace lmlab::real
