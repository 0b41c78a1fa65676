// English casting phrasings of the seventeenth detection round (issue 14). Sentences are our
// own; people and earlier works are real names the gazetteer knows (facts), the new titles are
// made up. Each test was seen failing on main f23db69 before its change.

#include <gtest/gtest.h>

#include <string>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

using hallyu::testing::EnSummary;

// "A and B, who were both confirmed for W in May, will be joined by C and D": a relative
// clause that dates a person's casting before the news ("back in March", "in August", "two
// months ago") makes that person background to the new line-up.
TEST(DetectorEn17, ACastingDatedBeforeTheNewsInAWhoClauseIsBackground) {
  EXPECT_EQ(EnSummary("",
                      "On Monday, tvN said that Han Hyo-joo and Jo In-sung, who were both "
                      "confirmed to lead 'Glass Garden' in May, will be joined by Kim Go-eun and "
                      "Park Bo-gum."),
            "casting Kim Go-eun / Glass Garden (confirmed); casting Park Bo-gum / Glass Garden "
            "(confirmed)");
  EXPECT_EQ(EnSummary("",
                      "Besides Han Hyo-joo who was cast in 'Glass Garden' back in March, Kim "
                      "Go-eun and Park Bo-gum have now been confirmed for the series."),
            "casting Kim Go-eun / Glass Garden (confirmed); casting Park Bo-gum / Glass Garden "
            "(confirmed)");
  EXPECT_EQ(EnSummary("",
                      "Jo In-sung, who signed on two months ago, leads the cast of 'Glass "
                      "Garden', and Kim Go-eun has now joined it as his sister."),
            "casting Kim Go-eun / Glass Garden (confirmed)");
  // (undated, the clause may be the news itself)
  EXPECT_EQ(EnSummary("",
                      "Han Hyo-joo, who was cast as the lead of 'Glass Garden', will play a "
                      "florist, and Kim Go-eun is set to join her."),
            "casting Han Hyo-joo / Glass Garden (confirmed); casting Kim Go-eun / Glass Garden "
            "(confirmed)");
}

// "B will appear in W, which also stars C as its lead": C is already in the work.
TEST(DetectorEn17, APersonAWhichAlsoStarsClauseNamesIsBackground) {
  EXPECT_EQ(EnSummary("",
                      "Kim Go-eun will appear in MBC's new drama 'Glass Garden', which also stars "
                      "EXO's D.O. in the male lead."),
            "casting Kim Go-eun / Glass Garden (confirmed)");
  EXPECT_EQ(EnSummary("",
                      "Park Bo-gum has joined the cast of 'Glass Garden', a film that stars Han "
                      "Hyo-joo and Jo In-sung."),
            "casting Park Bo-gum / Glass Garden (confirmed)");
}

// "A sings for W to support his bandmate B", "A Shows Support For B With W OST", "a move to
// back fellow member B": the member supported (an actor of the drama) is no singer of the
// soundtrack anywhere in the story. An actor of the drama who sings is still its singer.
TEST(DetectorEn17, TheBandmateASingerSupportsIsNoSinger) {
  EXPECT_EQ(EnSummary("",
                      "EXO's Baekhyun will sing for the soundtrack of 'Glass Garden' to support "
                      "his bandmate, Chanyeol. Chanyeol is earning praise for his acting as "
                      "a gardener in 'Glass Garden'."),
            "ost Baekhyun / Glass Garden (announced)");
  EXPECT_EQ(
      EnSummary("EXO Baekhyun To Show Support For Chanyeol By Participating In 'Glass Garden' OST",
                "Baekhyun of EXO has taken part in tvN's 'Glass Garden' soundtrack, "
                "reports said on May 3."),
      "ost Baekhyun / Glass Garden (announced)");
  EXPECT_EQ(
      EnSummary(
          "",
          "Baekhyun of EXO will lend his voice to the OST of 'Glass Garden'. Word of "
          "his participation on the album pleased fans, who took it as a way to back fellow member "
          "Chanyeol, who has a leading role in the drama."),
      "ost Baekhyun / Glass Garden (announced)");
  EXPECT_EQ(EnSummary("",
                      "Jo In-sung, who stars in \"Glass Garden,\" sang the movie's ending theme "
                      "song, which comes out on the film's release day."),
            "ost Jo In-sung / Glass Garden (announced)");
}

