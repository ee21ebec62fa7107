#include "sim/recording_northbound.hpp"

namespace lmlab {

namespace {
std::string join(const std::vector<std::string>& items) {
  std::string joined;
  for (const auto& item : items) joined += (joined.empty() ? "" : ",") + item;
  return joined;
}
}  // namespace

void RecordingNorthbound::add_port(const LogicalSwitchPort& port) {
  log_.add({clock_.now(), vm_, Phase::northbound_update, "",
            "lsp-add " + port.name + " requested-chassis=" + join(port.requested_chassis)});
  inner_.add_port(port);
}

void RecordingNorthbound::set_port_binding(const std::string& port,
                                           const std::vector<std::string>& requested_chassis,
                                           const std::optional<std::string>& activation_strategy) {
  std::string detail = port + " requested-chassis=" + join(requested_chassis);
  detail += activation_strategy ? " activation-strategy=" + *activation_strategy
                                : " activation-strategy removed";
  log_.add({clock_.now(), vm_, Phase::northbound_update, "", detail});
  inner_.set_port_binding(port, requested_chassis, activation_strategy);
}

}  // namespace lmlab
