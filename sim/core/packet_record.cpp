#include "sim/core/packet_record.hpp"

namespace lmlab {

const char* to_string(FlowKind kind) {
  switch (kind) {
    case FlowKind::udp_probe: return "udp-probe";
    case FlowKind::icmp_probe: return "icmp-probe";
    case FlowKind::tcp_stream: return "tcp-stream";
  }
  return "?";
}

bool is_probe(FlowKind kind) { return kind == FlowKind::udp_probe || kind == FlowKind::icmp_probe; }

}  // namespace lmlab
