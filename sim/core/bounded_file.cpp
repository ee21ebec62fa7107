#include "sim/core/bounded_file.hpp"

#include <sys/stat.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace lmlab {

namespace {

// "1 MiB" for whole mebibytes, bytes otherwise.
std::string size_text(std::size_t bytes) {
  constexpr std::size_t kMebibyte = std::size_t{1} << 20;
  if (bytes % kMebibyte == 0) return std::to_string(bytes / kMebibyte) + " MiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace

std::string read_bounded_file(const std::string& path, std::size_t max_bytes,
                              const std::string& kind) {
  const auto unreadable = [] {
    return BoundedFileError(std::string("cannot read file: ") + std::strerror(errno));
  };
  const auto too_large = [&] {
    return BoundedFileError("file larger than " + size_text(max_bytes) + "; " + kind +
                            " is at most that");
  };
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                             &std::fclose);
  if (!file) throw unreadable();
  struct stat status {};
  if (fstat(fileno(file.get()), &status) != 0) throw unreadable();
  if (!S_ISREG(status.st_mode)) throw BoundedFileError("not a regular file");
  if (static_cast<std::uint64_t>(status.st_size) > max_bytes) throw too_large();
  std::string text;
  std::array<char, 65536> buffer;
  while (const std::size_t count = std::fread(buffer.data(), 1, buffer.size(), file.get())) {
    text.append(buffer.data(), count);
    if (text.size() > max_bytes) throw too_large();  // it grew while read
  }
  if (std::ferror(file.get())) throw unreadable();
  return text;
}

}  // namespace lmlab
