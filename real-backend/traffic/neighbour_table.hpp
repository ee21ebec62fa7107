// Reads a namespace's neighbour table (ARP / NDP cache) over rtnetlink.
#pragma once

#include <optional>
#include <string>

namespace lmlab::real {

// The MAC ("0a:58:0a:10:00:0a") the neighbour table of `netns` holds for `ip`, when it has a
// usable entry (reachable, stale, delay, probe or permanent); nullopt otherwise. Throws
// std::runtime_error when the table cannot be read.
std::optional<std::string> neighbour_mac(const std::string& netns, const std::string& ip);

}  // namespace lmlab::real
