#include "real-backend/scenario_lab.hpp"

#include "sim/logical_ports.hpp"

namespace lmlab::real {

ScenarioLab::ScenarioLab(const Scenario& scenario)
    : lab_(std::make_unique<OvnLab>(LabSpec{scenario.name, scenario.cluster.nodes})) {
  guardian_.emplace(lab_->directory());
  lab_->start();
  nbctl_ = std::make_unique<NbctlDaemon>(*lab_);
  northbound_ = std::make_unique<OvnNorthbound>(*nbctl_, kLogicalSwitch);
  create_logical_ports(scenario, *northbound_);
  guests_ = std::make_unique<LabGuests>(*lab_, scenario);
  northbound_->wait_for_chassis();
}

void ScenarioLab::keep() {
  lab_->release();
  guardian_->stand_down();
}

}  // namespace lmlab::real
