// Binder mechanisms of the eleventh detection round (issue 14): Korean line-ups whose names
// the gazetteer lacks. Sentences are invented; people and titles are facts or made up. Each
// test failed before its mechanism.

#include <gtest/gtest.h>

#include <string>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

std::string Summary(const std::string& title, const std::string& text) {
  return hallyu::testing::DetectionSummary(title, text, "ko");
}

TEST(DetectorBind11, AnItemOfAListNextToAPersonIsAPerson) {
  // comma lists: a name the gazetteer lacks between or beside known ones, after one describing
  // word, with a romanised gloss
  EXPECT_EQ(Summary("",
                    "드라마 '푸른 항구' OST에 헤이즈, 도담, 올라운더 서하온, 라온(raon), 가은 "
                    "등이 참여한다."),
            "ost Heize / 푸른 항구 (announced); ost Kaeun / 푸른 항구 (announced); ost Raon / "
            "푸른 항구 (announced); ost 도담 / 푸른 항구 (announced); ost 서하온 / 푸른 항구 "
            "(announced)");
  // 와 / 과 alone: a three-syllable name that opens with a surname
  EXPECT_EQ(Summary("", "배우 정유민과 류태온이 드라마 '푸른 항구'에 출연한다."),
            "casting Jung Yoo-min / 푸른 항구 (confirmed); casting 류태온 / 푸른 항구 "
            "(confirmed)");
  // words that are no names stay out
  EXPECT_EQ(Summary("", "배우 박보영과 함께 드라마 '푸른 항구'에 출연한다."),
            "casting Park Bo-young / 푸른 항구 (confirmed)");
  EXPECT_EQ(Summary("", "배우 박보영과 이야기를 나눈 제작진은 드라마 '푸른 항구' 출연을 확정했다."),
            "casting Park Bo-young / 푸른 항구 (confirmed)");
}

}  // namespace
}  // namespace hallyu
