#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/child_process.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

using hallyu::testing::RunShellCommand;

using hallyu::testing::HallyuBinary;
using hallyu::testing::MakeTempDir;
using hallyu::testing::SourcePath;

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
      RunShellCommand(HallyuBinary() + " detect --lang en " + dir + "/a.txt", &status);
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
  const std::string html = RunShellCommand(HallyuBinary() + " detect " + dir + "/b.html", &status);
  EXPECT_EQ(status, 0);
  auto j = nlohmann::json::parse(html.substr(0, html.find('\n')));
  EXPECT_EQ(j["schema"], "hallyu.ost/1");
  EXPECT_EQ(j["artist"]["name"], "IU");
  EXPECT_EQ(html.find("\"X\""), std::string::npos);  // script text is not visible text
  RunShellCommand(HallyuBinary() + " detect --lang fr " + dir + "/a.txt 2>/dev/null", &status);
  EXPECT_NE(status, 0);
  std::filesystem::remove_all(dir);
}

// `--explain` writes the mentions, cues and decisions to stderr; stdout keeps
// only the JSON lines.
TEST(DetectCli, ExplainGoesToStderrAndLeavesStdoutJson) {
  const std::string dir = MakeTempDir("detect_cli_explain");
  std::ofstream(dir + "/a.txt") << "Kim Ji-won has been cast in tvN's new drama 'Blue Hour'.\n";
  int status = 0;
  const std::string out = RunShellCommand(
      HallyuBinary() + " detect --explain --lang en " + dir + "/a.txt 2>" + dir + "/err.txt",
      &status);
  EXPECT_EQ(status, 0);
  std::istringstream lines(out);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    auto j = nlohmann::json::parse(line);  // throws (fails) on anything but JSON
    EXPECT_EQ(j["person"]["name"], "Kim Ji-won");
    ++count;
  }
  EXPECT_EQ(count, 1) << out;
  std::ifstream err_in(dir + "/err.txt");
  const std::string err((std::istreambuf_iterator<char>(err_in)), std::istreambuf_iterator<char>());
  EXPECT_NE(err.find("language: en"), std::string::npos) << err;
  EXPECT_NE(err.find("sentence 0"), std::string::npos) << err;
  EXPECT_NE(err.find("person 'Kim Ji-won'"), std::string::npos) << err;
  EXPECT_NE(err.find("work 'Blue Hour'"), std::string::npos) << err;
  EXPECT_NE(err.find("cue casting.en."), std::string::npos) << err;
  EXPECT_NE(err.find("decision:"), std::string::npos) << err;
  // Without --explain nothing is written to stderr.
  RunShellCommand(
      HallyuBinary() + " detect --lang en " + dir + "/a.txt >/dev/null 2>" + dir + "/quiet.txt",
      &status);
  EXPECT_EQ(status, 0);
  EXPECT_EQ(std::filesystem::file_size(dir + "/quiet.txt"), 0u);
  std::filesystem::remove_all(dir);
}

TEST(DetectCli, ErrorsForMissingFilesAndBadRules) {
  const std::string dir = MakeTempDir("detect_cli_errors");
  int status = 0;
  std::string out =
      RunShellCommand(HallyuBinary() + " detect " + dir + "/no-such-file.txt 2>&1", &status);
  EXPECT_NE(status, 0);
  EXPECT_NE(out.find("cannot read"), std::string::npos) << out;
  EXPECT_NE(out.find("no-such-file.txt"), std::string::npos) << out;
  // A broken cue file fails at load with the file, the rule id and the reason.
  std::filesystem::create_directories(dir + "/rules");
  std::ofstream(dir + "/rules/casting.en.yaml")
      << "lang: en\ntype: casting\nrules:\n  - id: casting.en.oops\n    status: confirmed\n"
         "    pattern: '(unclosed'\n";
  std::ofstream(dir + "/a.txt") << "Kim Ji-won has been cast in 'Blue Hour'.\n";
  out = RunShellCommand(HallyuBinary() + " detect --rules " + dir + "/rules --gazetteer " +
                            SourcePath("configs/gazetteer") + " " + dir + "/a.txt 2>&1",
                        &status);
  EXPECT_NE(status, 0);
  EXPECT_NE(out.find("casting.en.yaml"), std::string::npos) << out;
  EXPECT_NE(out.find("casting.en.oops"), std::string::npos) << out;
  EXPECT_NE(out.find("missing )"), std::string::npos) << out;
  // A gazetteer typo fails with file:line and reason.
  std::filesystem::create_directories(dir + "/gaz");
  std::ofstream(dir + "/gaz/people.yaml") << "actors:\n  - {name: A}\n  - {name: B, nativ: X}\n";
  out = RunShellCommand(HallyuBinary() + " detect --rules " + SourcePath("configs/rules") +
                            " --gazetteer " + dir + "/gaz " + dir + "/a.txt 2>&1",
                        &status);
  EXPECT_NE(status, 0);
  EXPECT_NE(out.find("people.yaml:3"), std::string::npos) << out;
  EXPECT_NE(out.find("nativ"), std::string::npos) << out;
  std::filesystem::remove_all(dir);
}

