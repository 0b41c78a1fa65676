// Thirteenth round for the other crossovers (issue 17), from failure classes seen on real news
// of several outlets. Sentences and titles are invented; the names are made up and unknown to
// the shipped gazetteer. Each test fails when its mechanism is removed.

#include <gtest/gtest.h>

#include <string>

#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

// See hallyu::testing::MusicSummary.
std::string Music(const std::string& title, const std::string& text) {
  return hallyu::testing::MusicSummary(title, text);
}

// negative.ko.no_own_release no longer vetoes a fan meeting: a fan song an actor first sings
// there is the actor's own song (kind null; "팬 송" spelt apart as well).
TEST(MusicProjectsS13, AnActorsFanSongAtAFanMeetingIsARelease) {
  EXPECT_EQ(Music("",
                  "배우 서하윤이 다음 달 7일 단독 팬미팅 '봄의 편지'에서 직접 작사한 팬 송을 "
                  "최초 공개한다."),
            "release 서하윤 /   (announced)");
  // a singer's fan song stays no crossover
  EXPECT_EQ(Music("", "가수 차우진이 팬미팅 '봄의 편지'에서 팬송을 최초 공개한다."), "");
}

// A music story (its headline or first sentence announces a release or a joint song) is no
// casting news: a casting of an untyped work in a sentence with a music cue, or of the actor
// whose own release it is, or of a participant of a titled joint song, is dropped.
TEST(MusicProjectsS13, AMusicStoryYieldsNoCastingOfItsBackground) {
  // the headline's epithet read as a work: "'새벽빛' X, 가수로 깜짝 변신"
  EXPECT_EQ(hallyu::testing::DetectionSummary(
                "'새벽빛' 서하윤, 가수로 깜짝 변신…첫 싱글 공개",
                "배우 서하윤이 가수로 변신한다. 소속사는 \"서하윤이 28일 첫 싱글 '너의 길'을 "
                "발매한다\"고 전했다.",
                "ko"),
            "release 서하윤 /  (announced)");
  // a participant's earlier drama, told as background
  EXPECT_EQ(hallyu::testing::DetectionSummary(
                "",
                "가수 차우진과 배우 서하윤이 듀엣곡 '새벽길'을 28일 발표한다. 서하윤은 드라마 "
                "'너의 밤'에 출연해 사랑받았다.",
                "ko"),
            "collab  /  (announced)");
  // a casting story keeps its casting
  EXPECT_EQ(
      hallyu::testing::DetectionSummary("", "배우 서하윤이 드라마 '너의 밤'에 출연한다.", "ko"),
      "casting 서하윤 / 너의 밤 (confirmed)");
}

// A group named as a participant's own group is no participant: "GROUP 멤버 NAME",
// "NAME of girl group GROUP".
TEST(MusicProjectsS13, AMembersGroupIsNoParticipant) {
  EXPECT_EQ(Music("",
                  "밴드 별빛소리 멤버 차우진과 배우 서하윤이 듀엣곡 '새벽길'을 28일 "
                  "발표한다."),
            "collab 차우진 + 서하윤 / 새벽길 [] (announced)");
  EXPECT_EQ(Music("",
                  "Actress Seo Ha-yoon's duet song with singer Yoon Da-bin of girl group SISTAR "
                  "will be unveiled on Friday."),
            "collab Seo Ha-yoon + Yoon Da-bin /  [] (announced)");
}

// "star" alone says fame, not acting: it presents an actor only after a screen word or a work's
// title. A name that is a number is nobody.
TEST(MusicProjectsS13, AStarIsAnActorOnlyOfTheScreen) {
  EXPECT_EQ(
      Music("", "Up-and-coming star Seo Ha-yoon will put out her first EP titled 'Blue Night'."),
      "");
  EXPECT_EQ(Music("", "'노래왕 3'의 스타 서하윤이 첫 싱글 '봄밤'을 28일 발표한다."), "");
  EXPECT_EQ(
      Music("", "'Song King 3's winner Seo Ha-yoon will release her first single 'Blue Night'."),
      "");
  EXPECT_EQ(Music("", "Castaway Diva star Seo Ha-yoon will release her first single 'Blue Night'."),
            "release Seo Ha-yoon / Blue Night single (announced)");
  EXPECT_EQ(Music("", "한류 스타 서하윤이 첫 싱글 '봄밤'을 28일 발표한다."),
            "release 서하윤 / 봄밤 single (announced)");
}

