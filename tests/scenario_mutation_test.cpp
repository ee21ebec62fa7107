// Deterministic fuzzing of the scenario loader: whatever the text, it returns a Scenario or
// throws a located ScenarioError, and nothing else.
#include "sim/loader/scenario_loader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace lmlab {
namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::string& valid_scenario() {
  static const std::string text =
      read_text(std::string(LMLAB_SOURCE_DIR) + "/scenarios/tcp-survival.yaml");
  return text;
}

enum class Outcome { loaded, rejected };

// The property under test. Returns which way the loader went; fails the test on anything else.
Outcome load_checked(const std::string& text, const std::string& label) {
  try {
    load_scenario_text(text, "mutant.yaml");
    return Outcome::loaded;
  } catch (const ScenarioError& error) {
    EXPECT_GE(error.line(), 1) << label << ": " << error.what() << "\n" << text;
    EXPECT_GE(error.column(), 1) << label << ": " << error.what() << "\n" << text;
    EXPECT_FALSE(error.message().empty()) << label << "\n" << text;
    EXPECT_EQ(error.file(), "mutant.yaml");
  } catch (const std::exception& error) {
    ADD_FAILURE() << label << ": threw " << error.what() << "\n" << text;
  } catch (...) {
    ADD_FAILURE() << label << ": threw a non-standard exception\n" << text;
  }
  return Outcome::rejected;
}

// Random edits of a text, reproducible from the seed. Uses the engine's raw output (not the
// standard distributions, whose results differ between library implementations).
class Mutator {
 public:
  explicit Mutator(std::uint32_t seed) : random_(seed) {}

  std::string mutate(std::string text) {
    const int edits = 1 + static_cast<int>(below(3));
    for (int i = 0; i < edits; ++i) text = mutate_once(text);
    return text;
  }

 private:
  std::string mutate_once(const std::string& text) {
    switch (below(9)) {
      case 0: return edit_lines(text, [&](auto& lines) { lines.erase(pick(lines)); });
      case 1: return edit_lines(text, [&](auto& lines) { duplicate_line(lines); });
      case 2: return edit_lines(text, [&](auto& lines) { swap_lines(lines); });
      case 3: return edit_lines(text, [&](auto& lines) { pick(lines)->insert(0, indentation()); });
      case 4: return flip_character(text);
      case 5: return text.substr(0, below(text.size() + 1));
      case 6: return insert_random_bytes(text);
      case 7: return replace_value(text);
      default: return insert_token(text);
    }
  }

  std::size_t below(std::size_t bound) { return bound == 0 ? 0 : random_() % bound; }

  template <typename Edit>
  std::string edit_lines(const std::string& text, Edit edit) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    if (lines.empty()) return text;
    edit(lines);
    std::string result;
    for (const std::string& line : lines) result += line + "\n";
    return result;
  }

  std::vector<std::string>::iterator pick(std::vector<std::string>& lines) {
    return lines.begin() + static_cast<std::ptrdiff_t>(below(lines.size()));
  }

  // Each random draw is its own statement: argument evaluation order is unspecified.
  void duplicate_line(std::vector<std::string>& lines) {
    const std::string copy = *pick(lines);
    lines.insert(pick(lines), copy);
  }

  void swap_lines(std::vector<std::string>& lines) {
    const auto first = pick(lines);
    std::iter_swap(first, pick(lines));
  }

  std::string indentation() {
    static const std::array<const char*, 5> kIndents = {" ", "  ", "    ", "\t", "- "};
    return kIndents[below(kIndents.size())];
  }

  std::string flip_character(std::string text) {
    if (text.empty()) return text;
    text[below(text.size())] = static_cast<char>(below(256));
    return text;
  }

  std::string insert_random_bytes(std::string text) {
    std::string bytes;
    for (std::size_t n = 1 + below(8); n > 0; --n) bytes += static_cast<char>(below(256));
    return text.insert(below(text.size() + 1), bytes);
  }

  // Swaps the value after a random ": " for one that is well-formed YAML but often wrong.
  std::string replace_value(std::string text) {
    static const std::array<const char*, 20> kValues = {
        "0", "-1", "~", "[]", "{}", "true", "fast", "1ms", "0s", "1e9", "99999999999999999999",
        "10Gbps", "1Gi", "node-a", "vm1", "client", "\"\"", "[node-a]", "ff:ff:ff:ff:ff:ff",
        "10.16.0.10"};
    const auto colon = text.find(": ", below(text.size()));
    if (colon == std::string::npos) return text;
    const auto value_end = std::min(text.find('\n', colon), text.size());
    return text.replace(colon + 2, value_end - colon - 2, kValues[below(kValues.size())]);
  }

  // YAML punctuation in random places.
  std::string insert_token(std::string text) {
    static const std::array<const char*, 14> kTokens = {
        ":", "- ", "[", "]", "{", "}", "&a ", "*a", "!!int ", "---\n", "? ", "\"", "'", "#"};
    return text.insert(below(text.size() + 1), kTokens[below(kTokens.size())]);
  }

  std::mt19937 random_;
};

TEST(ScenarioMutation, TheValidScenarioLoads) {
  EXPECT_EQ(load_checked(valid_scenario(), "original"), Outcome::loaded);
}

TEST(ScenarioMutation, EveryTruncationLoadsOrIsLocated) {
  const std::string& text = valid_scenario();
  for (std::size_t length = 0; length <= text.size(); ++length) {
    load_checked(text.substr(0, length), "truncated to " + std::to_string(length));
  }
}

TEST(ScenarioMutation, RandomMutantsLoadOrAreLocated) {
  constexpr std::uint32_t kMutants = 4000;
  int loaded = 0;
  int rejected = 0;
  for (std::uint32_t seed = 1; seed <= kMutants; ++seed) {
    const std::string mutant = Mutator(seed).mutate(valid_scenario());
    const Outcome outcome = load_checked(mutant, "seed " + std::to_string(seed));
    (outcome == Outcome::loaded ? loaded : rejected) += 1;
  }
  // Both outcomes must be common, or the mutations are too weak or too destructive.
  EXPECT_GT(loaded, static_cast<int>(kMutants / 20));
  EXPECT_GT(rejected, static_cast<int>(kMutants / 2));
}

}  // namespace
}  // namespace lmlab
