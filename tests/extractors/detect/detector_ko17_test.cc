// Korean casting and OST mechanisms of the seventeenth detection round. Sentences are invented;
// the people are real names the gazetteer knows (facts), the titles are made up. Each test was
// seen failing on f23db69 before its change.

#include <gtest/gtest.h>

#include <string>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

using hallyu::testing::KoSummary;

// "영화 'W'가 제작보고회를 열었다 … 열린 제작보고회에는 A, B가 참석했다 … A는 'X' 역을
// 맡았다": a press event the work holds (its object, not only its subject) is the cast's
// background, however the outlet words the event.
TEST(DetectorKo17, APressEventTheWorkHoldsIsBackground) {
  EXPECT_EQ(KoSummary("",
                      "영화 '겨울 바다'가 제작보고회를 개최했다. 10일 서울에서 열린 '겨울 "
                      "바다' 제작보고회에는 감독과 배우 김유정, 안효섭이 참석했다. 극 중 "
                      "김유정은 해녀 '한수' 역을, 안효섭은 어부 '강산' 역을 맡았다."),
            "");
  EXPECT_EQ(KoSummary("",
                      "드라마 '겨울 바다'가 온라인 제작발표회를 가졌다. 김유정은 극 중 해녀 "
                      "역을 맡았다."),
            "");
  EXPECT_EQ(KoSummary("",
                      "배우 김유정은 10일 오후 드라마 '겨울 바다' 제작발표회에 참석해 해녀 "
                      "역을 맡은 소감을 전했다."),
            "");
  // (a casting told before a press event of another work stays news)
  EXPECT_EQ(KoSummary("", "배우 김유정이 드라마 '겨울 바다'에 출연한다."),
            "casting Kim Yoo-jung / 겨울 바다 (confirmed)");
}

// "최고 시청률 N% …" over a lead that opens on a new work's casting line-up: the headline's
// other words (the actors' earlier hit) do not veto the line-up the lead announces.
TEST(DetectorKo17, AClickbaitHeadlineDoesNotVetoANewWorksLineUp) {
  EXPECT_EQ(KoSummary("시청률 20% 넘겼던 두 배우의 재회…벌써 반응 뜨거운 '드라마'",
                      "넷플릭스 신작 '겨울 바다'의 캐스팅 라인업이 공개됐다. 넷플릭스는 "
                      "김유정, 안효섭이 '겨울 바다'에 캐스팅됐다고 10일 밝혔다."),
            "casting Ahn Hyo-seop / 겨울 바다 (confirmed); casting Kim Yoo-jung / 겨울 바다 "
            "(confirmed)");
  // (a ratings headline over the cast of a drama on air stays vetoed)
  EXPECT_EQ(KoSummary("'겨울 바다' 시청률 20% 돌파",
                      "김유정, 안효섭이 출연하는 드라마 '겨울 바다'가 시청률 20%를 넘었다. 두 "
                      "배우는 극 중 연인으로 호흡을 맞춘다."),
            "");
}

// "'W' OST 가창자 공개..A→B까지": headline telegraphese lists the singers with
// arrows, and ".." closes the phrase before them; each name is a name and each singer sings.
TEST(DetectorKo17, HeadlineArrowsAndDoubleDotsSeparateNames) {
  EXPECT_EQ(KoSummary("'겨울 바다' OST 가창자 베일 벗었다..세븐틴 승관→BTS 진",
                      "드라마 '겨울 바다'의 OST 라인업이 10일 공개됐다."),
            "ost Jin / 겨울 바다 (announced); ost Seungkwan / 겨울 바다 (announced)");
}

