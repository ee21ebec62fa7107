// Transmit checksum offload on a namespace's interface. On a veth it leaves TCP checksums for
// later, and TCP through OVS's userspace datapath then breaks (ICMP still works; the ovn-lab
// reference found this): guests whose traffic crosses that datapath need it off, as
// `ethtool -K eth0 tx off` does.
#pragma once

#include <string>

namespace lmlab::real {

// Throws std::runtime_error naming the namespace, interface and cause.
void disable_tx_checksum_offload(const std::string& netns, const std::string& interface);
bool tx_checksum_offload_enabled(const std::string& netns, const std::string& interface);

}  // namespace lmlab::real
