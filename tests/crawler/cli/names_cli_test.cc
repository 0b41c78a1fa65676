// `hallyu names list|correct` (issue 14): the learned names of a crawl's state,
// found the way `crawl` finds its state (--config state.path, or --state).

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "crawler/store/learned_names_store.h"
#include "tests/support/child_process.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

using hallyu::testing::RunShellCommand;

using hallyu::testing::HallyuBinary;
using hallyu::testing::MakeTempDir;
using hallyu::testing::SourcePath;

std::vector<nlohmann::json> JsonLines(const std::string& out) {
  std::vector<nlohmann::json> rows;
  std::istringstream lines(out);
  std::string line;
  while (std::getline(lines, line)) rows.push_back(nlohmann::json::parse(line));
  return rows;
}

TEST(NamesCli, ListsCorrectsAndForgetsLearnedNames) {
  const std::string dir = MakeTempDir("names_cli");
  const std::string state = dir + "/state.db";
  {
    auto store = LearnedNamesStore::Open(state + ".names");
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    LearnedFacts f;
    f.singer = true;
    ASSERT_TRUE(
        (*store)->Record("Yoon Da-bin", f, "https://news.test/1", "2026-01-02T00:00:00Z").ok());
    f.actor = true;  // a name the shipped gazetteer knows
    ASSERT_TRUE(
        (*store)->Record("Cha Eun-woo", f, "https://news.test/2", "2026-01-03T00:00:00Z").ok());
  }
  const std::string config = dir + "/hallyu.yaml";
  std::ofstream(config) << "state: {path: " << state << "}\n"
                        << "detect: {gazetteer: " << SourcePath("configs/gazetteer") << "}\n";
  int status = -1;
  // through the configuration's state.path
  auto rows = JsonLines(
      RunShellCommand(HallyuBinary() + " --config " + config + " names list --json", &status));
  EXPECT_EQ(status, 0);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["name"], "Cha Eun-woo");  // most recently seen first
  EXPECT_EQ(rows[1]["name"], "Yoon Da-bin");
  EXPECT_EQ(rows[1]["known_as"]["singer"], true);
  EXPECT_EQ(rows[1]["facts"][0]["source_url"], "https://news.test/1");

  rows = JsonLines(RunShellCommand(
      HallyuBinary() + " --config " + config + " names list --json --unresolved-only", &status));
  EXPECT_EQ(status, 0);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["name"], "Yoon Da-bin");

  // through --state, as `crawl` would store it
  const std::string out = RunShellCommand(
      HallyuBinary() + " names correct 'Yoon Da-bin' --actor --native " + "윤다빈 --state " + state,
      &status);
  EXPECT_EQ(status, 0) << out;
  rows =
      JsonLines(RunShellCommand(HallyuBinary() + " names list --json --state " + state, &status));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["name"], "Yoon Da-bin");
  EXPECT_EQ(rows[0]["corrected"], true);
  EXPECT_EQ(rows[0]["known_as"]["actor"], true);
  EXPECT_EQ(rows[0]["known_as"]["singer"], false);  // the correction's kinds win
  EXPECT_EQ(rows[0]["known_as"]["native"], "윤다빈");

  const std::string table =
      RunShellCommand(HallyuBinary() + " names list --state " + state, &status);
  EXPECT_EQ(status, 0);
  EXPECT_NE(table.find("Yoon Da-bin\tactor, native=윤다빈\tyes"), std::string::npos) << table;

  RunShellCommand(HallyuBinary() + " names correct 'Yoon Da-bin' --state " + state + " 2>/dev/null",
                  &status);
  EXPECT_EQ(WEXITSTATUS(status), 2);  // nothing said
  RunShellCommand(HallyuBinary() + " names correct 'Yoon Da-bin' --forget --state " + state,
                  &status);
  EXPECT_EQ(status, 0);
  rows =
      JsonLines(RunShellCommand(HallyuBinary() + " names list --json --state " + state, &status));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["name"], "Cha Eun-woo");
  RunShellCommand(
      HallyuBinary() + " names correct 'Yoon Da-bin' --forget --state " + state + " 2>/dev/null",
      &status);
  EXPECT_EQ(WEXITSTATUS(status), 1);  // unknown name
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace hallyu
