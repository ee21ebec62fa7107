#include "real-backend/lab_guests.hpp"

#include <stdexcept>

#include "real-backend/guest_interface.hpp"

namespace lmlab::real {

LabGuests::LabGuests(OvnLab& lab, const Scenario& scenario, const LogicalNetwork& network) {
  const auto mtu = static_cast<int>(scenario.cluster.network.mtu);
  for (const auto& client : scenario.clients) {
    check_lab_name("client", client.name);
    const auto netns = lab.create_namespace("client-" + client.name);
    if (client.external)
      lab.attach_to_provider_network(netns, "eth0", mtu);
    else
      lab.attach(client.node, netns, "eth0", mtu, network.port_of(client.name, client.node).name);
    configure_guest_interface(netns, "eth0", client.mac, client.ips, scenario.cluster.network);
    netns_[client.name] = netns;
  }
  for (const auto& spec : scenario.vms) {
    check_lab_name("VM", spec.name);
    auto guest = std::make_unique<VmGuest>(lab, spec, scenario.cluster.network,
                                           network.port_of(spec.name, spec.node).name);
    netns_[spec.name] = guest->guest_netns();
    vms_[spec.name] = std::move(guest);
  }
}

const std::string& LabGuests::netns_of(const std::string& name) const {
  const auto found = netns_.find(name);
  if (found == netns_.end()) throw std::runtime_error("no guest named " + name);
  return found->second;
}

VmGuest& LabGuests::vm(const std::string& name) {
  const auto found = vms_.find(name);
  if (found == vms_.end()) throw std::runtime_error("no VM named " + name);
  return *found->second;
}

void LabGuests::prepare_target(const std::string& name, const std::string& node,
                               const std::string& port) {
  vm(name).add_domain(node, port);
}
void LabGuests::pause(const std::string& name) { vm(name).pause(); }
void LabGuests::resume(const std::string& name, const std::string& node) { vm(name).run_on(node); }
void LabGuests::announce(const std::string& name) { vm(name).announce(); }
void LabGuests::remove_domain(const std::string& name, const std::string& node) {
  vm(name).remove_domain(node);
}

}  // namespace lmlab::real
