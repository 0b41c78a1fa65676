// Korean mechanisms of the fifth detection round (issue 14), each seen in three or more
// real items of two or more evaluation files: names joined by hyphens, a name before 에 이어,
// an actor credited for a character ("(X 분)") beside the story's news, and a title named
// as the predecessor ("'X'의 후속작"). Sentences are invented; people and titles are made up.
// Each test fails when its mechanism is removed.

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

// The persons FindMentions sees in one sentence (asides left out), in text order.
std::vector<std::string> Persons(const std::string& sentence) {
  std::vector<std::string> out;
  for (const auto& m : FindMentions(sentence, "ko", TheDetector().gazetteer()).items) {
    if (m.kind == MentionKind::kPerson && !m.aside) out.push_back(m.text);
  }
  return out;
}

TEST(DetectorKoreanFresh, NamesJoinedByHyphensAreAList) {
  EXPECT_EQ(Persons("배우 한서윤-오다인-정한결이 새 드라마 출연을 확정했다."),
            (std::vector<std::string>{"한서윤", "오다인", "정한결"}));
  EXPECT_EQ(Summary("", "배우 한서윤-오다인-정한결이 새 드라마 '푸른 항구' 출연을 확정했다."),
            "casting 오다인 / 푸른 항구 (confirmed); casting 정한결 / 푸른 항구 (confirmed); "
            "casting 한서윤 / 푸른 항구 (confirmed)");
  // a quoted title with a hyphen stays one title
  std::vector<std::string> works;
  for (const auto& m : FindMentions("배우 한서윤이 드라마 '보쌈-운명을 훔치다'에 출연한다.", "ko",
                                    TheDetector().gazetteer())
                           .items) {
    if (m.kind == MentionKind::kWork) works.push_back(m.text);
  }
  EXPECT_EQ(works, std::vector<std::string>{"보쌈-운명을 훔치다"});
}

TEST(DetectorKoreanFresh, ANameBeforeEIeoIsAPerson) {
  // (both names before 에 이어 are persons; they were cast before the one the sentence
  // announces, so since round 20 they are background: detector_lead20_test)
  EXPECT_EQ(Persons("드라마 '푸른 항구'가 배우 정한결, 오다인에 이어 한서윤을 캐스팅했다."),
            (std::vector<std::string>{"정한결", "오다인", "한서윤"}));
  EXPECT_EQ(Summary("", "드라마 '푸른 항구'가 배우 정한결, 오다인에 이어 한서윤을 캐스팅했다."),
            "casting 한서윤 / 푸른 항구 (confirmed)");
  // a bare 에 elsewhere is no particle of a name
  EXPECT_TRUE(Persons("지난해에 이어 올해도 열린다.").empty());
}

TEST(DetectorKoreanFresh, AnActorCreditedForACharacterIsNoNewsBesideIt) {
  EXPECT_EQ(Summary("",
                    "배우 한서윤이 드라마 '푸른 항구'에서 은하(김소연 분)의 언니 수아 역으로 "
                    "출연한다."),
            "casting 한서윤 / 푸른 항구 (confirmed)");
}

TEST(DetectorKoreanFresh, APredecessorNamedWithUiHusokIsAnEarlierWork) {
  // the works FindMentions sees, each with whether it is an aside
  std::vector<std::string> works;
  for (const auto& m : FindMentions("배우 한서윤은 ‘하나뿐인 내편’의 후속작인 KBS2 새 주말드라마 "
                                    "‘세상에서 제일 예쁜 내 딸’에 캐스팅됐다.",
                                    "ko", TheDetector().gazetteer())
                           .items) {
    if (m.kind == MentionKind::kWork) works.push_back(m.text + (m.aside ? " (aside)" : ""));
  }
  EXPECT_EQ(works, (std::vector<std::string>{"하나뿐인 내편 (aside)", "세상에서 제일 예쁜 내 딸"}));
}

TEST(DetectorKoreanFresh, ARoleNounWithASuffixOrALoanwordIsNoName) {
  EXPECT_TRUE(Persons("드라마 '푸른 항구'의 배우진이 출연을 확정했다.").empty());
  EXPECT_TRUE(Persons("그룹 걸스데이 멤버인 그가 합류한다.").empty());
  EXPECT_TRUE(Persons("제작사는 콘티북 이미지와 대본을 공개했다.").empty());
  // a name shape beside them still counts
  EXPECT_EQ(Persons("배우진이 한서윤을 반겼다."), std::vector<std::string>{"한서윤"});
}

}  // namespace
}  // namespace hallyu
