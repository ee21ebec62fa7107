// The backends lmlab has. Adding one: a folder implementing sim/core/backend.hpp, and a line here.
#include <stdexcept>

#include "models/ns3_backend.hpp"
#include "real-backend/ovn_backend.hpp"
#include "sim/core/backend.hpp"

namespace lmlab {

const std::vector<const Backend*>& backends() {
  static const std::vector<const Backend*> all{&ns3_backend(), &ovn_backend()};
  return all;
}

const Backend& backend_named(const std::string& name) {
  std::string known;
  for (const Backend* backend : backends()) {
    if (backend->name() == name) return *backend;
    known += (known.empty() ? "" : ", ") + backend->name();
  }
  throw std::invalid_argument("unknown backend '" + name + "' (available: " + known + ")");
}

}  // namespace lmlab