// A trot singer's descriptor is no participant; a person the story credits with writing the
// song that others sing ("X가 작사, 작곡한 … A와 B가 함께 부른다") is its writer, not a singer.
TEST(MusicProjectsS13, TheWriterOfASongOthersSingIsNoParticipant) {
  EXPECT_EQ(Music("",
                  "가수 차우진과 개그우먼 윤다빈, 트롯트 가수 서하윤이 새 응원가로 뭉친다. "
                  "작곡가이자 가수인 차우진이 작사, 작곡한 응원가 '힘내라'는 윤다빈과 서하윤이 "
                  "함께 부른다."),
            "collab 윤다빈 + 서하윤 / 힘내라 [] (announced)");
}

// An earlier collaboration told as background is no joint song of the story, nor is a song
// made "in collaboration with" a label; the actor's own release stays. "Titled X," at the
// start of a sentence names the title too.
TEST(MusicProjectsS13, APastOrLabelCollaborationIsNoJointSong) {
  EXPECT_EQ(Music("",
                  "Actor Seo Ha-yoon will release his first single 'Blue Night' next week. He had "
                  "previously collaborated with singer Cha Woo-jin on a duet."),
            "release Seo Ha-yoon / Blue Night single (announced)");
  EXPECT_EQ(Music("",
                  "Actor Seo Ha-yoon released his first single on Tuesday, his singing debut. "
                  "Titled Blue Night, it was made in collaboration with Star Rise Music."),
            "release Seo Ha-yoon / Blue Night single (released)");
}

// A name the finders saw with no descriptor joins when a coordinated list with a known singer
// names it ("차우진과 유성은이": 유성은 is in the gazetteer).
TEST(MusicProjectsS13, ANameOfACoordinatedListWithAKnownSingerJoins) {
  EXPECT_EQ(Music("", "`감성 보컬` 차우진과 유성은이 오는 12일 듀엣곡 '새벽길'을 발표한다."),
            "collab 차우진 + 유성은 / 새벽길 [] (announced)");
}

// The Korean debut phrases with an adverb between ("가수로 전격 변신했다", "'T'로 가요계에 정식
// 데뷔한다", "'T'으로 가수 데뷔를 했다"): a release cue, released in the past tense; a singer's
// debut story it opens is then no casting of the show the singer was on.
TEST(MusicProjectsS13, DebutPhrasesWithAnAdverbAreReleaseCues) {
  EXPECT_EQ(Music("",
                  "배우 서하윤이 댄스가수로 전격 변신했다. 소속사는 \"서하윤이 미니앨범 '봄밤'으로 "
                  "가수 데뷔를 했다\"고 밝혔다."),
            "release 서하윤 / 봄밤 ep (released)");
  EXPECT_EQ(hallyu::testing::DetectionSummary(
                "",
                "'노래왕'에 출연해 화제를 모은 차우진이 첫 번째 싱글 앨범 '봄밤'으로 가요계에 정식 "
                "데뷔한다.",
                "ko"),
            "");
}

// "배우 A와 B가 가수로 변신한다": the descriptor (or "배우 활동에 집중하던") before a coordinated
// subject presents each name, and each actor releases; the title a sentence gives one of them as
// its subject is that one's alone.
TEST(MusicProjectsS13, EachActorOfACoordinatedSubjectReleases) {
  EXPECT_EQ(Music("서하윤과 윤다빈이 가수로 변신한다",
                  "배우 활동에 집중하던 서하윤과 윤다빈이 이번엔 음악으로 나선다. 서하윤은 첫 "
                  "미니앨범 <봄밤>으로 돌아온다."),
            "release 서하윤 / 봄밤 ep (announced); release 윤다빈 /  ep (announced)");
  EXPECT_EQ(Music("", "배우 서하윤과 윤다빈이 가수로 변신한다."),
            "release 서하윤 /   (announced); release 윤다빈 /   (announced)");
}

// A music video vetoes an actor's release only when someone appears in it.
TEST(MusicProjectsS13, AMusicVideoVetoesOnlyAnAppearance) {
  EXPECT_EQ(Music("", "배우 서하윤이 첫 싱글 '봄밤'의 음원과 뮤직비디오를 28일 공개했다."),
            "release 서하윤 / 봄밤 single (released)");
  EXPECT_EQ(Music("", "배우 서하윤이 가수 차우진의 신곡 '봄밤' 뮤직비디오에 출연했다."), "");
  EXPECT_EQ(Music("",
                  "가수 차우진이 첫 싱글 '봄밤'을 발표했다. 이 뮤직비디오는 영화 '너의 밤'의 "
                  "서하윤을 비롯해 배우 윤다빈 등이 출연한다."),
            "");
}

}  // namespace
}  // namespace hallyu
