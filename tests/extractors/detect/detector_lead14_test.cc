// A name right before a comma or a middle dot carries no particle: "김고은," is 김고은, not
// 김고 + 은 (headlines list people that way). The sentences here are ours.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

std::vector<std::string> PersonTexts(const std::string& sentence) {
  return hallyu::testing::PersonMentions(sentence, "ko");
}

TEST(DetectorLead14, AKnownNameBeforeACommaKeepsItsLastSyllable) {
  EXPECT_EQ(PersonTexts("배우 김고은, 새 수목극 주인공으로 낙점"),
            std::vector<std::string>{"김고은"});
  EXPECT_EQ(PersonTexts("박은빈·한지은, 넷플릭스 시리즈 나란히 합류"),
            (std::vector<std::string>{"박은빈", "한지은"}));
  // a particle stays a particle where no separator follows
  EXPECT_EQ(PersonTexts("김고은은 이번 작품에서 형사를 연기한다"),
            std::vector<std::string>{"김고은"});
}

TEST(DetectorLead14, AnUnknownNameBeforeACommaIsWholeInTheEvent) {
  EXPECT_EQ(hallyu::testing::DetectionSummary(
                "신예 배우 차서은, tvN 새 드라마 〈봄날의 온도〉 출연 확정",
                "소속사는 3일 이 소식을 전하며 첫 촬영이 다음 달 시작된다고 밝혔다.", "ko"),
            "casting 차서은 / 봄날의 온도 (confirmed)");
}

// Some outlets type quotes and apostrophes as primes: "드라마 ′W′에", "Park Bo Young′s".
TEST(DetectorLead14, PrimesTypedAsQuotesAndApostrophes) {
  EXPECT_EQ(hallyu::testing::DetectionSummary(
                "배우 박보영, 새 드라마 ′겨울 정원사′ 주인공 확정",
                "박보영이 JTBC 새 드라마 ′겨울 정원사′의 주인공을 맡는다고 소속사가 밝혔다.", "ko"),
            "casting Park Bo-young / 겨울 정원사 (confirmed)");
  EXPECT_EQ(PersonTexts("오늘 공개된 곡은 ′바람길′이다"), std::vector<std::string>{});
  EXPECT_EQ(
      hallyu::testing::PersonMentions("Last month Park Bo Young′s song topped the chart.", "en"),
      std::vector<std::string>{"Park Bo Young"});
}

}  // namespace
}  // namespace hallyu
