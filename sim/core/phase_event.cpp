#include "sim/core/phase_event.hpp"

namespace lmlab {

const char* to_string(Phase phase) {
  switch (phase) {
    case Phase::migration_scheduled: return "migration_scheduled";
    case Phase::target_ready: return "target_ready";
    case Phase::memory_transfer_started: return "memory_transfer_started";
    case Phase::precopy_iteration: return "precopy_iteration";
    case Phase::source_paused: return "source_paused";
    case Phase::target_resumed: return "target_resumed";
    case Phase::rarp_sent: return "rarp_sent";
    case Phase::northbound_update: return "northbound_update";
    case Phase::binding_active: return "binding_active";
    case Phase::migration_completed: return "migration_completed";
    case Phase::source_deleted: return "source_deleted";
    case Phase::migration_failed: return "migration_failed";
  }
  return "?";
}

void EventLog::add(PhaseEvent event) {
  if (event.vm.empty() && !event.port.empty()) {
    const auto owner = port_owners_.find(event.port);
    if (owner != port_owners_.end()) event.vm = owner->second;
  }
  events_.push_back(std::move(event));
}

void EventLog::set_port_owner(const std::string& port, const std::string& owner) {
  port_owners_[port] = owner;
}

}  // namespace lmlab
