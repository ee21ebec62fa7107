// Where a logical switch port forwards, from its Southbound Port_Binding: on its main chassis,
// and on each additional chassis unless the port's activation strategy blocks it there until a
// RARP arrives (controller/physical.c; additional-chassis-activated records the RARP). One
// rule for the ns-3 model's Southbound and for the real SB watch.
// Kept C++17-compatible: the ns-3 library includes it.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace lmlab {

struct PortBindingState {
  std::optional<std::string> main_chassis;
  std::vector<std::string> additional_chassis;
  bool blocked_until_rarp = false;   // options:activation-strategy=rarp
  std::set<std::string> activated;   // additional chassis a RARP has unblocked
};

// The binding OVN derives from options:requested-chassis (main chassis first) and
// options:activation-strategy; `activated` as the SB recorded it.
PortBindingState requested_binding(const std::vector<std::string>& requested_chassis,
                                   const std::optional<std::string>& activation_strategy,
                                   std::set<std::string> activated = {});

bool forwards_on(const PortBindingState& binding, const std::string& chassis);
// Blocked on an additional chassis until a RARP from there unblocks it.
bool awaits_rarp(const PortBindingState& binding, const std::string& chassis);
std::set<std::string> forwarding_chassis(const PortBindingState& binding);

}  // namespace lmlab
