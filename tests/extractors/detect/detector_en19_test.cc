// English casting phrasings of the nineteenth detection round, found on real English news
// (headline + lead). Sentences are our own; people are real names the gazetteer knows (facts),
// the titles are made up. Each test was seen failing on main 82f0039 before its change.

#include <gtest/gtest.h>

#include <string>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

using hallyu::testing::EnSummary;
using hallyu::testing::MusicSummary;

// "Won Ji-an's agency issued a statement": a romanised name that opens with "Won" (Won Bin, Won
// Ji-an, Lee Won-geun) is no "won" of "won the lead role"; only the lower-case verb is.
TEST(DetectorEn19, ARomanisedNameWonIsNoWinningVerb) {
  EXPECT_EQ(EnSummary("Won Ji-an and Park Seo-joon consider headlining 'Paper Lanterns'",
                      "In response to the report, Won Ji-an's agency issued a statement on "
                      "Monday. \"She is currently reviewing the offer for 'Paper Lanterns',\" it "
                      "said."),
            "casting Park Seo-joon / Paper Lanterns (reviewing); casting Won Ji-an / Paper "
            "Lanterns (reviewing)");
  // (the verb still casts)
  EXPECT_EQ(EnSummary("", "Kim Ji-won won a part in the upcoming film 'Paper Lanterns'."),
            "casting Kim Ji-won / Paper Lanterns (confirmed)");
}

// "has taken the lead role in W", "have confirmed their roles and began filming": a perfect
// tense of "take" and a confirmed role that ends its clause state the casting too.
TEST(DetectorEn19, TakenTheLeadRoleAndConfirmedTheirRolesCast) {
  EXPECT_EQ(EnSummary("",
                      "Actress Kim Ji-won has taken the lead role in the new film 'Paper "
                      "Lanterns', its distributor said."),
            "casting Kim Ji-won / Paper Lanterns (confirmed)");
  EXPECT_EQ(EnSummary("",
                      "The distributor said that Kim Ji-won and Lee Won-geun have confirmed their "
                      "roles and will begin filming 'Paper Lanterns' next month."),
            "casting Kim Ji-won / Paper Lanterns (confirmed); casting Lee Won-geun / Paper "
            "Lanterns (confirmed)");
}

// "A and B are set to team up for Netflix's new series W": teaming up for a drama, series or
// film is a casting, not a joint song (which vetoed the casting as a music story's background).
TEST(DetectorEn19, TeamingUpForASeriesIsNoJointSong) {
  EXPECT_EQ(EnSummary("",
                      "Kim Ji-won and Lee Won-geun are set to team up for Netflix's new series "
                      "'Paper Lanterns', the platform said on Monday."),
            "casting Kim Ji-won / Paper Lanterns (confirmed); casting Lee Won-geun / Paper "
            "Lanterns (confirmed)");
  // (teaming up for a song is still a collaboration)
  EXPECT_NE(MusicSummary("",
                         "Kim Ji-won and Lee Won-geun teamed up for a new duet 'Paper "
                         "Lanterns', out on Friday.")
                .find("collab Kim Ji-won + Lee Won-geun"),
            std::string::npos);
}

// "The series, which will also star B, is being eyed for release next year": a work eyed for its
// release is the work's schedule; it makes nobody's casting a rumour ("A is being eyed for the
// lead" still does).
TEST(DetectorEn19, AWorkEyedForReleaseIsNoRumour) {
  EXPECT_EQ(EnSummary("",
                      "Ji Chang-wook will star in the crime drama 'Paper Lanterns'. The Disney+ "
                      "series, which will also star Lim Se-mi, is being eyed for release in the "
                      "second half of next year."),
            "casting Ji Chang-wook / Paper Lanterns (confirmed); casting Lim Se-mi / Paper "
            "Lanterns (confirmed)");
  EXPECT_EQ(EnSummary("",
                      "Ji Chang-wook is being eyed for the lead of the crime drama 'Paper "
                      "Lanterns'."),
            "casting Ji Chang-wook / Paper Lanterns (rumored)");
}

}  // namespace
}  // namespace hallyu
