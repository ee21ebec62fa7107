#include "real-backend/lab_processes.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace lmlab::real {

namespace fs = std::filesystem;

namespace {

// What could be read of the file. Reading the /proc files of a process that is exiting fails
// (an istreambuf_iterator would throw); that must not stop a teardown.
std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// What the processes of one lab refer to.
class LabMarks {
 public:
  explicit LabMarks(const LabManifest& manifest) : directory_(manifest.directory + "/") {
    for (const auto& name : manifest.namespaces) {
      // Command-line words are separated by NULs: a whole word, not part of one.
      namespace_words_.push_back('\0' + name + '\0');
      struct stat info {};
      if (stat(("/run/netns/" + name).c_str(), &info) == 0)
        namespace_links_.push_back("net:[" + std::to_string(info.st_ino) + "]");
    }
  }

  bool matches(pid_t pid) const {
    const auto proc = "/proc/" + std::to_string(pid);
    const auto command_line = '\0' + read_text(proc + "/cmdline");
    if (command_line.find(directory_) != std::string::npos) return true;
    for (const auto& word : namespace_words_)
      if (command_line.find(word) != std::string::npos) return true;
    std::error_code error;
    const auto netns = fs::read_symlink(proc + "/ns/net", error).string();
    return std::find(namespace_links_.begin(), namespace_links_.end(), netns) !=
           namespace_links_.end();
  }

 private:
  std::string directory_;
  std::vector<std::string> namespace_words_;
  std::vector<std::string> namespace_links_;  // as /proc/<pid>/ns/net reads: "net:[inode]"
};

}  // namespace

bool process_alive(pid_t pid) {
  // Detached daemons are reparented to PID 1, which may reap them only later: a zombie (Z)
  // or a dying process (X) has stopped.
  const auto stat = read_text("/proc/" + std::to_string(pid) + "/stat");
  const auto name_end = stat.rfind(')');
  if (name_end == std::string::npos || name_end + 2 >= stat.size()) return false;
  const char state = stat[name_end + 2];
  return state != 'Z' && state != 'X';
}

bool belongs_to_lab(pid_t pid, const LabManifest& manifest) {
  return LabMarks(manifest).matches(pid) && process_alive(pid);
}

std::vector<pid_t> lab_processes(const LabManifest& manifest) {
  const LabMarks marks(manifest);
  std::vector<pid_t> found;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator("/proc", error)) {
    const auto name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    const auto pid = static_cast<pid_t>(std::stol(name));
    if (pid != getpid() && marks.matches(pid) && process_alive(pid)) found.push_back(pid);
  }
  return found;
}

}  // namespace lmlab::real
