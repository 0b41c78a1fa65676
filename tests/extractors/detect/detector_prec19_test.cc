// Precision of casting and OST detection, nineteenth round: stories that share the vocabulary
// of an announcement but announce nothing (a fan's wish list, a listicle whose headline names
// the stars it rounds up). Sentences are invented; the people are real names the gazetteer
// knows (facts), the titles are made up. Each test was seen failing on 82f0039 before its
// change.

#include <gtest/gtest.h>

#include <string>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

using hallyu::testing::EnSummary;
using hallyu::testing::KoSummary;

// "Actors Who Sing Their Own Drama's OST": a headline naming the actors who sing is a
// listicle's, like "stars who sang"; the songs it lists are no soundtrack news.
TEST(DetectorPrec19, AHeadlineOfActorsWhoSingIsAListicle) {
  EXPECT_EQ(EnSummary("Actors Who Sing Their Own Drama Themes",
                      "In the tvN drama 'Winter Sea', Lee Jong-suk sings the OST 'Paper Moon' "
                      "with Kim Yoo-jung."),
            "");
  EXPECT_EQ(EnSummary("Actors Who Sing Their Own Drama Themes",
                      "Lee Jong-suk has released the OST 'Paper Moon' for the tvN drama "
                      "'Winter Sea'."),
            "");
}

// "X and Y should star in a drama like W", "I need to see him in a rom-com": a fan's wish
// list, no casting.
TEST(DetectorPrec19, AFansWishIsNoCasting) {
  EXPECT_EQ(EnSummary("",
                      "I think Kim Yoo-jung would be a good match. Lee Jong-suk and Kim Yoo-jung "
                      "should star in a romantic comedy like 'Winter Sea'."),
            "");
  EXPECT_EQ(EnSummary("",
                      "I need to see him in a thriller soon. Lee Jong-suk should be cast in a "
                      "drama like 'Winter Sea'."),
            "");
}

// "대박 작품 놓친 스타들": a headline that is only the plural of stars who missed, turned down,
// left or sang something is a listicle's title; the casting it retells is no news.
TEST(DetectorPrec19, AKoreanHeadlineOfStarsWhoDidSomethingIsAListicle) {
  EXPECT_EQ(KoSummary("대박 작품 놓친 스타들",
                      "애초 '겨울 바다' 주인공 1순위는 김유정이었다. 결국 안효섭이 남자주인공으로 "
                      "낙점됐다."),
            "");
}

}  // namespace
}  // namespace hallyu
