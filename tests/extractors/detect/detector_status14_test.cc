// Casting status and background mechanisms of the fourteenth detection round. Sentences are
// invented; the people are real names the gazetteer knows (facts), the titles are made up. Each
// test fails when its mechanism is removed (checked on db567a1).

#include <gtest/gtest.h>

#include <string>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

// "type person / work (status)" per detection, sorted, joined by "; ".
constexpr auto Summary = &hallyu::testing::DetectionSummary;

// "…인 것으로 전해진다", "…것으로 알려지며": hearsay in the present tense or as a connective is
// a report like "전해졌다"; with nobody's side speaking, the talks are a rumour.
TEST(DetectorStatus14, PresentTenseHearsayIsAReport) {
  EXPECT_EQ(Summary("",
                    "배우 김유정과 안효섭이 KBS 새 드라마 '겨울 바다' 출연을 논의 중인 것으로 "
                    "전해진다.",
                    "ko"),
            "casting Ahn Hyo-seop / 겨울 바다 (rumored); casting Kim Yoo-jung / 겨울 바다 "
            "(rumored)");
}

// "출연이 확정된다면 …", "캐스팅된다면": a casting stated only as a condition is the writer's
// supposition; what follows the condition is no confirmation either.
TEST(DetectorStatus14, ACastingStatedAsAConditionIsARumour) {
  EXPECT_EQ(Summary("",
                    "김유정은 '겨울 바다'의 여주인공을 맡을 것으로 알려지며, 출연이 확정된다면 3년 "
                    "만에 안방극장에 복귀하게 된다.",
                    "ko"),
            "casting Kim Yoo-jung / 겨울 바다 (rumored)");
  EXPECT_EQ(Summary("", "안효섭이 영화 '겨울 바다'에 캐스팅된다면 데뷔 후 첫 사극 주연이다.", "ko"),
            "casting Ahn Hyo-seop / 겨울 바다 (rumored)");
}

// "앞서 A와 B가 'W'에 캐스팅돼 … 바 있다": a Korean sentence telling an earlier casting names
// the cast before the news; the story's new casting is the announcement.
TEST(DetectorStatus14, AnEarlierKoreanCastingIsBackground) {
  EXPECT_EQ(Summary("",
                    "배우 김유정, 안효섭이 드라마 '겨울 바다'에 출연한다. 앞서 한선화와 지승현이 "
                    "'겨울 바다'에 캐스팅돼 화제를 모은 바 있다.",
                    "ko"),
            "casting Ahn Hyo-seop / 겨울 바다 (confirmed); casting Kim Yoo-jung / 겨울 바다 "
            "(confirmed)");
}

// "앞서 한 매체는 … 안방극장으로 컴백한다고 보도했다": an earlier report is a rumour about the
// person it names, not an earlier casting; "안방극장으로 컴백" is a comeback cue like "안방극장에".
TEST(DetectorStatus14, AnEarlierReportStaysARumour) {
  EXPECT_EQ(Summary("",
                    "배우 장동건 측은 드라마 '겨울 바다' 출연에 대해 \"제안을 받은 적이 없다\"고 "
                    "밝혔다. 앞서 한 매체는 장동건과 현빈이 '겨울 바다'로 5년 만에 안방극장으로 "
                    "컴백한다고 보도했다.",
                    "ko"),
            "casting Hyun Bin / 겨울 바다 (rumored); casting Jang Dong-gun / 겨울 바다 (denied)");
}

// "A가 주연을 맡은 'W'의 캐스팅이 화제인 반면, 출연설이 제기된 B 측은 …": a report word after
// the turn of the sentence speaks of B, not of A's casting before it.
TEST(DetectorStatus14, AReportAfterTheTurnLeavesTheFirstClause) {
  EXPECT_EQ(Summary("",
                    "한선화가 주연을 맡은 영화 '겨울 바다'의 캐스팅이 화제인 반면, 동반 출연설이 "
                    "제기된 지승현 측은 “사실이 아니다”라고 밝혔다.",
                    "ko"),
            "casting Ji Seung-hyun / 겨울 바다 (denied); casting Sunhwa / 겨울 바다 (confirmed)");
}

