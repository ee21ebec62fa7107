// lmlab: play KubeVirt live-migration scenarios, time them and report.
#include <CLI/CLI.hpp>

#include "sim/cli/commands.hpp"
#include "sim/cli/lab_commands.hpp"
#include "sim/runner.hpp"

int main(int argc, char** argv) {
  namespace cli = lmlab::cli;
  CLI::App app{"lmlab " LMLAB_VERSION ": measure KubeVirt live-migration network downtime"};
  app.require_subcommand(1);
  app.set_version_flag("--version", LMLAB_VERSION);

  cli::RunArguments run;
  auto* run_command = app.add_subcommand("run", "play a scenario and write its reports");
  run_command->add_option("file", run.scenario_file, "scenario file (YAML)")->required();
  run_command->add_option("--backend", run.backend, "where to play it")
      ->check(CLI::IsMember(lmlab::available_backends()))
      ->capture_default_str();
  run_command->add_option("--seed", run.seed, "seed (default: the scenario's)");
  run_command->add_option("--out", run.out_directory,
                          "directory for result.json and report.md (default: results/<name>)");

  std::string validate_file;
  auto* validate_command = app.add_subcommand("validate", "check a scenario file");
  validate_command->add_option("file", validate_file, "scenario file (YAML)")->required();

  std::string scenario_directory = LMLAB_SCENARIO_DIR;
  auto* list_command = app.add_subcommand("list", "list the scenarios shipped with lmlab");
  list_command->add_option("--dir", scenario_directory, "scenario directory")
      ->capture_default_str();

  auto* lab_command = app.add_subcommand("lab", "a real OVN lab to poke at by hand");
  lab_command->require_subcommand(1);
  std::string lab_file;
  auto* lab_up = lab_command->add_subcommand("up", "build a scenario's lab and leave it running");
  lab_up->add_option("file", lab_file, "scenario file (YAML)")->required();
  std::vector<std::string> lab_ids;
  auto* lab_down = lab_command->add_subcommand(
      "down", "tear labs down (default: every lab no running lmlab uses)");
  lab_down->add_option("ids", lab_ids, "lab ids, from lmlab lab status");
  auto* lab_status = lab_command->add_subcommand("status", "list the labs on this host");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int status = app.exit(error);
    return status == 0 ? 0 : cli::kExitBadInput;
  }
  if (*run_command) return cli::run(run);
  if (*validate_command) return cli::validate(validate_file);
  if (*lab_up) return cli::lab_up(lab_file);
  if (*lab_down) return cli::lab_down(lab_ids);
  if (*lab_status) return cli::lab_status();
  return cli::list(scenario_directory);
}
