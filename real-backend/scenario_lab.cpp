#include "real-backend/scenario_lab.hpp"

#include <stdexcept>

#include "real-backend/network_services.hpp"
#include "real-backend/northbound_preload.hpp"
#include "real-backend/process.hpp"

namespace lmlab::real {

ScenarioLab::ScenarioLab(const Scenario& scenario)
    : scenario_(scenario),
      lab_(std::make_unique<OvnLab>(
          LabSpec{scenario.name, scenario.cluster.nodes, scenario.cluster.underlay.vlan,
                  underlay_mtu_for(static_cast<int>(scenario.cluster.network.mtu),
                                   static_cast<int>(scenario.cluster.underlay.tunnel_overhead_bytes))})) {
  lab_->start();
  nbctl_ = std::make_unique<NbctlDaemon>(*lab_);
  preload_northbound(*nbctl_, scenario.cluster.control_plane.preload);
  northbound_ = std::make_unique<OvnNorthbound>(*nbctl_);
}

void ScenarioLab::populate(const LogicalNetwork& network) {
  northbound_->flush();
  guests_ = std::make_unique<LabGuests>(*lab_, scenario_, network);
  northbound_->wait_for_chassis();
  use_network_services(scenario_, network, *lab_, *guests_);
  check_data_plane();
}

// Every client reaches every VM before the run starts: a broken lab fails here, with its
// name, instead of showing up as a 100 % loss "result". The first packets of a fresh lab may
// be lost while the datapath sets up its flows, so each pair gets a few tries.
void ScenarioLab::check_data_plane() {
  constexpr int kTries = 5;
  for (const auto& client : scenario_.clients)
    for (const auto& vm : scenario_.vms) {
      const auto address = *address_of(vm.ips, AddressFamily::ipv4);
      const Argv ping{"ip", "netns", "exec", guests_->netns_of(client.name), "ping", "-c", "1",
                      "-W", "1", "-q", address};
      int tries = 0;
      while (run_command(ping).exit_code != 0)
        if (++tries == kTries)
          throw std::runtime_error("client " + client.name + " cannot reach VM " + vm.name +
                                   " (" + address + ") through the lab");
    }
}

void ScenarioLab::keep() { lab_->release(); }

}  // namespace lmlab::real
