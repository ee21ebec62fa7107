#include "real-backend/traffic/udp_probe_port.hpp"

#include <linux/filter.h>
#include <sys/socket.h>

#include <cerrno>
#include <system_error>

#include "real-backend/traffic/netns.hpp"

namespace lmlab::real {

namespace {
// A socket filter that keeps nothing: "return 0 bytes".
void discard_everything(asio::ip::udp::socket& socket) {
  sock_filter keep_nothing{BPF_RET | BPF_K, 0, 0, 0};
  const sock_fprog program{1, &keep_nothing};
  if (setsockopt(socket.native_handle(), SOL_SOCKET, SO_ATTACH_FILTER, &program,
                 sizeof program) != 0) {
    throw std::system_error(errno, std::system_category(), "SO_ATTACH_FILTER");
  }
}
}  // namespace

asio::ip::udp::socket open_udp_probe_port(asio::io_context& io, const std::string& netns,
                                          const asio::ip::udp::endpoint& port) {
  asio::ip::udp::socket socket(io);
  in_netns(netns, [&] {
    socket.open(port.protocol());
    discard_everything(socket);
    socket.bind(port);
  });
  return socket;
}

}  // namespace lmlab::real
