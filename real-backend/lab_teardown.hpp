// Removing a lab: every daemon it started is stopped by the pid in its pidfile, every
// namespace it made is deleted, its directory is removed. Nothing else on the host is touched.
#pragma once

#include <string>
#include <sys/types.h>
#include <vector>

#include "real-backend/lab_manifest.hpp"

namespace lmlab::real {

// True while the process exists and is not a zombie waiting to be reaped.
bool process_alive(pid_t pid);

// Tears the lab down; safe on a lab that is partly built or partly torn down. Returns what
// could not be removed (empty when the host is clean of the lab).
std::vector<std::string> tear_down_lab(const LabManifest& manifest);

}  // namespace lmlab::real
