#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/paths.h"

namespace hallyu {
namespace {

using hallyu::testing::HallyuBinary;
using hallyu::testing::MakeTempDir;
using hallyu::testing::SourcePath;

std::string RunCommand(const std::string& cmd, int* status) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return out;
  char buf[4096];
  size_t n = 0;
  while ((n = fread(buf, 1, sizeof(buf), p)) > 0) out.append(buf, n);
  *status = pclose(p);
  return out;
}

TEST(DetectCli, PrintsOneJsonLinePerEventForTextAndHtml) {
  const std::string dir = MakeTempDir("detect_cli");
  {
    std::ofstream(dir + "/a.txt") << "Kim Ji-won and Park Bo-gum have been cast in the Netflix "
                                     "series 'Blue Hour'.\nUnrelated sentence.\n";
    std::ofstream(dir + "/b.html")
        << "<html><head><title>x</title><script>var s='IU to sing OST for \\'X\\'';</script>"
           "</head><body><article><h1>아이유, '눈물의 여왕' OST 가창</h1>"
           "<p>가수 아이유가 tvN 드라마 '눈물의 여왕' OST 가창에 나선다고 소속사가 밝혔다. "
           "이번 곡은 극 중 두 주인공의 감정을 담은 발라드로 알려졌다.</p>"
           "<p>제작진은 아이유의 목소리가 작품의 분위기와 잘 어울린다고 설명했다. "
           "음원은 다음 주 각종 음원 사이트를 통해 공개될 예정이다.</p>"
           "<p>드라마는 매주 토요일과 일요일 밤 방송되며 높은 관심을 받고 있다.</p>"
           "</article></body></html>";
  }
  int status = 0;
  const std::string out =
      RunCommand(HallyuBinary() + " detect --lang en " + dir + "/a.txt", &status);
  EXPECT_EQ(status, 0);
  std::istringstream lines(out);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    auto j = nlohmann::json::parse(line);
    EXPECT_EQ(j["schema"], "hallyu.casting/1");
    EXPECT_EQ(j["work"]["title"], "Blue Hour");
    ++count;
  }
  EXPECT_EQ(count, 2);
  const std::string html = RunCommand(HallyuBinary() + " detect " + dir + "/b.html", &status);
  EXPECT_EQ(status, 0);
  auto j = nlohmann::json::parse(html.substr(0, html.find('\n')));
  EXPECT_EQ(j["schema"], "hallyu.ost/1");
  EXPECT_EQ(j["artist"]["name"], "IU");
  EXPECT_EQ(html.find("\"X\""), std::string::npos);  // script text is not visible text
  RunCommand(HallyuBinary() + " detect --lang fr " + dir + "/a.txt 2>/dev/null", &status);
  EXPECT_NE(status, 0);
  std::filesystem::remove_all(dir);
}

// An HTML page goes through the real article extraction: the announcement in
// the article body is found, the ones in the navigation, ticker, related
// articles box and footer are not.
TEST(DetectCli, HtmlPageDetectsOnlyTheArticleBody) {
  int status = 0;
  const std::string out = RunCommand(
      HallyuBinary() + " detect " + SourcePath("tests/data/detect/article_with_boilerplate.html"),
      &status);
  EXPECT_EQ(status, 0);
  std::istringstream lines(out);
  std::string line;
  std::vector<nlohmann::json> events;
  while (std::getline(lines, line)) events.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(events.size(), 1u) << out;
  EXPECT_EQ(events[0]["schema"], "hallyu.casting/1");
  EXPECT_EQ(events[0]["person"]["name"], "Han So-hee");
  EXPECT_EQ(events[0]["work"]["title"], "Harbor Lights");
  EXPECT_EQ(events[0]["status"], "confirmed");
  for (const char* boiler : {"Winter Garden", "Glass River", "Moonlit Bakery", "Paper Cranes",
                             "Silver Tide", "Night Courier"}) {
    EXPECT_EQ(out.find(boiler), std::string::npos) << boiler;
  }
}

}  // namespace
}  // namespace hallyu
