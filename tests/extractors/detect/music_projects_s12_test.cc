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

// A charity the campaign names is no participant of the song (organisations.yaml, kind
// charity), and it is no person's side speaking either.
TEST(MusicProjectsS12, ACharityIsNoParticipant) {
  EXPECT_EQ(Music("",
                  "Singer Cha Woo-jin, actress Seo Ha-yoon and UNICEF released a campaign song "
                  "'Hope Road'."),
            "collab Cha Woo-jin + Seo Ha-yoon / Hope Road [] (released)");
}

// A family name alone that opens another participant's full name is that participant again.
TEST(MusicProjectsS12, AFamilyNameAloneIsTheSameParticipant) {
  EXPECT_EQ(Music("",
                  "Actress Seo Ha-yoon and singer Cha Woo-jin will release a duet song. Fans "
                  "ask what the duet song of Seo and Cha Woo-jin will be called."),
            "collab Seo Ha-yoon + Cha Woo-jin /  [] (announced)");
}

// negative.ko.no_own_release: "앞서" vetoes an earlier release ("그는 앞서 싱글을 냈다"), but
// "팬미팅에 앞서" is "ahead of the fan meeting": the release is the news.
TEST(MusicProjectsS12, AheadOfAnEventIsNoEarlierRelease) {
  EXPECT_EQ(Music("", "배우 서하윤이 팬미팅에 앞서 미니앨범 '봄날'을 발표했다."),
            "release 서하윤 / 봄날 ep (released)");
  EXPECT_EQ(Music("", "배우 서하윤은 앞서 미니앨범 '봄날'을 발표했다."), "");
}

// NewsNotSong: "피처링 참여진을 13일 공개했다" makes the line-up public, not the song (a date
// may stand between the object and the verb).
TEST(MusicProjectsS12, APublishedLineUpIsNoReleasedSong) {
  EXPECT_EQ(Music("",
                  "컴백을 앞둔 가수 차우진이 앨범 피처링 참여진을 13일 공개했다. 타이틀곡 "
                  "'새벽'에는 배우 서하윤이 참여했다."),
            "collab 차우진 + 서하윤 / 새벽 [] (announced)");
}

}  // namespace
}  // namespace hallyu
