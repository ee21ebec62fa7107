#include "sim/packet_record.hpp"

namespace lmlab {

const char* to_string(FlowKind kind) {
  switch (kind) {
    case FlowKind::udp_probe: return "udp-probe";
    case FlowKind::icmp_probe: return "icmp-probe";
    case FlowKind::tcp_stream: return "tcp-stream";
  }
  return "?";
}

}  // namespace lmlab
