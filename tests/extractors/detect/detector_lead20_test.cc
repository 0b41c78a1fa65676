// The lead's fixes of the twentieth detection round, found on real development snippets (never
// committed). Sentences are our own; people are real names the gazetteer knows (facts), the
// titles are made up. Each test was seen failing before its change.

#include <gtest/gtest.h>

#include <string>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

using hallyu::testing::KoSummary;

// "지난 2016년 'W' OST에 참여해 노래 실력을 뽐냈던 이후 …": an OST told as the singer's career
// in a past adnominal clause is background; the story's news is the actress's own single.
// Before, the old OST came out as an announced OST event.
TEST(DetectorLead20, AnOstToldAsTheSingersCareerIsBackground) {
  EXPECT_EQ(KoSummary("김지원, 가수 데뷔…30일 음원 공개",
                      "배우 김지원이 첫 번째 싱글을 발표하고 가수 데뷔를 선언했다. 김지원은 지난 "
                      "2016년 드라마 '종이 등불' OST에 참여해 노래 실력을 뽐냈던 이후 6년 만에 "
                      "본격적인 가수 활동에 나서게 됐다."),
            "release Kim Ji-won /  (announced)");
}

// "'A' OST, 'B' OST 등에 참여하며 활동을 펼쳐온 아이유가 5일 신곡을 …": a list of earlier OSTs
// in the same clause is background too, and a dated release of the singer's own song in the
// story (which lifts chart vetoes) does not bring it back.
TEST(DetectorLead20, AListOfEarlierOstsStaysBackgroundBesideADatedRelease) {
  EXPECT_EQ(KoSummary("",
                      "가수 아이유가 5일 신곡 '빈 의자'를 발표했다. 드라마 '종이 등불' OST, "
                      "'푸른 항구' OST 등에 참여하며 활발한 활동을 펼쳐온 아이유는 이번 신곡으로 "
                      "가을 감성을 전한다."),
            "");
}

// The clause must be the whole rest of the sentence: an earlier OST in the subject's epithet
// before a new OST keeps the new one. (With two quoted titles the OST still binds to the first
// one; left alone, seen on no real item.)
TEST(DetectorLead20, AnEarlierOstBeforeANewOneKeepsTheNewOne) {
  EXPECT_EQ(KoSummary("",
                      "지난해 첫 드라마 OST에 참여해 사랑받았던 아이유가 이번엔 드라마 "
                      "'푸른 항구' OST를 부른다."),
            "ost IU / 푸른 항구 (announced)");
}

}  // namespace
}  // namespace hallyu
