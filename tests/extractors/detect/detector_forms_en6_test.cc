// English casting forms of the sixth detection round (issue 14), each a mechanism seen in
// three or more real snippets of more than one set: a debut, comeback or cameo told in the
// past has aired; a company named '... Entertainment' that states something is the agency
// speaking; an offer and its review in one breath is reviewing; 'set in 1909' is the
// setting, not a casting; the one who had the part before ('the role vacated by B',
// 'originally played by B and C', 'earlier offered to B') is no casting; names after
// 'produced by' / 'penned by' and a few describing words are credits; a year or a
// possessive makes no unquoted title; 'star' as a verb or a capitalised word of a
// title-case headline is no descriptor before a name; a person is cast in one work per
// story.
// Sentences are invented; people and titles are facts from the shipped gazetteer or made
// up. Each test fails when its mechanism is removed.

#include <gtest/gtest.h>

#include <string>

#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

// "type person / work (status)" per detection, sorted.
std::string Summary(const std::string& title, const std::string& text) {
  return hallyu::testing::DetectionSummary(title, text, "auto");
}

TEST(DetectorFormsEn6, APastDebutOrComebackIsNoCastingNews) {
  EXPECT_EQ(Summary("Stars who returned to the small screen this year",
                    "Cha Eun-woo and Roh Yoon-seo made their comeback to TV through the drama "
                    "\"Paper Harbor\" after three years."),
            "");
  EXPECT_EQ(Summary("",
                    "Cha Eun-woo and Roh Yoon-seo have all recently made their acting debuts in "
                    "the film \"Paper Harbor\"."),
            "");
  // a cameo still to come is news
  EXPECT_EQ(Summary("Cha Eun-woo will make a cameo in 'Paper Harbor'", ""),
            "casting Cha Eun-woo / Paper Harbor (confirmed)");
}

TEST(DetectorFormsEn6, ACompanyNamedAsEntertainmentSpeaksForTheAgency) {
  // the quote "stated X Entertainment" is the agency's, as the sentence before it
  EXPECT_EQ(Summary("Roh Yoon-seo in talks for 'Paper Harbor'",
                    "Her agency confirmed that Roh Yoon-seo is in talks to star in the drama "
                    "'Paper Harbor'. \u201cRoh Yoon-seo received an offer for 'Paper Harbor' and "
                    "she is reviewing it,\u201d stated Moonlight Entertainment."),
            "casting Roh Yoon-seo / Paper Harbor (reviewing)");
}

TEST(DetectorFormsEn6, AnOfferAndItsReviewInOneBreathIsReviewing) {
  EXPECT_EQ(Summary("",
                    "Roh Yoon-seo might be on our screens soon. Her agency said, \u201cRoh "
                    "Yoon-seo is offered the lead role in the drama, Paper Harbor and is "
                    "considering it positively.\u201d"),
            "casting Roh Yoon-seo / Paper Harbor (reviewing)");
}

TEST(DetectorFormsEn6, SetInATimeOrPlaceIsTheSettingNotACasting) {
  EXPECT_EQ(Summary("",
                    "Roh Yoon-seo has been cast in 'Paper Harbor', the network said. The thriller "
                    "is set in 1909 and centres on the independence activist Ahn Jung-geun."),
            "casting Roh Yoon-seo / Paper Harbor (confirmed)");
}

TEST(DetectorFormsEn6, TheOneWhoHadThePartBeforeIsNoCasting) {
  EXPECT_EQ(Summary("",
                    "Roh Yoon-seo has been cast in tvN drama \"Paper Harbor\", taking over the "
                    "role vacated by Kim Go-eun."),
            "casting Roh Yoon-seo / Paper Harbor (confirmed)");
  EXPECT_EQ(Summary("",
                    "Roh Yoon-seo and Cha Eun-woo will join \"Paper Harbor\" in the roles "
                    "originally played by Kim Go-eun and Lee Jung-jae."),
            "casting Cha Eun-woo / Paper Harbor (confirmed); casting Roh Yoon-seo / Paper "
            "Harbor (confirmed)");
  EXPECT_EQ(Summary("",
                    "Roh Yoon-seo is in talks to star in the drama \"Paper Harbor\", which was "
                    "earlier offered to Kim Go-eun."),
            "casting Roh Yoon-seo / Paper Harbor (in_talks)");
}

