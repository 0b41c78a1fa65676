// Korean mechanisms of the fourteenth round's second pass, from the Korean errors of the
// released real test set (test14): bands whose names hold 와, film theme songs (주제곡, 엔딩
// 타이틀곡), the author of a film's source novel, a season written after a title's closing mark,
// past cameos told as background, ceremony performances of an existing OST and idol web-drama
// trend pieces. Sentences are invented (titles made up unless a mechanism needs a known one);
// each test failed before its mechanism.

#include <gtest/gtest.h>

#include <string>

#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

constexpr auto Ko = &hallyu::testing::KoSummary;

// "밴드 미도와 파라솔이": a band the gazetteer knows by a name holding 와 is one singer, not a
// list of two names.
TEST(DetectorKo14b, ABandNameHoldingWaIsReadWhole) {
  EXPECT_EQ(Ko("",
               "의학 드라마에서 만들어진 밴드 미도와 파라솔이 새 드라마 '푸른 항구'의 OST를 "
               "부른다."),
            "ost Mido and Falasol / 푸른 항구 (announced)");
  EXPECT_EQ(Ko("",
               "제작사는 오늘 '푸른 항구'의 다섯 번째 OST인 미도와 파라솔의 '바닷바람'을 "
               "발매한다."),
            "ost Mido and Falasol / 푸른 항구 (announced)");
}

// "영화 'W'의 주제곡", "엔딩 타이틀곡을 부른다": a film's theme song is its soundtrack.
TEST(DetectorKo14b, AFilmThemeSongIsAnOst) {
  EXPECT_EQ(Ko("", "배우 김무열이 영화 '달빛 활터'의 주제곡 '그림자 노래'를 직접 녹음했다."),
            "ost Kim Moo-yeol / 달빛 활터 (announced)");
  EXPECT_EQ(Ko("", "가수 보아가 영화 '여름 편지'(감독 한빛나)의 엔딩 타이틀곡을 부른다."),
            "ost BoA / 여름 편지 (announced)");
}

// "김정현의 베스트셀러 소설을 각색한 영화 'W'": the novel's author is no singer, and the film
// noun right before the title says it is a film though 소설 came first.
TEST(DetectorKo14b, TheSourceNovelsAuthorIsNoSingerAndTheFilmIsAFilm) {
  EXPECT_EQ(Ko("", "가수 양파가 김정현의 장편 소설을 옮긴 영화 '등대지기'의 주제가를 부른다."),
            "ost 양파 / 등대지기 (announced)");
}

// "‘슬기로운 의사생활’ 시즌2 OST": a season number after the closing mark belongs to the title
// when the gazetteer knows that season; a song "이 이날 정오 공개됐다" is out.
TEST(DetectorKo14b, ASeasonAfterTheClosingMarkAndASongOutAtNoon) {
  EXPECT_EQ(Ko("",
               "tvN ‘슬기로운 의사생활’ 시즌2 OST에 배우 전미도가 참여했다. 그가 부른 "
               "‘나비 편지’가 이날 정오 공개됐다."),
            "ost Jeon Mi-do / Hospital Playlist 2 (released)");
}

// "Part 4 OST로 리메이크 곡 'S'가 발매된다": a remake recorded for the soundtrack is OST news,
// not a chart or cover story.
TEST(DetectorKo14b, ARemakeRecordedForTheOstIsNews) {
  EXPECT_EQ(Ko("",
               "드라마 '푸른 항구'의 Part 2 OST로 가수 에일리가 부른 리메이크 곡 '바닷바람'이 "
               "발매된다."),
            "ost Ailee / 푸른 항구 (announced)");
}

// "지난해 12월 18일부터 첫 방송된 'W'": a drama that began airing on a day of last year is on air;
// the cameos the lead says appeared in it are background, not casting news.
TEST(DetectorKo14b, CameosOfADramaFirstAiredLastYearAreBackground) {
  EXPECT_EQ(Ko("",
               "KBS 드라마 '별빛 정원'에 카메오로 출연한 이광수가 웃음을 책임지며 다음 손님에도 "
               "눈길이 쏠린다. 지난해 11월 3일부터 첫 방송된 '별빛 정원'은 특급 카메오들로도 "
               "입소문을 탔다."),
            "");
}

// "백상예술대상이 열렸다 … 축하공연을 꾸몄다 … 드라마 'W'의 OST 'S'를 불렀다": an existing OST sung
// on an awards stage is no OST announcement.
TEST(DetectorKo14b, AnOstSungOnAnAwardsStageIsNoAnnouncement) {
  EXPECT_EQ(Ko("",
               "지난 밤 제60회 백상예술대상이 열렸다. 조연 배우들이 모여 축하공연을 펼쳤다. "
               "박신혜와 김유정 등 20명은 드라마 '푸른 항구'의 OST '바닷바람'을 불렀다."),
            "");
}

// "연기에 나서는 아이돌이 늘어나고 있다. 최근 A가 'W1'에 …, B도 'W2'로 …": a lead opening on
// a trend that lists castings in two works is a trend piece.
TEST(DetectorKo14b, ATrendLeadListingCastingsInSeveralWorksIsNoNews) {
  EXPECT_EQ(Ko("",
               "짧은 웹드라마로 연기에 첫발을 떼는 아이돌이 늘어나고 있다. 최근 아스트로 차은우가 "
               "웹드라마 '달빛 편의점'에 주인공으로 출연한다는 소식이 알려졌고, 강혜원도 웹드라마 "
               "'여름 교실'에 출연한다."),
            "");
  // (one casting behind the trend sentence is the news)
  EXPECT_EQ(Ko("",
               "시트콤으로 연기에 도전하는 아이돌이 늘고 있다. 아스트로 차은우가 새 시트콤 '달빛 "
               "편의점'에 주인공으로 출연한다."),
            "casting Cha Eun-woo / 달빛 편의점 (confirmed)");
}

}  // namespace
}  // namespace hallyu
