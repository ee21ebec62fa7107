// A small process that outlives lmlab if lmlab is killed (even with SIGKILL) and then tears
// the lab down from its manifest, so a crashed or killed run leaves nothing on the host.
#pragma once

#include <string>
#include <sys/types.h>

namespace lmlab::real {

class LabGuardian {
 public:
  // Forks the guardian for the lab in `lab_directory`. Call before the lab creates anything
  // and while this process has a single thread.
  explicit LabGuardian(const std::string& lab_directory);
  // Lets the guardian go: it tears down whatever the manifest still lists (nothing after a
  // clean teardown) and exits; waits for it.
  ~LabGuardian();
  LabGuardian(const LabGuardian&) = delete;
  LabGuardian& operator=(const LabGuardian&) = delete;

  // The lab is handed to the user (`lmlab lab up`): the guardian leaves it running.
  void stand_down();

 private:
  pid_t pid_ = -1;
  int lifeline_ = -1;  // write end; the guardian sees EOF when this process is gone
};

}  // namespace lmlab::real
