// Casting status precedence of the thirteenth detection round (issue 14), from the status errors
// on real dev text (dev13-real): the person's side saying "nothing has been decided" stops a
// confirmation but not an offer the story states as fact (detection-labels.md: an offer with no
// review or decision is in_talks); the side that introduces a casting with "revealed that" speaks
// over the outlet named after it (", reported the outlet X"); a drama "under consideration for
// broadcast" reviews no casting. Sentences are invented; the actor is
// a gazetteer actor, the titles are made up. Each test failed before its mechanism.

#include <gtest/gtest.h>

#include <string>

#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

std::string En(const std::string& title, const std::string& text) {
  return hallyu::testing::DetectionSummary(title, text, "en");
}

TEST(DetectorStatus13, TheSidesUndecidedKeepsAStatedOfferInTalks) {
  EXPECT_EQ(En("",
               "Song Joong-ki has been offered a part in “Blue Harbor,” a new Netflix series. “We "
               "did make him an offer, but nothing has been decided yet,” a source at the "
               "production company said."),
            "casting Song Joong-ki / Blue Harbor (in_talks)");
}

TEST(DetectorStatus13, TheSidesUndecidedAnsweringAReportedCastingStaysARumour) {
  // (the rule the mechanism keeps: a report of a casting + "nothing decided" is a rumour)
  EXPECT_EQ(En("",
               "Song Joong-ki will reportedly star in “Blue Harbor,” a Netflix series due next "
               "year. His agency said nothing has been decided yet."),
            "casting Song Joong-ki / Blue Harbor (rumored)");
}

TEST(DetectorStatus13, TheSideThatIntroducesTheCastingSpeaksOverTheOutletThatCarriedIt) {
  // "the producers … revealed that A would be joining …, reported the outlet X"
  EXPECT_EQ(En("",
               "The producers of the film revealed that Go Ara would be joining the cast of "
               "'Blue Harbor', reported the outlet Soompi on Friday."),
            "casting Go Ara / Blue Harbor (confirmed)");
  // (a report between the side and the casting still speaks)
  EXPECT_EQ(En("",
               "Her agency said that, according to reports, Go Ara will star in the film 'Blue "
               "Harbor'."),
            "casting Go Ara / Blue Harbor (rumored)");
}

TEST(DetectorStatus13, ADramaUnderConsiderationForBroadcastReviewsNoCasting) {
  // the report stays a rumour: the network weighs the drama, not the actress the offer
  EXPECT_EQ(
      En("",
         "Moon Ga-young is being considered for the lead of the drama 'Blue Harbor', an outlet "
         "reported on Monday. The series itself is under consideration for broadcast by tvN."),
      "casting Moon Ga-young / Blue Harbor (rumored)");
}

}  // namespace
}  // namespace hallyu
