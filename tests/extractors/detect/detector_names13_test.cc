// Korean words that only look like unknown names: verb forms, plurals, a noun with its 에,
// occupation nouns ending in 가 (KoreanWordIsNoName). Shapes met in real soundtrack and
// casting leads; the sentences here are ours.

#include <gtest/gtest.h>

#include <string>

#include "extractors/detect/mentions.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

std::string Ko(const std::string& title, const std::string& text) {
  return hallyu::testing::DetectionSummary(title, text, "ko");
}

TEST(KoreanWordIsNoName, VerbFormsPluralsParticleLeftoversAndOccupations) {
  EXPECT_TRUE(KoreanWordIsNoName("공개되며"));
  EXPECT_TRUE(KoreanWordIsNoName("참여하고"));
  EXPECT_TRUE(KoreanWordIsNoName("발매된다"));
  EXPECT_TRUE(KoreanWordIsNoName("스타들"));
  EXPECT_TRUE(KoreanWordIsNoName("역에"));
  EXPECT_TRUE(KoreanWordIsNoName("안무가"));
  EXPECT_TRUE(KoreanWordIsNoName("작곡가"));
  // names, and what the check does not judge
  EXPECT_FALSE(KoreanWordIsNoName("오다인"));
  EXPECT_FALSE(KoreanWordIsNoName("한서윤"));
  EXPECT_FALSE(KoreanWordIsNoName("하늘"));
  EXPECT_FALSE(KoreanWordIsNoName("Grace"));
  EXPECT_FALSE(KoreanWordIsNoName(""));
}

TEST(DetectorNames13, AVerbFormBeforeACommaIsNoSingerAndTheListsWaGoes) {
  // "…공개되며, 그레이스와 오다인이 참여한": the clause's verb is no list member, and 와 joins
  EXPECT_EQ(Ko("",
               "가수 한서윤이 부른 드라마 '푸른 항구' 첫 번째 OST '바람길'은 오는 5일 "
               "음원사이트를 통해 공개되며, 그레이스와 오다인이 참여한 OST 역시 차례대로 공개될 "
               "예정이다."),
            "ost 그레이스 / 푸른 항구 (announced); ost 오다인 / 푸른 항구 (announced); "
            "ost 한서윤 / 푸른 항구 (announced)");
}

TEST(DetectorNames13, APluralIsNoSinger) {
  // "쟁쟁한 스타들이 목소리를 더했다": the stars are the people named before
  EXPECT_EQ(Ko("MBC '푸른 항구' OST 앨범 발매",
               "MBC 월화극 '푸른 항구' OST가 발매됐다. 이번 OST에는 강태오 역으로 열연 중인 "
               "배우 정한결과 실력파 가수 오다인 등 쟁쟁한 스타들이 목소리를 더했다."),
            "ost 오다인 / 푸른 항구 (released); ost 정한결 / 푸른 항구 (released)");
}

TEST(DetectorNames13, RoleNounWithItsEoNeunIsNoCastMember) {
  // "수아 역에는 한서윤, 민재 역에는 오다인이": 역에(는) goes with the role before it
  EXPECT_EQ(Ko("tvN '푸른 항구' 캐스팅 현황 공개",
               "제작사 측은 \"배우 정한결이 태오 역으로 확정되었으며, 수아 역에는 한서윤, 민재 "
               "역에는 오다인이 긍정적으로 검토되고 있다\"고 밝혔다."),
            "casting 오다인 / 푸른 항구 (reviewing); casting 정한결 / 푸른 항구 (confirmed); "
            "casting 한서윤 / 푸른 항구 (reviewing)");
}

TEST(DetectorNames13, AnOccupationNounEndingInGaIsNoName) {
  // "안무가 오다인이": a choreographer, not "안무" + 가
  EXPECT_EQ(Ko("", "배우 정한결, 한서윤, 안무가 오다인이 드라마 '푸른 항구'에 출연한다."),
            "casting 오다인 / 푸른 항구 (confirmed); casting 정한결 / 푸른 항구 (confirmed); "
            "casting 한서윤 / 푸른 항구 (confirmed)");
}

}  // namespace
}  // namespace hallyu
