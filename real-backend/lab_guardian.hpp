// A small process that outlives lmlab if lmlab is killed (even with SIGKILL) and then tears
// the lab down from its manifest, so a crashed or killed run leaves nothing on the host. The
// guardian itself creates the lab's directory and first manifest: there is no instant at which
// something of the lab exists and nobody would remove it.
#pragma once

#include <sys/types.h>

#include "real-backend/lab_manifest.hpp"

namespace lmlab::real {

class LabGuardian {
 public:
  // Forks the guardian, which creates `manifest.directory` (it must not exist yet) and writes
  // the manifest into it; returns once both are there, or throws std::runtime_error saying why
  // they could not be made. Call before the lab creates anything else and while this process
  // has a single thread.
  explicit LabGuardian(const LabManifest& manifest);
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
