// English forms of the fifth detection round (issue 14), each a mechanism seen in several
// real snippets of more than one set: a credit noun ("scriptwriter", "writer-director")
// before a name; a name the lead credits as director or writer is no cast member in the
// headline; "K-drama" / "K-movie" (capitalised by nature) are work nouns before an unquoted title.
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

TEST(DetectorFormsEn5, ACreditNounBeforeANameIsNoCasting) {
  // "scriptwriter" and the hyphenated "writer-director" are credits like "writer"
  EXPECT_EQ(Summary("Cha Eun-woo lands the lead in Paper Harbor",
                    "Cha Eun-woo will star in \"Paper Harbor\", the new drama by star "
                    "scriptwriter Min Ha-rin."),
            "casting Cha Eun-woo / Paper Harbor (confirmed)");
  EXPECT_EQ(Summary("Cha Eun-woo will star in 'Paper Harbor', a comedy from writer-director "
                    "Min Ha-rin",
                    ""),
            "casting Cha Eun-woo / Paper Harbor (confirmed)");
}

TEST(DetectorFormsEn5, ANameTheLeadCreditsIsNoCastMemberInTheHeadline) {
  // the headline names the director as if a co-star; the lead credits him
  EXPECT_EQ(Summary("Cha Eun-woo joins Min Ha-rin project",
                    "Cha Eun-woo will reunite with director Min Ha-rin in the film \"Paper "
                    "Harbor\"."),
            "casting Cha Eun-woo / Paper Harbor (confirmed)");
  EXPECT_EQ(Summary("Cha Eun-woo set to appear in new Min Ha-rin pic",
                    "Cha Eun-woo will appear in famed director Min Ha-rin's next movie "
                    "\"Paper Harbor\", according to his agency."),
            "casting Cha Eun-woo / Paper Harbor (confirmed)");
  // a director who also stars, named as a co-star in the lead, is no crew member; since
  // round 20 a "co-starring" name is the work's cast already (detector_lead20_test), so only
  // the news is an event
  EXPECT_EQ(Summary("Cha Eun-woo cast in movie 'Paper Harbor'",
                    "Cha Eun-woo is cast in movie 'Paper Harbor' co-starring Lee Jung-jae. The "
                    "film is the first film directed by Lee Jung-jae."),
            "casting Cha Eun-woo / Paper Harbor (confirmed)");
}

TEST(DetectorFormsEn5, KDramaBeforeAnUnquotedTitleIsAWorkNoun) {
  EXPECT_EQ(Summary("Cha Eun-woo, Roh Yoon-seo will be added to the cast of the upcoming "
                    "K-drama Paper Harbor",
                    ""),
            "casting Cha Eun-woo / Paper Harbor (confirmed); casting Roh Yoon-seo / Paper "
            "Harbor (confirmed)");
  // after a network's possessive the K-drama is the noun, not part of the title
  EXPECT_EQ(Summary("Roh Yoon-seo has been confirmed to lead tvN's upcoming K-drama Paper "
                    "Harbor",
                    ""),
            "casting Roh Yoon-seo / Paper Harbor (confirmed)");
  // not in a title-case headline, where every word is capitalised, nor as an owner
  EXPECT_EQ(Summary("Roh Yoon-seo Gets K-Movie Leading Men Harem Of Cha Eun-woo And Lee Jung-jae",
                    "Roh Yoon-seo will star in a new film alongside Cha Eun-woo and Lee Jung-jae."),
            "");
  EXPECT_EQ(Summary("K-Drama's Return of Leading Ladies - Roh Yoon-seo, Kim Go-eun",
                    "Roh Yoon-seo and Kim Go-eun will lead new dramas this year."),
            "");
}

}  // namespace
}  // namespace hallyu
