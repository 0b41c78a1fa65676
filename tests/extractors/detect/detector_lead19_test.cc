// The lead's fixes of the nineteenth detection round, found on the round's real development
// snippets (never committed). Sentences are our own; people are real names the gazetteer knows
// (facts), the titles are made up. Each test was seen failing before its change.

#include <gtest/gtest.h>

#include <string>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

using hallyu::testing::EnSummary;
using hallyu::testing::KoSummary;

// "BTS' Jimin … Its cast includes … Han Ji-min": a short name the story ties to a group is that
// idol, not the rest of a full name written later ("Ji-min" of Han Ji-min); before, Jimin's OST
// went to Han Ji-min. Without a group the short name still joins the full one ("Kim So-yeon …
// So-yeon will").
TEST(DetectorLead19, AShortNameTiedToAGroupIsNotTheRestOfAFullName) {
  EXPECT_EQ(EnSummary("BTS' Jimin to sing for tvN series 'Paper Lanterns'",
                      "Jimin will sing the first soundtrack song of 'Paper Lanterns', its OST "
                      "producer said. The cast of the series includes Han Ji-min and Kim "
                      "Woo-bin."),
            "ost Jimin / Paper Lanterns (announced)");
}

// "A and B are in talks to lead 'W' scriptwriter's upcoming drama": a title before
// "scriptwriter" / "screenwriter" is the writer's earlier work, as before "writer"; the new
// drama is unnamed, so nothing is announced.
TEST(DetectorLead19, ATitleBeforeScriptwriterIsTheWritersEarlierWork) {
  EXPECT_EQ(EnSummary("",
                      "Kim Ji-won and Lee Won-geun are reportedly in talks to lead 'Paper "
                      "Lanterns' scriptwriter's upcoming drama."),
            "");
  EXPECT_EQ(EnSummary("",
                      "Kim Ji-won is in talks to star in the new drama by the 'Paper Lanterns' "
                      "screenwriter."),
            "");
}

// "이요원은 권상우가 남자 주인공으로 확정된 KBS 'W' 출연과 관련, 검토 중이다": the subject of an
// adnominal clause that tells the work's casting ("…가 … 확정된 'W'") is the cast the work already
// has, not news; before, he took the sentence's "reviewing".
TEST(DetectorLead19, TheSubjectOfAnAdnominalCastingClauseIsTheExistingCast) {
  EXPECT_EQ(KoSummary("",
                      "배우 김지원은 이원근이 남자 주인공으로 확정된 KBS 드라마 '종이 등불' "
                      "출연을 긍정적으로 검토 중이다."),
            "casting Kim Ji-won / 종이 등불 (reviewing)");
}

// "배우 A가 'W' 여주인공 캐스팅을 통해 'B의 여인'이 될 가능성이 커졌다": a likelihood is no
// casting; with "검토 중" in the next sentence the status is reviewing.
TEST(DetectorLead19, ALikelihoodOfACastingIsNoConfirmation) {
  EXPECT_EQ(KoSummary("",
                      "배우 김지원이 드라마 '종이 등불' 여주인공 캐스팅을 통해 안방극장에 복귀할 "
                      "가능성이 커졌다. 김지원은 대본을 받고 출연을 긍정적으로 검토 중이다."),
            "casting Kim Ji-won / 종이 등불 (reviewing)");
}

// "약간의 수정 작업을 거쳐": 수정 (editing) is an everyday word; as a stage name it counts only
// next to its group.
TEST(DetectorLead19, SujeongAsEditingIsNoName) {
  EXPECT_EQ(KoSummary("",
                      "배우 김지원이 드라마 '종이 등불' 출연을 검토 중이다. 소속사는 \"약간의 수정 "
                      "작업을 거쳐 현재 긍정적으로 검토 중\"이라고 말했다."),
            "casting Kim Ji-won / 종이 등불 (reviewing)");
}

// "A(R1 역)와 B(R2 역)가 캐스팅된 가운데 C가 합류한다": the persons whose casting is the setting
// of the news ("…된 가운데", "…한 데 이어") are the cast the work already has.
TEST(DetectorLead19, PersonsCastAsTheSettingOfTheNewsAreTheExistingCast) {
  EXPECT_EQ(KoSummary("",
                      "드라마 '종이 등불'에 김지원(한솔 역)과 이원근(도윤 역)이 캐스팅된 가운데 "
                      "배우 안효섭이 합류한다."),
            "casting Ahn Hyo-seop / 종이 등불 (confirmed)");
}

// "싶기도 하면서도 정말 검토 중이라면": 하면서 (하다 + 면서) is a verb, not a three-syllable name
// with the surname 하.
TEST(DetectorLead19, HamyeonseoIsAVerbNotAName) {
  EXPECT_EQ(KoSummary("",
                      "배우 김지원이 드라마 '종이 등불' 출연을 긍정적으로 검토 중이다. 소속사는 "
                      "조심스러워 하면서도 \"검토하고 있다\"고 밝혔다."),
            "casting Kim Ji-won / 종이 등불 (reviewing)");
}

}  // namespace
}  // namespace hallyu
