#include "real-backend/traffic/tx_checksum_offload.hpp"

#include <linux/ethtool.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "real-backend/traffic/netns.hpp"

namespace lmlab::real {

namespace {
// Runs one ethtool command on the interface, from a socket inside the namespace.
ethtool_value ethtool(const std::string& netns, const std::string& interface,
                      ethtool_value command) {
  if (interface.empty() || interface.size() >= IFNAMSIZ) {
    throw std::runtime_error("interface '" + interface + "' in network namespace '" + netns +
                             "': not an interface name");
  }
  const int fd = in_netns(netns, [] { return ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0); });
  ifreq request{};
  std::memcpy(request.ifr_name, interface.c_str(), interface.size());
  request.ifr_data = reinterpret_cast<char*>(&command);
  const int result = fd < 0 ? -1 : ::ioctl(fd, SIOCETHTOOL, &request);
  const int error = errno;
  if (fd >= 0) ::close(fd);
  if (result != 0) {
    throw std::runtime_error("interface '" + interface + "' in network namespace '" + netns +
                             "': ethtool: " + std::strerror(error));
  }
  return command;
}
}  // namespace

void disable_tx_checksum_offload(const std::string& netns, const std::string& interface) {
  ethtool(netns, interface, {ETHTOOL_STXCSUM, 0});
}

bool tx_checksum_offload_enabled(const std::string& netns, const std::string& interface) {
  return ethtool(netns, interface, {ETHTOOL_GTXCSUM, 0}).data != 0;
}

}  // namespace lmlab::real
