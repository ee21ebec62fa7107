#include "models/ovn_northbound_model.hpp"

namespace lmlab {

void OvnNorthboundModel::commit(const NorthboundTransaction& transaction) {
  network_.apply(transaction);
  // Every chassis sees the change after the same path; a copy travels, as the SB rows do.
  const Time delay = delays_.northd + delays_.southbound + delays_.ovn_controller;
  clock_.schedule_in(delay, [this, transaction] { southbound_.apply(transaction); });
}

}  // namespace lmlab
