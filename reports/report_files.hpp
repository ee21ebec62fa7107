// Writes a run's report files so that a reader never sees a half-written set: every file
// is written in full to a temporary name first, then all are renamed into place.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace lmlab {

struct ReportFile {
  std::string name;  // file name inside the output directory
  std::string content;
};

// Creates `directory` if needed. Throws std::runtime_error naming the path and the cause;
// on failure no file of the set is left half-written.
void write_report_files(const std::string& directory, const std::vector<ReportFile>& files);

// One file at `path`, written the same way (its directory is created if needed).
void write_report_file(const std::string& path, const std::string& content);

}  // namespace lmlab
