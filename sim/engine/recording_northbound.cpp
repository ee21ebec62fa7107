#include "sim/engine/recording_northbound.hpp"

namespace lmlab {

namespace {
// The logical switch port a change is about, if it is about one.
struct PortOf {
  std::string operator()(const LogicalSwitchPort& port) const { return port.name; }
  std::string operator()(const SetPortBinding& change) const { return change.port; }
  std::string operator()(const SetPortEnabled& change) const { return change.port; }
  std::string operator()(const SetPortAddresses& change) const { return change.port; }
  std::string operator()(const DeletePort& change) const { return change.port; }
  template <typename Change>
  std::string operator()(const Change&) const {
    return "";
  }
};
}  // namespace

void RecordingNorthbound::commit(const NorthboundTransaction& transaction) {
  for (const auto& change : transaction.changes)
    log_.add({clock_.now(), vm_, Phase::northbound_update, "", describe(change),
              std::visit(PortOf{}, change)});
  inner_.commit(transaction);
}

}  // namespace lmlab
