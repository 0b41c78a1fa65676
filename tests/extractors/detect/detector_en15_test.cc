// English casting and OST phrasings of the fifteenth detection round (issue 14). Sentences are
// our own; people and earlier works are real names the gazetteer knows (facts), the new titles
// are made up. Each test was seen failing on main 59f0059 before its change.

#include <gtest/gtest.h>

#include <string>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

using hallyu::testing::EnSummary;

// "the star of 'W'", "director X of the 'W' series", "actress X of 'W'": a person introduced
// by a quoted title they are "of" names an earlier work, not the project the news is about.
TEST(DetectorEn15, ThePersonOfAQuotedTitleNamesAnEarlierWork) {
  EXPECT_EQ(
      EnSummary("",
                "Gong Yoo will star in a new tvN drama from writer Kim Eun-sook, his "
                "agency said on Monday. The star of \"Train to Busan\" last appeared on screen two "
                "years ago."),
      "casting Gong Yoo /  (confirmed)");
  EXPECT_EQ(EnSummary("",
                      "Lee Jun-ki is in talks for a new KBS historical drama helmed by director "
                      "Kim Won-seok of the \"Signal\" series."),
            "");  // (talks with no named work: a vague offer, round 16)
  EXPECT_EQ(EnSummary("",
                      "Lee Jun-ki has joined a new KBS historical drama helmed by director "
                      "Kim Won-seok of the \"Signal\" series."),
            "casting Lee Jun-ki /  (confirmed)");
  EXPECT_EQ(EnSummary("",
                      "Actress Kim Tae-ri of 'Twenty-Five Twenty-One' has been cast in an "
                      "upcoming Netflix film, her agency said."),
            "casting Kim Tae-ri /  (confirmed)");
}

// "is in the talks for", "in advanced talks", "in preliminary talks": the article and other
// stage words before "talks" leave it a negotiation.
TEST(DetectorEn15, TalksWithAnArticleOrAStageWord) {
  EXPECT_EQ(EnSummary("", "Kim Sejeong is in the talks for the KBS weekend drama 'Winter Sea'."),
            "casting Kim Sejeong / Winter Sea (in_talks)");
  EXPECT_EQ(EnSummary("", "Kim Sejeong is in advanced talks to lead 'Winter Sea'."),
            "casting Kim Sejeong / Winter Sea (in_talks)");
}

// "confirmed the addition of A and B", "adds A and B to its cast": a production
// taking on new cast members confirms their casting.
TEST(DetectorEn15, TheAdditionOfActorsIsACasting) {
  EXPECT_EQ(EnSummary("",
                      "The film 'Winter Sea' on Monday confirmed the addition of Jo In-sung "
                      "and Han Hyo-joo."),
            "casting Han Hyo-joo / Winter Sea (confirmed); casting Jo In-sung / Winter Sea "
            "(confirmed)");
  EXPECT_EQ(EnSummary("",
                      "The tvN drama 'Winter Sea' adds Jo In-sung and Han Hyo-joo to its "
                      "cast."),
            "casting Han Hyo-joo / Winter Sea (confirmed); casting Jo In-sung / Winter Sea "
            "(confirmed)");
}

// "offered to play a married couple": a part to play, not a wedding report.
TEST(DetectorEn15, PlayingAMarriedCoupleIsARole) {
  EXPECT_EQ(EnSummary("",
                      "Jo In-sung and Han Hyo-joo have been offered roles as a married "
                      "couple in the MBC drama 'Winter Sea'."),
            "casting Han Hyo-joo / Winter Sea (in_talks); casting Jo In-sung / Winter Sea "
            "(in_talks)");
  EXPECT_EQ(EnSummary("", "Jo In-sung and Han Hyo-joo got married last week."), "");
}

