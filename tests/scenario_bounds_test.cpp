// lmlab reads only what it can play in bounded time and memory: regular files of at most
// 1 MiB, UTF-8 text, and bounded lists; beyond that, a clear error at file:line:col.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "sim/loader/scenario_loader.hpp"

namespace lmlab {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

constexpr const char* kScenario = R"(name: bounds
description: DESCRIPTION
duration: 5s
cluster:
  nodes: NODES
  network: {subnet: 192.168.0.0/16}
  strategy: naive
clients:
  - {name: c, node: a, mac: 02:00:00:00:00:01, ips: [192.168.0.1]}
vms:
  - {name: v, node: b, mac: 02:00:00:00:00:02, ips: [192.168.0.2], memory: 1Gi, dirty_rate: 0/s}
)";

std::string with(std::string text, const std::string& key, const std::string& value) {
  return text.replace(text.find(key), key.size(), value);
}

std::string scenario_with(const std::string& nodes, const std::string& description = "ok") {
  return with(with(kScenario, "NODES", nodes), "DESCRIPTION", description);
}

ScenarioError error_of(const std::function<void()>& load) {
  try {
    load();
  } catch (const ScenarioError& error) {
    return error;
  }
  ADD_FAILURE() << "loaded without error";
  return ScenarioError("", 0, 0, "");
}

TEST(ScenarioBounds, OnlyRegularFilesAreRead) {
  const auto error = error_of([] { load_scenario_file("/dev/zero"); });
  EXPECT_EQ(error.file(), "/dev/zero");
  EXPECT_EQ(error.message(), "not a regular file");
}

TEST(ScenarioBounds, AFileOverOneMebibyteIsRefusedUnread) {
  const auto path = fs::temp_directory_path() / "lmlab-bounds-large.yaml";
  std::ofstream(path) << scenario_with("[a, b]") << "# " << std::string(kMaxScenarioBytes, 'x');
  const auto error = error_of([&] { load_scenario_file(path.string()); });
  fs::remove(path);
  EXPECT_THAT(error.message(), HasSubstr("file larger than 1 MiB"));
}

TEST(ScenarioBounds, TextThatIsNotUtf8IsRefusedWhereItStarts) {
  const auto error =
      error_of([] { load_scenario_text(scenario_with("[a, b]", "caf\xe9"), "latin1.yaml"); });
  EXPECT_EQ(error.line(), 2);
  EXPECT_EQ(error.column(), 17);
  EXPECT_EQ(error.message(), "not UTF-8 text: a scenario file is UTF-8");
  // The same word in UTF-8 loads.
  EXPECT_EQ(load_scenario_text(scenario_with("[a, b]", "caf\xc3\xa9"), "utf8.yaml").description,
            "caf\xc3\xa9");
}

// Encoded surrogates (CESU-8) and overlong forms decode to something, but are not UTF-8.
TEST(ScenarioBounds, SurrogatesAndOverlongFormsAreNotUtf8) {
  for (const char* bad : {"\xed\xa0\x80", "\xe0\x80\xaf", "\xf4\x90\x80\x80"}) {
    const auto error = error_of(
        [&] { load_scenario_text(scenario_with("[a, b]", std::string("ab") + bad), "bad.yaml"); });
    EXPECT_EQ(error.line(), 2) << bad;
    EXPECT_EQ(error.column(), 16) << bad;
  }
}

TEST(ScenarioBounds, ListsHaveALimit) {
  std::string nodes = "[a, b";
  for (int n = 0; n < 63; ++n) nodes += ", n" + std::to_string(n);
  const auto error = error_of([&] { load_scenario_text(scenario_with(nodes + "]"), "many.yaml"); });
  EXPECT_EQ(error.line(), 5);
  EXPECT_EQ(error.message(), "too many node names: 65, at most 64");
}

}  // namespace
}  // namespace lmlab
