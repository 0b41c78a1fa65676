// Korean casting mechanisms of the sixth detection round (issue 14), each seen in three or
// more real items of two or more evaluation files: details still being settled after a stated
// casting, a quote closed by 라면서 (a statement), a work on air now or already ended, a work
// described by a past performance in it, a short quoted character name, a quoted epithet
// ('천만 배우'), and everyday words that are also stage names (우리, 이런, 동명). Sentences are
// invented; people and titles are made up. Each test fails when its mechanism is removed.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/detect/detector.h"
#include "extractors/detect/mentions.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

const Detector& TheDetector() { return hallyu::testing::ShippedDetector(); }

// "type person / work (status)" per detection, sorted.
std::string Summary(const std::string& title, const std::string& text) {
  return hallyu::testing::DetectionSummary(title, text, "ko");
}

// See hallyu::testing::WorkMentions.
std::vector<std::string> Works(const std::string& sentence) {
  return hallyu::testing::WorkMentions(sentence, "ko");
}

TEST(DetectorKoreanFresh6, DetailsSettledAfterAStatedCastingStayConfirmed) {
  EXPECT_EQ(Summary("",
                    "소속사 측은 “한서윤이 ‘푸른 항구’에 출연한다”며 “현재 세부 조율 "
                    "중이다”라고 밝혔다."),
            "casting 한서윤 / 푸른 항구 (confirmed)");
  EXPECT_EQ(Summary("", "한서윤이 ‘푸른 항구’ 출연을 확정하고 세부 사항을 조율 중이다."),
            "casting 한서윤 / 푸른 항구 (confirmed)");
  // without a stated casting, settling details is still a negotiation
  EXPECT_EQ(Summary("",
                    "한서윤이 '푸른 항구' 출연을 두고 제작진과 논의 중이다. 소속사 관계자는 "
                    "\"세부 사항을 조율하고 있다\"고 했다."),
            "casting 한서윤 / 푸른 항구 (in_talks)");
}

TEST(DetectorKoreanFresh6, AQuoteClosedByRamyeonseoIsAStatement) {
  EXPECT_TRUE(Works("소속사 관계자는 \"여러 작품 중 하나\"라면서 말을 아꼈다.").empty());
  EXPECT_EQ(Summary("",
                    "배우 한서윤 측 관계자는 \"제안받은 여러 작품 중 하나\"라면서 \"출연 "
                    "여부는 정해지지 않았다\"고 말했다. 한서윤은 드라마 '푸른 항구' 출연 "
                    "제안을 받았다."),
            "casting 한서윤 / 푸른 항구 (in_talks)");
}

TEST(DetectorKoreanFresh6, AWorkOnAirNowOrEndedIsAnEarlierWork) {
  EXPECT_EQ(Works("현재 방영 중인 tvN 토일드라마 '푸른 항구'가 화제다."),
            std::vector<std::string>{"푸른 항구 (aside)"});
  EXPECT_EQ(Works("최근 종영한 SBS 드라마 '푸른 항구'의 한서윤이 '은빛 정원'에 합류한다."),
            (std::vector<std::string>{"푸른 항구 (aside)", "은빛 정원"}));
  // a cameo in a work on air is news about that work
  EXPECT_EQ(Works("배우 한서윤이 현재 방영 중인 드라마 '푸른 항구'에 카메오로 출연한다."),
            std::vector<std::string>{"푸른 항구"});
  // a network line-up that names only works on air announces no casting
  EXPECT_EQ(Summary("2025 tvN엔 한서윤·오다인·정한결 있다",
                    "tvN이 새해 드라마 라인업을 공개했다. 현재 방영중인 tvN 토일드라마 "
                    "<푸른 항구>는 높은 시청률을 기록하고 있다."),
            "");
}

