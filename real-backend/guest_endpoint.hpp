// Where a client or VM of a scenario lives on the real backend.
#pragma once

#include <string>

namespace lmlab::real {

// Its network namespace, the interface its traffic leaves by, its address and its MAC.
struct GuestEndpoint {
  std::string netns;
  std::string interface;
  std::string ip;
  std::string mac;
};

}  // namespace lmlab::real
