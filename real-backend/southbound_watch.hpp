// Watches the Southbound Port_Binding table while a scenario plays and logs binding_active
// whenever a port starts forwarding on a chassis: claimed as main chassis, added as an
// additional chassis without activation strategy, or unblocked by a RARP
// (options:additional-chassis-activated, written by the chassis' ovn-controller). These are
// the real counterparts of the ns-3 Southbound model's events, timed as the SB commits them.
#pragma once

#include <map>
#include <set>
#include <string>

#include <asio/io_context.hpp>
#include <asio/posix/stream_descriptor.hpp>
#include <asio/streambuf.hpp>
#include <nlohmann/json_fwd.hpp>

#include "real-backend/ovn_lab.hpp"
#include "real-backend/process.hpp"
#include "sim/core/clock.hpp"
#include "sim/core/phase_event.hpp"

namespace lmlab::real {

class SouthboundWatch {
 public:
  // Starts `ovsdb-client monitor` on the lab's SB; events go to `log` at clock time.
  SouthboundWatch(asio::io_context& io, const OvnLab& lab, const Clock& clock, EventLog& log);
  ~SouthboundWatch();

 private:
  void read_next();
  void on_update(const nlohmann::json& update);

  const Clock& clock_;
  EventLog& log_;
  std::map<std::string, std::string> chassis_names_;  // SB Chassis uuid -> name
  std::map<std::string, std::set<std::string>> forwarding_;  // port -> chassis names
  bool initial_seen_ = false;
  ChildProcess monitor_;
  asio::posix::stream_descriptor output_;
  asio::streambuf buffer_;
};

}  // namespace lmlab::real
