// Korean casting news as outlets write it (session 19: person and work finders, status).
// Sentences are invented; the people are real names the gazetteer knows (facts), the titles
// are made up. Each test was seen failing before its change (see the session's report).

#include <gtest/gtest.h>

#include <string>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

// "type person / work (status)" per detection, sorted, joined by "; ".
constexpr auto Summary = &hallyu::testing::DetectionSummary;

// A names-only line of a line-up ("A X B X C 청춘 시트콤", the subheading under the headline)
// has no cue of its own: its unknown names, joined to known ones by X, are people of the
// line-up the headline or the next sentence announces — the last one too, with no particle.
TEST(DetectorKo19, NamesOnlyLineUpLineCompletesItsList) {
  EXPECT_EQ(Summary("넷플릭스 '종이 달' 캐스팅 라인업 공개",
                    "김유정X도하람X안효섭X서재윤 대학 기숙사 청춘 시트콤. 넷플릭스 시리즈 '종이 "
                    "달'이 제작을 확정하고 캐스팅 라인업을 공개했다.",
                    "ko"),
            "casting Ahn Hyo-seop / 종이 달 (confirmed); casting Kim Yoo-jung / 종이 달 "
            "(confirmed); casting 도하람 / 종이 달 (confirmed); casting 서재윤 / 종이 달 "
            "(confirmed)");
}

// "소속사를 정한 뒤": the verb 정하다 before a noun names nobody (a known stage name is spelt
// so), and "A의 출연 결정은 … 뒤 이뤄져야 할 것" is a decision still to be made, no casting.
TEST(DetectorKo19, ADecisionStillToBeMadeIsNoCasting) {
  EXPECT_EQ(Summary("",
                    "SBS 새 드라마 '종이 달' 제작진은 김유정에게 출연 제안을 한 건 맞다고 "
                    "밝혔다. 이 관계자는 \"김유정의 출연 결정은 소속사를 정한 뒤 이뤄져야 할 "
                    "것 같다\"고 말했다.",
                    "ko"),
            "casting Kim Yoo-jung / 종이 달 (in_talks)");
}

// "리더 진우를 연기한다": a known two-syllable name right before 연기하다 is the character (as
// a three-syllable one already was), not a second actor of the work.
TEST(DetectorKo19, AKnownTwoSyllableNameBeforeYeongihadaIsTheCharacter) {
  EXPECT_EQ(
      Summary("안효섭 <종이 달> 출연 확정",
              "안효섭이 <종이 달>에 출연한다. 안효섭은 학생운동권의 리더 진우를 연기한다.", "ko"),
      "casting Ahn Hyo-seop / 종이 달 (confirmed)");
}

// A page that lost the closing quote: "‘종이 달로 떠났소 제작진이" — the title holds 로, and
// the plain word after it runs on to the casting word (제작진); "‘종이 달에서 여주인공으로"
// still ends at the place particle.
TEST(DetectorKo19, AnUnclosedTitleRunsOnToItsCastingWord) {
  EXPECT_EQ(Summary("",
                    "SBS 새 드라마 ‘종이 달로 떠났소 제작진이 김유정의 출연을 알렸다. 김유정은 "
                    "여주인공을 맡는다.",
                    "ko"),
            "casting Kim Yoo-jung / 종이 달로 떠났소 (confirmed)");
  EXPECT_EQ(Summary("", "MBC 새 드라마 ‘종이 달에서 여주인공으로 김유정이 캐스팅됐다.", "ko"),
            "casting Kim Yoo-jung / 종이 달 (confirmed)");
}

// "배우 A가 'W'에 이름을 올렸다. … 오나래를 연기한다": one character is played by one person,
// the one the sentence before names — not the co-stars the headline adds ("…B·C와 호흡").
TEST(DetectorKo19, ANamelessCharacterSentenceSpeaksOfThePersonBefore) {
  EXPECT_EQ(Summary("김유정, 넷플릭스 '종이 달' 합류…류승룡·안재홍과 호흡",
                    "배우 김유정이 넷플릭스 시리즈 '종이 달'에 이름을 올렸다. 낡은 기계에 "
                    "들어갔다가 변해 버린 오나래를 연기한다.",
                    "ko"),
            "casting Kim Yoo-jung / 종이 달 (confirmed)");
}

// "미국 국적의 '제이미'를 맡았다": a short quoted name as the object of 맡다 is a character,
// not a title, and it reads as 역 for the cues ("역을 맡았다"), so the casting is stated.
TEST(DetectorKo19, AQuotedCharacterTakenOnIsACasting) {
  EXPECT_EQ(
      Summary("", "안효섭이 tvN 새 드라마 '종이 달'에서 미국 국적의 유학생 '제이미'를 맡았다.",
              "ko"),
      "casting Ahn Hyo-seop / 종이 달 (confirmed)");
}

}  // namespace
}  // namespace hallyu
