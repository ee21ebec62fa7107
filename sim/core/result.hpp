// The result of one run: the contract between `lmlab run` and every report writer.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/core/figures.hpp"
#include "sim/core/packet_record.hpp"
#include "sim/core/phase_event.hpp"
#include "sim/core/scenario.hpp"
#include "sim/core/timeline.hpp"

namespace lmlab {

inline constexpr int kResultSchemaVersion = 4;

struct ExpectationResult {
  std::string expectation;  // "max_downtime", "tcp_survives", "ip_preserved", "mac_preserved"
  std::string subject;      // what was checked, e.g. "vm1 ping client-to-vm"
  std::string expected;     // "<= 100ms", "true"
  std::string measured;     // "23.1ms", "false (RST received)"
  bool passed = false;
};

// Everything that may differ between two runs with the same scenario and seed.
struct RunMetadata {
  std::string lmlab_version;
  std::string backend_version;
  std::string started_at;  // UTC, ISO 8601
  double wall_time_seconds = 0;
  std::uint64_t simulator_events = 0;
  double events_per_second = 0;
};

struct Result {
  Scenario scenario;
  std::string backend;
  std::uint64_t seed = 0;
  std::vector<FlowInfo> flows;
  std::vector<PhaseEvent> events;
  // How each migrated VM looked to its client, per address family, before and after; the
  // identity figures are made from them.
  std::vector<IdentityObservation> identity_observations;
  Figures figures;
  Timeline timeline;
  std::vector<ExpectationResult> expectations;
  bool passed = true;  // every expectation met
  RunMetadata metadata;
};

}  // namespace lmlab
