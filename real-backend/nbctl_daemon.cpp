#include "real-backend/nbctl_daemon.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

namespace lmlab::real {

namespace {

std::runtime_error socket_error(const std::string& what) {
  return std::runtime_error("ovn-nbctl daemon: " + what + ": " + std::strerror(errno));
}

int connect_unix(const std::string& path) {
  const int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw socket_error("socket");
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (path.size() >= sizeof address.sun_path) throw std::runtime_error(path + ": path too long");
  std::strcpy(address.sun_path, path.c_str());
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    throw socket_error("connect " + path);
  }
  return fd;
}

}  // namespace

NbctlDaemon::NbctlDaemon(OvnLab& lab) {
  const auto central = lab.directory() + "/central";
  const auto control_socket = central + "/run/nbctl.ctl";
  lab.start_daemon("nbctl",
                   {"ovn-nbctl", "--db=unix:" + lab.nb_socket(), "--unixctl=" + control_socket},
                   {}, central, control_socket);
  socket_ = connect_unix(control_socket);
}

NbctlDaemon::~NbctlDaemon() {
  if (socket_ >= 0) close(socket_);
}

std::string NbctlDaemon::run(const Argv& arguments) {
  const std::lock_guard lock(mutex_);
  const auto request =
      nlohmann::json{{"method", "run"}, {"params", arguments}, {"id", request_id_++}}.dump();
  for (std::size_t sent = 0; sent < request.size();) {
    const auto count = send(socket_, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (count < 0 && errno != EINTR) throw socket_error("send");
    if (count > 0) sent += static_cast<std::size_t>(count);
  }
  // The reply is one JSON object; read until it parses.
  std::string reply;
  char buffer[4096];
  for (;;) {
    const auto count = recv(socket_, buffer, sizeof buffer, 0);
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) throw socket_error("recv");
    if (count == 0) throw std::runtime_error("ovn-nbctl daemon closed its control socket");
    reply.append(buffer, static_cast<std::size_t>(count));
    const auto document = nlohmann::json::parse(reply, nullptr, false);
    if (document.is_discarded()) continue;
    if (document.contains("error") && !document["error"].is_null()) {
      auto text = document["error"].get<std::string>();
      throw std::runtime_error("ovn-nbctl " + describe(arguments) + ": " +
                               text.substr(0, text.find_last_not_of('\n') + 1));
    }
    return document.value("result", "");
  }
}

}  // namespace lmlab::real
