// English casting phrasings of the sixteenth detection round (issue 14). Sentences are our own;
// people and earlier works are real names the gazetteer knows (facts), the new titles are made
// up. Each test was seen failing on main 225a270 before its change.

#include <gtest/gtest.h>

#include <string>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

using hallyu::testing::EnSummary;

// An offer, a review or talks with no named work ("director B's next film", "a series written
// by C") is a vague offer, not an announcement (detection-labels.md); a settled casting into an
// untitled project still is one.
TEST(DetectorEn16, AnOfferWithNoNamedWorkIsNoNews) {
  EXPECT_EQ(EnSummary("",
                      "Han Hyo-joo is said to be in talks to lead director Kim Han-min's next "
                      "film. Her agency told us she received the offer and is in discussion."),
            "");
  EXPECT_EQ(EnSummary("",
                      "Jo In-sung is positively reviewing an offer to star in an upcoming tvN "
                      "drama from writer Kim Eun-sook, his agency said on Monday."),
            "");
  EXPECT_EQ(EnSummary("",
                      "Jo In-sung has been offered the lead in director Kim Han-min's upcoming "
                      "film and is considering it."),
            "");
  EXPECT_EQ(EnSummary("",
                      "Han Hyo-joo is confirmed to star in director Kim Han-min's next "
                      "film, her agency said."),
            "casting Han Hyo-joo /  (confirmed)");
}

// "In response to reports that A was offered W, her agency said she is reviewing it": the
// opening clause names only what the statement answers; the person's status is the agency's.
TEST(DetectorEn16, AClauseNamingWhatTheAgencyAnswersIsNotThePersonsPredicate) {
  EXPECT_EQ(EnSummary("",
                      "In response to reports that Kim Go-eun had been offered the lead in "
                      "'Glass Garden', her agency said she is positively reviewing it."),
            "casting Kim Go-eun / Glass Garden (reviewing)");
  EXPECT_EQ(EnSummary("",
                      "Regarding the news of the casting offer to Park Bo-gum for 'Glass "
                      "Garden', his agency stated that he is reviewing it."),
            "casting Park Bo-gum / Glass Garden (reviewing)");
}

// "'W' is the new film of director B, who won the Palme d'Or": a cue inside a ", who" clause
// of a sentence that names none of the story's persons tells of the one the clause describes.
TEST(DetectorEn16, ACueInAWhoClauseIsNotTheStorysPersons) {
  EXPECT_EQ(EnSummary("",
                      "Park Bo-gum got an offer to star in the film 'Glass Garden' and "
                      "is reviewing it. 'Glass Garden' is the third feature of director Lee "
                      "Chang-dong, who won the Best Director prize at Venice in 2002."),
            "casting Park Bo-gum / Glass Garden (reviewing)");
  EXPECT_EQ(EnSummary("",
                      "Kim Go-eun is in talks for the movie 'Glass Garden'. The film will be "
                      "helmed by director Bong Joon-ho, who won the Palme d'Or in 2019."),
            "casting Kim Go-eun / Glass Garden (in_talks)");
}

// "an industry representative told the outlet X that A will star": a speaker the report words
// qualify ("industry representative") is the media's source, not A's side; "a representative
// of his agency" still is.
TEST(DetectorEn16, AnIndustryRepresentativeIsAReportsSource) {
  EXPECT_EQ(EnSummary("",
                      "An industry representative told the outlet News1 on Monday that Kim "
                      "Go-eun will star in 'Glass Garden'."),
            "casting Kim Go-eun / Glass Garden (rumored)");
  EXPECT_EQ(EnSummary("",
                      "Park Bo-gum will lead the film 'Glass Garden', a representative of his "
                      "agency said on Tuesday."),
            "casting Park Bo-gum / Glass Garden (confirmed)");
}

// "Actress Kim So Yeon … So Yeon will star", "Oscar Isaac … Isaac will play": a later short
// form of a full name the story writes is that person, not someone else the gazetteer knows by
// the short name, nor a second person.
TEST(DetectorEn16, AShortFormOfAFullNameIsThatPerson) {
  EXPECT_EQ(EnSummary("",
                      "Actress Kim So Yeon of 'The Penthouse' has found her next project. So "
                      "Yeon will star in the tvN drama 'Glass Garden', her agency said on Monday."),
            "casting Kim So Yeon / Glass Garden (confirmed)");
  EXPECT_EQ(EnSummary("",
                      "Hollywood actor Oscar Isaac has been cast in 'Glass Garden'. Isaac will "
                      "play a detective in the film, the studio said."),
            "casting Oscar Isaac / Glass Garden (confirmed)");
}

// A trailer or stills released for a film already cast are promotion, not casting news: "a
// two-minute trailer and new stills were released … boasts a cast of A, B and C". A casting
// story that only mentions a trailer to come stays one.
TEST(DetectorEn16, TrailersAndStillsArePromotion) {
  EXPECT_EQ(EnSummary("",
                      "A two-minute trailer and new stills were released on Monday for the film "
                      "'Glass Garden'. The thriller boasts a cast of Park Bo-gum, Kim Go-eun and "
                      "Jo In-sung."),
            "");
  EXPECT_EQ(EnSummary("",
                      "Park Bo-gum has been cast in the film 'Glass Garden', his agency said on "
                      "Monday. The studio will release the first trailer in May."),
            "casting Park Bo-gum / Glass Garden (confirmed)");
}

