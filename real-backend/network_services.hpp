// What the logical switch offers its guests besides forwarding: OVN native DHCPv4 for VMs
// whose addressing is dhcp, a link-local gateway answered by arp_proxy on the switch's
// router port (OVN-Kubernetes' design, live-migration-facts.md), a localnet port to the
// provider VLAN (Kube-OVN's underlay), plus what the guests do with them: lease their
// address with a real DHCP client and route through the gateway.
#pragma once

#include "real-backend/lab_guests.hpp"
#include "real-backend/nbctl_daemon.hpp"
#include "real-backend/ovn_lab.hpp"
#include "sim/scenario.hpp"

namespace lmlab::real {

// NB side: DHCP_Options for the subnet on every dhcp VM's port; a logical router whose port
// on the switch answers ARP for the gateway address; the localnet port with its VLAN tag.
void configure_network_services(NbctlDaemon& nbctl, const Scenario& scenario,
                                const std::string& logical_switch);

// Guest side, once the ports are bound: each dhcp VM leases its address with udhcpc, and on a
// dual-stack network its IPv6 address with dhclient -6 (each must be the address the scenario
// names), and VMs route by default through the gateway, whose MAC must then resolve through
// arp_proxy. Throws std::runtime_error saying what failed.
void use_network_services(const Scenario& scenario, OvnLab& lab, LabGuests& guests);

}  // namespace lmlab::real
