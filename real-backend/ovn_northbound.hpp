// The Northbound interface on a real NB database, through the ovn-nbctl daemon. Changes are
// sent in order from a worker thread, so a strategy reacting to a migration phase does not
// hold up the engine, as a CNI controller's NB writes do not hold up KubeVirt.
#pragma once

#include <exception>
#include <mutex>
#include <string>

#include <asio/thread_pool.hpp>

#include "real-backend/nbctl_daemon.hpp"
#include "sim/northbound.hpp"

namespace lmlab::real {

class OvnNorthbound : public Northbound {
 public:
  OvnNorthbound(NbctlDaemon& nbctl, std::string logical_switch);
  ~OvnNorthbound() override;

  void add_port(const LogicalSwitchPort& port) override;
  void set_port_binding(const std::string& port, const std::vector<std::string>& requested_chassis,
                        const std::optional<std::string>& activation_strategy) override;

  // Waits until every change sent so far is committed; rethrows the first that failed.
  void flush();
  // Waits until every chassis has applied what the NB holds now (ovn-nbctl --wait=hv sync).
  void wait_for_chassis();

 private:
  void send(Argv arguments);

  NbctlDaemon& nbctl_;
  std::string logical_switch_;
  asio::thread_pool worker_{1};  // one thread: changes reach the NB in the order made
  std::mutex failure_mutex_;
  std::exception_ptr first_failure_;
};

}  // namespace lmlab::real
