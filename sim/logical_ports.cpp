#include "sim/logical_ports.hpp"

namespace lmlab {

void create_logical_ports(const Scenario& scenario, Northbound& northbound) {
  for (const auto& client : scenario.clients)
    if (!client.external)
      northbound.add_port({client.name, client.mac, client.ips, {client.node}, std::nullopt});
  for (const auto& vm : scenario.vms)
    northbound.add_port({vm.name, vm.mac, vm.ips, {vm.node}, std::nullopt});
}

}  // namespace lmlab
