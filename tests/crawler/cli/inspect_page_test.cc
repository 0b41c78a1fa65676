// `hallyu inspect page FILE [--url URL]` prints the Document as JSON (runs the binary).
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/support/child_process.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

using hallyu::testing::RunShellCommand;

TEST(InspectPage, PrintsDocumentJson) {
  int status = -1;
  const std::string out =
      RunShellCommand(testing::HallyuBinary() + " inspect page " +
                          testing::SourcePath("tests/data/extract/21-ko-ost-singer.html") +
                          " --url https://n.news.example.com/mnews/article/120/0002000020",
                      &status);
  ASSERT_EQ(status, 0) << out;
  const auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["title"], "가수 이다온, 드라마 '달빛 장부' OST 두 번째 주자로 나선다");
  EXPECT_EQ(j["published_at"], "2024-05-08T01:12:00Z");
  EXPECT_EQ(j["updated_at"], "2024-05-08T02:40:00Z");
  EXPECT_EQ(j["authors"], nlohmann::json::array({"김민지"}));
  EXPECT_EQ(j["lang"], "ko");
  EXPECT_NE(j["text"].get<std::string>().find("물결 위의 편지"), std::string::npos);
  EXPECT_FALSE(j["links"].empty());
}

TEST(InspectPage, MissingFileFails) {
  int status = -1;
  RunShellCommand(testing::HallyuBinary() + " inspect page /nonexistent/page.html 2>/dev/null",
                  &status);
  EXPECT_NE(status, 0);
}

// A page saved in EUC-KR that says so only in its <meta> comes out as Hangul, not mojibake
// (the file used to be read as UTF-8 whatever it declared).
TEST(InspectPage, DecodesTheCharsetTheMetaDeclares) {
  const std::string utf8 =
      "<html><head><meta charset=\"euc-kr\"><title>드라마 출연 확정</title></head><body>"
      "<div class=\"article-body\"><p>배우 한지민이 새 드라마 출연을 확정했다고 소속사가 "
      "밝혔다. 촬영은 다음 달 시작된다.</p><p>제작진은 올해 하반기 방송을 목표로 준비하고 "
      "있다고 전했다.</p></div></body></html>";
  char path[] = "/tmp/hallyu-inspect-euckr-XXXXXX";
  const int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  close(fd);
  // Convert with iconv(1) so the test does not depend on our own encoder.
  int status = -1;
  RunShellCommand("printf '%s' '" + utf8 + "' | iconv -f UTF-8 -t EUC-KR > " + path, &status);
  ASSERT_EQ(status, 0);
  const std::string out =
      RunShellCommand(testing::HallyuBinary() + " inspect page " + path, &status);
  std::remove(path);
  ASSERT_EQ(status, 0) << out;
  const auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["title"], "드라마 출연 확정");
  EXPECT_NE(j["text"].get<std::string>().find("한지민이 새 드라마"), std::string::npos) << out;
}

}  // namespace
}  // namespace hallyu
