// Where a client or VM of a scenario lives on the real backend.
#pragma once

#include <functional>
#include <string>

#include "sim/core/scenario.hpp"

namespace lmlab::real {

// Its network namespace, the interface its traffic leaves by, its address and its MAC.
struct GuestEndpoint {
  std::string netns;
  std::string interface;
  std::string ip;
  std::string mac;
};

// A client or VM by scenario name, with its address of a family.
using EndpointLookup = std::function<GuestEndpoint(const std::string& name, AddressFamily family)>;

}  // namespace lmlab::real
