// Runs the real `hallyu inspect feed` binary and checks what it prints.
#include <gtest/gtest.h>
#include <stdio.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/child_process.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

using ::hallyu::testing::HallyuBinary;
using ::hallyu::testing::MakeTempDir;
using ::hallyu::testing::RunShellCommand;
using ::hallyu::testing::SourcePath;

struct CommandRun {
  int exit_code;
  std::string out;
};

CommandRun RunHallyu(const std::string& args) {
  int status = -1;
  CommandRun r{-1, RunShellCommand(HallyuBinary() + " " + args + " 2>&1", &status)};
  if (status != -1 && WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  return r;
}

TEST(InspectFeedCommand, PrintsEntriesWithRfc3339TimesOrNull) {
  CommandRun r = RunHallyu("inspect feed " + SourcePath("tests/data/feeds/rss2_bad_dates.xml"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["title"], "Broken Dates Entertainment");
  EXPECT_EQ(j["link"], "https://brokendates.example.com");
  ASSERT_EQ(j["entries"].size(), 5u);
  const nlohmann::json& e0 = j["entries"][0];
  for (const char* key :
       {"id", "title", "link", "published_at", "updated_at", "summary", "authors"}) {
    EXPECT_TRUE(e0.contains(key)) << key;
  }
  EXPECT_TRUE(e0["published_at"].is_null());
  EXPECT_TRUE(e0["updated_at"].is_null());
  EXPECT_EQ(j["entries"][3]["published_at"], "2024-05-01T06:20:00Z");
  EXPECT_TRUE(j["entries"][0]["authors"].is_array());
}

TEST(InspectFeedCommand, UrlResolvesRelativeLinksAndTzAppliesToKoreanDates) {
  CommandRun r =
      RunHallyu("inspect feed " + SourcePath("tests/data/feeds/rss2_relative_links.xml") +
                " --url https://news.example.co.kr/rss/all.xml");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["entries"][0]["link"],
            "https://news.example.co.kr/news/articleView.html?idxno=12345");

  r = RunHallyu("inspect feed " + SourcePath("tests/data/feeds/rss2_korean_kst.xml") + " --tz KST");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["entries"][1]["published_at"], "2024-05-01T06:20:00Z");
  EXPECT_EQ(j["entries"][0]["authors"][0], "김민지 기자");
}

TEST(InspectFeedCommand, AtomAndJsonFeed) {
  CommandRun r = RunHallyu("inspect feed " + SourcePath("tests/data/feeds/atom_basic.xml"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["entries"][0]["updated_at"], "2024-05-01T07:00:00Z");
  EXPECT_EQ(j["entries"][0]["authors"].size(), 2u);
  r = RunHallyu("inspect feed " + SourcePath("tests/data/feeds/jsonfeed_11.json"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["entries"][0]["id"], "jw-2024-0501-1");
}

TEST(InspectFeedCommand, NotAFeedFailsWithMessage) {
  CommandRun r = RunHallyu("inspect feed " + SourcePath("tests/data/feeds/not_a_feed.html"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("not a feed"), std::string::npos) << r.out;
  r = RunHallyu("inspect feed /nonexistent/feed.xml");
  EXPECT_NE(r.exit_code, 0);
}

TEST(InspectFeedCommand, FiftyMegabyteFileRefusedAtCap) {
  std::string dir = MakeTempDir("hallyu-feed-");
  std::string path = dir + "/big.xml";
  {
    std::ofstream out(path, std::ios::binary);
    out << "<rss version=\"2.0\"><channel><title>Big</title>";
    std::string item = "<item><title>x</title><link>https://big.example.com/x</link></item>\n";
    for (size_t written = 0; written < (50u << 20); written += item.size()) out << item;
    out << "</channel></rss>";
  }
  CommandRun r = RunHallyu("inspect feed " + path);
  std::filesystem::remove_all(dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("too_large"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace hallyu
