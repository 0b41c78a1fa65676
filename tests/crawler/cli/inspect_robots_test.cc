// Runs the real `hallyu inspect robots` binary.
#include <gtest/gtest.h>
#include <stdio.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/support/child_process.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

struct RunResult {
  int exit_code = -1;
  std::string out;
};

RunResult RunWithStdin(const std::string& args, const std::string& input) {
  std::string dir = testing::MakeTempDir("hallyu-inspect-robots-");
  std::string in_path = dir + "/in.txt";
  std::ofstream(in_path, std::ios::binary) << input;
  int status = -1;
  RunResult r;
  r.out = testing::RunShellCommand(
      testing::HallyuBinary() + " " + args + " < " + in_path + " 2>/dev/null", &status);
  if (status != -1 && WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  std::filesystem::remove_all(dir);
  return r;
}

const char kInput[] =
    "https://news.example.co.kr/admin/panel\n"
    "https://news.example.co.kr/admin/public/notice\n"
    "https://news.example.co.kr/search?q=bts\n"
    "https://news.example.co.kr/%EC%97%B0%EC%98%88/%EB%B9%84%EA%B3%B5%EA%B0%9C/1\n"
    "https://news.example.co.kr/article/1?print=1\n"
    "https://news.example.co.kr/member/join\n"
    "https://news.example.co.kr/member/joined\n"
    "/robots.txt\n"
    "not a url\n";

TEST(InspectRobotsCommand, OwnGroupForHallyu) {
  RunResult r = RunWithStdin(
      "inspect robots tests/data/robots/news_site.txt --agent 'Hallyu/0.1 (+https://x.example)'",
      kInput);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "disallowed\nallowed\nallowed\ndisallowed\nallowed\nallowed\nallowed\nallowed\n"
            "disallowed\n");
}

TEST(InspectRobotsCommand, StarGroupForOthers) {
  RunResult r =
      RunWithStdin("inspect robots tests/data/robots/news_site.txt --agent SomeBot", kInput);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "allowed\nallowed\ndisallowed\nallowed\ndisallowed\nallowed\ndisallowed\nallowed\n"
            "disallowed\n");
}

// An empty line is the root; a URL longer than the crawl's URL limit is still matched.
TEST(InspectRobotsCommand, EmptyLineIsTheRootAndLongUrlsAreMatched) {
  RunResult r = RunWithStdin("inspect robots tests/data/robots/news_site.txt --agent SomeBot",
                             "\nhttps://news.example.co.kr/search?q=" + std::string(9000, 'a') +
                                 "\nhttps://news.example.co.kr/" + std::string(9000, 'a') + "\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "allowed\ndisallowed\nallowed\n");
}

// A URL's path is matched as written: a percent-encoded unreserved character or a raw
// non-ASCII one is not rewritten before both readings of the rules see it.
TEST(InspectRobotsCommand, UrlPathIsMatchedAsWritten) {
  std::string dir = testing::MakeTempDir("hallyu-inspect-robots-file-");
  std::ofstream(dir + "/robots.txt", std::ios::binary)
      << "User-agent: *\nDisallow: /\nAllow: /docs/%61bout\nAllow: /위키/\n";
  RunResult r = RunWithStdin("inspect robots " + dir + "/robots.txt --agent SomeBot",
                             "https://h.example/docs/%61bout#top\n"
                             "https://h.example/docs/about\n"
                             "https://h.example/%EC%9C%84%ED%82%A4/p?q=1\n"
                             "https://h.example/위키/p\n");
  std::filesystem::remove_all(dir);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "allowed\ndisallowed\nallowed\ndisallowed\n");
}

TEST(InspectRobotsCommand, MissingFileFails) {
  RunResult r = RunWithStdin("inspect robots tests/data/robots/nope.txt --agent x", "/\n");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
}

}  // namespace
}  // namespace hallyu
