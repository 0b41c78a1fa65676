// OST mechanisms of the nineteenth round, each seen in real OST news and hard negatives: a
// music show's OST special, a trend piece that opens on a plural and a playlist are roundups;
// "가창력" (vocal skill) is no act of singing. Sentences are invented; the titles and people
// are made up or facts.

#include <gtest/gtest.h>

#include <string>

#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

std::string Ko(const std::string& title, const std::string& text) {
  return hallyu::testing::DetectionSummary(title, text, "ko");
}

TEST(DetectorOst19, AMusicShowsOstSpecialAndATrendPieceAreRoundups) {
  EXPECT_EQ(Ko("",
               "‘불후의 명곡’이 드라마 OST 특집을 선보인다. 3일 방송에서는 가수 오다인, 한서윤 "
               "등이 출연해 인기 드라마 OST를 열창한다. 국악소녀 송소희는 MBC 드라마 ‘대장금’의 "
               "OST ‘오나라’를 부른다."),
            "");
  EXPECT_EQ(Ko("",
               "뛰어난 가창력을 자랑하는 배우들이 있다. 이들 중 몇몇은 자신이 출연 중인 드라마의 "
               "OST를 직접 불러 화제를 모았다. 그룹 SF9 멤버 겸 배우 로운은 KBS2 드라마 ‘연모’의 "
               "OST에 마지막 주자로 참여했다. 그가 부른 ‘안녕’은 슬픈 운명을 노래한 곡이다."),
            "");
}

TEST(DetectorOst19, APlaylistIsARoundup) {
  EXPECT_EQ(hallyu::testing::DetectionSummary(
                "K-Music Playlist: Drama OST Edition",
                "K-Drama season is in full effect. Here is this week’s K-Music Playlist consisting "
                "of recent to classic drama OSTs that will bring on all the feels. “Sea Wind” – "
                "Jang Seo-rin (Blue Harbor OST) One of the most iconic songs from the Blue Harbor "
                "OST.",
                "en"),
            "");
}

TEST(DetectorOst19, VocalSkillIsNoActOfSinging) {
  EXPECT_EQ(Ko("거미, 드라마 뜨면 OST 뜬다",
               "대세 드라마 뒤에는 극을 살려주는 OST가 존재한다. KBS 2TV ‘태양의 후예’는 드라마 "
               "신드롬과 함께 OST 신드롬을 불러일으켰다. 거미, 윤미래, 다비치, 케이윌 등 "
               "가창력으로 내로라하는 가수들을 총집합시켰을 뿐만 아니라 이들이 내놓는 OST곡은 "
               "줄줄이 성공적이었다."),
            "");
  // (the singing noun itself still is one: "가창에 참여한")
  EXPECT_EQ(Ko("", "가수 오다인이 가창에 참여한 드라마 ‘푸른 항구’ OST ‘바닷바람’이 발매된다."),
            "ost 오다인 / 푸른 항구 (announced)");
}

}  // namespace
}  // namespace hallyu
