// Told the address a VM's packets came from, as its peer saw them (identity observation).
#pragma once

#include <functional>
#include <string>

namespace lmlab::real {

using SourceObserver = std::function<void(const std::string& ip)>;

}  // namespace lmlab::real
