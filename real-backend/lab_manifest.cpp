#include "real-backend/lab_manifest.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace lmlab::real {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {
constexpr const char* kManifestFile = "lab.json";

json to_json(const LabDaemon& daemon) {
  return {{"name", daemon.name},
          {"pidfile", daemon.pidfile},
          {"control_socket", daemon.control_socket},
          {"exit_arguments", daemon.exit_arguments}};
}
}  // namespace

void save_manifest(const LabManifest& manifest) {
  json daemons = json::array();
  for (const auto& daemon : manifest.daemons) daemons.push_back(to_json(daemon));
  const json document = {{"id", manifest.id},
                         {"directory", manifest.directory},
                         {"owner", manifest.owner},
                         {"scenario", manifest.scenario},
                         {"namespaces", manifest.namespaces},
                         {"daemons", daemons}};
  const auto path = fs::path(manifest.directory) / kManifestFile;
  const auto staged = fs::path(manifest.directory) / (std::string(kManifestFile) + ".new");
  {
    std::ofstream out(staged);
    out << document.dump(2) << '\n';
    if (!out) throw std::runtime_error("cannot write " + staged.string());
  }
  fs::rename(staged, path);
}

LabManifest load_manifest(const std::string& directory) {
  const auto path = fs::path(directory) / kManifestFile;
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  try {
    const json document = json::parse(in);
    LabManifest manifest;
    manifest.id = document.at("id").get<std::string>();
    manifest.directory = document.at("directory").get<std::string>();
    manifest.owner = document.at("owner").get<pid_t>();
    manifest.scenario = document.at("scenario").get<std::string>();
    manifest.namespaces = document.at("namespaces").get<std::vector<std::string>>();
    for (const auto& daemon : document.at("daemons"))
      manifest.daemons.push_back({daemon.at("name").get<std::string>(),
                                  daemon.at("pidfile").get<std::string>(),
                                  daemon.at("control_socket").get<std::string>(),
                                  daemon.at("exit_arguments").get<std::vector<std::string>>()});
    return manifest;
  } catch (const json::exception& error) {
    throw std::runtime_error(path.string() + ": " + error.what());
  }
}

void remove_lab_directory(const std::string& directory) {
  for (const auto& entry : fs::directory_iterator(directory))
    if (entry.path().filename() != kManifestFile) fs::remove_all(entry.path());
  fs::remove_all(directory);
}

std::vector<std::string> find_lab_directories() {
  std::vector<std::string> directories;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(kLabStateRoot, error))
    if (fs::exists(entry.path() / kManifestFile)) directories.push_back(entry.path().string());
  std::sort(directories.begin(), directories.end());
  return directories;
}

}  // namespace lmlab::real
