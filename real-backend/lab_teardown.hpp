// Removing a lab: every daemon it started is asked to exit, whatever of it still runs is
// stopped with signals, every namespace it made is deleted, its directory is removed. Nothing
// else on the host is touched.
#pragma once

#include <string>
#include <vector>

#include "real-backend/lab_manifest.hpp"

namespace lmlab::real {

// Tears the lab down; safe on a lab that is partly built or partly torn down, and while its
// owner's last commands are still running. Returns what could not be removed (empty when the
// host is clean of the lab); the manifest then stays, for `lmlab lab down` to try again.
std::vector<std::string> tear_down_lab(const LabManifest& manifest);

}  // namespace lmlab::real
