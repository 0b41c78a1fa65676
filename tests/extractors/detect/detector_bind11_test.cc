// Binder mechanisms of the eleventh detection round (issue 14): Korean line-ups whose names
// the gazetteer lacks, joining a line-up in a later clause of an OST sentence, and names as
// written without a particle. Sentences are invented; people and titles are facts or made up.
// Each test failed before its mechanism.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

const Detector& TheDetector() { return hallyu::testing::ShippedDetector(); }

std::string Summary(const std::string& title, const std::string& text) {
  return hallyu::testing::DetectionSummary(title, text, "ko");
}

// "name|native" of each detection's person, in output order.
std::vector<std::string> Natives(const std::string& text) {
  std::vector<std::string> out;
  auto r = TheDetector().Detect("", text, "ko", SourceRef{});
  EXPECT_TRUE(r.ok());
  if (!r.ok()) return out;
  for (const auto& d : *r) out.push_back(d.person.name + "|" + d.person.native);
  return out;
}

TEST(DetectorBind11, AnItemOfAListNextToAPersonIsAPerson) {
  // comma lists: a name the gazetteer lacks between or beside known ones, after one describing
  // word, with a romanised gloss
  EXPECT_EQ(Summary("",
                    "드라마 '푸른 항구' OST에 헤이즈, 도담, 올라운더 서하온, 라온(raon), 가은 "
                    "등이 참여한다."),
            "ost Heize / 푸른 항구 (announced); ost Kaeun / 푸른 항구 (announced); ost Raon / "
            "푸른 항구 (announced); ost 도담 / 푸른 항구 (announced); ost 서하온 / 푸른 항구 "
            "(announced)");
  // 와 / 과 alone: a three-syllable name that opens with a surname
  EXPECT_EQ(Summary("", "배우 정유민과 남태부가 드라마 '푸른 항구'에 출연한다."),
            "casting Jung Yoo-min / 푸른 항구 (confirmed); casting 남태부 / 푸른 항구 "
            "(confirmed)");
  // words that are no names stay out
  EXPECT_EQ(Summary("", "배우 박보영과 함께 드라마 '푸른 항구'에 출연한다."),
            "casting Park Bo-young / 푸른 항구 (confirmed)");
  EXPECT_EQ(Summary("", "배우 박보영과 이야기를 나눈 제작진은 드라마 '푸른 항구' 출연을 확정했다."),
            "casting Park Bo-young / 푸른 항구 (confirmed)");
}

TEST(DetectorBind11, JoiningInALaterClauseOfAnOstSentenceJoinsTheLineUp) {
  EXPECT_EQ(Summary("",
                    "드라마 '푸른 항구' OST 라인업이 공개됐다. 먼저 폴킴이 첫 주자로 나서며, "
                    "이어 헤이즈가 합류했다."),
            "ost Heize / 푸른 항구 (announced); ost Paul Kim / 푸른 항구 (announced)");
}

TEST(DetectorBind11, NamesAsWrittenKeepNoParticle) {
  // "첸과": the particle is no part of the name; a group written in Hangul keeps that spelling
  EXPECT_EQ(Natives("그룹 엑소 첸과 가수 김재환이 드라마 '푸른 항구' OST 가창자로 참여한다."),
            (std::vector<std::string>{"Chen|첸", "Jaehwan|김재환"}));
  const auto groups = Natives("그룹 샤이니와 가수 폴킴이 드라마 '푸른 항구' OST를 부른다.");
  ASSERT_FALSE(groups.empty());
  EXPECT_EQ(groups.front(), "SHINee|샤이니");
}

}  // namespace
}  // namespace hallyu
