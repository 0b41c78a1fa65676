// OST mechanisms of the sixth detection round (issue 14), each seen in three or more real
// items of two or more evaluation files: the drama's cast named in an OST story sings nothing
// (space- or hyphen-joined cast lists, "X를 위해", an English possessive naming the drama);
// a release sentence that names only the cast still says the songs are out; a Korean
// "'S'를 발표했다" says the song is out; a chart story that restates a dated release is news
// of that release; a title the text calls a drama or film is the OST's work, and several
// untied quotes after the story named its drama are songs. Sentences are invented; people
// and titles are made up. Each test fails when its mechanism is removed.

#include <gtest/gtest.h>

#include <string>

#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

std::string Ko(const std::string& title, const std::string& text) {
  return hallyu::testing::DetectionSummary(title, text, "ko");
}

std::string En(const std::string& title, const std::string& text) {
  return hallyu::testing::DetectionSummary(title, text, "en");
}

TEST(DetectorOstFresh, TheDramasCastSingsNothing) {
  // a cast list joined by hyphens before 출연하는
  EXPECT_EQ(Ko("",
               "가수 오다인이 배우 한서윤-정한결이 출연하는 드라마 '푸른 항구'의 새 OST를 "
               "부른다."),
            "ost 오다인 / 푸른 항구 (announced)");
  // a cast list joined by spaces before 주연, and no singer named
  EXPECT_EQ(Ko("", "김수현 김지원 주연 KBS2 '푸른 항구' OST 티저가 공개됐다."), "");
  // the newcomer the singer supports
  EXPECT_EQ(Ko("",
               "가수 오다인이 배우로 데뷔하는 김유정(유정)을 위해 '푸른 항구' OST 지원사격에 "
               "나선다."),
            "ost 오다인 / 푸른 항구 (announced)");
  // an English possessive naming the drama
  EXPECT_EQ(En("",
               "Jang Seo-rin will sing the first OST for Kim Min-jun from BLUEWAVE & Park "
               "Ji-woo’s upcoming web drama, 'Blue Harbor'."),
            "ost Jang Seo-rin / Blue Harbor (announced)");
  // actors starring in the OST's music video
  EXPECT_EQ(En("",
               "Jang Seo-rin sings the new OST of the drama 'Blue Harbor'. The agency shared "
               "stills of Kim Soo-hyun and Kim Ji-won in a new OST music video."),
            "ost Jang Seo-rin / Blue Harbor (announced)");
  // (a singer's own possessive before a quote names the song: still the singer)
  EXPECT_EQ(En("",
               "Jang Seo-rin’s 'Sea Wind' will be released as the OST of the drama 'Blue "
               "Harbor'."),
            "ost Jang Seo-rin / Blue Harbor (announced)");
}

TEST(DetectorOstFresh, AReleaseSentenceNamingOnlyTheCastSaysTheSongsAreOut) {
  EXPECT_EQ(En("",
               "Kim Min-jun and Park Ji-woo’s upcoming drama 'Blue Harbor' has released its "
               "first OST. The song, 'Sea Wind', is sung by Jang Seo-rin."),
            "ost Jang Seo-rin / Blue Harbor (released)");
}

TEST(DetectorOstFresh, BalpyoOfTheSongSaysItIsOut) {
  EXPECT_EQ(Ko("",
               "가수 오다인이 드라마 '푸른 항구' OST 곡 '바닷바람'을 발표하며 활동을 "
               "재개했다."),
            "ost 오다인 / 푸른 항구 (released)");
  EXPECT_EQ(Ko("",
               "'푸른 항구' OST 수록곡 '바닷바람' 가창 제안을 받은 가수 오다인은 18일 음원을 "
               "발표했다."),
            "ost 오다인 / 푸른 항구 (released)");
  // a singer's earlier song before a debut is background, no release of the OST
  EXPECT_EQ(Ko("",
               "2015년 '속마음'을 발표하며 데뷔한 가수 오다인이 드라마 '푸른 항구' OST를 "
               "부른다."),
            "ost 오다인 / 푸른 항구 (announced)");
}

