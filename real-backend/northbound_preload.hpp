// The control-plane load knob: fills the NB with extra logical switches and addressed ports
// before a scenario starts, so users can see what a migration costs when northd and the
// ovn-controllers have a real cluster's work to do (an empty lab database converges in ~5 ms,
// reference/ovn-lab README).
#pragma once

#include "real-backend/nbctl_daemon.hpp"
#include "sim/core/scenario.hpp"

namespace lmlab::real {

// One NB transaction per switch; returns once the SB has caught up.
void preload_northbound(NbctlDaemon& nbctl, const NorthboundPreload& preload);

}  // namespace lmlab::real
