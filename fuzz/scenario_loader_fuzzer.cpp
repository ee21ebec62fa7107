// libFuzzer target: any bytes given to the scenario loader load or are refused with a
// ScenarioError, within the sanitizers' checks and libFuzzer's time and memory limits.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sim/loader/scenario_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > lmlab::kMaxScenarioBytes) return -1;  // load_scenario_file refuses those unread
  try {
    lmlab::load_scenario_text(std::string_view(reinterpret_cast<const char*>(data), size),
                              "fuzz.yaml");
  } catch (const lmlab::ScenarioError&) {
  }
  return 0;
}
