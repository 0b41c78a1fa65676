// Korean casting and OST mechanisms of the fifteenth detection round. Sentences are invented;
// the people are real names the gazetteer knows (facts), the titles are made up. Each test was
// seen failing on 59f0059 before its change.

#include <gtest/gtest.h>

#include <string>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

using hallyu::testing::KoSummary;

// "캐스팅됐다는 기사는 사실과 다르다", "제안을 받은 사실 자체가 없다": the side refutes the
// report; a denial, whatever the report said.
TEST(DetectorKo15, RefutingTheReportIsADenial) {
  EXPECT_EQ(KoSummary("",
                      "배우 현빈 측은 \"영화 '겨울 바다'에 현빈이 캐스팅됐다는 기사는 사실과 "
                      "다르다\"고 밝혔다."),
            "casting Hyun Bin / 겨울 바다 (denied)");
  EXPECT_EQ(KoSummary("",
                      "드라마 '겨울 바다' 출연설에 대해 장동건 소속사 측은 \"출연 제의를 받은 "
                      "사실 자체가 없다\"고 전했다."),
            "casting Jang Dong-gun / 겨울 바다 (denied)");
}

// "'W'엔 나오지 않는다 … 다른 작품들을 검토하고 있다": a review of another work is no review of the
// work the side has just turned down.
TEST(DetectorKo15, ReviewingAnotherWorkDoesNotUndoADenial) {
  EXPECT_EQ(KoSummary("",
                      "김유정 소속사 측은 \"드라마 '겨울 바다'에 출연하지 않는다. 현재 다른 "
                      "작품들을 검토하고 있다\"고 밝혔다."),
            "casting Kim Yoo-jung / 겨울 바다 (denied)");
}

// "A가 'W' 주인공으로 캐스팅됐다는 소식에 소속사가 입장을 밝혔다": the casting before "-다는
// 소식 / 보도 / 기사" is the report the side answers, not the side's own word; the side's
// "긍정 검토 중" is the status.
TEST(DetectorKo15, TheReportTheSideAnswersIsAReport) {
  EXPECT_EQ(KoSummary("",
                      "배우 김유정이 tvN 새 드라마 '겨울 바다' 주인공으로 캐스팅됐다는 소식에 "
                      "소속사가 입장을 밝혔다. 소속사 관계자는 \"김유정이 '겨울 바다' 출연을 "
                      "긍정 검토 중\"이라고 말했다."),
            "casting Kim Yoo-jung / 겨울 바다 (reviewing)");
  EXPECT_EQ(KoSummary("",
                      "안효섭이 영화 '겨울 바다' 주연으로 발탁됐다는 소식과 관련해 제작사 측이 "
                      "입장을 냈다. 제작사 관계자는 \"안효섭에게 제안을 드리고 논의 중\"이라고 "
                      "말했다."),
            "casting Ahn Hyo-seop / 겨울 바다 (in_talks)");
}

// "'W' 캐스팅, A-B?…": a headline that asks after the names is a rumour, not a casting.
TEST(DetectorKo15, AHeadlineThatAsksIsARumour) {
  EXPECT_EQ(KoSummary("'겨울 바다' 주인공은 김유정-안효섭?...기대되는 캐스팅",
                      "드라마 '겨울 바다'의 남녀 주인공으로 김유정과 안효섭이 거론되고 있다."),
            "casting Ahn Hyo-seop / 겨울 바다 (rumored); casting Kim Yoo-jung / 겨울 바다 "
            "(rumored)");
}

// "28일 'W' 제작발표회가 진행됐다": a press event's lead tells how the cast was cast; its
// casting words are background, no news.
TEST(DetectorKo15, APressEventLeadIsNoCastingNews) {
  EXPECT_EQ(KoSummary("",
                      "김유정이 '겨울 바다'에 300대 1의 경쟁을 뚫고 캐스팅됐다. 12일 서울 "
                      "마포구에서 tvN 새 드라마 '겨울 바다' 제작발표회가 열렸다."),
            "");
}

// "A가 'W' OST로 위로를 전한다", "OST로 안방극장을 찾는다": the singer comes to the drama
// through its OST.
TEST(DetectorKo15, ASingerComesThroughTheOst) {
  EXPECT_EQ(KoSummary("", "가수 케이윌이 '겨울 바다' OST로 위로를 전한다."),
            "ost K.Will / 겨울 바다 (announced)");
  EXPECT_EQ(KoSummary("", "가수 거미가 드라마 '겨울 바다' OST로 안방극장을 찾는다."),
            "ost Gummy / 겨울 바다 (announced)");
}

// Singers the gazetteer knew only by their romanised stage names (facts: 나얼 is Naul, 요아리
// Yoari, 수란 Suran): a Korean lead writes them in Hangul, without "가수" before them.
TEST(DetectorKo15, SingersKnownByTheirHangulStageNames) {
  EXPECT_EQ(KoSummary("", "요아리와 수란이 드라마 '겨울 바다' OST에 참여한다."),
            "ost Suran / 겨울 바다 (announced); ost Yoari / 겨울 바다 (announced)");
}

