// Casting statuses told in other words (session 18: the same news reworded by another outlet
// broke statuses most). Sentences are invented; the people are real names the gazetteer knows
// (facts), the titles are made up. Each test was seen failing on 263dee1 (before the change).

#include <gtest/gtest.h>

#include <string>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

// "type person / work (status)" per detection, sorted, joined by "; ".
constexpr auto Summary = &hallyu::testing::DetectionSummary;

// A line-up told as what is known so far ("출연자로 알려졌다", "출연진으로 알려졌다") or as
// taking shape ("캐스팅 윤곽") rests on reports: a rumour, in the body and in a headline.
TEST(DetectorStatus18, AKnownOrEmergingLineUpIsARumour) {
  EXPECT_EQ(Summary("",
                    "MBC 새 드라마 '종이 달'의 출연진이 정해지고 있다. 지금까지 김유정, 안효섭 "
                    "등이 출연자로 알려졌다.",
                    "ko"),
            "casting Ahn Hyo-seop / 종이 달 (rumored); casting Kim Yoo-jung / 종이 달 (rumored)");
  EXPECT_EQ(Summary("", "현재 한선화와 지승현이 '종이 달' 출연진으로 알려졌다.", "ko"),
            "casting Ji Seung-hyun / 종이 달 (rumored); casting Sunhwa / 종이 달 (rumored)");
  EXPECT_EQ(Summary("김유정·안효섭…tvN '종이 달' 캐스팅 윤곽",
                    "tvN 새 드라마 '종이 달'이 내년 방송을 목표로 준비 중이다.", "ko"),
            "casting Ahn Hyo-seop / 종이 달 (rumored); casting Kim Yoo-jung / 종이 달 (rumored)");
}

// "A 측 \"…긍정 검토\"…B·C 출연 보도": a headline clause that names a report speaks for the
// persons it names; A's side speaks only for A.
TEST(DetectorStatus18, AHeadlineClauseNamingAReportIsARumour) {
  EXPECT_EQ(Summary("안효섭 측 \"'종이 달' 제안 받고 긍정 검토\"…김유정·한선화 출연 보도",
                    "배우 안효섭이 드라마 '종이 달' 출연을 긍정적으로 검토하고 있다.", "ko"),
            "casting Ahn Hyo-seop / 종이 달 (reviewing); casting Kim Yoo-jung / 종이 달 "
            "(rumored); casting Sunhwa / 종이 달 (rumored)");
}

// Headline telegraphese in the plural: "A And B Mull / Ponder Offers To Star" is a review of
// an offer (the infinitive after "Offers" is no casting); "A And B Eye W" is talks.
TEST(DetectorStatus18, PluralHeadlineVerbsOfAnOffer) {
  EXPECT_EQ(Summary("Kim Yoo-jung And Ahn Hyo-seop Mull Offers To Lead Film 'Paper Moon'",
                    "Kim Yoo-jung and Ahn Hyo-seop have received offers for the movie 'Paper "
                    "Moon' and are looking over the scripts.",
                    "en"),
            "casting Ahn Hyo-seop / Paper Moon (reviewing); casting Kim Yoo-jung / Paper Moon "
            "(reviewing)");
  EXPECT_EQ(Summary("Kim Yoo-jung, Ahn Hyo-seop Ponder Offers To Star In 'Paper Moon'",
                    "Both actors are said to be weighing the scripts.", "en"),
            "casting Ahn Hyo-seop / Paper Moon (reviewing); casting Kim Yoo-jung / Paper Moon "
            "(reviewing)");
  EXPECT_EQ(Summary("Kim Yoo-jung And Ahn Hyo-seop Eye Fantasy Drama 'Paper Moon'",
                    "The two actors are in talks for the series, an industry insider said.", "en"),
            "casting Ahn Hyo-seop / Paper Moon (in_talks); casting Kim Yoo-jung / Paper Moon "
            "(in_talks)");
}

// "Netflix Taps A And B For …" (the names are the verb's object) and "the series stars A as
// R": castings stated as fact.
TEST(DetectorStatus18, TapsAndStarsAsConfirm) {
  EXPECT_EQ(Summary("Netflix Taps Kim Yoo-jung And Ahn Hyo-seop For Legal Thriller 'Paper Moon'",
                    "The series follows two lawyers in a small town.", "en"),
            "casting Ahn Hyo-seop / Paper Moon (confirmed); casting Kim Yoo-jung / Paper Moon "
            "(confirmed)");
  EXPECT_EQ(Summary("",
                    "Set in 1980s Seoul, the series stars Kim Yoo-jung as a young lawyer and Ahn "
                    "Hyo-seop as her rival in 'Paper Moon.'",
                    "en"),
            "casting Ahn Hyo-seop / Paper Moon (confirmed); casting Kim Yoo-jung / Paper Moon "
            "(confirmed)");
}

// Talks told without "in talks": "Casting … Under Discussion", "출연이 협의되고 있다".
TEST(DetectorStatus18, DiscussionWordingsAreTalks) {
  EXPECT_EQ(Summary("Kim Yoo-jung, Ahn Hyo-seop Casting For 'Paper Moon' Under Discussion",
                    "Nothing is final yet.", "en"),
            "casting Ahn Hyo-seop / Paper Moon (in_talks); casting Kim Yoo-jung / Paper Moon "
            "(in_talks)");
  EXPECT_EQ(
      Summary("", "JTBC 새 드라마 '종이 달'은 김유정, 안효섭 등의 출연이 협의되고 있다.", "ko"),
      "casting Ahn Hyo-seop / 종이 달 (in_talks); casting Kim Yoo-jung / 종이 달 (in_talks)");
}

