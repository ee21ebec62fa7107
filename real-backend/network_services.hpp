// What the guests do with the services the strategy's logical network offers them besides
// forwarding (OVN native DHCPv4/v6, a gateway answered by arp_proxy): lease their addresses
// with real DHCP clients and route through the gateway.
#pragma once

#include "real-backend/lab_guests.hpp"
#include "real-backend/ovn_lab.hpp"
#include "sim/core/logical_network.hpp"
#include "sim/core/scenario.hpp"

namespace lmlab::real {

// Once the ports are bound: each dhcp VM leases its address with udhcpc, and on a dual-stack
// network its IPv6 address with dhclient -6 (each must be the address the scenario names),
// and VMs route by default through the gateway, whose MAC must then resolve through
// arp_proxy to the router port `network` has for it. Throws std::runtime_error saying what
// failed.
void use_network_services(const Scenario& scenario, const LogicalNetwork& network, OvnLab& lab,
                          LabGuests& guests);

}  // namespace lmlab::real
