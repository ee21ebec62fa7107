#include "real-backend/traffic/netns.hpp"

#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace lmlab::real {

namespace {
[[noreturn]] void fail(const std::string& netns_name, const std::string& what, int error) {
  throw std::runtime_error("network namespace '" + netns_name + "': " + what + ": " +
                           std::strerror(error));
}

int open_namespace(const std::string& path) { return ::open(path.c_str(), O_RDONLY | O_CLOEXEC); }
}  // namespace

NetnsSwitch::NetnsSwitch(const std::string& netns_name) {
  if (netns_name.empty() || netns_name.find('/') != std::string::npos || netns_name == "." ||
      netns_name == "..") {
    throw std::runtime_error("network namespace '" + netns_name + "': not a namespace name");
  }
  // The thread's own namespace, not the process's: another switch may be active.
  original_ = open_namespace("/proc/thread-self/ns/net");
  if (original_ < 0) fail(netns_name, "cannot open the current namespace", errno);
  const int target = open_namespace("/run/netns/" + netns_name);
  if (target < 0) {
    const int error = errno;
    ::close(original_);
    fail(netns_name, "cannot open /run/netns/" + netns_name, error);
  }
  const int switched = ::setns(target, CLONE_NEWNET);
  const int error = errno;
  ::close(target);
  if (switched != 0) {
    ::close(original_);
    fail(netns_name, "cannot enter", error);
  }
}

NetnsSwitch::~NetnsSwitch() {
  // Going back into a namespace we hold open cannot fail short of a kernel bug; a thread left
  // in the wrong namespace would silently send later traffic from there, so stop instead.
  if (::setns(original_, CLONE_NEWNET) != 0) {
    std::fprintf(stderr, "lmlab: cannot return to the original network namespace: %s\n",
                 std::strerror(errno));
    std::abort();
  }
  ::close(original_);
}

}  // namespace lmlab::real
