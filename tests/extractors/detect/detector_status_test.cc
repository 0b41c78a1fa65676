// The status of a casting as the label notes settle it (issue 14): every casting cue has a
// speaker (the person's side, a media report, or the article itself) and a stage; one status per
// person is settled by precedence over all of them. Sentences are invented; the people are real
// names the gazetteer knows (facts), the titles are made up. Each test fails without its
// mechanism.

#include <gtest/gtest.h>

#include <string>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

// "type person / work (status)" per detection, sorted, joined by "; ".
std::string Summary(const std::string& title, const std::string& text, const std::string& lang) {
  return hallyu::testing::DetectionSummary(title, text, lang);
}

// A sentence that relays a report and then quotes the agency: the report's "캐스팅됐다" is the
// report's, the quoted "검토 중" is the agency's (a clause that names nobody goes on with the
// person before it), and the agency wins.
TEST(DetectorStatus, ReportAndAgencyInOneSentenceKeepTheirOwnSpeakers) {
  EXPECT_EQ(Summary("",
                    "한 매체는 김유미가 드라마 '봄날의 정원'에 캐스팅됐다고 보도했고, 소속사 "
                    "관계자는 \xE2\x80\x9C제안을 받고 긍정적으로 검토 중\xE2\x80\x9D이라고 밝혔다.",
                    "ko"),
            "casting Kim Yoo-mi / 봄날의 정원 (reviewing)");
}

// An old report is background: "has been confirmed …, a year after he was reported to be in
// talks" is a confirmation stated by the article, not a report.
TEST(DetectorStatus, AnEarlierReportDoesNotMakeAConfirmationARumour) {
  EXPECT_EQ(Summary("",
                    "Kim Seon-ho has been confirmed to star in the drama 'Moonlit Garden', a year "
                    "after he was first reported to be in talks for the role.",
                    "en"),
            "casting Kim Seon-ho / Moonlit Garden (confirmed)");
}

// "제안했고, 현재 긍정 검토 중": a clause that names nobody goes on with the persons of the
// clause before it, so the offer and its review are one statement (reviewing).
TEST(DetectorStatus, KoreanOfferThenReviewInTheNextClauseIsReviewing) {
  EXPECT_EQ(Summary("",
                    "tvN 측 관계자는 \"김선호 씨에게 새 드라마 '봄날의 정원' 출연을 제안했고, 현재 "
                    "긍정 검토 중\"이라고 전했다.",
                    "ko"),
            "casting Kim Seon-ho / 봄날의 정원 (reviewing)");
}

// The agency confirms the offer, the article says the actor is considering it: the review is the
// more advanced stage and the agency does not undo it (English as in Korean).
TEST(DetectorStatus, AgencyOfferAndStatedReviewIsReviewing) {
  EXPECT_EQ(Summary("Kim Seon-ho offered lead role in drama Moonlit Garden",
                    "His agency revealed that Kim Seon-ho has been offered the lead role in the "
                    "drama Moonlit Garden. Currently, Kim Seon-ho is positively considering the "
                    "offer.",
                    "en"),
            "casting Kim Seon-ho / Moonlit Garden (reviewing)");
}

// Lexicon lines: "one of the works being reviewed" is a review; "아직 출연을 결정지은 건
// 아니다" negates the decision, so the offer stands (in talks).
TEST(DetectorStatus, ReviewAndUndecidedLexicon) {
  EXPECT_EQ(Summary("",
                    "An official from Kim Yoo-mi's agency said, \"Kim Yoo-mi was offered the lead "
                    "role in 'Moonlit Garden'. It is one of the works being reviewed.\"",
                    "en"),
            "casting Kim Yoo-mi / Moonlit Garden (reviewing)");
  EXPECT_EQ(Summary("",
                    "김유미 소속사 관계자는 \"드라마 '봄날의 정원'은 제안받은 작품 중 하나다. 아직 "
                    "출연을 결정지은 건 아니다\"라고 말했다.",
                    "ko"),
            "casting Kim Yoo-mi / 봄날의 정원 (in_talks)");
}

}  // namespace
}  // namespace hallyu
