// The lead's fixes of the nineteenth detection round, found on the round's real development
// snippets (never committed). Sentences are our own; people are real names the gazetteer knows
// (facts), the titles are made up. Each test was seen failing before its change.

#include <gtest/gtest.h>

#include <string>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

using hallyu::testing::EnSummary;

// "BTS' Jimin … Its cast includes … Han Ji-min": a short name the story ties to a group is that
// idol, not the rest of a full name written later ("Ji-min" of Han Ji-min); before, Jimin's OST
// went to Han Ji-min. Without a group the short name still joins the full one ("Kim So-yeon …
// So-yeon will").
TEST(DetectorLead19, AShortNameTiedToAGroupIsNotTheRestOfAFullName) {
  EXPECT_EQ(EnSummary("BTS' Jimin to sing for tvN series 'Paper Lanterns'",
                      "Jimin will sing the first soundtrack song of 'Paper Lanterns', its OST "
                      "producer said. The cast of the series includes Han Ji-min and Kim "
                      "Woo-bin."),
            "ost Jimin / Paper Lanterns (announced)");
}

// "A and B are in talks to lead 'W' scriptwriter's upcoming drama": a title before
// "scriptwriter" / "screenwriter" is the writer's earlier work, as before "writer"; the new
// drama is unnamed, so nothing is announced.
TEST(DetectorLead19, ATitleBeforeScriptwriterIsTheWritersEarlierWork) {
  EXPECT_EQ(EnSummary("",
                      "Kim Ji-won and Lee Won-geun are reportedly in talks to lead 'Paper "
                      "Lanterns' scriptwriter's upcoming drama."),
            "");
  EXPECT_EQ(EnSummary("",
                      "Kim Ji-won is in talks to star in the new drama by the 'Paper Lanterns' "
                      "screenwriter."),
            "");
}

}  // namespace
}  // namespace hallyu
