#include "real-backend/northbound_preload.hpp"

#include <fmt/core.h>

namespace lmlab::real {

void preload_northbound(NbctlDaemon& nbctl, const NorthboundPreload& preload) {
  if (preload.switches == 0) return;
  for (std::uint32_t s = 0; s < preload.switches; ++s) {
    const auto name = fmt::format("preload-{}", s);
    Argv commands{"ls-add", name};
    for (std::uint32_t p = 0; p < preload.ports_per_switch; ++p) {
      const auto port = fmt::format("{}-{}", name, p);
      // Each switch is its own network, so addresses repeat across switches.
      const auto addresses =
          fmt::format("0e:{:02x}:{:02x}:{:02x}:{:02x}:{:02x} 192.168.{}.{}", (s >> 16) & 0xff,
                      (s >> 8) & 0xff, s & 0xff, (p >> 8) & 0xff, p & 0xff, p / 250, p % 250 + 1);
      commands.insert(commands.end(),
                      {"--", "lsp-add", name, port, "--", "lsp-set-addresses", port, addresses});
    }
    nbctl.run(commands);
  }
  nbctl.run({"--wait=sb", "sync"});
}

}  // namespace lmlab::real
