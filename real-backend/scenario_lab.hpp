// A scenario's lab: chassis for its nodes and a Northbound on its NB database; once the
// strategy has laid out the logical network there, populate() plugs the guests into their
// ports and gets them ready to play. Whatever happens, the lab is removed when this object
// goes, and by its guardian if this process dies first, unless it is handed over to the user
// with keep().
#pragma once

#include <memory>

#include "real-backend/lab_guests.hpp"
#include "real-backend/nbctl_daemon.hpp"
#include "real-backend/ovn_lab.hpp"
#include "real-backend/ovn_northbound.hpp"
#include "sim/core/logical_network.hpp"
#include "sim/core/scenario.hpp"

namespace lmlab::real {

class ScenarioLab {
 public:
  // Call while this process has one thread (the lab forks its guardian here).
  explicit ScenarioLab(const Scenario& scenario);

  OvnLab& lab() { return *lab_; }
  OvnNorthbound& northbound() { return *northbound_; }
  // Valid once populated.
  LabGuests& guests() { return *guests_; }

  // The guests on the ports `network` has for them, every chassis caught up with the NB, the
  // guests' DHCP leases and gateway in place, and every client reaching every VM.
  void populate(const LogicalNetwork& network);
  // Leaves the lab running for the user (`lmlab lab up`).
  void keep();

 private:
  void check_data_plane();

  const Scenario& scenario_;
  std::unique_ptr<OvnLab> lab_;
  std::unique_ptr<NbctlDaemon> nbctl_;
  std::unique_ptr<OvnNorthbound> northbound_;
  std::unique_ptr<LabGuests> guests_;
};

}  // namespace lmlab::real