// "A plays the role of top chef B", "the character of a cold chaebol heir B":
// words of a job or a sketch between "role of" and a name leave the name the character.
TEST(DetectorEn17, ANameAfterRoleOfAndAJobIsTheCharacter) {
  EXPECT_EQ(EnSummary("",
                      "Jo In-sung has been cast in 'Glass Garden'. Jo In-sung will take on the "
                      "role of shy young florist Kang Tae Oh."),
            "casting Jo In-sung / Glass Garden (confirmed)");
  EXPECT_EQ(EnSummary("",
                      "Kim Go-eun is confirmed for 'Glass Garden', in the character of a "
                      "cold-hearted heiress Yoon Seo Ha."),
            "casting Kim Go-eun / Glass Garden (confirmed)");
}

// "A was said to be up for the lead opposite B in W, but she has now declined the role": a
// veto clause whose subject is a pronoun speaks of the sentence's subject, not of the co-star
// named between; a later sentence about the offer does not bring the casting back.
TEST(DetectorEn17, APronounVetoClauseCoversTheSentencesSubject) {
  EXPECT_EQ(EnSummary("",
                      "Word was that Han Hyo-joo might be up for the heroine opposite Jo "
                      "In-sung in the drama Glass Garden, but she has officially turned down "
                      "the part. Her agency says she got the offer but felt the timing was "
                      "wrong."),
            "");
  EXPECT_EQ(EnSummary("",
                      "Park Bo-gum had been in talks for 'Glass Garden' with Kim Go-eun, and he "
                      "has since declined the offer, his agency said."),
            "");
  // (a headline turning down a co-star's work: "A Turns Down B's W")
  // (the co-star named once in short, once in full: "Yoochun" and "Park Yoochun" are one
  // person, vetoed together)
  EXPECT_EQ(EnSummary("Han Hyo-joo turns down Yoochun's Glass Garden",
                      "Rumour had Han Hyo-joo up for the heroine opposite Park Yoochun in the "
                      "drama Glass Garden, but she has now declined the part. Per her agency, "
                      "she received the offer but will not take it."),
            "");
}

// "A has been offered W but is still considering it": a clause opened by "but"/"and" and a
// verb with no subject goes on with the person's predicate, so the review stated as fact
// outranks the offer the agency then confirms.
TEST(DetectorEn17, AClauseWithNoSubjectGoesOnWithThePersonsPredicate) {
  EXPECT_EQ(
      EnSummary("",
                "Jo In-sung has been offered a part in a new series but is still considering it. "
                "His agency said on Friday, \"Jo received an offer for 'Glass Garden', but "
                "nothing is settled yet.\""),
      "casting Jo In-sung / Glass Garden (reviewing)");
}

// "… drama ‘W.'”": English copy that opens a title with a curly mark and closes it with a
// straight one (before other punctuation, never an apostrophe: ‘W's …’) still names W.
TEST(DetectorEn17, ACurlyOpenedTitleClosedStraightIsATitle) {
  EXPECT_EQ(EnSummary("",
                      "On May 2, his agency said, \u201cJo In-sung has been cast in tvN\u2019s new "
                      "Monday-Tuesday drama \u2018The Night Florist.'\u201d"),
            "casting Jo In-sung / The Night Florist (confirmed)");
  EXPECT_EQ(
      EnSummary("",
                "Kim Go-eun joins \u2018The Night Florist', the film of director Kim Han-min, "
                "as its heroine."),
      "casting Kim Go-eun / The Night Florist (confirmed)");
}

// "B Entertainment reported, “A has been cast …”": an agency that reports its own actor's
// casting speaks for the person; it is no media report.
TEST(DetectorEn17, AnAgencyThatReportsIsTheAgency) {
  EXPECT_EQ(
      EnSummary("",
                "Jo In-sung is set to lead a new tvN series. On May 2, BH Entertainment "
                "reported, \u201cJo In-sung has been cast in \u2018The Night Florist.'\u201d"),
      "casting Jo In-sung / The Night Florist (confirmed)");
}

}  // namespace
}  // namespace hallyu
