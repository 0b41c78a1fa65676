// Mechanisms found with gen18-ko (session 18, round 2): Korean casting stories written in our
// own words. Sentences are invented; the people are real names the gazetteer knows (facts),
// the titles are made up. Each test fails when its mechanism is removed.

#include <gtest/gtest.h>

#include <string>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

// "group|role" of the single casting event found in `title` + `text` (Korean).
std::string GroupAndRole(const std::string& title, const std::string& text) {
  auto r = hallyu::testing::ShippedDetector().Detect(
      title, text, "ko", SourceRef{"u", "site.test", "t", "", "2026-01-01T00:00:00Z"});
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok()) return "";
  if (r->size() != 1) return "(" + std::to_string(r->size()) + " events)";
  return (*r)[0].person.group + "|" + (*r)[0].role;
}

// "걸스데이 혜리": a group whose Korean name ends in a particle-like syllable (이) is still the
// group named beside the member; the particle is only stripped when the whole word is no group.
TEST(DetectorGen18Ko, AGroupNameEndingInIIsTheGroupBesideTheMember) {
  EXPECT_EQ(GroupAndRole("걸스데이 혜리, 새 드라마 '안개꽃 편지' 주연 확정", ""), "걸스데이|");
  EXPECT_EQ(GroupAndRole("", "걸스데이 혜리가 KBS 2TV 새 드라마 '안개꽃 편지'에 캐스팅됐다."),
            "걸스데이|");
  EXPECT_EQ(GroupAndRole("", "그룹 걸스데이 출신 혜리가 영화 '안개꽃 편지' 출연을 확정했다."),
            "걸스데이|");
}

// "꽃집 사장 윤다솜을 맡는다": an unknown three-syllable name right before 맡다 is the character,
// whatever describing word stands before it (as before 연기하다).
TEST(DetectorGen18Ko, AnUnknownNameBeforeMatdaIsTheCharacter) {
  EXPECT_EQ(GroupAndRole("", "김고은이 영화 '겨울 정원사'에 출연해 꽃집 사장 윤다솜을 맡는다."),
            "|윤다솜");
  EXPECT_EQ(GroupAndRole("",
                         "이세영이 ENA 새 드라마 '붉은 등대'에서 등대지기의 딸 한서린을 맡아 "
                         "주연으로 나선다."),
            "|한서린");
}

// "그는 극 중 신입생 오나래를 맡았다": 극 중 … 을/를 맡다 gives the story's person a character like
// "… 역을 맡았다", also in a sentence of its own.
TEST(DetectorGen18Ko, GeukJungThenMatdaGivesTheCharacter) {
  EXPECT_EQ(GroupAndRole("",
                         "김세정이 새 드라마 '청춘 학개론' 출연을 결정했다. 그는 극 중 신입생 "
                         "오나래를 맡았다."),
            "|오나래");
  EXPECT_EQ(GroupAndRole("",
                         "로운이 새 드라마 '봄날의 서점'에 합류했다. 극중 서점 주인 서하진을 "
                         "맡아 첫 주연에 도전한다."),
            "|서하진");
}

// "'W' 촬영을 마치고": a work whose shooting is over is an earlier work, not the story's news
// (a next work still undecided is no rumour about W).
TEST(DetectorGen18Ko, AWorkWhoseShootingIsOverIsAnEarlierWork) {
  EXPECT_EQ(hallyu::testing::KoSummary("김고은, 차기작 미정…당분간 휴식",
                                       "김고은이 영화 '겨울 정원사' 촬영을 마치고 휴식에 "
                                       "들어간다. 소속사는 차기작은 아직 정하지 않았다고 말했다."),
            "");
  EXPECT_EQ(hallyu::testing::KoSummary("",
                                       "영화 '겨울 정원사' 촬영을 끝낸 김고은이 새 드라마 "
                                       "'봄의 정원' 출연을 확정했다."),
            "casting Kim Go-eun / 봄의 정원 (confirmed)");
  EXPECT_EQ(hallyu::testing::KoSummary("",
                                       "이세영은 드라마 '붉은 등대' 촬영을 모두 마친 뒤 영화 "
                                       "'검은 숲' 출연을 결정했다."),
            "casting Lee Se-young / 검은 숲 (confirmed)");
}

}  // namespace
}  // namespace hallyu
