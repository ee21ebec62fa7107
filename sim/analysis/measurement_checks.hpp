// Whether a run measured what its figures claim. Every run gets these verdicts, whatever its
// scenario expects, so a figure that cannot be trusted never passes as one that can:
// - probes_measured: each probe direction sent and received something;
// - loss_outside_migration: at most kMaxLossOutsideMigration of the probes sent outside the
//   migrations are lost (a sound network loses none; more means the backend drops probes);
// - downtime_covers_pause: a migrated VM's downtime is at least its pause, less one probe
//   interval (the network cannot deliver to a paused VM);
// - migration_completed: every migration completed before the run ended (else its figures
//   describe a migration that did not happen, and the verdict says what became of it);
// - tcp_recovered: a stream of a migrated VM survived, recovered throughput included.
#pragma once

#include <vector>

#include "sim/core/figures.hpp"
#include "sim/core/phase_event.hpp"
#include "sim/core/result.hpp"
#include "sim/core/scenario.hpp"

namespace lmlab {

inline constexpr double kMaxLossOutsideMigration = 0.01;

std::vector<ExpectationResult> check_measurement(const Scenario& scenario, const Figures& figures,
                                                 const std::vector<PhaseEvent>& events);

}  // namespace lmlab