// The side that casts telling of its offer or of talks ("an offer has been made to A", "출연을
// 놓고 논의하고 있다") states the stage; a headline's or the article's "reviewing" gives way
// (unlike an agency that only confirms the offer its actor received).
TEST(DetectorStatus18, ASideTellingOfTalksBeatsAStatedReview) {
  EXPECT_EQ(Summary("Kim Yoo-jung And Ahn Hyo-seop Consider MBC's 'Paper Moon'",
                    "MBC told reporters that an offer has been made to Kim Yoo-jung and Ahn "
                    "Hyo-seop.",
                    "en"),
            "casting Ahn Hyo-seop / Paper Moon (in_talks); casting Kim Yoo-jung / Paper Moon "
            "(in_talks)");
  EXPECT_EQ(Summary("",
                    "김유정과 안효섭이 KBS2 새 드라마 '종이 달' 출연을 검토하고 있다. KBS "
                    "드라마국 관계자는 \"두 배우와 출연을 놓고 논의하고 있다\"고 말했다.",
                    "ko"),
            "casting Ahn Hyo-seop / 종이 달 (in_talks); casting Kim Yoo-jung / 종이 달 (in_talks)");
}

// "MBC는 A의 출연을 검토하고 있다": a production weighing someone's casting names a candidate;
// and when the person's side says the review has not begun, its offer beats the network's
// "positively reviewing".
TEST(DetectorStatus18, AProductionWeighingSomeoneNamesACandidate) {
  EXPECT_EQ(
      Summary("", "MBC는 하반기 방송 예정인 '종이 달'에 김유정의 출연을 검토하고 있다.", "ko"),
      "casting Kim Yoo-jung / 종이 달 (rumored)");
  EXPECT_EQ(Summary("",
                    "SBS 관계자는 \"안효섭의 '종이 달' 출연을 긍정적으로 검토 중\"이라고 "
                    "밝혔다. 안효섭 소속사 관계자는 \"'종이 달'은 제안받은 작품 가운데 "
                    "하나\"라며 \"아직 검토도 하기 전이다\"라고 말했다.",
                    "ko"),
            "casting Ahn Hyo-seop / 종이 달 (in_talks)");
}

// "제의를 받은 A가 고민에 빠졌다 … 차기작 결정을 쉽게 내리지 못하고 있다": an offer being
// weighed; a next work not yet decided is no casting.
TEST(DetectorStatus18, AnUndecidedNextWorkIsNoCasting) {
  EXPECT_EQ(Summary("",
                    "'종이 달' 출연 제의를 받은 배우 김유정이 고민에 빠졌다. 다른 작품 촬영이 "
                    "겹쳐 차기작 결정을 쉽게 내리지 못하고 있다.",
                    "ko"),
            "casting Kim Yoo-jung / 종이 달 (reviewing)");
}

// Korean talks with a light verb ("협의를 진행하고 있다", "논의를 이어가고 있다") are talks like
// "협의하고 있다".
TEST(DetectorStatus18, TalksWithALightVerb) {
  EXPECT_EQ(Summary("",
                    "SBS 새 드라마 '종이 달'의 여주인공으로 김유정이 유력하다. 제작사 관계자는 "
                    "\"김유정과 출연을 두고 협의를 진행하고 있다\"고 말했다.",
                    "ko"),
            "casting Kim Yoo-jung / 종이 달 (in_talks)");
  EXPECT_EQ(Summary("",
                    "MBC 관계자는 \"안효섭 측과 '종이 달' 출연 여부를 놓고 논의를 이어가고 "
                    "있다\"고 밝혔다.",
                    "ko"),
            "casting Ahn Hyo-seop / 종이 달 (in_talks)");
}

// "…할 것으로 알려져 / 전해져": hearsay as a connective is a report like "알려졌다".
TEST(DetectorStatus18, ConnectiveHearsayIsAReport) {
  EXPECT_EQ(
      Summary("", "드라마 '종이 달'에 김유정과 안효섭이 출연할 것으로 알려져 기대를 모은다.", "ko"),
      "casting Ahn Hyo-seop / 종이 달 (rumored); casting Kim Yoo-jung / 종이 달 (rumored)");
  EXPECT_EQ(Summary("", "김유정이 영화 '종이 달'의 주인공을 맡을 것으로 전해져 눈길을 끈다.", "ko"),
            "casting Kim Yoo-jung / 종이 달 (rumored)");
}

// "…, and both actors are looking over the offers", "the two are considering them": a next
// clause whose subject is "both (actors)" or "the two" goes on with the persons' predicate,
// as one with "they".
TEST(DetectorStatus18, BothActorsGoOnWithTheirPredicate) {
  EXPECT_EQ(Summary("",
                    "tvN has offered the leads of its new drama 'Paper Moon' to Kim Yoo-jung and "
                    "Ahn Hyo-seop, and both actors are looking over the offers.",
                    "en"),
            "casting Ahn Hyo-seop / Paper Moon (reviewing); casting Kim Yoo-jung / Paper Moon "
            "(reviewing)");
  EXPECT_EQ(Summary("",
                    "Kim Yoo-jung and Ahn Hyo-seop have received offers to star in the film 'Paper "
                    "Moon', and the two are positively considering them.",
                    "en"),
            "casting Ahn Hyo-seop / Paper Moon (reviewing); casting Kim Yoo-jung / Paper Moon "
            "(reviewing)");
}

}  // namespace
}  // namespace hallyu
