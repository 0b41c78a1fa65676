// A title the sentence itself introduces as a new work, sixteenth detection round. Sentences are
// invented; the people are real names the gazetteer knows (facts), the titles are made up. Each
// test but the guard fails when its mechanism is removed (checked on bbd89c5).

#include <gtest/gtest.h>

#include <string>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

constexpr auto Summary = &hallyu::testing::DetectionSummary;

// "tvN 새 수목드라마 'W' 출연을 확정 … 'W'를 통해 첫 도전하는 A는": "through W" before a first try
// names the news work, and a title introduced with 새 / 신작 / "upcoming drama" stays the news in
// its own sentence whatever another sentence says of it.
TEST(DetectorLead16, ATitleIntroducedAsNewStaysTheNewsOfItsSentence) {
  EXPECT_EQ(Summary("",
                    "배우 김유정이 tvN 새 수목드라마 '겨울 바다' 주인공으로 출연을 확정했다. '겨울 "
                    "바다'를 통해 첫 사극에 도전하는 김유정은 바다 마을의 의사를 연기한다.",
                    "ko"),
            "casting Kim Yoo-jung / 겨울 바다 (confirmed)");
  EXPECT_EQ(Summary("",
                    "배우 김유정이 신작 '겨울 바다'에 캐스팅됐다. 김유정은 앞서 '겨울 바다' 이후 "
                    "휴식을 가질 계획이었다고 밝혔다.",
                    "ko"),
            "casting Kim Yoo-jung / 겨울 바다 (confirmed)");
}

// Guard: a title that only ever stands as an earlier work stays one ("'W' 이후 … 새 드라마 'W2'").
TEST(DetectorLead16, AnEarlierWorkNamedOnlyAsSuchStaysAside) {
  EXPECT_EQ(Summary("",
                    "'푸른 계절' 이후 2년 만에 돌아오는 김유정이 SBS 새 드라마 '겨울 바다' 출연을 "
                    "확정했다.",
                    "ko"),
            "casting Kim Yoo-jung / 겨울 바다 (confirmed)");
}

}  // namespace
}  // namespace hallyu
