// Errors of the real workloads say which workload and namespace they concern, then the cause.
#pragma once

#include <exception>
#include <stdexcept>
#include <string>
#include <utility>

namespace lmlab::real {

// Runs fn; whatever it throws comes out as std::runtime_error("<context>: <cause>").
template <typename Fn>
decltype(auto) with_context(const std::string& context, Fn&& fn) {
  try {
    return std::forward<Fn>(fn)();
  } catch (const std::exception& error) {
    throw std::runtime_error(context + ": " + error.what());
  }
}

}  // namespace lmlab::real