// "양측은 \"확인해줄 수 없다\"는 입장이지만 … 출연을 결정한 모양새": a quoted clause in 다
// named as somebody's position is no title, and what the writer infers ("모양새", "듯") is a
// rumour, not a confirmation.
TEST(DetectorKo15, APositionIsNoTitleAndAnInferenceIsARumour) {
  EXPECT_EQ(KoSummary("",
                      "김유정이 드라마 '겨울 바다'에 특별출연한다는 보도가 나왔다. 소속사 측은 "
                      "\"알려줄 수 없다\"는 입장이지만, 감독과의 인연으로 특별출연을 결정한 "
                      "모양새다."),
            "casting Kim Yoo-jung / 겨울 바다 (rumored)");
  EXPECT_TRUE(
      hallyu::testing::WorkMentions("제작사와 소속사 양측은 \"밝혀줄 수 없다\"는 입장이다.", "ko")
          .empty());
}

// "A와 X, B가 …": a word between two names, joined to one by 와 and to the other by a comma,
// is a name of the list too, with or without a surname.
TEST(DetectorKo15, AWordBetweenTwoListedNamesIsAName) {
  EXPECT_EQ(KoSummary("",
                      "배우 김유정과 해람, 안효섭이 영화 '겨울 바다' OST 작업에 참여해 개봉에 "
                      "맞춰 음원을 낸다."),
            "ost Ahn Hyo-seop / 겨울 바다 (announced); ost Kim Yoo-jung / 겨울 바다 (announced); "
            "ost 해람 / 겨울 바다 (announced)");
}

// "A와 B의 'W' 출연이 (최종) 확정됐다 / 결정됐다 / 성사됐다 / 예고됐다": the casting as the
// subject of a passive verb, the commonest way a Korean lead states it; "카메오로 등장하게 된다".
TEST(DetectorKo15, TheCastingAsSubjectOfAPassiveVerb) {
  EXPECT_EQ(KoSummary("", "김유정과 안효섭의 드라마 '겨울 바다' 출연이 최종 확정됐다."),
            "casting Ahn Hyo-seop / 겨울 바다 (confirmed); casting Kim Yoo-jung / 겨울 바다 "
            "(confirmed)");
  EXPECT_EQ(KoSummary("", "배우 현빈의 영화 '겨울 바다' 출연이 성사됐다."),
            "casting Hyun Bin / 겨울 바다 (confirmed)");
  EXPECT_EQ(KoSummary("", "현빈은 영화 '겨울 바다'에 카메오로 등장하게 된다."),
            "casting Hyun Bin / 겨울 바다 (confirmed)");
}

// "A는 'W1'을 함께 한 작가와의 인연으로 'W2'에 카메오로 등장한다": the work A did with someone
// is an earlier work, not the news.
TEST(DetectorKo15, AWorkDoneTogetherIsAnEarlierWork) {
  EXPECT_EQ(KoSummary("",
                      "현빈은 '봄날의 꿈'을 함께 한 작가, 김유정은 '여름밤'을 연출한 감독과의 "
                      "인연으로 각각 드라마 '겨울 바다'에 카메오로 출연한다."),
            "casting Hyun Bin / 겨울 바다 (confirmed); casting Kim Yoo-jung / 겨울 바다 "
            "(confirmed)");
}

// "엑소 백현·거미…'W' OST 라인업 공개": a quote right after an ellipsis or a middle dot opens a
// title (headline telegraphese), its first word is no singer.
TEST(DetectorKo15, AQuoteAfterAnEllipsisOpensATitle) {
  EXPECT_EQ(KoSummary("엑소 백현·세븐틴 승관…'봄날의 바다 2' OST 라인업 공개",
                      "드라마 '봄날의 바다 2'의 OST 라인업이 공개됐다."),
            "ost Baekhyun / 봄날의 바다 2 (announced); ost Seungkwan / 봄날의 바다 2 "
            "(announced)");
}

// "A는 … 형사가 된 R1, B는 R1이 이끄는 … R2로 분한다", "A가 … 남자 R1을, B가 … R2를
// 연기한다": the name closing one actor's clause is that actor's character, and it stays a
// character where it comes back in the sentence (even when a person has that name).
TEST(DetectorKo15, ACharacterClosingAnActorsClause) {
  EXPECT_EQ(KoSummary("",
                      "현빈과 김유정이 드라마 '겨울 바다'에 출연한다. 현빈은 형사가 된 이석민, "
                      "김유정은 이석민이 이끄는 팀의 막내 윤서아로 분한다."),
            "casting Hyun Bin / 겨울 바다 (confirmed); casting Kim Yoo-jung / 겨울 바다 "
            "(confirmed)");
  EXPECT_EQ(KoSummary("",
                      "영화 '겨울 바다'에서 현빈이 야심 많은 남자 한도겸을, 김유정이 그의 비서 "
                      "차하린을 연기한다."),
            "casting Hyun Bin / 겨울 바다 (confirmed); casting Kim Yoo-jung / 겨울 바다 "
            "(confirmed)");
}

}  // namespace
}  // namespace hallyu