// "지금까지 알려진 출연진은 A, B다. 'W' 출연이 확정되면 A는 'X'(2019년) 이후 …에 출연하게
// 된다": a cast the story calls only known so far, and a casting told as a condition ("확정되면",
// "성사될 경우"), are reports, not confirmations; a title dated in brackets with 년 is an
// earlier work, as without it.
TEST(DetectorKo17, AKnownSoFarCastAndAConditionalCastingAreRumours) {
  EXPECT_EQ(KoSummary("",
                      "tvN 새 드라마 '겨울 바다'의 출연진 일부가 전해졌다. 현재까지 알려진 "
                      "출연진은 김유정, 안효섭이다. '겨울 바다' 출연이 확정되면 김유정은 "
                      "'구름 위'(2019년) 이후 5년 만에 드라마에 출연하게 된다."),
            "casting Ahn Hyo-seop / 겨울 바다 (rumored); casting Kim Yoo-jung / 겨울 바다 "
            "(rumored)");
  EXPECT_EQ(KoSummary("",
                      "배우 김유정이 드라마 '겨울 바다'의 여주인공으로 거론된다. 출연이 성사될 "
                      "경우 김유정은 첫 사극에 도전하게 된다."),
            "casting Kim Yoo-jung / 겨울 바다 (rumored)");
  // (a casting confirmed elsewhere in the story stays confirmed)
  EXPECT_EQ(KoSummary("",
                      "배우 김유정이 드라마 '겨울 바다' 출연을 확정했다. 김유정은 '구름 "
                      "위'(2019년) 이후 5년 만에 드라마에 출연한다."),
            "casting Kim Yoo-jung / 겨울 바다 (confirmed)");
}

// "…하며 A와 B, C의 참여 소식을 알렸다", "'S'는 C의 애절한 보컬이 돋보이는 곡": the owner of
// the participation or of the voice is a singer, a band name the gazetteer does not know included.
TEST(DetectorKo17, TheOwnerOfAnOstsParticipationOrVoiceSings) {
  EXPECT_EQ(KoSummary("",
                      "제작사는 드라마 '겨울 바다' OST 2차 라인업을 공개하며 거미와 케이윌, "
                      "파도소리밴드의 참여 소식을 알렸다."),
            "ost Gummy / 겨울 바다 (announced); ost K.Will / 겨울 바다 (announced); ost "
            "파도소리밴드 / 겨울 바다 (announced)");
  EXPECT_EQ(KoSummary("",
                      "드라마 '겨울 바다'의 세 번째 OST '첫눈'이 10일 공개됐다. '첫눈'은 "
                      "신예 윤바다의 애절한 보컬이 돋보이는 발라드로 '겨울 바다' OST의 인기를 "
                      "이어갈 전망이다."),
            "ost 윤바다 / 겨울 바다 (released)");
}

// "A와 B가 'W' 물망에 올랐다. A의 소속사 관계자는 “… 크다. 'W'도 검토 중인 작품일 뿐”이라고
// 했다": the quote the second sentence opens speaks for A only; B stays a rumour.
TEST(DetectorKo17, AQuoteRunningOnSpeaksForThePersonItsOpeningNames) {
  EXPECT_EQ(KoSummary("",
                      "배우 김유정과 안효섭이 영화 '겨울 바다'의 주연 물망에 올랐다. 김유정의 "
                      "소속사 관계자는 10일 “차기작은 영화가 될 것 같다. '겨울 바다'도 검토하는 "
                      "작품 중 하나일 뿐이다”라고 했다."),
            "casting Ahn Hyo-seop / 겨울 바다 (rumored); casting Kim Yoo-jung / 겨울 바다 "
            "(reviewing)");
}

// "A가 B 작가의 새 드라마 제안을 받고 고심 중이다", "C 감독의 신작 출연을 검토 중": an offer, a
// review, talks or a rumour with no named work is a vague offer (as in English); a settled
// casting in an untitled project stays news.
TEST(DetectorKo17, AKoreanOfferWithNoNamedWorkIsVague) {
  EXPECT_EQ(KoSummary("",
                      "배우 김유정이 김은숙 작가의 신작 출연을 긍정적으로 검토 중이다. 소속사 "
                      "관계자는 10일 “제안을 받은 것은 맞다”고 했다."),
            "");
  EXPECT_EQ(KoSummary("", "배우 김유정이 봉준호 감독의 신작에 출연한다."),
            "casting Kim Yoo-jung /  (confirmed)");
}

// "출연을 확정 지은 건 아니다": 지은 before 건 is the verb 짓다, not the idol Jieun.
TEST(DetectorKo17, AVerbFormBeforeADependentNounIsNoName) {
  EXPECT_EQ(KoSummary("",
                      "김유정의 소속사 관계자는 10일 “드라마 '겨울 바다' 제안을 받았지만 출연을 "
                      "확정 지은 건 아니다”라고 했다."),
            "casting Kim Yoo-jung / 겨울 바다 (in_talks)");
}

}  // namespace
}  // namespace hallyu
