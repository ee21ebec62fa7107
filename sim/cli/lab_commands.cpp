#include "sim/cli/lab_commands.hpp"

#include <algorithm>
#include <memory>
#include <stdexcept>

#include <fmt/core.h>

#include "real-backend/lab_manifest.hpp"
#include "real-backend/lab_processes.hpp"
#include "real-backend/lab_teardown.hpp"
#include "real-backend/prerequisites.hpp"
#include "real-backend/scenario_lab.hpp"
#include "sim/engine/northbound_mirror.hpp"
#include "sim/engine/strategy.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/run_failure.hpp"
#include "sim/loader/scenario_loader.hpp"

namespace lmlab::cli {

namespace {

bool owned_by_running_process(const real::LabManifest& manifest) {
  return manifest.owner != 0 && real::process_alive(manifest.owner);
}

// Builds the lab of a scenario (chassis, switch, ports, guests) and leaves it running.
int lab_up(const std::string& scenario_file) {
  try {
    const Scenario scenario = load_scenario_file(scenario_file);
    const auto built = carry_out([&] {
      real::check_prerequisites();
      auto lab = std::make_unique<real::ScenarioLab>(scenario);
      EventLog log;
      NorthboundMirror northbound(lab->northbound(), log);
      make_strategy(scenario.cluster.strategy)->build_network(scenario, northbound);
      lab->populate(northbound.network());
      return lab;
    });
    built->keep();
    const auto& lab = built->lab();
    fmt::print("lab {} is up for {} in {}\n", lab.manifest().id, scenario.name, lab.directory());
    for (const auto& node : scenario.cluster.nodes)
      fmt::print("  chassis {:<12} ip netns exec {} ...\n", node, lab.chassis(node).netns);
    for (const auto& client : scenario.clients)
      fmt::print("  client  {:<12} ip netns exec {} ...\n", client.name,
                 built->guests().netns_of(client.name));
    for (const auto& vm : scenario.vms)
      fmt::print("  VM      {:<12} ip netns exec {} ...\n", vm.name, built->guests().netns_of(vm.name));
    fmt::print("  ovn-nbctl --db=unix:{} show\n", lab.nb_socket());
    fmt::print("tear it down with: lmlab lab down {}\n", lab.manifest().id);
    return kExitPassed;
  } catch (const std::exception&) {
    return report_error();
  }
}

int lab_down(const std::vector<std::string>& ids) {
  int status = kExitPassed;
  std::vector<std::string> wanted = ids;
  for (const auto& directory : real::find_lab_directories()) {
    try {
      const auto manifest = real::load_manifest(directory);
      const auto named = std::find(wanted.begin(), wanted.end(), manifest.id);
      if (ids.empty() ? owned_by_running_process(manifest) : named == wanted.end()) continue;
      if (named != wanted.end()) wanted.erase(named);
      const auto problems = real::tear_down_lab(manifest);
      for (const auto& problem : problems) fmt::print(stderr, "lmlab: lab {}: {}\n", manifest.id, problem);
      if (!problems.empty()) status = kExitRunFailed;
      else fmt::print("lab {} is down\n", manifest.id);
    } catch (const std::exception& error) {
      fmt::print(stderr, "lmlab: {}\n", error.what());
      status = kExitRunFailed;
    }
  }
  for (const auto& id : wanted) {
    fmt::print(stderr, "lmlab: no lab {} (see lmlab lab status)\n", id);
    // A lab left standing outweighs a wrong id.
    if (status != kExitRunFailed) status = kExitBadInput;
  }
  return status;
}

int lab_status() {
  const auto directories = real::find_lab_directories();
  if (directories.empty()) fmt::print("no labs\n");
  for (const auto& directory : directories) {
    try {
      const auto manifest = real::load_manifest(directory);
      fmt::print("{}  scenario {}  {}  {} processes running  {} namespaces  {}\n", manifest.id,
                 manifest.scenario,
                 manifest.owner == 0 ? "kept (lmlab lab up)"
                 : owned_by_running_process(manifest)
                     ? fmt::format("in use by pid {}", manifest.owner)
                     : fmt::format("left by pid {} (lmlab lab down removes it)", manifest.owner),
                 real::lab_processes(manifest).size(), manifest.namespaces.size(),
                 directory);
    } catch (const std::exception& error) {
      fmt::print(stderr, "lmlab: {}\n", error.what());
    }
  }
  return kExitPassed;
}

}  // namespace

CLI::App* add_lab_command(CLI::App& app, LabArguments& arguments) {
  auto* lab = app.add_subcommand("lab", "a real OVN lab to poke at by hand");
  lab->require_subcommand(1);
  lab->footer(
      "Exit codes: 0 done, 2 bad input (a malformed scenario, no such lab), 3 a lab could not "
      "be built or torn down on this host (a missing program or package, no root, a daemon "
      "that fails).");
  arguments.up = lab->add_subcommand("up", "build a scenario's lab and leave it running");
  arguments.up->add_option("file", arguments.scenario_file, "scenario file (YAML)")->required();
  arguments.down = lab->add_subcommand(
      "down", "tear labs down (default: every lab no running lmlab uses)");
  arguments.down->add_option("ids", arguments.ids, "lab ids, from lmlab lab status");
  arguments.status = lab->add_subcommand("status", "list the labs on this host");
  return lab;
}

int lab(const LabArguments& arguments) {
  if (*arguments.up) return lab_up(arguments.scenario_file);
  if (*arguments.down) return lab_down(arguments.ids);
  return lab_status();
}

}  // namespace lmlab::cli