// `hallyu eval detect` on a small labelled file: one hit, one miss, one false
// alarm, one denial (counted neither way), then the listed miss and false alarm.
TEST(DetectCli, EvalDetectScoresALabelledFile) {
  const std::string dir = MakeTempDir("detect_cli_eval");
  auto item = [](const std::string& id, const std::string& lang, const std::string& title,
                 const nlohmann::json& events) {
    return nlohmann::json{{"id", id},   {"lang", lang},     {"title", title},
                          {"text", ""}, {"events", events}, {"structure", "test." + id}}
        .dump();
  };
  {
    std::ofstream f(dir + "/items.jsonl");
    // A hit.
    f << item("hit", "en", "Kim Ji-won has been cast in tvN's new drama 'Blue Hour'",
              {{{"type", "casting"},
                {"person", "Kim Ji-won"},
                {"work", "Blue Hour"},
                {"status", "confirmed"}}})
      << "\n\n";  // a blank line is skipped
    // A miss: nothing in the text announces it.
    f << item("miss", "ko", "날씨가 맑았다.",
              {{{"type", "casting"},
                {"person", "박보검"},
                {"work", "블루 아워"},
                {"status", "confirmed"}}})
      << "\n";
    // A false alarm: labelled as no event.
    f << item("fa", "en", "Park Bo-young will star in the Netflix series 'Harbor Lights'",
              nlohmann::json::array())
      << "\n";
  }
  int status = 0;
  const std::string out = RunShellCommand(
      HallyuBinary() + " eval detect --rules " + SourcePath("configs/rules") + " --gazetteer " +
          SourcePath("configs/gazetteer") + " " + dir + "/items.jsonl 2>&1",
      &status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_NE(out.find("items 3"), std::string::npos) << out;
  EXPECT_NE(out.find("tp 1 fp 1 fn 1"), std::string::npos) << out;
  EXPECT_NE(out.find("lang:en"), std::string::npos) << out;
  EXPECT_NE(out.find("lang:ko"), std::string::npos) << out;
  const size_t misses = out.find("misses:");
  const size_t alarms = out.find("false alarms:");
  ASSERT_NE(misses, std::string::npos) << out;
  ASSERT_NE(alarms, std::string::npos) << out;
  const std::string miss_part = out.substr(misses, alarms - misses);
  const std::string alarm_part = out.substr(alarms);
  EXPECT_NE(miss_part.find("miss: casting"), std::string::npos) << out;
  EXPECT_EQ(miss_part.find("hit:"), std::string::npos) << out;
  EXPECT_NE(alarm_part.find("fa: casting Park Bo-young"), std::string::npos) << out;
  // Errors: a missing file, malformed JSON (the line is named).
  std::string err =
      RunShellCommand(HallyuBinary() + " eval detect " + dir + "/none.jsonl 2>&1", &status);
  EXPECT_NE(status, 0);
  EXPECT_NE(err.find("none.jsonl"), std::string::npos) << err;
  std::ofstream(dir + "/bad.jsonl")
      << item("ok", "en", "x", nlohmann::json::array()) << "\n{\"id\": \"broken\"\n";
  err = RunShellCommand(HallyuBinary() + " eval detect --rules " + SourcePath("configs/rules") +
                            " --gazetteer " + SourcePath("configs/gazetteer") + " " + dir +
                            "/bad.jsonl 2>&1",
                        &status);
  EXPECT_NE(status, 0);
  EXPECT_NE(err.find("line 2"), std::string::npos) << err;
  EXPECT_NE(err.find("bad.jsonl"), std::string::npos) << err;
  std::filesystem::remove_all(dir);
}

// An HTML page goes through the real article extraction: the announcement in
// the article body is found, the ones in the navigation, ticker, related
// articles box and footer are not.
TEST(DetectCli, HtmlPageDetectsOnlyTheArticleBody) {
  int status = 0;
  const std::string out = RunShellCommand(
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
