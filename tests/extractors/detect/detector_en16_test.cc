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
                      "Han Hyo-joo has been confirmed to star in director Kim Han-min's next "
                      "film, her agency said."),
            "casting Han Hyo-joo /  (confirmed)");
}

}  // namespace
}  // namespace hallyu
