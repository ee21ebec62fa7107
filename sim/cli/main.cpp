// lmlab: play KubeVirt live-migration scenarios, time them and report.
#include <CLI/CLI.hpp>

#include "sim/cli/commands.hpp"
#include "sim/cli/compare_command.hpp"
#include "sim/cli/lab_commands.hpp"
#include "sim/cli/list_command.hpp"
#include "sim/cli/matrix_command.hpp"
#include "sim/cli/merge_command.hpp"
#include "sim/cli/report_command.hpp"
#include "sim/runner/runner.hpp"

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
                          "directory for result.json, report.md and report.html "
                          "(default: results/<name>)");
  run_command->add_option("--junit", run.junit_file, "also write JUnit XML to this file");
  run_command->footer(
      "Exit codes: 0 expectations met, 1 not met, 2 bad input (nothing is written), 3 the run "
      "could not be carried out on this host (a missing program or package, no root, a daemon "
      "that fails, SIGINT or SIGTERM).");

  std::string validate_file;
  auto* validate_command = app.add_subcommand("validate", "check a scenario file");
  validate_command->add_option("file", validate_file, "scenario file (YAML)")->required();

  std::string scenario_directory = LMLAB_SCENARIO_DIR;
  auto* list_command = app.add_subcommand(
      "list", "list the scenarios shipped with lmlab and which backend plays each, or why not");
  list_command->add_option("--dir", scenario_directory, "scenario directory")
      ->capture_default_str();

  cli::ReportArguments report;
  auto* report_command = cli::add_report_command(app, report);
  cli::CompareArguments compare;
  auto* compare_command = cli::add_compare_command(app, compare);
  cli::MatrixArguments matrix;
  matrix.scenario_directory = LMLAB_SCENARIO_DIR;
  auto* matrix_command = cli::add_matrix_command(app, matrix);
  cli::MergeArguments merge;
  auto* merge_command = cli::add_merge_command(app, merge);
  cli::LabArguments lab;
  auto* lab_command = cli::add_lab_command(app, lab);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int status = app.exit(error);
    return status == 0 ? 0 : cli::kExitBadInput;
  }
  if (*run_command) return cli::run(run);
  if (*validate_command) return cli::validate(validate_file);
  if (*report_command) return cli::report(report);
  if (*compare_command) return cli::compare(compare);
  if (*matrix_command) return cli::matrix(matrix);
  if (*merge_command) return cli::merge(merge);
  if (*lab_command) return cli::lab(lab);
  return cli::list(scenario_directory);
}
