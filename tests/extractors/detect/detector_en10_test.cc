// English detection forms of the tenth round (issue 14): persons named as cast before the news
// ("other actors already cast are B and C", "joins previously announced stars B and C", "B and C
// are already set to star") are background to another person's casting; a "star" after a music
// word or a group's name ("BTS star X", "K-pop star X") is a pop star, not an actor releasing
// music of their own; nor is one named after "produced by" (with words saying what they are), or
// anyone when a group noun ("the group", "the band") is the subject of the release sentence; a
// title after "played a/an/the <part> in" is an earlier work; an unknown name one letter from a
// known person of the story is that person misspelt; a headline or lead that introduces its
// people as examples of a plural ("actresses such as A, B and C") opens a roundup; "A offered
// political drama W" is an offer, and a bare "B leaves" ends B's part.
// Sentences are invented; people and titles are facts from the shipped gazetteer or made up.
// Each test fails when its mechanism is removed.

#include <gtest/gtest.h>

#include <string>

#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

// "type person / work (status)" per detection, sorted.
std::string Summary(const std::string& title, const std::string& text) {
  return hallyu::testing::DetectionSummary(title, text, "auto");
}

TEST(DetectorEn10, PersonsAlreadyCastAreBackgroundToTheNews) {
  EXPECT_EQ(Summary("Roh Yoon-seo cast in tvN drama 'Paper Harbor'",
                    "Roh Yoon-seo is cast in tvN drama 'Paper Harbor'. Other actors already cast "
                    "in supporting roles are Cha Eun-woo and Lee Jung-jae."),
            "casting Roh Yoon-seo / Paper Harbor (confirmed)");
  EXPECT_EQ(Summary("",
                    "Roh Yoon-seo has joined the cast of the film 'Paper Harbor'. She joins "
                    "previously announced stars Cha Eun-woo and Lee Jung-jae."),
            "casting Roh Yoon-seo / Paper Harbor (confirmed)");
  EXPECT_EQ(Summary("",
                    "Roh Yoon-seo has joined the drama 'Paper Harbor'. Cha Eun-woo and Lee "
                    "Jung-jae are already set to star in the series."),
            "casting Roh Yoon-seo / Paper Harbor (confirmed)");
  // a story that names only such a person keeps them
  EXPECT_EQ(Summary("", "Roh Yoon-seo is already confirmed to star in the drama 'Paper Harbor'."),
            "casting Roh Yoon-seo / Paper Harbor (confirmed)");
}

TEST(DetectorEn10, AStarAfterAMusicWordIsNoActor) {
  EXPECT_EQ(Summary("BTS star Jin to release first solo single",
                    "Jin will release his first solo single next week."),
            "");
  EXPECT_EQ(Summary("K-pop star Jin to release a solo single", ""), "");
}

TEST(DetectorEn10, AGroupNounSubjectOrAProducerCreditMakesNoActorRelease) {
  // the group is the one releasing: a group noun is the subject of the release sentence
  EXPECT_EQ(Summary("",
                    "Actor Lee Jung-jae is the leader of Moonrise. The group will release its "
                    "first single in May."),
            "");
  // the actor only produced the group
  EXPECT_EQ(Summary("",
                    "Moonrise, the girl group produced by singer and actor Lee Jung-jae, will "
                    "release a new album."),
            "");
  // the actor as the subject still releases
  EXPECT_EQ(Summary("", "Actor Lee Jung-jae will release his first single in May."),
            "release Lee Jung-jae /  (announced)");
}

TEST(DetectorEn10, APartPlayedInThePastNamesAnEarlierWork) {
  // "she played a/an/the <part> in W": W is an earlier work, never the one being considered
  EXPECT_EQ(Summary("",
                    "Roh Yoon-seo is positively considering the offer. She played an independence "
                    "fighter hired by a smuggler in Assassination, the 2015 film."),
            "");
}

TEST(DetectorEn10, AnUnknownNameOneLetterFromAKnownOneIsThatPersonMisspelt) {
  EXPECT_EQ(Summary("Cha Eun-woo & Roh Yoon-seo cast in tvN drama 'Paper Harbor'",
                    "Cha Eun-woo & Roh Yoon-seo are now cast for lead roles in upcoming tvN drama "
                    "'Paper Harbor'. In the drama, Cha Eun-wo will play a ferry captain."),
            "casting Cha Eun-woo / Paper Harbor (confirmed); casting Roh Yoon-seo / Paper Harbor "
            "(confirmed)");
}

TEST(DetectorEn10, PeopleIntroducedAsExamplesOfAPluralMakeARoundup) {
  EXPECT_EQ(
      Summary("Dramas to wait for this year",
              "Popular actresses such as Roh Yoon-seo, Han Seo-yun and Kim Ji-suk will return "
              "this year. First, Roh Yoon-seo will star in the drama 'Paper Harbor'."),
      "");
  // a plural that is not the subject leaves the news of the one who joins
  EXPECT_EQ(Summary("",
                    "Roh Yoon-seo will join stars like Cha Eun-woo and Lee Jung-jae in the drama "
                    "'Paper Harbor'."),
            "casting Cha Eun-woo / Paper Harbor (confirmed); casting Lee Jung-jae / Paper Harbor "
            "(confirmed); casting Roh Yoon-seo / Paper Harbor (confirmed)");
}

TEST(DetectorEn10, OfferedADescribedDramaAndABareLeavesInAHeadline) {
  // "A offered <describing words> drama W, B leaves": A is offered W; B leaving is no casting
  EXPECT_EQ(Summary("Roh Yoon-seo offered romantic comedy drama Paper Harbor, Kim Ji-suk leaves",
                    "The drama Paper Harbor is adding supporting cast members."),
            "casting Roh Yoon-seo / Paper Harbor (in_talks)");
}

}  // namespace
}  // namespace hallyu
