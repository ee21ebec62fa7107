#include "sim/analysis/verdict_text.hpp"

#include <algorithm>
#include <cstdio>

namespace lmlab {

std::string flow_subject(const std::string& vm, const std::string& workload, Direction direction) {
  return vm + " " + workload + " " + to_string(direction);
}

std::string format_measured(Time duration) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3fms", to_milliseconds(duration));
  return text;
}

bool migrates(const Scenario& scenario, const std::string& vm) {
  return std::any_of(scenario.migrations.begin(), scenario.migrations.end(),
                     [&](const MigrationSpec& migration) { return migration.vm == vm; });
}

}  // namespace lmlab
