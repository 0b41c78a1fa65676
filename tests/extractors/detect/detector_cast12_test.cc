// Title and line-up mechanisms of the twelfth detection round (issue 14): where an unquoted
// English title ends, and an OST line-up list. Sentences are invented; the people are
// real names the gazetteer knows (facts), the titles are made up. Each test fails when its
// mechanism is removed.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

// "type person / work (status)" per detection, sorted, joined by "; ".
std::string Summary(const std::string& title, const std::string& text, const std::string& lang) {
  return hallyu::testing::DetectionSummary(title, text, lang);
}

// See hallyu::testing::WorkMentions.
std::vector<std::string> Works(const std::string& sentence, const std::string& lang) {
  return hallyu::testing::WorkMentions(sentence, lang);
}

// "Confirms Cast of Winter Sea Starring A": a headline verb or line-up noun ends an unquoted
// title.
TEST(DetectorCast12, AHeadlineVerbEndsAnUnquotedTitle) {
  EXPECT_EQ(Works("JTBC Confirms Cast of Winter Sea Starring Kim Ji-won and Go Youn-jung", "en"),
            (std::vector<std::string>{"Winter Sea"}));
}

// "The OST artists' list includes A and B": an OST line-up list names its singers.
TEST(DetectorCast12, AnOstArtistsListNamesItsSingers) {
  EXPECT_EQ(Summary("",
                    "The drama 'Winter Sea' has rolled out its soundtrack. The OST artists' list "
                    "includes EXO's Baekhyun and Gummy.",
                    "en"),
            "ost Baekhyun / Winter Sea (announced); ost Gummy / Winter Sea (announced)");
}

// "a new drama called Oh! Winter Sea": the '!' of a title's first word after "called" ends no
// sentence, so the title stays whole and the lead's casting binds to it.
TEST(DetectorCast12, AnExclamationInATitleAfterCalledEndsNoSentence) {
  EXPECT_EQ(Summary("",
                    "A new weekend drama is being planned on KBS, called Oh! Winter Sea, and "
                    "casting has been confirmed for actors Go Youn-jung and Lee Jung-ha.",
                    "en"),
            "casting Go Youn-jung / Oh! Winter Sea (confirmed); casting Lee Jung-ha / Oh! Winter "
            "Sea (confirmed)");
}

}  // namespace
}  // namespace hallyu
