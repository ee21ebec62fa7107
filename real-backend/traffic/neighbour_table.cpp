#include "real-backend/traffic/neighbour_table.hpp"

#include <arpa/inet.h>
#include <linux/neighbour.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <system_error>
#include <vector>

#include "real-backend/traffic/netns.hpp"
#include "real-backend/traffic/workload_error.hpp"

namespace lmlab::real {

namespace {
// Entries with a link-layer address to use (the kernel's NUD_VALID, which uapi lacks).
constexpr std::uint16_t kUsableStates =
    NUD_PERMANENT | NUD_NOARP | NUD_REACHABLE | NUD_PROBE | NUD_STALE | NUD_DELAY;

class NetlinkSocket {
 public:
  NetlinkSocket() : fd_(::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE)) {
    if (fd_ < 0) throw std::system_error(errno, std::system_category(), "netlink socket");
  }
  ~NetlinkSocket() { ::close(fd_); }
  NetlinkSocket(const NetlinkSocket&) = delete;
  NetlinkSocket& operator=(const NetlinkSocket&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

struct Address {
  int family;
  std::array<std::uint8_t, 16> bytes{};
  std::size_t length;
};

Address parse_address(const std::string& ip) {
  Address address{AF_INET, {}, 4};
  if (inet_pton(AF_INET, ip.c_str(), address.bytes.data()) == 1) return address;
  address = {AF_INET6, {}, 16};
  if (inet_pton(AF_INET6, ip.c_str(), address.bytes.data()) == 1) return address;
  throw std::runtime_error("not an IP address: '" + ip + "'");
}

void request_dump(const NetlinkSocket& socket, int family) {
  struct {
    nlmsghdr header;
    ndmsg neighbour;
  } request{};
  request.header.nlmsg_len = sizeof request;
  request.header.nlmsg_type = RTM_GETNEIGH;
  request.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
  request.neighbour.ndm_family = static_cast<std::uint8_t>(family);
  if (::send(socket.fd(), &request, sizeof request, 0) < 0) {
    throw std::system_error(errno, std::system_category(), "netlink neighbour dump");
  }
}

std::string mac_text(const std::uint8_t* bytes) {
  char text[18];
  std::snprintf(text, sizeof text, "%02x:%02x:%02x:%02x:%02x:%02x", bytes[0], bytes[1], bytes[2],
                bytes[3], bytes[4], bytes[5]);
  return text;
}

// The MAC of one RTM_NEWNEIGH message when it is a usable entry for `wanted`.
std::optional<std::string> usable_mac_for(const nlmsghdr* message, const Address& wanted) {
  const auto* neighbour = static_cast<const ndmsg*>(NLMSG_DATA(message));
  if ((neighbour->ndm_state & kUsableStates) == 0) return std::nullopt;
  const std::uint8_t* destination = nullptr;
  const std::uint8_t* link_address = nullptr;
  int remaining = static_cast<int>(RTM_PAYLOAD(message));
  for (const rtattr* attribute = RTM_RTA(neighbour); RTA_OK(attribute, remaining);
       attribute = RTA_NEXT(attribute, remaining)) {
    const auto* data = static_cast<const std::uint8_t*>(RTA_DATA(attribute));
    if (attribute->rta_type == NDA_DST && RTA_PAYLOAD(attribute) == wanted.length) {
      destination = data;
    } else if (attribute->rta_type == NDA_LLADDR && RTA_PAYLOAD(attribute) == 6) {
      link_address = data;
    }
  }
  if (destination == nullptr || link_address == nullptr ||
      std::memcmp(destination, wanted.bytes.data(), wanted.length) != 0) {
    return std::nullopt;
  }
  return mac_text(link_address);
}

// Reads the dump to its end (NLMSG_DONE), so the socket is left clean, keeping the match.
std::optional<std::string> read_dump(const NetlinkSocket& socket, const Address& wanted) {
  std::optional<std::string> found;
  std::vector<std::uint8_t> buffer(64 * 1024);
  while (true) {
    const ssize_t received = ::recv(socket.fd(), buffer.data(), buffer.size(), 0);
    if (received < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::system_category(), "netlink receive");
    }
    int remaining = static_cast<int>(received);
    for (auto* message = reinterpret_cast<const nlmsghdr*>(buffer.data());
         NLMSG_OK(message, remaining); message = NLMSG_NEXT(message, remaining)) {
      if (message->nlmsg_type == NLMSG_DONE) return found;
      if (message->nlmsg_type == NLMSG_ERROR) {
        const auto* error = static_cast<const nlmsgerr*>(NLMSG_DATA(message));
        throw std::system_error(-error->error, std::system_category(), "netlink neighbour dump");
      }
      if (message->nlmsg_type != RTM_NEWNEIGH || found) continue;
      found = usable_mac_for(message, wanted);
    }
  }
}
}  // namespace

std::optional<std::string> neighbour_mac(const std::string& netns, const std::string& ip) {
  return with_context("neighbour table of network namespace '" + netns + "'", [&] {
    const Address wanted = parse_address(ip);
    const NetlinkSocket socket = in_netns(netns, [] { return NetlinkSocket(); });
    request_dump(socket, wanted.family);
    return read_dump(socket, wanted);
  });
}

}  // namespace lmlab::real
