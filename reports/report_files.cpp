#include "reports/report_files.hpp"

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <system_error>

namespace lmlab {

namespace fs = std::filesystem;

namespace {
void write_whole(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path.string());
}
}  // namespace

void write_report_files(const std::string& directory, const std::vector<ReportFile>& files) {
  std::error_code error;
  fs::create_directories(directory, error);
  if (error) throw std::runtime_error("cannot create " + directory + ": " + error.message());
  std::vector<fs::path> staged;
  try {
    for (const auto& file : files) {
      staged.push_back(fs::path(directory) / ("." + file.name + ".partial"));
      write_whole(staged.back(), file.content);
    }
  } catch (...) {
    for (const auto& path : staged) fs::remove(path, error);
    throw;
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    fs::rename(staged[i], fs::path(directory) / files[i].name, error);
    if (error) throw std::runtime_error("cannot write " + files[i].name + ": " + error.message());
  }
}

void write_report_file(const std::string& path, const std::string& content) {
  const fs::path file(path);
  const fs::path directory = file.has_parent_path() ? file.parent_path() : fs::path(".");
  write_report_files(directory.string(), {{file.filename().string(), content}});
}

}  // namespace lmlab
