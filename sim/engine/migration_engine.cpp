#include "sim/engine/migration_engine.hpp"

#include <fmt/core.h>

#include "sim/engine/precopy.hpp"
#include "sim/engine/qemu_announce.hpp"
#include "sim/engine/recording_northbound.hpp"

namespace lmlab {

struct MigrationEngine::Running {
  MigrationContext context;
  PrecopyPlan plan;
  RecordingNorthbound northbound;
};

namespace {
double mebibytes(std::uint64_t bytes) { return static_cast<double>(bytes) / (1 << 20); }

std::string describe_pass(std::size_t pass, const PrecopyPass& step) {
  return fmt::format("pass {}: {:.1f} MiB in {:.1f} ms (downtime limit {:.0f} ms)", pass + 1,
                     mebibytes(step.bytes), to_milliseconds(step.duration),
                     to_milliseconds(step.downtime_limit));
}
}  // namespace

MigrationEngine::MigrationEngine(const Scenario& scenario, Clock& clock, Northbound& northbound,
                                 Hypervisor& hypervisor, Strategy& strategy, EventLog& log)
    : scenario_(scenario),
      clock_(clock),
      northbound_(northbound),
      hypervisor_(hypervisor),
      log_(log),
      strategy_(strategy) {
  for (const auto& vm : scenario.vms) vm_node_[vm.name] = vm.node;
}

void MigrationEngine::schedule_migrations() {
  for (const auto& spec : scenario_.migrations)
    clock_.schedule_at(spec.start, [this, &spec] { start(spec); });
}

void MigrationEngine::record(const std::string& vm, Phase phase, const std::string& node,
                             const std::string& port, const std::string& detail) {
  log_.add({clock_.now(), vm, phase, node, detail, port});
}

void MigrationEngine::start(const MigrationSpec& spec) {
  const VmSpec& vm = find_vm(scenario_, spec.vm);
  const std::string& source_node = vm_node_[vm.name];
  auto migration = std::make_shared<Running>(Running{
      {vm.name, source_node, spec.target_node, strategy_.port_name(vm.name, source_node),
       strategy_.port_name(vm.name, spec.target_node)},
      plan_precopy(vm.memory_bytes, vm.dirty_rate_bytes_per_second, spec.bandwidth_bps),
      RecordingNorthbound(northbound_, clock_, log_, vm.name)});
  if (vm_migrating_[vm.name]) {
    // KubeVirt refuses a second migration of a VM while one is in progress.
    record(vm.name, Phase::migration_failed, spec.target_node, migration->context.target_port,
           "another migration is running");
    return;
  }
  const auto& context = migration->context;
  vm_migrating_[vm.name] = true;
  record(vm.name, Phase::migration_scheduled, spec.target_node, context.target_port,
         "from " + context.source_node + " to " + spec.target_node);
  hypervisor_.prepare_target(vm.name, spec.target_node, context.target_port);
  strategy_.on_migration_scheduled(context, migration->northbound);
  clock_.schedule_in(scenario_.cluster.kubevirt.target_pod_startup,
                     [this, migration] { on_target_ready(migration); });
}

void MigrationEngine::on_target_ready(std::shared_ptr<Running> migration) {
  const auto& context = migration->context;
  record(context.vm, Phase::target_ready, context.target_node, context.target_port);
  strategy_.on_target_ready(context, migration->northbound);
  record(context.vm, Phase::memory_transfer_started, context.source_node, context.source_port);
  run_pass(migration, 0);
}

void MigrationEngine::run_pass(std::shared_ptr<Running> migration, std::size_t pass) {
  const auto& passes = migration->plan.passes;
  clock_.schedule_in(passes[pass].duration, [this, migration, pass] {
    const auto& plan = migration->plan;
    const auto& context = migration->context;
    record(context.vm, Phase::precopy_iteration, context.source_node, context.source_port,
           describe_pass(pass, plan.passes[pass]));
    if (pass + 1 < plan.passes.size()) return run_pass(migration, pass + 1);
    if (plan.converged) return pause_source(migration);
    fail(migration, "pre-copy did not converge: the dirty rate outruns the bandwidth");
  });
}

void MigrationEngine::pause_source(std::shared_ptr<Running> migration) {
  const auto& context = migration->context;
  const Time switchover = scenario_.cluster.kubevirt.switchover_overhead;
  // Recorded once the hypervisor has done it: on a real host that takes a moment, and the
  // breakdown's boundaries are the moments the data plane changed.
  hypervisor_.pause(context.vm);
  record(context.vm, Phase::source_paused, context.source_node, context.source_port,
         fmt::format("stop-and-copy of {:.1f} MiB ({:.1f} ms) + {:.1f} ms device state",
                     mebibytes(migration->plan.stop_copy_bytes),
                     to_milliseconds(migration->plan.stop_copy_duration),
                     to_milliseconds(switchover)));
  const Time pause = migration->plan.stop_copy_duration + switchover;
  clock_.schedule_in(pause, [this, migration] { resume_target(migration); });
}

void MigrationEngine::resume_target(std::shared_ptr<Running> migration) {
  const auto& context = migration->context;
  vm_node_[context.vm] = context.target_node;
  hypervisor_.resume(context.vm, context.target_node);
  record(context.vm, Phase::target_resumed, context.target_node, context.target_port);
  const auto offsets = qemu_announce_offsets();
  for (std::size_t round = 0; round < offsets.size(); ++round) {
    clock_.schedule_in(offsets[round], [this, context, round] {
      record(context.vm, Phase::rarp_sent, vm_node_[context.vm], context.target_port,
             "round " + std::to_string(round + 1));
      hypervisor_.announce(context.vm);
    });
  }
  clock_.schedule_in(scenario_.cluster.kubevirt.completion_report,
                     [this, migration] { complete(migration); });
}

void MigrationEngine::complete(std::shared_ptr<Running> migration) {
  const auto& context = migration->context;
  record(context.vm, Phase::migration_completed, context.target_node, context.target_port);
  vm_migrating_[context.vm] = false;
  strategy_.on_migration_succeeded(context, migration->northbound);
  clock_.schedule_in(scenario_.cluster.kubevirt.source_cleanup, [this, migration] {
    const auto& context = migration->context;
    record(context.vm, Phase::source_deleted, context.source_node, context.source_port);
    hypervisor_.remove_domain(context.vm, context.source_node);
  });
}

void MigrationEngine::fail(std::shared_ptr<Running> migration, const std::string& reason) {
  const auto& context = migration->context;
  record(context.vm, Phase::migration_failed, context.target_node, context.target_port, reason);
  vm_migrating_[context.vm] = false;
  strategy_.on_migration_failed(context, migration->northbound);
  hypervisor_.remove_domain(context.vm, context.target_node);
}

}  // namespace lmlab
