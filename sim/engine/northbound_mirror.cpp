#include "sim/engine/northbound_mirror.hpp"

namespace lmlab {

void NorthboundMirror::commit(const NorthboundTransaction& transaction) {
  network_.apply(transaction);
  for (const auto& change : transaction.changes)
    if (const auto* port = std::get_if<LogicalSwitchPort>(&change); port && !port->owner.empty())
      log_.set_port_owner(port->name, port->owner);
  inner_.commit(transaction);
}

}  // namespace lmlab