// "A to Star in 1st Film in Nearly a Decade": a headline's ordinal phrase with a kind noun
// describes the work; the lead's title is the work.
TEST(DetectorEn16, AHeadlinesOrdinalPhraseIsNoTitle) {
  EXPECT_EQ(EnSummary("Park Bo-gum to Star in 1st Film in Nearly a Decade",
                      "The actor plays a chef in the thriller 'Glass Garden', which will be "
                      "released in December."),
            "casting Park Bo-gum / Glass Garden (confirmed)");
  EXPECT_EQ(EnSummary("Kim Go-eun to Appear in First Korean Drama in Six Years",
                      "The actor plays a chef in the thriller 'Glass Garden', which will be "
                      "released in December."),
            "casting Kim Go-eun / Glass Garden (confirmed)");
}

// "The drama, with the working title "…"", "a new film titled "…"": a quote the text names as
// a title is the work, however many words it has.
TEST(DetectorEn16, AQuoteNamedAsATitleIsTheWorkHoweverLong) {
  EXPECT_EQ(EnSummary("",
                      "Kim Go-eun will star in an upcoming JTBC series, her agency said on "
                      "Friday. The drama, with the working title \"The Last Days of a Quiet "
                      "Summer in Busan,\" follows two sisters who run a bakery."),
            "casting Kim Go-eun / The Last Days of a Quiet Summer in Busan (confirmed)");
  EXPECT_EQ(EnSummary("",
                      "Park Bo-gum has joined a new film titled \u201cEverything We Left Behind "
                      "at the Old Harbor Station\u201d as its lead, his agency said."),
            "casting Park Bo-gum / Everything We Left Behind at the Old Harbor Station "
            "(confirmed)");
}

// "Han Hyo-JooJo In-SungPark Bo-Gum and Kim Go-Eun are cast …": names that were links on a
// page come out glued; each is a person of the line-up.
TEST(DetectorEn16, GluedLinkNamesAreALineUp) {
  EXPECT_EQ(EnSummary("",
                      "Han Hyo-JooJo In-SungPark Bo-Gum and Kim Go-Eun are cast in the tvN "
                      "drama \u201cGlass Garden\u201d (literal title)."),
            "casting Han Hyo-Joo / Glass Garden (confirmed); casting Jo In-Sung / Glass Garden "
            "(confirmed); casting Kim Go-Eun / Glass Garden (confirmed); casting Park Bo-Gum / "
            "Glass Garden (confirmed)");
}

// "Director B's upcoming spy thriller adds A and C to its cast": a maker's new
// work named by its genre is one untitled project.
TEST(DetectorEn16, AMakersUpcomingGenreWorkIsAnUntitledProject) {
  EXPECT_EQ(EnSummary("",
                      "Director Ryoo Seung-wan's upcoming spy thriller has confirmed the "
                      "addition of actors Jo In-sung and Han Hyo-joo."),
            "casting Han Hyo-joo /  (confirmed); casting Jo In-sung /  (confirmed)");
}

// "are casted in": the non-standard past participle fan blogs write is a casting too.
TEST(DetectorEn16, CastedIsCast) {
  EXPECT_EQ(EnSummary("", "Han Hyo-joo and Jo In-sung are casted in the film 'Glass Garden'."),
            "casting Han Hyo-joo / Glass Garden (confirmed); casting Jo In-sung / Glass Garden "
            "(confirmed)");
}

// "Following the release of the newest W1 soundtrack sung by B, it has been announced that A
// will sing for W2": an opening clause that tells what came before the news holds background
// (an earlier OST and its singer, an earlier hit).
TEST(DetectorEn16, AnOpeningClauseOfWhatCameBeforeIsBackground) {
  EXPECT_EQ(EnSummary("",
                      "Following the release of the newest Glass Garden soundtrack sung by "
                      "Taeyeon, it has been announced that Baekhyun will sing for the 'Moon "
                      "River' OST."),
            "ost Baekhyun / Moon River (announced)");
  EXPECT_EQ(EnSummary("",
                      "After the huge success of 'Goblin', Gong Yoo has been cast in the film "
                      "'Glass Garden'."),
            "casting Gong Yoo / Glass Garden (confirmed)");
}

// "X reported that the actor would be playing …": reported speech in "would be V-ing" is the
// report's claim of the casting (and so a rumour when no side speaks); said by the production
// it stays a confirmation.
TEST(DetectorEn16, WouldBePlayingInReportedSpeech) {
  EXPECT_EQ(EnSummary("",
                      "Park Bo-gum will star in the film 'Glass Garden'. On Monday, the outlet "
                      "News1 reported that the actor would be playing a chef in the movie."),
            "casting Park Bo-gum / Glass Garden (rumored)");
  EXPECT_EQ(EnSummary("",
                      "On Monday, the production confirmed that Kim Go-eun would be joining the "
                      "cast of 'Glass Garden'."),
            "casting Kim Go-eun / Glass Garden (confirmed)");
}

// "the Queen of OST", "Their Own OST": an epithet or a possessive before "OST" names no drama;
// a singer's profile is no OST news.
TEST(DetectorEn16, AnEpithetBeforeOstIsNoTitle) {
  EXPECT_EQ(EnSummary("",
                      "Taeyeon is the most loved OST singer, so fans call her the Queen of OST. "
                      "She has sung OSTs for many dramas over the years."),
            "");
}

}  // namespace
}  // namespace hallyu