TEST(DetectorFormsEn6, NamesAfterACreditVerbAndByAreCredits) {
  EXPECT_EQ(Summary("",
                    "Roh Yoon-seo will star in the film \"Paper Harbor\", which will be produced "
                    "by Moonlight Pictures' Kim Go-eun, Lee Jung-jae and Cha Eun-woo."),
            "casting Roh Yoon-seo / Paper Harbor (confirmed)");
  EXPECT_EQ(Summary("",
                    "Roh Yoon-seo will star in the drama \"Paper Harbor\" from a script penned "
                    "by the duo Hong Sisters."),
            "casting Roh Yoon-seo / Paper Harbor (confirmed)");
  // a cast list after the credit stays cast
  EXPECT_EQ(Summary("",
                    "The film \"Paper Harbor\", directed by Kim Go-eun, will star Roh Yoon-seo "
                    "and Cha Eun-woo."),
            "casting Cha Eun-woo / Paper Harbor (confirmed); casting Roh Yoon-seo / Paper "
            "Harbor (confirmed)");
}

TEST(DetectorFormsEn6, AYearOrAPossessiveMakesNoUnquotedTitle) {
  // "2020 K-drama" after a network's possessive is a description of the work after it
  EXPECT_EQ(Summary("",
                    "Roh Yoon-seo, star of Netflix's 2020 K-drama series Glass Orchard, is "
                    "currently in talks to return for a second season of the show. Her agency "
                    "said that the actress is in talks to return to the series."),
            "casting Roh Yoon-seo / Glass Orchard (in_talks)");
  // an unknown word with a possessive after 'of' is an owner ("KBC's new drama")
  EXPECT_EQ(Summary("",
                    "Roh Yoon-seo has joined the cast of KBC's new Wednesday-Thursday drama, "
                    "\"Paper Harbor.\""),
            "casting Roh Yoon-seo / Paper Harbor (confirmed)");
}

TEST(DetectorFormsEn6, AVerbOrATitleCaseWordIsNoDescriptorBeforeAName) {
  // 'star' after 'to' is the verb: "Moonrise's" is no person
  EXPECT_EQ(Summary("", "The drama \"Paper Harbor\" is set to star Moonrise's Cha Eun-woo."),
            "casting Cha Eun-woo / Paper Harbor (confirmed)");
  // in a title-case headline "Idol Life" is a run of words, not the idol Life
  EXPECT_EQ(Summary("Cha Eun-woo, Roh Yoon-seo Confirmed As Leads For JTBC's Upcoming Idol "
                    "Life K-Drama 'Paper Harbor'",
                    ""),
            "casting Cha Eun-woo / Paper Harbor (confirmed); casting Roh Yoon-seo / Paper "
            "Harbor (confirmed)");
}

TEST(DetectorFormsEn6, APersonIsCastInOneWorkPerStory) {
  // the earlier work named in the same breath as the person
  EXPECT_EQ(Summary("",
                    "Roh Yoon-seo is teaming up with Netflix again after starring in the "
                    "streamer's hit drama, Glass Orchard. Roh has signed on as the lead of "
                    "Netflix's upcoming series Paper Harbor."),
            "casting Roh Yoon-seo / Paper Harbor (confirmed)");
  // the work the agency speaks of wins over the one in the report's framing
  EXPECT_EQ(Summary("Roh Yoon-seo from 'Glass Orchard' will reportedly join a new drama",
                    "Roh Yoon-seo from the series Glass Orchard is reportedly in talks to join "
                    "a new show. Her agency said, \"Roh Yoon-seo was offered a role in the new "
                    "drama 'Paper Harbor' and is positively reviewing it.\""),
            "casting Roh Yoon-seo / Paper Harbor (reviewing)");
}

// An unquoted title after "in"/"for" that an apposition calls a work ("in Paper Harbor, the
// film about …"; seen in 4 real items of 2 files): the title is found even when it looks like a
// name; a known person before ", the drama's lead" is still a person.
TEST(DetectorFormsEn6, AnAppositionNamesAnUnquotedTitleAWork) {
  EXPECT_EQ(Summary("", "Han Seo-yun will star in Paper Harbor, the film about a ferry captain."),
            "casting Han Seo-yun / Paper Harbor (confirmed)");
  EXPECT_EQ(Summary("", "Han Seo-yun will star in Moon Dal-gu, the film about a cyclist."),
            "casting Han Seo-yun / Moon Dal-gu (confirmed)");
  EXPECT_EQ(Summary("",
                    "Han Seo-yun is in talks for Paper Harbor, the KBS drama that offered "
                    "her the lead."),
            "casting Han Seo-yun / Paper Harbor (in_talks)");
  EXPECT_EQ(Summary("", "Fans cheered for Park Bo-gum, the drama's lead, at the premiere."), "");
}

}  // namespace
}  // namespace hallyu
