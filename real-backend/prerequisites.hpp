// What the real backend needs from the host before it creates anything: root, and the
// programs and schemas of the Debian packages it drives.
#pragma once

namespace lmlab::real {

// Throws std::runtime_error naming what is missing and the Debian package that provides it.
void check_prerequisites();

}  // namespace lmlab::real
