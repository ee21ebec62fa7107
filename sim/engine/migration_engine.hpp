// KubeVirt's live migration as a state machine on a Clock: scheduled -> target ready ->
// pre-copy passes -> source paused -> target resumed + QEMU announce -> completed -> source
// deleted (or failed -> rolled back). Each transition is a phase event; the strategy reacts
// through Northbound and the backend carries out the Hypervisor calls.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "sim/core/clock.hpp"
#include "sim/core/hypervisor.hpp"
#include "sim/core/northbound.hpp"
#include "sim/core/phase_event.hpp"
#include "sim/core/scenario.hpp"
#include "sim/engine/strategy.hpp"

namespace lmlab {

class MigrationEngine {
 public:
  // `strategy` has laid out the network `northbound` holds.
  MigrationEngine(const Scenario& scenario, Clock& clock, Northbound& northbound,
                  Hypervisor& hypervisor, Strategy& strategy, EventLog& log);

  // Schedules every migration of the scenario at its start time.
  void schedule_migrations();

 private:
  struct Running;  // one migration in flight

  void start(const MigrationSpec& spec);
  void on_target_ready(std::shared_ptr<Running> migration);
  void run_pass(std::shared_ptr<Running> migration, std::size_t pass);
  void pause_source(std::shared_ptr<Running> migration);
  void resume_target(std::shared_ptr<Running> migration);
  void complete(std::shared_ptr<Running> migration);
  void fail(std::shared_ptr<Running> migration, const std::string& reason);
  void record(const std::string& vm, Phase phase, const std::string& node,
              const std::string& port, const std::string& detail = "");

  const Scenario& scenario_;
  Clock& clock_;
  Northbound& northbound_;
  Hypervisor& hypervisor_;
  EventLog& log_;
  Strategy& strategy_;
  std::map<std::string, std::string> vm_node_;  // where each VM runs now
  std::map<std::string, bool> vm_migrating_;
};

}  // namespace lmlab
