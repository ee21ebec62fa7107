#include "real-backend/vm_guest.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

#include "real-backend/guest_interface.hpp"
#include "real-backend/traffic/netns.hpp"

namespace lmlab::real {

namespace {

constexpr std::uint16_t kEthertypeRarp = 0x8035;
constexpr std::size_t kMinimumFrame = 60;

std::array<std::uint8_t, 6> parse_mac(const std::string& text) {
  std::array<std::uint8_t, 6> mac{};
  unsigned values[6];
  if (std::sscanf(text.c_str(), "%x:%x:%x:%x:%x:%x", &values[0], &values[1], &values[2],
                  &values[3], &values[4], &values[5]) != 6)
    throw std::runtime_error("bad MAC " + text);
  for (int i = 0; i < 6; ++i) mac[i] = static_cast<std::uint8_t>(values[i]);
  return mac;
}

// QEMU's announce frame (reference/live-migration-facts.md, QEMU): a broadcast RARP
// "reverse request" (op 3) with the VM's MAC as sender and target and no addresses.
std::array<std::uint8_t, kMinimumFrame> rarp_frame(const std::string& mac_text) {
  const auto mac = parse_mac(mac_text);
  std::array<std::uint8_t, kMinimumFrame> frame{};
  std::size_t at = 0;
  auto put = [&](std::initializer_list<std::uint8_t> bytes) {
    for (auto byte : bytes) frame[at++] = byte;
  };
  auto put_mac = [&] {
    for (auto byte : mac) frame[at++] = byte;
  };
  put({0xff, 0xff, 0xff, 0xff, 0xff, 0xff});
  put_mac();
  put({kEthertypeRarp >> 8, kEthertypeRarp & 0xff});
  put({0x00, 0x01, 0x08, 0x00, 6, 4, 0x00, 0x03});  // Ethernet, IPv4, op 3
  put_mac();
  put({0, 0, 0, 0});
  put_mac();
  put({0, 0, 0, 0});
  return frame;
}

int open_announce_socket(const std::string& netns, const std::string& tap) {
  return in_netns(netns, [&] {
    const int fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, 0);
    if (fd < 0) throw std::runtime_error("AF_PACKET socket: " + std::string(std::strerror(errno)));
    sockaddr_ll address{};
    address.sll_family = AF_PACKET;
    address.sll_ifindex = static_cast<int>(if_nametoindex(tap.c_str()));
    if (address.sll_ifindex == 0 ||
        bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      close(fd);
      throw std::runtime_error("cannot bind announce socket to " + tap + " in " + netns);
    }
    return fd;
  });
}

std::string redirect(const std::string& from, const std::string& to) {
  return "filter add dev " + from + " ingress protocol all u32 match u32 0 0 action mirred egress redirect dev " + to;
}

}  // namespace

VmGuest::VmGuest(OvnLab& lab, const VmSpec& vm, const NetworkSpec& network,
                 const std::string& port)
    : lab_(lab), vm_(vm), mtu_(static_cast<int>(network.mtu)) {
  guest_netns_ = lab_.create_namespace("vm-" + vm.name);
  qemu_netns_ = lab_.create_namespace("qemu-" + vm.name);
  // The guest has been up long before it migrates: its link-local address is not tentative
  // (a DHCPv6 client needs it at once).
  set_namespace_sysctl(guest_netns_, "net/ipv6/conf/default/accept_dad", "0");
  // The QEMU namespace only moves frames; its own IPv6 would talk on the VM's wire.
  set_namespace_sysctl(qemu_netns_, "net/ipv6/conf/all/disable_ipv6", "1");
  set_namespace_sysctl(qemu_netns_, "net/ipv6/conf/default/disable_ipv6", "1");
  lab_.connect(guest_netns_, "eth0", qemu_netns_, "nic", mtu_);
  // A DHCP guest leases its addresses once its port is bound (network_services).
  configure_guest_interface(guest_netns_, "eth0", vm.mac,
                            vm.addressing == Addressing::dhcp ? std::vector<std::string>{} : vm.ips,
                            network);
  check_command({"tc", "-n", qemu_netns_, "qdisc", "add", "dev", "nic", "clsact"});
  // Line-buffered, so the answer to await_tc's query comes back at once.
  tc_.emplace(Argv{"stdbuf", "-oL", "tc", "-n", qemu_netns_, "-batch", "-"});
  add_domain(vm.node, port);
  run_on(vm.node);
}

VmGuest::~VmGuest() {
  for (auto& [node, domain] : domains_) close_domain(domain);
}

void VmGuest::close_domain(Domain& domain) {
  if (domain.announce_socket >= 0) close(domain.announce_socket);
  domain.announce_socket = -1;
}

void VmGuest::add_domain(const std::string& node, const std::string& port) {
  Domain domain;
  domain.tap = "tap" + std::to_string(taps_made_++);
  domain.chassis_interface = lab_.attach(node, qemu_netns_, domain.tap, mtu_, port);
  check_command({"tc", "-n", qemu_netns_, "qdisc", "add", "dev", domain.tap, "clsact"});
  domain.announce_socket = open_announce_socket(qemu_netns_, domain.tap);
  domains_[node] = domain;
}

void VmGuest::remove_domain(const std::string& node) {
  const auto found = domains_.find(node);
  if (found == domains_.end()) return;
  if (running_on_ == node) pause();
  close_domain(found->second);
  lab_.detach(node, found->second.chassis_interface);
  domains_.erase(found);
}

void VmGuest::pause() {
  if (running_on_.empty()) return;
  const auto& tap = domains_.at(running_on_).tap;
  tc_->write_line("filter del dev nic ingress");
  tc_->write_line("filter del dev " + tap + " ingress");
  await_tc();
  running_on_.clear();
}

void VmGuest::await_tc() {
  // tc carries out its lines in order: once it answers a query, the changes before it hold.
  // The pause and resume events are then times the data plane really changed.
  constexpr std::chrono::milliseconds kTcAnswer{2000};
  tc_->write_line("qdisc show dev nic");
  while (tc_->read_line(kTcAnswer).find("clsact") == std::string::npos) {
  }
}

void VmGuest::run_on(const std::string& node) {
  pause();
  const auto found = domains_.find(node);
  if (found == domains_.end())
    throw std::runtime_error("VM " + vm_.name + " has no domain on " + node);
  tc_->write_line(redirect("nic", found->second.tap));
  tc_->write_line(redirect(found->second.tap, "nic"));
  await_tc();
  running_on_ = node;
}

void VmGuest::announce() {
  if (running_on_.empty()) return;
  static_assert(kMinimumFrame >= ETH_ZLEN);
  const auto frame = rarp_frame(vm_.mac);
  if (send(domains_.at(running_on_).announce_socket, frame.data(), frame.size(), 0) < 0)
    throw std::runtime_error("RARP from " + vm_.name + ": " + std::strerror(errno));
}

}  // namespace lmlab::real
