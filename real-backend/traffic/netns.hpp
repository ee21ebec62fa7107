// Runs code with the calling thread inside a named network namespace (/run/netns/<name>, as
// `ip netns add` makes them). Sockets and capture handles opened there stay in that
// namespace after the thread switches back.
#pragma once

#include <string>
#include <utility>

namespace lmlab::real {

// Switches the calling thread into a namespace for its lifetime and back on destruction.
// Throws std::runtime_error naming the namespace and the system's reason when it cannot.
class NetnsSwitch {
 public:
  explicit NetnsSwitch(const std::string& netns_name);
  ~NetnsSwitch();
  NetnsSwitch(const NetnsSwitch&) = delete;
  NetnsSwitch& operator=(const NetnsSwitch&) = delete;

 private:
  int original_;  // the thread's namespace before the switch
};

// Returns what fn returns; the thread is back in its own namespace afterwards, also when fn
// throws.
template <typename Fn>
decltype(auto) in_netns(const std::string& netns_name, Fn&& fn) {
  const NetnsSwitch inside(netns_name);
  return std::forward<Fn>(fn)();
}

}  // namespace lmlab::real