TEST(DetectorOstFresh, AChartStoryRestatingADatedReleaseIsReleaseNews) {
  EXPECT_EQ(Ko("오다인, '푸른 항구' OST 뜨거운 반응..음원차트 상위권",
               "어제(14일) 오후 6시 각종 음원사이트를 통해 오다인의 '푸른 항구' 두 번째 OST "
               "'바닷바람'이 공개됐다."),
            "ost 오다인 / 푸른 항구 (released)");
  // a chart story whose release sentence holds the chart words stays no news
  EXPECT_EQ(En("Blue Harbor OST hits 100 million streams",
               "Jang Seo-rin’s ballad 'Sea Wind', released in 2015 as part of the Blue Harbor "
               "soundtrack, passed 100 million streams on June 4."),
            "");
  // a chart story with no dated release stays no news
  EXPECT_EQ(Ko("오다인, '푸른 항구' OST 음원차트 상위권",
               "오다인이 부른 '푸른 항구' OST가 음원차트 1위에 올랐다."),
            "");
}

TEST(DetectorOstFresh, ATitleCalledADramaOrFilmIsTheOstsWork) {
  EXPECT_EQ(En("",
               "The Chinese version of 'Sea Wind' by Jang Seo-rin will be used as the theme "
               "song for upcoming Korean-Chinese film 'Blue Harbor'."),
            "ost Jang Seo-rin / Blue Harbor (announced)");
  EXPECT_EQ(Ko("",
               "KBS 웹드라마 '푸른 항구'의 주연배우 정한결이 이번 OST의 타이틀 음악 '바닷바람'에 "
               "참여했다."),
            "ost 정한결 / 푸른 항구 (announced)");
}

TEST(DetectorOstFresh, UntiedQuotesAfterTheStorysDramaAreSongs) {
  EXPECT_EQ(En("",
               "Singers lend their voices to the OST of the upcoming web drama, 'Blue "
               "Harbor'. Two OST parts are out now, including Jang Seo-rin’s 'Sea Wind' and "
               "Kim Min-jun’s 'Night Road' which serve as OST part 1."),
            "ost Jang Seo-rin / Blue Harbor (released); ost Kim Min-jun / Blue Harbor "
            "(released)");
}

TEST(DetectorOstFresh, AHeadlinePossessiveAndACharactersLoveSongNameTheCast) {
  // the headline's name holds its own possessive ("B’s")
  EXPECT_EQ(En("Singers lend their voices for Kim Min-jun & Park Ji-woo’s 'Blue Harbor'",
               "Jang Seo-rin will sing the first OST of the drama 'Blue Harbor'."),
            "ost Jang Seo-rin / Blue Harbor (announced)");
  // "극 중 A와 B의 러브송": the characters' actors
  EXPECT_EQ(Ko("",
               "드라마 '푸른 항구' OST에는 극 중 김수현과 김지원의 러브송인 가수 오다인의 "
               "'바닷바람'이 참여했다."),
            "ost 오다인 / 푸른 항구 (announced)");
}

TEST(DetectorOstFresh, TheStorysWorkIsATitleCalledAFilm) {
  // the headline names no work; the lead's first quote is the song, the film comes after it
  EXPECT_EQ(En("SEVENTEEN track chosen as theme song",
               "The Chinese version of 'Sea Wind' by SEVENTEEN will be used as the theme song for "
               "upcoming Korean-Chinese film 'Blue Harbor'."),
            "ost SEVENTEEN / Blue Harbor (announced)");
}

TEST(DetectorOstFresh, TheTitleRightBeforeOstBeatsAnotherCalledADrama) {
  // two dramas in one sentence: the one "OST" follows is the OST's
  EXPECT_EQ(Ko("",
               "가수 오다인과 한서윤이 월화 드라마 '푸른 항구'와 수목 드라마 '검은 바다' OST에 "
               "참여한다."),
            "ost 오다인 / 검은 바다 (announced); ost 한서윤 / 검은 바다 (announced)");
  // a spouse named beside the singer, the particle read with the name
  EXPECT_EQ(Ko("",
               "배우 김수현과 결혼한 가수 오다인이 드라마 '푸른 항구' OST 곡 '바닷바람'을 "
               "발표했다."),
            "ost 오다인 / 푸른 항구 (released)");
}

}  // namespace
}  // namespace hallyu
