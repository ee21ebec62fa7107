// A socket that hands one probe at a time to the kernel (UDP datagrams, ICMP echo requests).
#pragma once

#include <cstdint>
#include <span>
#include <system_error>

namespace lmlab::real {

class ProbeSocket {
 public:
  virtual ~ProbeSocket() = default;
  // Sends probe `seq` with this stamped payload without blocking; returns the kernel's
  // error instead of throwing, the sender decides what it means.
  virtual std::error_code send(std::uint64_t seq, std::span<const std::uint8_t> payload) = 0;
};

}  // namespace lmlab::real
