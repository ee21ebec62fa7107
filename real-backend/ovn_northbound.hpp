// The Northbound interface on a real NB database, through the ovn-nbctl daemon: each
// transaction becomes one ovn-nbctl request, one NB transaction. Transactions are sent in
// order from a worker thread, so a strategy reacting to a migration phase does not hold up
// the engine, as a CNI controller's NB writes do not hold up KubeVirt.
#pragma once

#include <exception>
#include <map>
#include <mutex>
#include <string>

#include <asio/thread_pool.hpp>

#include "real-backend/nbctl_daemon.hpp"
#include "sim/core/northbound.hpp"

namespace lmlab::real {

class OvnNorthbound : public Northbound {
 public:
  explicit OvnNorthbound(NbctlDaemon& nbctl) : nbctl_(nbctl) {}
  ~OvnNorthbound() override;

  void commit(const NorthboundTransaction& transaction) override;

  // Waits until every change sent so far is committed; rethrows the first that failed.
  void flush();
  // Waits until every chassis has applied what the NB holds now (ovn-nbctl --wait=hv sync).
  void wait_for_chassis();

 private:
  // On the worker thread: the ovn-nbctl commands of a transaction.
  Argv commands_for(const NorthboundTransaction& transaction);
  void send(std::function<void()> work);

  NbctlDaemon& nbctl_;
  std::map<std::string, std::string> dhcp_options_;  // name -> row UUID; worker thread only
  asio::thread_pool worker_{1};  // one thread: changes reach the NB in the order made
  std::mutex failure_mutex_;
  std::exception_ptr first_failure_;
};

}  // namespace lmlab::real
