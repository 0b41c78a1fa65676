// Eleventh round for the other crossovers (issue 17): more of the words Korean reporters use
// for singing together and for an actor's song coming out, a music video that vetoes a
// joint song only when someone appears in it, and a "공개했다" that makes the news public,
// not the song. Sentences and titles are invented; the names are made up and unknown to the
// shipped gazetteer. Each test fails when its mechanism is removed.

#include <gtest/gtest.h>

#include <string>

#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

// See hallyu::testing::MusicSummary.
std::string Music(const std::string& title, const std::string& text) {
  return hallyu::testing::MusicSummary(title, text);
}

// collab.ko.sing_together: featuring on someone's song, a song "made together" ("함께한"),
// singing together with the song named in between.
TEST(MusicProjectsS11, KoreanWordsForSingingTogether) {
  EXPECT_EQ(Music("", "가수 차우진의 신곡에 배우 서하윤이 피처링으로 참여했다."),
            "collab 차우진 + 서하윤 /  [] (announced)");
  EXPECT_EQ(Music("", "가수 차우진과 배우 서하윤이 함께한 '새벽 별'이 공개됐다."),
            "collab 차우진 + 서하윤 / 새벽 별 [] (released)");
  EXPECT_EQ(Music("", "가수 차우진과 배우 서하윤이 함께 희망송을 불렀다."),
            "collab 차우진 + 서하윤 /  [] (announced)");
  EXPECT_EQ(Music("", "가수 차우진과 배우 서하윤이 음악 프로젝트 '새벽'에 참여한다."),
            "collab 차우진 + 서하윤 / 새벽 [] (announced)");
  // a new project of two actors is no song
  EXPECT_EQ(Music("", "배우 서하윤과 차우진이 새 프로젝트에 합류했다."), "");
}

// negative.ko.not_joint_song: a music video vetoes a joint song only when someone appears
// in it; recording one together is part of the song's news.
TEST(MusicProjectsS11, AMusicVideoVetoesOnlyWhenSomeoneAppearsInIt) {
  EXPECT_EQ(Music("", "가수 차우진과 배우 서하윤이 노래를 함께 부르고 뮤직비디오를 촬영했다."),
            "collab 차우진 + 서하윤 /  [] (announced)");
  EXPECT_EQ(Music("",
                  "가수 차우진과 배우 서하윤이 함께 부른 신곡 뮤직비디오에 배우 한도경이 "
                  "출연한다."),
            "");
}

// NewsNotSong: "…발매한다고 발표했다", "참여 소식을 공개했다" make the news public, not the
// song.
TEST(MusicProjectsS11, PublishedNewsIsNoReleasedSong) {
  EXPECT_EQ(Music("",
                  "배우 서하윤이 첫 싱글 '봄날'을 낸다. 소속사는 서하윤이 28일 싱글을 "
                  "발매한다고 발표했다."),
            "release 서하윤 / 봄날 single (announced)");
  EXPECT_EQ(Music("",
                  "가수 차우진과 배우 서하윤이 듀엣곡 '봄'을 낸다. 소속사는 두 사람의 참여 "
                  "소식을 공개했다."),
            "collab 차우진 + 서하윤 / 봄 [] (announced)");
  // the song itself made public stays released
  EXPECT_EQ(Music("", "배우 서하윤이 첫 싱글 '봄날'을 29일 공개했다."),
            "release 서하윤 / 봄날 single (released)");
}

// release.ko.debut_with: the debut or return a song makes, a single that "comes out".
TEST(MusicProjectsS11, KoreanWordsForAnActorsSongComingOut) {
  EXPECT_EQ(Music("", "배우 서하윤이 첫 디지털 싱글 '봄날'로 전격 데뷔한다."),
            "release 서하윤 / 봄날 digital_single (announced)");
  // the past form says the song is out
  EXPECT_EQ(Music("", "배우 서하윤이 가수로 돌아왔다."), "release 서하윤 /   (released)");
  EXPECT_EQ(Music("", "배우 서하윤의 첫 싱글이 나온다."), "release 서하윤 /  single (announced)");
  EXPECT_EQ(Music("", "배우 서하윤이 드라마 '봄날'로 돌아온다."), "");
}

}  // namespace
}  // namespace hallyu
