// Detection mechanism of round 11 (issue 14) for announcements that gave no event at all: an
// English title written without quotes is marked as a title by the qualifier after it ("Wax
// Doll (translated title)", "W (literal title)", "W (working title)"), also after a noun that
// is no work noun ("the forthcoming show W (translated title)") or none at all ("will star in W
// (literal title)"). Sentences are invented; the people are real names the gazetteer knows
// (facts), the titles are made up. The test failed before its mechanism.

#include <gtest/gtest.h>

#include <string>

#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

std::string En(const std::string& title, const std::string& text) {
  return hallyu::testing::DetectionSummary(title, text, "en");
}

TEST(DetectorTrig11, AnUnquotedTitleBeforeItsQualifierIsATitle) {
  EXPECT_EQ(En("", "Kim Seon-ho will star in Blue Harbor (literal title), his agency said."),
            "casting Kim Seon-ho / Blue Harbor (confirmed)");
  EXPECT_EQ(En("Moonlit Garden",
               "Reports suggest that Kim Yoo-mi has been offered the leading role in the "
               "forthcoming show Moonlit Garden (translated title)."),
            "casting Kim Yoo-mi / Moonlit Garden (rumored)");
  // (a network or a name written right before the title is no part of it)
  EXPECT_EQ(En("", "Kim Seon-ho will star in JTBC Blue Harbor (working title)."),
            "casting Kim Seon-ho / Blue Harbor (confirmed)");
  // a variety show stays no work for a casting, whatever its title
  EXPECT_EQ(En("",
               "Kim Seon-ho will join the new variety show Island Camp (working title) as a "
               "fixed member."),
            "");
}

}  // namespace
}  // namespace hallyu