// "is leaning towards choosing W": a person inclined to a work is considering it.
TEST(DetectorStatus14, LeaningTowardsIsReviewing) {
  EXPECT_EQ(
      Summary("", "Park Seo-joon is leaning towards choosing 'Winter Sea' as his next project.",
              "en"),
      "casting Park Seo-joon / Winter Sea (reviewing)");
}

// "드라마 'W2'가 끝나면 본인과 상의하려 한다": a drama that is still to end is the person's
// current work, not a second casting; the agency's review speaks of the offered work.
TEST(DetectorStatus14, ADramaStillOnAirIsNoSecondWork) {
  EXPECT_EQ(
      Summary("",
              "소속사 관계자는 6일 “이서진이 영화 ‘겨울 바다’ 특별출연 제의를 받은 것은 "
              "사실”이라고 밝혔다. 이어 “소속사로서는 긍정적으로 검토 중인 것이 맞지만 드라마 "
              "‘봄날의 약속’이 끝나면 본인과 상의하려 한다”고 덧붙였다.",
              "ko"),
      "casting Lee Seo-jin / 겨울 바다 (reviewing)");
}

// his agency stated, "He is currently in talks.": a quote opened by a pronoun and a lower-case
// verb is the agency's statement, not a title; the side's word beats the report.
TEST(DetectorStatus14, APronounQuoteIsTheAgencysStatement) {
  EXPECT_EQ(Summary("",
                    "Park Seo-joon reportedly confirmed to star in 'Winter Sea'. In response, his "
                    "agency stated, \"He is currently in talks.\"",
                    "en"),
            "casting Park Seo-joon / Winter Sea (in_talks)");
}

// "offered the lead … his agency says he is looking it over": the offer and its review; the
// review is the more advanced stage.
TEST(DetectorStatus14, LookingItOverIsReviewing) {
  EXPECT_EQ(Summary("",
                    "Park Seo-joon has been offered the lead in 'Winter Sea' and his agency says "
                    "he is looking it over.",
                    "en"),
            "casting Park Seo-joon / Winter Sea (reviewing)");
}

// "제안만 받았다. 아직 검토 중인 단계는 아니다": a review the side says has not begun is no
// review; the offer stands (detection-labels.md, in_talks).
TEST(DetectorStatus14, AReviewNotYetBegunLeavesTheOffer) {
  EXPECT_EQ(
      Summary("",
              "김유정 소속사 관계자는 \"'겨울 바다' 출연 제안만 받았다. 아직 검토 중인 단계는 "
              "아니다\"라고 말했다.",
              "ko"),
      "casting Kim Yoo-jung / 겨울 바다 (in_talks)");
}

// "He was cast in W last year": a title dated in the past is an earlier work, background to the
// news casting.
TEST(DetectorStatus14, ACastingLastYearIsAnEarlierWork) {
  EXPECT_EQ(Summary("",
                    "Park Seo-joon will lead 'Winter Sea'. He was cast in 'Itaewon Class' last "
                    "year.",
                    "en"),
            "casting Park Seo-joon / Winter Sea (confirmed)");
}

// "B previously confirmed his appearance", "B, who was cast earlier this month, …": a person told
// as cast before the news is background to the story's new casting.
TEST(DetectorStatus14, AnEnglishCastingBeforeTheNewsIsBackground) {
  EXPECT_EQ(Summary("",
                    "Kim Yoo-jung has been cast in 'Winter Sea'. Ahn Hyo-seop previously confirmed "
                    "his appearance in the drama.",
                    "en"),
            "casting Kim Yoo-jung / Winter Sea (confirmed)");
  EXPECT_EQ(Summary("",
                    "Kim Yoo-jung will star in 'Winter Sea', with Ahn Hyo-seop, who was cast "
                    "earlier this month, playing her rival.",
                    "en"),
            "casting Kim Yoo-jung / Winter Sea (confirmed)");
}

}  // namespace
}  // namespace hallyu
