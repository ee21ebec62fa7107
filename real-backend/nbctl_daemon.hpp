// ovn-nbctl in daemon mode: it keeps a replica of the Northbound database, so each command is
// one JSON-RPC request over its control socket and one NB transaction, with no process start
// and no database download per command.
#pragma once

#include <mutex>
#include <string>

#include "real-backend/ovn_lab.hpp"
#include "real-backend/process.hpp"

namespace lmlab::real {

class NbctlDaemon {
 public:
  // Starts the daemon against the lab's NB, as a daemon of the lab.
  explicit NbctlDaemon(OvnLab& lab);
  ~NbctlDaemon();
  NbctlDaemon(const NbctlDaemon&) = delete;
  NbctlDaemon& operator=(const NbctlDaemon&) = delete;

  // Runs ovn-nbctl options and commands (argv words after "ovn-nbctl") and returns their
  // output. Throws std::runtime_error with ovn-nbctl's error text. Thread-safe.
  std::string run(const Argv& arguments);

 private:
  std::mutex mutex_;  // one request at a time on the control socket
  int socket_ = -1;
  unsigned request_id_ = 0;
};

}  // namespace lmlab::real
