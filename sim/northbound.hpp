// The subset of the OVN Northbound API that CNIs use around a migration. The ns-3 model
// implements it as an in-memory NB whose changes reach the chassis after modelled delays; a
// real backend implements it against a real NB database.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace lmlab {

struct LogicalSwitchPort {
  std::string name;
  std::string mac;
  std::vector<std::string> ips;
  // options:requested-chassis; the first entry is the main chassis, the rest are additional
  // chassis (OVN >= 22.06 multi-chassis binding).
  std::vector<std::string> requested_chassis;
  // options:activation-strategy; "rarp" blocks the port on additional chassis until a RARP
  // arrives from there.
  std::optional<std::string> activation_strategy;
};

class Northbound {
 public:
  virtual ~Northbound() = default;
  virtual void add_port(const LogicalSwitchPort& port) = 0;
  // One NB transaction setting requested-chassis and activation-strategy (nullopt removes it).
  virtual void set_port_binding(const std::string& port,
                                const std::vector<std::string>& requested_chassis,
                                const std::optional<std::string>& activation_strategy) = 0;
};

}  // namespace lmlab
