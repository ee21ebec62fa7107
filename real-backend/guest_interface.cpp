#include "real-backend/guest_interface.hpp"

#include <fstream>
#include <stdexcept>

#include "real-backend/traffic/netns.hpp"
#include "real-backend/process.hpp"
#include "real-backend/traffic/tx_checksum_offload.hpp"

namespace lmlab::real {

namespace {

std::string prefix_length(const std::string& cidr) { return cidr.substr(cidr.find('/') + 1); }

std::string with_prefix(const std::string& ip, const NetworkSpec& network) {
  const bool v6 = ip.find(':') != std::string::npos;
  if (v6 && !network.subnet_v6)
    throw std::runtime_error("address " + ip + " is IPv6 but the network has no subnet_v6");
  return ip + "/" + prefix_length(v6 ? *network.subnet_v6 : network.subnet);
}

}  // namespace

void configure_guest_interface(const std::string& netns, const std::string& interface,
                               const std::string& mac, const std::vector<std::string>& ips,
                               const NetworkSpec& network) {
  check_command({"ip", "-n", netns, "link", "set", interface, "address", mac});
  for (const auto& ip : ips) add_guest_address(netns, interface, ip, network);
  // reference/ovn-lab README, traps: with transmit checksum offload on the veth, TCP through
  // the userspace datapath breaks.
  disable_tx_checksum_offload(netns, interface);
}

void add_guest_address(const std::string& netns, const std::string& interface,
                       const std::string& ip, const NetworkSpec& network) {
  Argv add{"ip", "-n", netns, "addr", "add", with_prefix(ip, network), "dev", interface};
  // A migrated guest keeps its address; duplicate address detection would only delay it.
  if (ip.find(':') != std::string::npos) add.push_back("nodad");
  check_command(add);
}

void set_namespace_sysctl(const std::string& netns, const std::string& key,
                          const std::string& value) {
  in_netns(netns, [&] {
    // /proc/sys/net shows the namespace of the thread that opens it.
    std::ofstream file("/proc/sys/" + key);
    file << value;
    if (!(file << std::flush))
      throw std::runtime_error("cannot set " + key + " in namespace " + netns);
  });
}

}  // namespace lmlab::real