TEST(DetectorKoreanFresh6, AWorkDescribedByAPastPerformanceIsAnEarlierWork) {
  EXPECT_EQ(Works("'푸른 항구'에서 냉철한 검사로 열연한 배우 한서윤이 합류한다."),
            std::vector<std::string>{"푸른 항구 (aside)"});
  EXPECT_EQ(Summary("",
                    "새 드라마 '은빛 정원'이 캐스팅을 시작했다. 회장 역에는 '푸른 항구'에서 "
                    "냉철한 검사로 열연한 배우 한서윤이 캐스팅됐다."),
            "casting 한서윤 / 은빛 정원 (confirmed)");
}

TEST(DetectorKoreanFresh6, AShortQuotedCharacterNameIsNoWork) {
  EXPECT_TRUE(Works("여고생 '단비'가 운명을 거스르는 이야기다.").empty());
  EXPECT_TRUE(Works("한서윤은 극중 '단비'로 분한다.").empty());
  EXPECT_TRUE(Works("'단비'(한서윤 분)와 '준호'(정한결 분)의 관계가 달라진다.").empty());
  EXPECT_EQ(Summary("",
                    "'은빛 정원'은 여고생 '단비'가 사랑을 이뤄내는 학원물로 오다인과 "
                    "정한결이 출연을 확정했다."),
            "casting 오다인 / 은빛 정원 (confirmed); casting 정한결 / 은빛 정원 (confirmed)");
}

TEST(DetectorKoreanFresh6, AQuotedEpithetOrTopicIsNoTitle) {
  EXPECT_TRUE(Works("'천만 배우' 한서윤, 새 드라마 출연").empty());
  EXPECT_TRUE(Works("한서윤-오다인 잇는 ‘꿈의 캐스팅’").empty());
  EXPECT_TRUE(Works("tvN 새 드라마 ‘캐스팅’이 확정됐다.").empty());
  // no cue fires inside it either ('흥행' is a ratings word)
  EXPECT_EQ(Summary("", "'흥행 보증' 배우 한서윤이 '푸른 항구' 출연을 검토 중이다."),
            "casting 한서윤 / 푸른 항구 (reviewing)");
  EXPECT_EQ(Summary("'흥행 보증' 한서윤, 차기작 확정",
                    "배우 한서윤이 새 드라마 '푸른 항구'에 캐스팅됐다."),
            "casting 한서윤 / 푸른 항구 (confirmed)");
}

TEST(DetectorKoreanFresh6, EverydayWordsThatAreStageNamesAreNoPersons) {
  // 우리 (we), 이런 (such), 동명 (of the same name) are stage names in the gazetteer
  for (const std::string s : {"소속사는 \"배우와 우리가 모르는 출연이 있겠나\"라고 했다.",
                              "이런 배우 또 없다.", "동명 웹툰을 원작으로 한 작품이다."}) {
    for (const auto& m : FindMentions(s, "ko", TheDetector().gazetteer()).items) {
      EXPECT_NE(m.kind, MentionKind::kPerson) << s << ": " << m.text;
    }
  }
}

// "웹툰 원작 드라마 'X'" (seen in 11 real items of 3 files): the webtoon is the drama's source,
// so the title stays the drama, as it does beside a webtoon artist's part.
TEST(DetectorKoreanFresh6, AWebtoonAsTheDramasSourceLeavesTheTitleADrama) {
  EXPECT_EQ(Summary("", "인기 웹툰 원작 드라마 '푸른 항구'에 배우 한서윤이 출연을 확정했다."),
            "casting 한서윤 / 푸른 항구 (confirmed)");
  EXPECT_EQ(Summary("", "동명 웹툰을 원작으로 한 드라마 '푸른 항구'에 배우 한서윤이 캐스팅됐다."),
            "casting 한서윤 / 푸른 항구 (confirmed)");
  EXPECT_EQ(
      Summary("", "배우 한서윤이 SBS 새 드라마 '푸른 항구'에서 웹툰 작가 역으로 출연을 확정했다."),
      "casting 한서윤 / 푸른 항구 (confirmed)");
  // the same sentence with a webtoon as the title's own format: no drama, no casting
  EXPECT_EQ(Summary("", "배우 한서윤이 새 웹툰 '푸른 항구'에 출연을 확정했다."), "");
}

}  // namespace
}  // namespace hallyu
