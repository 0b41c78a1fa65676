// OST mechanisms of the nineteenth round, each seen in real OST news and hard negatives: a
// determiner before "OST의 가창자" names no singer; the adnominal "에 이은" closes the earlier
// singers and is no name; a line-up cue does not list the singers of a sentence that opens on
// what came before; a nameless sentence that tells another title in the past gives the story's
// singers no event of that title; the star whose new film it is sings nothing; a common word
// with 만 ("연기만") is no name; a title the text calls a song ("엔딩 타이틀인 'S'") is the song,
// even when a work has that name; the pair whose possessive names an unquoted title is its
// cast ("for A and B's W"); a music show's OST special and a trend piece that opens on a
// plural are roundups; "가창력" (vocal skill) is no act of singing. Sentences are invented; the
// titles and people are made up or facts.

#include <gtest/gtest.h>

#include <string>

#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

std::string Ko(const std::string& title, const std::string& text) {
  return hallyu::testing::DetectionSummary(title, text, "ko");
}

TEST(DetectorOst19, ADeterminerBeforeTheSingersNounIsNoName) {
  EXPECT_EQ(Ko("",
               "가수 오다인이 드라마 ‘푸른 항구’ OST로 위로를 전한다. 오다인은 그간 수많은 OST의 "
               "가창자로 활약하며 드라마에 활력을 불어넣었다."),
            "ost 오다인 / 푸른 항구 (announced)");
}

TEST(DetectorOst19, TheSingersBeforeAdnominalFollowingSangEarlier) {
  EXPECT_EQ(Ko("",
               "가수 오다인이 부른 드라마 ‘푸른 항구’ OST ‘바닷바람’이 오늘 발매된다. 드라마에 "
               "이어 OST도 화제를 모으는 가운데 비투비 이민혁, 이하이에 이은 OST 주자로 오다인의 "
               "참여를 알렸다."),
            "ost 오다인 / 푸른 항구 (announced)");
}

TEST(DetectorOst19, ALineUpCueListsNoOneOfASentenceOnWhatCameBefore) {
  EXPECT_EQ(Ko("",
               "배우 한서윤이 출연 중인 드라마 OST를 가창한다. 앞서 ‘눈물의 여왕’ 김수현, ‘선재 "
               "업고 튀어’ 변우석이 OST를 불러 인기를 끈 바 있다. 드라마 ‘푸른 항구’ 측은 4일 "
               "오후 6시 마지막 OST 한서윤의 ‘바닷바람’을 발매한다."),
            "ost 한서윤 / 푸른 항구 (announced)");
}

TEST(DetectorOst19, ANamelessSentenceOnAnotherTitleInThePastIsBackground) {
  EXPECT_EQ(Ko("",
               "가수 오다인이 드라마 ‘푸른 항구’ OST Part.2 ‘바닷바람’을 오늘 발매한다. 특히 지난 "
               "‘낭만닥터 김사부 2’ OST ‘별빛’은 발매 당시 음원사이트 상위권에 오르며 관심을 "
               "받기도."),
            "ost 오다인 / 푸른 항구 (announced)");
}

TEST(DetectorOst19, TheStarWhoseNewFilmItIsSingsNothing) {
  EXPECT_EQ(Ko("", "가수 오다인이 일본 배우 아야세 하루카의 신작 영화 ‘이치’ 주제가를 부른다."),
            "ost 오다인 / 이치 (announced)");
}

TEST(DetectorOst19, ACommonWordWithOnlyIsNoName) {
  EXPECT_EQ(Ko("오다인, 연기만 잘 하는 줄 알았더니…‘푸른 항구’ OST 직접 불렀다",
               "드라마 ‘푸른 항구’의 OST 제작사 측은 주연 배우 오다인이 가창한 OST Part.3 "
               "‘바닷바람’이 24일 오후 6시 발매된다고 밝혔다."),
            "ost 오다인 / 푸른 항구 (announced)");
}

TEST(DetectorOst19, ATitleTheTextCallsASongIsTheSong) {
  // ('카운트다운' is also a film the gazetteer knows)
  EXPECT_EQ(Ko("",
               "가수 오다인이 SBS 월화드라마 ‘푸른 항구’ OST에 참여해 화제가 되고 있다. 오다인은 "
               "메인 타이틀 및 엔딩 타이틀인 ‘카운트다운’을 불렀다."),
            "ost 오다인 / 푸른 항구 (announced)");
}

TEST(DetectorOst19, ThePairWhosePossessiveNamesAnUnquotedTitleIsItsCast) {
  EXPECT_EQ(hallyu::testing::DetectionSummary(
                "",
                "Jang Seo-rin is set to sing her first drama OST for Kim Woo Bin and Shin Min Ah's "
                "Our Blues. The makers of the series announced that Jang Seo-rin has joined the "
                "OST line up of Our Blues.",
                "en"),
            "ost Jang Seo-rin / Our Blues (announced)");
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
