// What the text teaches about a name the gazetteer lacks (extractors/detect/learn.h,
// issue 14). Sentences are invented; Yoon Da-bin / 윤다빈, Han Ji-oh / 한지오,
// Kang Tae-rim and the group VELORA / 벨로라 are made up and not in the gazetteer.

#include "extractors/detect/learn.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

const Detector& TheDetector() { return hallyu::testing::ShippedDetector(); }

// The facts `sentence` teaches about the person mention whose text is `name`.
LearnedFacts FactsFor(const std::string& sentence, const std::string& name,
                      const std::string& lang) {
  const Gazetteer& gaz = TheDetector().gazetteer();
  SentenceMentions ms = FindMentions(sentence, lang, gaz);
  std::string seen;
  for (const Mention& m : ms.items) {
    if (m.kind == MentionKind::kPerson && m.text == name) {
      return LearnFactsAbout(sentence, m, lang, gaz);
    }
    seen += " '" + m.text + "'";
  }
  ADD_FAILURE() << "no person mention '" << name << "' in: " << sentence << " (found:" << seen
                << ")";
  return {};
}

TEST(LearnFacts, EnglishSingerActressBeforeTheName) {
  LearnedFacts f =
      FactsFor("Singer-actress Yoon Da-bin has been cast in the new JTBC drama 'Blue Harbor'.",
               "Yoon Da-bin", "en");
  EXPECT_TRUE(f.singer);
  EXPECT_TRUE(f.actor);
  EXPECT_FALSE(f.idol);
  EXPECT_EQ(f.group, "");
}

TEST(LearnFacts, EnglishSingerAndActorWithModifiers) {
  LearnedFacts f = FactsFor("Popular singer and actor Yoon Da-bin joins the cast of 'Blue Harbor'.",
                            "Yoon Da-bin", "en");
  EXPECT_TRUE(f.singer);
  EXPECT_TRUE(f.actor);
}

TEST(LearnFacts, EnglishGroupMemberAndPossessive) {
  LearnedFacts member = FactsFor(
      "VELORA member Han Ji-oh will sing the OST of tvN drama 'Blue Harbor'.", "Han Ji-oh", "en");
  EXPECT_TRUE(member.idol);
  EXPECT_EQ(member.group, "VELORA");
  LearnedFacts possessive = FactsFor(
      "VELORA's Han Ji-oh will sing the OST of tvN drama 'Blue Harbor'.", "Han Ji-oh", "en");
  EXPECT_TRUE(possessive.idol);
  EXPECT_EQ(possessive.group, "VELORA");
}

TEST(LearnFacts, EnglishAppositionAfterTheName) {
  LearnedFacts f =
      FactsFor("Han Ji-oh, a member of VELORA, will sing the OST of tvN drama 'Blue Harbor'.",
               "Han Ji-oh", "en");
  EXPECT_TRUE(f.idol);
  EXPECT_EQ(f.group, "VELORA");
  LearnedFacts rapper = FactsFor("Rapper Kang Tae-rim lent his voice to the OST of 'Blue Harbor'.",
                                 "Kang Tae-rim", "en");
  EXPECT_TRUE(rapper.rapper);
  EXPECT_FALSE(rapper.actor);
}

TEST(LearnFacts, EnglishHangulInParenthesesIsTheNativeName) {
  LearnedFacts f =
      FactsFor("Yoon Da-bin (윤다빈) has been cast in the new JTBC drama 'Blue Harbor'.",
               "Yoon Da-bin", "en");
  EXPECT_EQ(f.native, "윤다빈");
}

TEST(LearnFacts, EnglishNamesInAListTeachNothingAboutTheirNeighbours) {
  // "actress" belongs to Han Ji-oh, not to Yoon Da-bin before the comma
  LearnedFacts f =
      FactsFor("Yoon Da-bin, actress Han Ji-oh and Kang Tae-rim were cast in 'Blue Harbor'.",
               "Yoon Da-bin", "en");
  EXPECT_TRUE(f.empty()) << DescribeLearnedFacts(f);
  // a network before the name is no group
  LearnedFacts g = FactsFor("MBC's Yoon Da-bin was cast in 'Blue Harbor'.", "Yoon Da-bin", "en");
  EXPECT_FALSE(g.idol) << DescribeLearnedFacts(g);
}

TEST(LearnFacts, KoreanSingerAndActor) {
  LearnedFacts f =
      FactsFor("가수 겸 배우 윤다빈이 JTBC 새 드라마 '블루 하버'에 캐스팅됐다.", "윤다빈", "ko");
  EXPECT_TRUE(f.singer);
  EXPECT_TRUE(f.actor);
  LearnedFacts actor =
      FactsFor("배우 윤다빈이 드라마 '블루 하버' 출연을 확정했다.", "윤다빈", "ko");
  EXPECT_TRUE(actor.actor);
  EXPECT_FALSE(actor.singer);
}

TEST(LearnFacts, KoreanGroupMemberShapes) {
  LearnedFacts member =
      FactsFor("그룹 벨로라 멤버 한지오가 드라마 '블루 하버' OST를 부른다.", "한지오", "ko");
  EXPECT_TRUE(member.idol);
  EXPECT_EQ(member.group, "벨로라");
  LearnedFacts of = FactsFor("VELORA의 한지오가 드라마 '블루 하버' OST를 부른다.", "한지오", "ko");
  EXPECT_TRUE(of.idol);
  EXPECT_EQ(of.group, "VELORA");
  LearnedFacts rapper =
      FactsFor("래퍼 한지오가 드라마 '블루 하버' OST에 참여한다.", "한지오", "ko");
  EXPECT_TRUE(rapper.rapper);
}

TEST(LearnFacts, DetectorKeepsTheFactsOnUnresolvedPersonsOnly) {
  SourceRef src{"https://news.test/1", "news.test", "t", "", "2026-01-01T00:00:00Z"};
  auto found = TheDetector().Detect(
      "", "Singer-actress Yoon Da-bin has been cast in the new JTBC drama 'Blue Harbor'.", "en",
      src);
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  ASSERT_EQ(found->size(), 1u);
  const PersonRef& p = found->front().person;
  EXPECT_FALSE(p.resolved);
  EXPECT_TRUE(p.learned.singer);
  EXPECT_TRUE(p.learned.actor);

  auto ko = TheDetector().Detect(
      "", "가수 겸 배우 윤다빈이 JTBC 새 드라마 '블루 하버'에 캐스팅됐다.", "ko", src);
  ASSERT_TRUE(ko.ok()) << ko.status().ToString();
  ASSERT_EQ(ko->size(), 1u);
  EXPECT_TRUE(ko->front().person.learned.singer);
  EXPECT_TRUE(ko->front().person.learned.actor);
}

}  // namespace
}  // namespace hallyu
