// Where a scenario is played: the ns-3 model, a real OVN lab, a cluster. A backend gives the
// runner what the engine, the strategy and the analyzer work on; the runner owns the run
// (sim/runner/runner.cpp). To add a backend: implement these two classes in a folder of its own and
// add it to the registry (sim/runner/backend_registry.cpp).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/clock.hpp"
#include "sim/core/hypervisor.hpp"
#include "sim/core/logical_network.hpp"
#include "sim/core/northbound.hpp"
#include "sim/core/packet_record.hpp"
#include "sim/core/phase_event.hpp"
#include "sim/core/scenario.hpp"

namespace lmlab {

// The scenario's probes and TCP streams as a backend runs them (sim/core/workload_plan.hpp
// decides the flows and schedules, the same on every backend).
class Workloads {
 public:
  virtual ~Workloads() = default;
  virtual const std::vector<FlowInfo>& flows() const = 0;
  // The VM's identity as its client sees it now over `family`: the source address of the
  // VM's latest packets and the MAC the client resolved for it. Forgets the seen address, so
  // the next observation reflects only packets that arrive after this one.
  virtual IdentityObservation observe_identity(const std::string& vm, AddressFamily family) = 0;
  // Every packet record so far, in time order.
  virtual std::vector<PacketRecord> take_records() = 0;
};

// One run on a backend, from open() to finish().
//   1. The runner lays out the logical network through northbound().
//   2. start(network): the backend attaches the guests to their ports and starts the
//      workloads; time 0 of the run is now.
//   3. The runner schedules the migrations and checks on clock(); run_until() plays them.
//   4. finish(): the workloads stop; what they recorded stays to be taken.
// Phase events the backend observes itself (bindings becoming active) go to the EventLog
// given to open(). A run that cannot be carried out throws std::runtime_error saying why.
class Session {
 public:
  virtual ~Session() = default;
  virtual Northbound& northbound() = 0;
  virtual void start(const LogicalNetwork& network) = 0;
  // Valid once started.
  virtual Clock& clock() = 0;
  virtual Hypervisor& hypervisor() = 0;
  virtual Workloads& workloads() = 0;
  // Plays the run until `end` (run time).
  virtual void run_until(Time end) = 0;
  virtual void finish() = 0;
  virtual std::string version() const = 0;          // e.g. "ns-3.37", "23.03.1"
  virtual std::uint64_t simulator_events() const { return 0; }
};

class Backend {
 public:
  virtual ~Backend() = default;
  virtual std::string name() const = 0;
  // Why this backend cannot play the scenario faithfully, if it cannot.
  virtual std::optional<std::string> cannot_play(const Scenario& scenario) const = 0;
  virtual std::unique_ptr<Session> open(const Scenario& scenario, std::uint64_t seed,
                                        EventLog& log) const = 0;
};

// Every backend lmlab has, in the order `lmlab list` shows them.
const std::vector<const Backend*>& backends();
// Throws std::invalid_argument naming the backends there are.
const Backend& backend_named(const std::string& name);

}  // namespace lmlab
