// Timestamped events of a run: KubeVirt migration phases (from the engine), Northbound
// updates (from the strategies) and data-plane milestones (from the backend). The analyzer
// attributes downtime to them; reports draw them as a timeline.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "sim/core/units.hpp"

namespace lmlab {

enum class Phase {
  migration_scheduled,  // target pod created (KubeVirt MigrationScheduling)
  target_ready,         // kubevirt.io/migration-target-ready-timestamp set
  memory_transfer_started,
  precopy_iteration,    // one pre-copy pass finished; detail names bytes sent
  source_paused,        // stop-and-copy begins: the VM runs nowhere
  target_resumed,       // the VM runs on the target node
  rarp_sent,            // QEMU self-announce round; detail "round N"
  northbound_update,    // a strategy changed the NB; detail says what
  binding_active,       // the port forwards on a chassis (claimed, or unblocked by RARP)
  migration_completed,  // KubeVirt reports success to the CNI
  source_deleted,       // source pod removed
  migration_failed,
};

struct PhaseEvent {
  Time time;
  std::string vm;
  Phase phase;
  std::string node;    // chassis the event happened on, empty when it has none
  std::string detail;  // human-readable specifics
  std::string port = "";  // the logical switch port it concerns, empty when none
};

const char* to_string(Phase phase);

// Where engine, strategies and backend append events; kept in the order they happened.
// A backend that only knows a port (the Southbound does) leaves the VM empty; the log names
// it from the port's owner, as the strategy's Northbound recorded it.
class EventLog {
 public:
  void add(PhaseEvent event);
  void set_port_owner(const std::string& port, const std::string& owner);
  const std::vector<PhaseEvent>& events() const { return events_; }

 private:
  std::vector<PhaseEvent> events_;
  std::map<std::string, std::string> port_owners_;
};

}  // namespace lmlab
