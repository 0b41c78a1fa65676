// English casting phrasings of the twentieth detection round, found on real English news
// (headline + lead). Sentences are our own; people are real names the gazetteer knows (facts),
// the titles are made up. Each test was seen failing without its change.

#include <gtest/gtest.h>

#include <string>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

using hallyu::testing::EnSummary;

// "W1 and W2 actor X": both titles of the epithet are earlier works, not the news work (only
// the one right before "actor" was known to be).
TEST(DetectorEn20, EveryTitleOfAnEpithetListIsAnEarlierWork) {
  EXPECT_EQ(EnSummary("",
                      "Kim Ji-won will star in the crime drama Paper Lanterns. The "
                      "series, which will also star Squid Game and Little Women actor Wi Ha-jun, "
                      "is eyed for release next year."),
            "casting Kim Ji-won / Paper Lanterns (confirmed); casting Wi Ha-jun / Paper Lanterns "
            "(confirmed)");
  EXPECT_EQ(EnSummary("",
                      "SKY Castle and Snowdrop actress Kim Hye-yoon is in talks to lead Paper "
                      "Lanterns, a new romance drama."),
            "casting Kim Hye-yoon / Paper Lanterns (in_talks)");
}

// "A joins B and C in W", "She will join B and C": the ones joined are the cast before the
// news; only the joiner is an event (label rules).
TEST(DetectorEn20, TheCastAJoinerJoinsIsBackground) {
  EXPECT_EQ(EnSummary("Kim Ji-won Joins Lee Won-geun And Park Seo-joon In tvN's 'Paper Lanterns'",
                      "tvN confirmed on Monday that Kim Ji-won landed a role in the series."),
            "casting Kim Ji-won / Paper Lanterns (confirmed)");
  EXPECT_EQ(EnSummary("",
                      "Kim Ji-won is set to play the lead in the second season of 'Paper "
                      "Lanterns'. She will join Lee Won-geun and Park Seo-joon, who return in "
                      "their roles."),
            "casting Kim Ji-won / Paper Lanterns (confirmed)");
}

// "Following actors A and B, C has joined the cast": A and B were cast before the news.
TEST(DetectorEn20, FollowingActorsNamesTheCastBeforeTheNews) {
  EXPECT_EQ(EnSummary("",
                      "Following actors Lee Won-geun and Park Seo-joon, actress Kim Ji-won has "
                      "joined the cast of the new drama 'Paper Lanterns'."),
            "casting Kim Ji-won / Paper Lanterns (confirmed)");
}

// "Her agency confirmed that she has been approached … and is reviewing the offer": the agency
// confirms the offer, not the casting.
TEST(DetectorEn20, AnAgencyConfirmingAnOfferIsNoCasting) {
  EXPECT_EQ(EnSummary("",
                      "Kim Ji-won's agency confirmed in the affirmative that Kim Ji-won has been "
                      "approached to lead the drama 'Paper Lanterns'. The agency also confirmed "
                      "that she is currently reviewing the offer."),
            "casting Kim Ji-won / Paper Lanterns (reviewing)");
  // (an agency that confirms the casting itself still confirms it)
  EXPECT_EQ(EnSummary("",
                      "Kim Ji-won's agency confirmed that she will star in the drama 'Paper "
                      "Lanterns'."),
            "casting Kim Ji-won / Paper Lanterns (confirmed)");
}

// A title after "titled" runs through a contraction's curly apostrophe, a capitalised
// ", But …" half and an "and Name" that no gazetteer person is, to the clause's end.
TEST(DetectorEn20, ATitledTitleRunsToTheClauseEnd) {
  EXPECT_EQ(EnSummary("",
                      "Kim Ji-won has been cast as the lead of a film titled We Can\xE2\x80\x99t "
                      "Sleep Tonight, But We Can Dream."),
            "casting Kim Ji-won / We Can\xE2\x80\x99t Sleep Tonight, But We Can Dream (confirmed)");
  EXPECT_EQ(EnSummary("",
                      "Kim Ji-won has been cast as the lead of a drama titled The Lantern Maker "
                      "and Jo Yi."),
            "casting Kim Ji-won / The Lantern Maker and Jo Yi (confirmed)");
  EXPECT_EQ(EnSummary("",
                      "Kim Ji-won has been confirmed as the lead of the historical drama Paper "
                      "Lanterns, The Glowing."),
            "casting Kim Ji-won / Paper Lanterns, The Glowing (confirmed)");
}

// "Netflix has announced the cast for W. According to a report, W is set to star A and B":
// the network announced the line-up the report lists, so the listed are confirmed.
TEST(DetectorEn20, ALineUpTheNetworkAnnouncedIsNoMereReport) {
  EXPECT_EQ(EnSummary("",
                      "Netflix has announced the cast for its new series, Paper Lanterns. "
                      "According to a report by a local outlet, the series is set to star Kim "
                      "Ji-won and Lee Won-geun."),
            "casting Kim Ji-won / Paper Lanterns (confirmed); casting Lee Won-geun / Paper "
            "Lanterns (confirmed)");
  // (without the network's sentence the report stays a report)
  EXPECT_EQ(EnSummary("",
                      "According to a report by a local outlet, the new series Paper Lanterns is "
                      "set to star Kim Ji-won and Lee Won-geun."),
            "casting Kim Ji-won / Paper Lanterns (rumored); casting Lee Won-geun / Paper "
            "Lanterns (rumored)");
}

// "B (role to be portrayed by A)": B is a character, not a person cast.
TEST(DetectorEn20, RoleToBePortrayedByNamesACharacter) {
  EXPECT_EQ(EnSummary("",
                      "Kim Ji-won has been confirmed as the lead of the drama 'Paper Lanterns', "
                      "which follows the detective Kim Soo-hyun (role to be portrayed by Kim "
                      "Ji-won)."),
            "casting Kim Ji-won / Paper Lanterns (confirmed)");
}

// "A signs a drama; B and C in talks. A has signed … The actor will star in W": "the actor"
// is the one person the nearest naming sentence names, not every person of the story.
TEST(DetectorEn20, TheActorIsThePersonJustNamed) {
  EXPECT_EQ(EnSummary("Kim Ji-won signs a new drama; Lee Won-geun and Park Seo-joon in talks",
                      "Actress Kim Ji-won has picked her next drama. The actress will be starring "
                      "in the upcoming drama 'Paper Lanterns'. For the same drama, actors Lee "
                      "Won-geun and Park Seo-joon are currently in talks."),
            "casting Kim Ji-won / Paper Lanterns (confirmed); casting Lee Won-geun / Paper "
            "Lanterns (in_talks); casting Park Seo-joon / Paper Lanterns (in_talks)");
}

// "A and Lim Se-mi of True Beauty": a known title right after a known person and "of" is the
// person's earlier work; after "titled" a romanised-looking "Go To" is no name.
TEST(DetectorEn20, KnownPersonOfKnownTitleAndTitledGoTo) {
  EXPECT_EQ(EnSummary("",
                      "Kim Ji-won will star in the crime drama Paper Lanterns. The series will "
                      "also star Lim Se-mi of True Beauty."),
            "casting Kim Ji-won / Paper Lanterns (confirmed); casting Lim Se-mi / Paper Lanterns "
            "(confirmed)");
  EXPECT_EQ(EnSummary("",
                      "Kim Ji-won has been cast as the lead of a film titled We Go To The Sea, "
                      "But Nobody Knows."),
            "casting Kim Ji-won / We Go To The Sea, But Nobody Knows (confirmed)");
}

}  // namespace
}  // namespace hallyu
