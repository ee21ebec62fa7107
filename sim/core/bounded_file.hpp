// Reads an input file whole, within a size limit: only a regular file, so a device, a pipe or
// a huge file is refused before it is read, and lmlab's memory stays bounded by the limit.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace lmlab {

// what() says why, without the path: each reader puts the path where its messages do.
class BoundedFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The whole file; `kind` names it in the message when it is too large ("a scenario file").
std::string read_bounded_file(const std::string& path, std::size_t max_bytes,
                              const std::string& kind);

}  // namespace lmlab
