// Which work a casting is bound to, when a text names several (fourteenth detection round).
// Sentences are invented; the people and the earlier works are real names the gazetteer knows
// (facts), the new titles are made up. Each test fails when its mechanism is removed (checked
// on s14-final before the change).

#include <gtest/gtest.h>

#include <string>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

// "type person / work (status)" per detection, sorted, joined by "; ".
constexpr auto Summary = &hallyu::testing::DetectionSummary;

// "A of the My Sassy Girl drama": a known person introduced by the drama they are of names
// that person's earlier work; the series they are teaming up for is the news.
TEST(DetectorWork14, APersonOfTheWorkDramaNamesAnEarlierWork) {
  EXPECT_EQ(Summary("",
                    "Ahn Hyo-seop and Oh Yeon-seo of the My Sassy Girl drama will lead "
                    "the tvN series 'Winter Sea'.",
                    "en"),
            "casting Ahn Hyo-seop / Winter Sea (confirmed); casting Oh Yeon-seo / Winter Sea "
            "(confirmed)");
  EXPECT_EQ(Summary("",
                    "Oh Yeon-seo of the My Sassy Girl drama will star in the new film 'Winter Sea' "
                    "alongside Ahn Hyo-seop.",
                    "en"),
            "casting Ahn Hyo-seop / Winter Sea (confirmed); casting Oh Yeon-seo / Winter Sea "
            "(confirmed)");
}

// "W is doing high ratings", "W, currently airing": the drama on air now hands its slot to
// the new one; the cast signed on is the new drama's.
TEST(DetectorWork14, TheWorkOnAirNowIsNotTheNews) {
  EXPECT_EQ(Summary("KBS Weekend Drama Casting",
                    "Laurel Tree Tailors is doing record ratings right now; its slot goes to "
                    "'Winter Sea' next. Lee Joon has been cast as the male lead.",
                    "en"),
            "casting Lee Joon / Winter Sea (confirmed)");
}

// "the Min Yong Geun-directed film W", "the Kim Eun-sook-penned drama W": a maker's name
// joined to "-directed" / "-penned" describes the new work (it is no earlier work), and the
// maker is not cast in it.
TEST(DetectorWork14, AMakerCompoundDescribesTheNewWork) {
  EXPECT_EQ(Summary("",
                    "Jinyoung has been offered a part in the Min Yong Geun-directed film 'Winter "
                    "Sea', his agency said on Monday.",
                    "en"),
            "casting Jinyoung / Winter Sea (in_talks)");
  EXPECT_EQ(
      Summary("", "Kim Go-eun is in talks to star in the Kim Eun-sook-penned drama 'Winter Sea'.",
              "en"),
      "casting Kim Go-eun / Winter Sea (in_talks)");
}

}  // namespace
}  // namespace hallyu