// Headline telegraphese and trade-paper verbs: "A set for 'W'", "A mulls 'W' offer", "A boards
// 'W'", "A is attached to 'W'", "has accepted the lead role", "has finalized her appearance".
TEST(DetectorEn15, TradeAndHeadlineVerbs) {
  EXPECT_EQ(EnSummary("Kim Go-eun set for 'Winter Sea'", ""),
            "casting Kim Go-eun / Winter Sea (confirmed)");
  EXPECT_EQ(EnSummary("Kim Go-eun mulls 'Winter Sea' offer", ""),
            "casting Kim Go-eun / Winter Sea (reviewing)");
  EXPECT_EQ(EnSummary("Kim Go-eun boards 'Winter Sea'", ""),
            "casting Kim Go-eun / Winter Sea (confirmed)");
  EXPECT_EQ(EnSummary("", "Kim Go-eun is attached to 'Winter Sea', a thriller from Studio Dragon."),
            "casting Kim Go-eun / Winter Sea (confirmed)");
  EXPECT_EQ(EnSummary("", "Kim Go-eun has accepted the lead role in 'Winter Sea'."),
            "casting Kim Go-eun / Winter Sea (confirmed)");
  EXPECT_EQ(EnSummary("", "Kim Go-eun has finalized her appearance in 'Winter Sea'."),
            "casting Kim Go-eun / Winter Sea (confirmed)");
}

// "is the next singer for the 'W' OST", "the first artist of": a place on the soundtrack to come.
TEST(DetectorEn15, TheNextSingerOfTheSoundtrack) {
  EXPECT_EQ(EnSummary("", "Taeyeon is the next singer for the 'Winter Sea' OST."),
            "ost Taeyeon / Winter Sea (announced)");
  EXPECT_EQ(EnSummary("", "Taeyeon will be the first artist to sing for the 'Winter Sea' OST."),
            "ost Taeyeon / Winter Sea (announced)");
}

// "who is currently playing a chef in 'W'": the part someone plays now names the work on air,
// not the one the news casts them in (a comma ends the part's phrase).
TEST(DetectorEn15, ThePartPlayedNowNamesTheWorkOnAir) {
  EXPECT_EQ(EnSummary("",
                      "Park Seo-joon, who is currently playing a chef in 'Spring Rain', will "
                      "join the cast of a new tvN drama."),
            "casting Park Seo-joon /  (confirmed)");
  EXPECT_EQ(EnSummary("",
                      "Park Seo-joon, who is currently playing a chef in 'Spring Rain', has "
                      "been cast in 'Winter Sea'."),
            "casting Park Seo-joon / Winter Sea (confirmed)");
}

// "Jae Hee (played by Kim Go-eun)": a name the brackets give an actor to is a character, never
// the OST's singer; "The song, entitled 'S'" is the song, not a work.
TEST(DetectorEn15, CharactersAndTheSongEntitled) {
  EXPECT_EQ(EnSummary("",
                      "Taeyeon will sing a song for the 'Winter Sea' OST for the couple Han "
                      "Ji-woo (played by Park Seo-joon) and Jae Hee (played by Kim Go-eun)."),
            "ost Taeyeon / Winter Sea (announced)");
  EXPECT_EQ(EnSummary("",
                      "Taeyeon will sing for the 'Winter Sea' OST. The song, entitled 'Blue "
                      "Night', will be the drama's theme song."),
            "ost Taeyeon / Winter Sea (announced)");
}

// "joins 'W' as general Lee Tae Shin": a rank or a job between "as" and a name makes the name
// the character, not a second actor.
TEST(DetectorEn15, ARankOrJobBeforeANameMakesACharacter) {
  EXPECT_EQ(EnSummary("",
                      "Jung Woo-sung joins 'Winter Sea' as general Lee Tae-shin, the production "
                      "company said."),
            "casting Jung Woo-sung / Winter Sea (confirmed)");
  EXPECT_EQ(EnSummary("", "Gong Yoo will star as detective Kang Hoon in 'Winter Sea'."),
            "casting Gong Yoo / Winter Sea (confirmed)");
}

}  // namespace
}  // namespace hallyu
