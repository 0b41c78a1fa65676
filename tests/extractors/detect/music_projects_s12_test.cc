// Twelfth round for the other crossovers (issue 17): when a song is already out. The label
// rules say "released" only when the text says so; a Korean release verb that joins the next
// clause ("싱글을 발매하고 가수로 변신했다") says so when the sentence ends in the past tense,
// and English "released an EP" as much as "released a single". Sentences and titles are
// invented; the names are made up and unknown to the shipped gazetteer. Each test fails when
// its mechanism is removed.

#include <gtest/gtest.h>

#include <string>

#include "extractors/detect/mentions.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

// See hallyu::testing::MusicSummary.
std::string Music(const std::string& title, const std::string& text) {
  return hallyu::testing::MusicSummary(title, text);
}

TEST(KoreanEndsInPastTense, ReadsTheSentenceFinalPredicate) {
  EXPECT_TRUE(KoreanEndsInPastTense("싱글을 발매하고 가수로 변신했다."));
  EXPECT_TRUE(KoreanEndsInPastTense("음원이 공개됐습니다"));
  EXPECT_TRUE(KoreanEndsInPastTense("“새 출발을 알렸다” "));
  EXPECT_FALSE(KoreanEndsInPastTense("싱글을 발매하고 가수로 변신한다."));
  EXPECT_FALSE(KoreanEndsInPastTense("공개될 예정이다"));
  EXPECT_FALSE(KoreanEndsInPastTense(""));
  EXPECT_FALSE(KoreanEndsInPastTense("She released a single."));
}

// release.ko.released / collab.ko.released with a connective ("발매하고", "공개하며"): out
// when the sentence ends in the past tense, still to come otherwise.
TEST(MusicProjectsS12, AKoreanConnectiveIsReleasedInAPastSentence) {
  EXPECT_EQ(Music("", "배우 서하윤이 싱글 '봄날'을 발매하고 가수로 변신했다."),
            "release 서하윤 / 봄날 single (released)");
  EXPECT_EQ(Music("", "배우 서하윤이 싱글 '봄날'을 발매하고 가수로 변신한다."),
            "release 서하윤 / 봄날 single (announced)");
  EXPECT_EQ(Music("",
                  "가수 차우진과 배우 서하윤이 듀엣곡 '봄밤'을 공개하며 특별한 호흡을 "
                  "선보였다."),
            "collab 차우진 + 서하윤 / 봄밤 [] (released)");
  EXPECT_EQ(Music("",
                  "가수 차우진과 배우 서하윤이 듀엣곡 '봄밤'을 공개하고 함께 무대에 "
                  "오를 예정이다."),
            "collab 차우진 + 서하윤 / 봄밤 [] (announced)");
}

// release.en.released / collab.en.released: "released an EP".
TEST(MusicProjectsS12, ReleasedAnIsReleased) {
  EXPECT_EQ(Music("", "On Tuesday actor Seo Ha-yoon released an EP titled \"Spring Night\"."),
            "release Seo Ha-yoon / Spring Night ep (released)");
}

}  // namespace
}  // namespace hallyu
