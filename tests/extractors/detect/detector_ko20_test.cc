// Korean casting and OST detection, twentieth round: a story about a variety show that also
// names its people's dramas, singers of earlier OSTs told after the news, and a work's existing
// cast named where the story describes the work. Sentences are invented; the people are real
// names the gazetteer knows (facts), the titles are made up or real (facts). Each test was
// seen failing on 214e3ec (the base commit's detector on the same text) before its change.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

using hallyu::testing::EnSummary;
using hallyu::testing::KoSummary;
using ::testing::HasSubstr;
using ::testing::Not;

// "A·B, '놀면 뭐하니?'서 C와 만난다 … 한편 A는 현재 드라마 'W'에서 X 역을 맡아 열연": the
// story is a show appearance; the drama its people star in now is no casting news, and the
// show's meeting cue gives nobody a drama.
TEST(DetectorKo20, AVarietyShowStoryLendsNoDramaToItsPeople) {
  EXPECT_EQ(KoSummary("김소연·조병규, '놀면 뭐하니?'서 유재석과 만난다",
                      "배우 김소연과 조병규가 유재석과 만난다. 한편 김소연은 현재 SBS 드라마 "
                      "'겨울 바다'에서 한서진 역을 맡아 열연을 펼치고 있다."),
            "");
  // (an offer of a show's follow-up programme, then the dramas the actor is known for)
  EXPECT_EQ(KoSummary("",
                      "배우 주원이 '1박 2일' 후속 프로그램 출연을 제안 받고 검토 중이다. "
                      "주원은 드라마 '겨울 바다'와 영화 '봄길'에 출연하면서 주목받고 있다."),
            "");
  // (a headline that names a drama as well as the lead's show is casting news of the drama)
  EXPECT_THAT(KoSummary("정해인, 드라마 '겨울 바다' 주인공 발탁",
                        "배우 정해인이 드라마 '겨울 바다'의 주인공으로 발탁됐다. 정해인은 MBC "
                        "'나 혼자 산다'에 출연한 바 있다."),
              HasSubstr("casting Jung Hae-in / 겨울 바다 (confirmed)"));
}

// "스튜디오는 지난해 11월 A의 'S1'을 시작으로 B의 'S2' … 등을 발표하며": after the sentence
// that gives the news, the singers of songs put out in the past are no news.
TEST(DetectorKo20, SingersOfEarlierOstsAfterTheNewsAreBackground) {
  const std::string s =
      KoSummary("",
                "가수 이무진이 부른 드라마 '눈물의 여왕' OST '첫눈'이 10일 발매됐다. OST "
                "제작사는 지난해 11월 태연의 '봄비'를 시작으로 백현의 '바람', 거미의 '눈꽃' "
                "등을 발표하며 극의 분위기를 살리고 있다.");
  EXPECT_THAT(s, HasSubstr("ost Lee Mu-jin / Queen of Tears (released)"));
  EXPECT_THAT(s, Not(HasSubstr("Taeyeon")));
  EXPECT_THAT(s, Not(HasSubstr("Baekhyun")));
  EXPECT_THAT(s, Not(HasSubstr("Gummy")));
}

// "His fellow members V and Jin also released their own OSTs … last 2021": background.
TEST(DetectorKo20, FellowMembersWhoReleasedOstsLastYearAreBackground) {
  const std::string s = EnSummary(
      "BTS' Jimin to sing OST for Winter Sea",
      "Jimin will sing an original soundtrack for the upcoming tvN drama Winter Sea. His fellow "
      "members V and Jin also released their own OSTs 'Snow Path' and 'Blue Rain' for the "
      "dramas Spring Road and Night Lamp last 2021.");
  EXPECT_THAT(s, HasSubstr("ost Jimin / Winter Sea (announced)"));
  EXPECT_THAT(s, Not(HasSubstr("ost V ")));
  EXPECT_THAT(s, Not(HasSubstr("ost Jin ")));
}

// "'W'는 차가운 남자 X와 여자 Y의 만남을 그린 작품으로 A, B가 출연을 확정지었다": after the news
// sentence, a sentence that describes the work names its existing cast and its characters.
TEST(DetectorKo20, ASentenceDescribingTheWorkNamesItsExistingCast) {
  EXPECT_EQ(KoSummary("고민시, '겨울 바다' 캐스팅",
                      "배우 고민시가 tvN '겨울 바다'에 캐스팅됐다. tvN 새 드라마 '겨울 바다'는 "
                      "차가운 남자 한서준과 따뜻한 여자 윤하진의 만남을 그린 작품으로 서인국, "
                      "정소민이 출연을 확정지었다."),
            "casting Go Min-si / 겨울 바다 (confirmed)");
}

}  // namespace
}  // namespace hallyu
