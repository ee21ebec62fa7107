// Finding a lab's processes on the host by what they refer to, not by a pid written down
// somewhere: a daemon whose pidfile is not written yet, or a command lmlab had started when it
// was killed, is found all the same.
#pragma once

#include <sys/types.h>
#include <vector>

#include "real-backend/lab_manifest.hpp"

namespace lmlab::real {

// True while the process exists and is not a zombie waiting to be reaped.
bool process_alive(pid_t pid);

// True if the running process `pid` belongs to the lab: its command line names the lab's
// directory or one of its namespaces, or it runs in one of those namespaces.
bool belongs_to_lab(pid_t pid, const LabManifest& manifest);

// Every running process of the lab but this one.
std::vector<pid_t> lab_processes(const LabManifest& manifest);

}  // namespace lmlab::real
