// Runs the real `hallyu inspect url` binary.
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
  std::string dir = testing::MakeTempDir("hallyu-inspect-url-");
  std::string in_path = dir + "/in.txt";
  std::ofstream(in_path, std::ios::binary) << input;
  int status = -1;
  RunResult r;
  r.out = testing::RunShellCommand(testing::HallyuBinary() + " " + args + " < " + in_path, &status);
  if (status != -1 && WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  std::filesystem::remove_all(dir);
  return r;
}

TEST(InspectUrlCommand, KeyNormalisesEachLineInOrder) {
  RunResult r = RunWithStdin("inspect url --key",
                             "HTTP://Example.COM:80/a/./b/../c?utm_source=x&id=1#frag\n"
                             "ftp://example.com/\n"
                             "not a url\n"
                             "https://뉴스.example/기사\n"
                             "\n"
                             "https://example.com/p?fbclid=1\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "http://example.com/a/c?id=1\n"
            "invalid\n"
            "invalid\n"
            "https://xn--vg1b002a.example/%EA%B8%B0%EC%82%AC\n"
            "invalid\n"
            "https://example.com/p\n");
}

TEST(InspectUrlCommand, KeyResolvesAgainstBase) {
  RunResult r =
      RunWithStdin("inspect url --key --base https://news.example.co.kr/ent/list.php?page=2",
                   "view.php?id=7\n/top\n../up\n//cdn.example/x.js\n#s\nmailto:a@b.c\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "https://news.example.co.kr/ent/view.php?id=7\n"
            "https://news.example.co.kr/top\n"
            "https://news.example.co.kr/up\n"
            "https://cdn.example/x.js\n"
            "https://news.example.co.kr/ent/list.php?page=2\n"
            "invalid\n");
}

// Without --key the answer is the parsed URL as the URL Standard serialises it: fragment,
// tracking parameters and an empty query kept, percent-encoding left as written.
TEST(InspectUrlCommand, PrintsTheParsedUrlByDefault) {
  RunResult r = RunWithStdin("inspect url",
                             "HTTP://Example.COM:80/a/./b/../c?utm_source=x&id=1#frag\n"
                             "https://example.com/a?\n"
                             "http:\\\\example.com\\x%7e\n"
                             "https://user:@example.com/\n"
                             "ftp://example.com/\n"
                             "not a url\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "http://example.com/a/c?utm_source=x&id=1#frag\n"
            "https://example.com/a?\n"
            "http://example.com/x%7e\n"
            "https://user@example.com/\n"
            "ftp://example.com/\n"
            "invalid\n");
}

TEST(InspectUrlCommand, ResolvesLikeABrowserAgainstBase) {
  RunResult r = RunWithStdin("inspect url --base http://example.org/foo/bar",
                             "http:baz\n\\\\other.example\\x\n?q\n#f\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "http://example.org/foo/baz\n"
            "http://other.example/x\n"
            "http://example.org/foo/bar?q\n"
            "http://example.org/foo/bar#f\n");
}

// A browser reads non-special schemes too (opaque paths, opaque hosts); inspect url prints
// them as the standard does, while the crawl key (--key) still refuses what is not fetched.
TEST(InspectUrlCommand, PrintsNonSpecialSchemesButKeyRefusesThem) {
  const std::string input =
      "mailto:Fan.Club@Example.kr\ntel:+82-2-123\nX-App://Repo.Example.kr:22/a/../b\n"
      "x-app:/a/..//p\nfile:///tmp/x\n";
  RunResult r = RunWithStdin("inspect url --base https://news.example.kr/ent/", input);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "mailto:Fan.Club@Example.kr\n"
            "tel:+82-2-123\n"
            "x-app://Repo.Example.kr:22/b\n"
            "x-app:/.//p\n"
            "invalid\n");
  RunResult key = RunWithStdin("inspect url --key", input);
  EXPECT_EQ(key.exit_code, 0);
  EXPECT_EQ(key.out, "invalid\ninvalid\ninvalid\ninvalid\ninvalid\n");
}

// -z: records end with NUL, so a URL may contain a newline (removed by the parser).
TEST(InspectUrlCommand, NulSeparatedRecordsMayContainNewlines) {
  using namespace std::string_literals;
  RunResult r = RunWithStdin("inspect url -z", "http://exa\nmple.com/\0bad\0"s);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "http://example.com/\0invalid\0"s);
}

TEST(InspectUrlCommand, BadBaseIsUsageError) {
  RunResult r = RunWithStdin("inspect url --base relative/only", "x\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
}

TEST(InspectUrlCommand, UsesConfiguredTrackingParams) {
  // configs/default.yaml lists mc_cid among extra_tracking_params.
  RunResult r = RunWithStdin("--config configs/default.yaml inspect url --key",
                             "https://example.com/a?mc_cid=9&k=v\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "https://example.com/a?k=v\n");
}

}  // namespace
}  // namespace hallyu
