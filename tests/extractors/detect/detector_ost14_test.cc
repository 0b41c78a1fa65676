// OST mechanisms of the fourteenth detection round, from the OST errors on the real pool
// (pool14-dev). Sentences are invented; singers are names the gazetteer knows (facts), the
// titles are made up unless the mechanism needs a title that is also a person's name. Each
// test failed before its mechanism.

#include <gtest/gtest.h>

#include <string>

#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

constexpr auto Ko = &hallyu::testing::KoSummary;

constexpr auto En = &hallyu::testing::EnSummary;

// "the OST for the MBC weekend drama, 'Kim Suro'": a quote that a work noun or "OST for"
// names is the drama though a person of the same name exists (period dramas bear their
// heroes' names).
TEST(DetectorOst14, AQuoteNamedByAWorkNounIsTheDramaThoughAlsoAName) {
  EXPECT_EQ(
      En("", "Gummy will record a ballad for the OST of the KBS historical drama, “Kim Suro”."),
      "ost Gummy / Kim Suro (announced)");
  EXPECT_EQ(En("Gummy Joins OST For “Kim Suro”", "The singer has recorded a ballad for it."),
            "ost Gummy / Kim Suro (announced)");
}

// "'꿀케미' 듀엣, 음원으로 만난다…'W' OST 발매": when the story's first title is not written before
// "OST", the first title a cue sentence ties to the OST is the drama a nameless sentence's singer
// sings for.
TEST(DetectorOst14, TheTitleTiedToTheOstIsTheStorysWork) {
  EXPECT_EQ(Ko("‘꿀케미’ 듀엣, 음원으로 만난다…‘푸른 항구’ OST 정식 발매",
               "드라마 ‘푸른 항구’ OST가 오늘 오후 6시 정식 음원으로 발매된다. 그룹 엑소 수호가 "
               "가창에 참여했다."),
            "ost Suho / 푸른 항구 (announced)");
}

// "방영 중인 드라마 'W'의 세 번째 OST로": the soundtrack of a drama on air is the news, not an
// earlier work (the on-air reading is for an actor's current drama).
TEST(DetectorOst14, TheNumberedOstOfADramaOnAirIsNews) {
  EXPECT_EQ(Ko("",
               "에일리는 요즘 인기리에 방영 중인 SBS 수목드라마 '푸른 항구'의 세 번째 OST로 "
               "'바닷바람'을 들려줄 예정이다."),
            "ost Ailee / 푸른 항구 (announced)");
}

// "Earlier this week, news broke that …": "earlier" with a time of the news says when the news
// came out, not that the sentence's singers sang earlier songs.
TEST(DetectorOst14, EarlierThisWeekIsWhenTheNewsCameOut) {
  EXPECT_EQ(En("",
               "Taeyeon will sing an OST for the drama ‘Winter Harbor’, and fans are counting "
               "the hours. Earlier this week, news broke that the track is a duet with her close "
               "friend Baekhyun."),
            "ost Baekhyun / Winter Harbor (announced); ost Taeyeon / Winter Harbor (announced)");
}

// "Sung" and "Sang" in romanised names (Jeon Sang Geun, Sung Si Kyung) are no singing verbs: only
// the lower-case verb (or "Sung by") is a cue, so the names of other songs' singers later in the
// sentence are not bound to the OST.
TEST(DetectorOst14, RomanisedSungAndSangAreNoSingingVerbs) {
  EXPECT_EQ(En("",
               "The first OST of ‘Winter Harbor’, “Paper Moon,” is sung by Taeyeon and arranged "
               "by a producer, who also arranged Jeon Sang Geun’s “Old Road,” Sung Si Kyung’s "
               "“Tide” and Gummy’s “Rain.”"),
            "ost Taeyeon / Winter Harbor (announced)");
}

// "a producer who made hits like A’s “S1,” and B’s “S2”": the owners of the hits a credit is
// known for sang earlier songs, and their titles are songs, not the drama.
TEST(DetectorOst14, OwnersOfACreditsEarlierHitsAreNoSingers) {
  EXPECT_EQ(En("Two OSTs are out for ‘Winter Harbor’",
               "The first OST, “Paper Moon,” is sung by Taeyeon and arranged by a producer who "
               "made hits like Sung Si Kyung’s “Old Road,” and Gummy’s “Tide.”"),
            "ost Taeyeon / Winter Harbor (announced)");
}

// "the song will also feature her close friend, EXO member B.": a clause that only describes the
// name closing the sentence is an apposition to the OST clause; its name is a singer (but not
// "sings for his friend, actor B": the one sung for).
TEST(DetectorOst14, AnAppositionClosingTheOstSentenceNamesASinger) {
  EXPECT_EQ(En("",
               "Taeyeon will sing an OST for the drama ‘Winter Harbor’. Her label said that the "
               "ballad also features her good friend, EXO member Baekhyun."),
            "ost Baekhyun / Winter Harbor (announced); ost Taeyeon / Winter Harbor (announced)");
  EXPECT_EQ(En("",
               "Taeyeon will sing an OST for the drama ‘Winter Harbor’ to support her close "
               "friend, actor Park Bo-gum."),
            "ost Taeyeon / Winter Harbor (announced)");
}

}  // namespace
}  // namespace hallyu
