// `lmlab lab up|down|status`: a real OVN lab kept running for people who want to poke at it.
#pragma once

#include <string>
#include <vector>

namespace lmlab::cli {

// Builds the lab of a scenario (chassis, switch, ports, guests) and leaves it running.
int lab_up(const std::string& scenario_file);
// Tears down the labs with these ids; with none, every lab no running lmlab owns.
int lab_down(const std::vector<std::string>& ids);
// Lists the labs on this host and what of them still runs.
int lab_status();

}  // namespace lmlab::cli
