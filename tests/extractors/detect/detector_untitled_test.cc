// Castings into a project that has no title yet (issue 14, round 9): "X joins an upcoming tvN
// drama", "X가 최동훈 감독의 신작에 출연한다". The project phrase is an untitled-project mention
// from the lexicon configs/rules/project.{en,ko}.yaml; a casting binds to it only when the
// story names no titled work, and its event has work.title null. Vague talk of offers or of a
// "next project" names no project and stays silent. Sentences are invented; the people are
// real names the gazetteer knows (facts), the titles are made up.

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "extractors/detect/detector.h"
#include "extractors/detect/evaluation.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

// "casting Person / untitled[ kind][ network] (status)" for untitled works, else "/ Title".
std::string Summary(const std::string& title, const std::string& text, const std::string& lang) {
  auto r = hallyu::testing::ShippedDetector().Detect(
      title, text, lang, SourceRef{"u", "site.test", "t", "", "2026-01-01T00:00:00Z"});
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  std::set<std::string> rows;
  if (r.ok()) {
    for (const auto& d : *r) {
      std::string work = d.work.title;
      if (work.empty()) {
        work = "untitled";
        if (!d.work.kind.empty()) work += " " + d.work.kind;
        if (!d.work.network.empty()) work += " " + d.work.network;
      }
      rows.insert(std::string(EventTypeName(d.type)) + " " + d.person.name + " / " + work + " (" +
                  d.status + ")");
    }
  }
  std::string out;
  for (const auto& row : rows) out += (out.empty() ? "" : "; ") + row;
  return out;
}

TEST(DetectorUntitled, EnglishCastingsIntoAProjectWithoutATitle) {
  EXPECT_EQ(
      Summary("", "Kim Seon-ho and Kim Yoo-mi have been confirmed to star in a new Netflix series.",
              "en"),
      "casting Kim Seon-ho / untitled series Netflix (confirmed); casting Kim Yoo-mi / "
      "untitled series Netflix (confirmed)");
  EXPECT_EQ(Summary("Kim Seon-ho joins upcoming tvN drama",
                    "The actor will play a detective in the drama, his agency said.", "en"),
            "casting Kim Seon-ho / untitled drama tvN (confirmed)");
  // (an offer or a talk with no named work is a vague offer, no news: detection-labels.md;
  // round 16 follows the real labels there)
  EXPECT_EQ(
      Summary("", "Kim Yoo-mi is in talks to star in director Park Chan-wook's upcoming film.",
              "en"),
      "");
}

TEST(DetectorUntitled, KoreanCastingsIntoAProjectWithoutATitle) {
  EXPECT_EQ(Summary("", "배우 김선호가 최동훈 감독의 신작에 출연한다.", "ko"),
            "casting Kim Seon-ho / untitled (confirmed)");
  // (an offer or a review with no named work is a vague offer, no news: detection-labels.md;
  // round 17 follows the real labels in Korean as round 16 did in English)
  EXPECT_EQ(Summary("", "김유미가 노희경 작가의 새 드라마 출연을 논의 중이다.", "ko"), "");
  EXPECT_EQ(Summary("", "배우 김선호가 tvN 드라마(제목 미정) 출연을 긍정적으로 검토 중이다.", "ko"),
            "");
}

// A titled work in the story always wins over the untitled phrase next to it.
TEST(DetectorUntitled, ATitledWorkIsNeverReplaced) {
  EXPECT_EQ(
      Summary("", "Kim Seon-ho has been cast in the upcoming tvN drama 'Moonlit Garden'.", "en"),
      "casting Kim Seon-ho / Moonlit Garden (confirmed)");
  EXPECT_EQ(Summary("", "김선호가 tvN 새 드라마 '봄날의 정원' 출연을 확정했다.", "ko"),
            "casting Kim Seon-ho / 봄날의 정원 (confirmed)");
}

// Vague offers, a "next project", 차기작 without a maker, a word of number and a bare "new
// drama" name no project.
TEST(DetectorUntitled, VagueOffersAndNextProjectsStaySilent) {
  EXPECT_EQ(
      Summary("", "Kim Seon-ho has received several drama offers and is considering them.", "en"),
      "");
  EXPECT_EQ(
      Summary("", "Kim Yoo-mi is reviewing offers for her next project, her agency said.", "en"),
      "");
  EXPECT_EQ(Summary("", "김선호 측은 \"차기작을 검토 중이다. 정해진 작품은 없다\"고 밝혔다.", "ko"),
            "");
  EXPECT_EQ(Summary("", "김유미는 여러 작가의 신작 출연 제안을 받고 검토 중이다.", "ko"), "");
  // a bare "new drama" with no maker, no network and no untitled mark is no one project
  EXPECT_EQ(Summary("", "Kim Seon-ho is reviewing an offer for a new drama.", "en"), "");
  EXPECT_EQ(Summary("", "김유미가 새 드라마 출연 제안을 받고 검토 중이다.", "ko"), "");
}

// `hallyu eval detect`: a label with work null matches a detection whose work.title is null.
TEST(DetectorUntitled, EvaluationScoresANullWorkAgainstANullLabel) {
  const std::string jsonl =
      R"({"id":"u1","lang":"ko","title":"","text":"배우 김선호가 최동훈 감독의 신작에 출연한다.",)"
      R"("events":[{"type":"casting","person":"김선호","work":null,"status":"confirmed"}]})"
      "\n";
  auto r = EvaluateDetector(hallyu::testing::ShippedDetector(), jsonl);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->all.tp, 1);
  EXPECT_EQ(r->all.fp, 0);
  EXPECT_EQ(r->all.fn, 0);
}

}  // namespace
}  // namespace hallyu
