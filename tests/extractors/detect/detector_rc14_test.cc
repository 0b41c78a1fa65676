// Fourteenth round for the other crossovers (issue 17): castings read inside music stories,
// collab participants and titles. Sentences and titles are invented; names are made up and
// unknown to the shipped gazetteer unless a comment says otherwise. Each test failed before
// its mechanism.

#include <gtest/gtest.h>

#include <string>

#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

constexpr auto Ko = &hallyu::testing::KoSummary;

// An actor in a singer's music video is no casting (configs/rules/music_guard.ko.yaml,
// negative.ko.music_video_part), whatever work the sentence names.
TEST(DetectorRc14, AMusicVideoPartIsNoCasting) {
  EXPECT_EQ(Ko("",
               "영화 '푸른 계절'로 깊은 인상을 남긴 배우 서하윤이 가수 차우진의 신곡 "
               "뮤직비디오에 출연했다."),
            "");
  EXPECT_EQ(Ko("",
               "밴드 별빛소리가 새 싱글 '봄길'을 오늘 발매한다. 배우 서하윤이 뮤직비디오 "
               "시리즈의 주연으로 발탁됐다."),
            "");
  // a drama casting beside it stays
  EXPECT_EQ(Ko("", "배우 서하윤이 드라마 '너의 밤'에 캐스팅됐다."),
            "casting 서하윤 / 너의 밤 (confirmed)");
}

// "가수로 변신한다" is a turn to music, not a part (negative.ko.turns_singer); the actors are
// known to the gazetteer, so the headline's quote was their work.
TEST(DetectorRc14, TurningSingerIsNoCasting) {
  EXPECT_EQ(Ko("송혜교·한지민 노래 내는 배우들 '겨울 편지'",
               "송혜교·한지민…. 연기로 사랑받던 배우들이 올겨울 잇따라 가수로 변신한다."),
            "");
}

// "신보 'X'의 타이틀 곡": X is an album, no work of a casting (negative.ko.music_work).
TEST(DetectorRc14, ANewAlbumIsNoWork) {
  EXPECT_EQ(Ko("",
               "신인 가수 차우진의 신보 '여름 일기'의 타이틀 곡 '파도'에서 배우 서하윤이 "
               "상대역으로 출연한다."),
            "");
}

std::string Music(const std::string& title, const std::string& text) {
  return hallyu::testing::MusicSummary(title, text);
}

// A name that owns the page or the side that speaks ("GROUP 공식 홈페이지", "A 측은") is no
// participant; the member the group tags elsewhere in the story is.
TEST(DetectorRc14, TheOwnerOfTheNewsIsNoParticipant) {
  EXPECT_EQ(Music("",
                  "아이돌 두 명이 듀엣 프로젝트를 예고했다. 비투비 서하윤과 마마무 차은별이 "
                  "뭉친 것. 10일 비투비 공식 홈페이지에는 서하윤과 차은별의 듀엣곡 "
                  "'봄의 정원' 소식이 올라왔다."),
            "collab 서하윤 + 차은별 / 봄의 정원 [] (announced)");
}

// "'Moonlight(문라이트)'": the Korean form is the collab's title, unless the text goes on to
// use the Latin form by itself.
TEST(DetectorRc14, AJointSongGoesByItsKoreanForm) {
  EXPECT_EQ(
      Music("", "가수 차우진과 배우 서하윤이 오는 9일 듀엣곡 'Moonlight(문라이트)'를 발표한다."),
      "collab 차우진 + 서하윤 / 문라이트 [] (announced)");
  EXPECT_EQ(Music("",
                  "가수 차우진과 배우 서하윤이 오는 9일 듀엣곡 'Moonlight(문라이트)'를 발표한다. "
                  "'Moonlight'는 겨울밤의 설렘을 담았다."),
            "collab 차우진 + 서하윤 / Moonlight [] (announced)");
}

// A charity line-up "A를 비롯해 B C D 등": a long group name (six syllables) is a name of the
// run too; "Sing with us" is a title, not a credit line "A with B".
TEST(DetectorRc14, ALongLineUpAndATitleWithWith) {
  EXPECT_EQ(Music("",
                  "배우 서하윤을 비롯해 차우진 도하람 마이티사운즈 등 30여 명이 난민 어린이를 "
                  "돕기 위한 프로젝트 음반 'Sing with us'를 만든다."),
            "collab 서하윤 + 차우진 + 도하람 + 마이티사운즈 / Sing with us [난민 어린이] "
            "(announced)");
}

// Music variety shows are variety (configs/gazetteer/works-variety.yaml, kind variety): a
// casting on one is no event, by their English spelling and their Korean long name too.
TEST(DetectorRc14, MusicVarietyShowsAreNoWork) {
  EXPECT_EQ(hallyu::testing::DetectionSummary(
                "",
                "Singers IU and Zico will appear on 'Infinity Challenge' for its music special "
                "next month, the show said.",
                "en"),
            "");
  EXPECT_EQ(Ko("", "가수 백지영이 다음 달부터 '우리들의 일밤-나는가수다'에 새로 합류한다."), "");
}

// Actors cast as the leads ("주연") of a project's music videos are no participants of it.
TEST(DetectorRc14, MusicVideoLeadsAreNoParticipants) {
  EXPECT_EQ(Music("",
                  "걸그룹 구구단이 프로젝트 앨범 '여름 한 달'의 첫 주자로 나선다. 배우 서하윤과 "
                  "차우진이 뮤직비디오 시리즈의 주연을 맡는다."),
            "");
}

// "가수 휘와 X가": a one-syllable stage name keeps no 와/과, and its partner joins.
TEST(DetectorRc14, AOneSyllableStageNameLosesItsParticle) {
  EXPECT_EQ(Music("", "가수 휘와 서하윤이 오는 9일 듀엣곡 '별밤'을 발표한다."),
            "collab 휘 + 서하윤 / 별밤 [] (announced)");
  EXPECT_EQ(Music("", "가수 린과 배우 서하윤이 듀엣곡 '별밤'을 함께 불렀다."),
            "collab 린 + 서하윤 / 별밤 [] (announced)");
}

// A one-syllable name inside a comma list ("차우진,휘,도하람이") is an item of it.
TEST(DetectorRc14, AOneSyllableNameInsideACommaList) {
  EXPECT_EQ(Music("",
                  "배우 서하윤, 가수 차우진,휘,도하람이 난치병 어린이를 위한 자선 음원을 함께 "
                  "녹음한다."),
            "collab 서하윤 + 차우진 + 휘 + 도하람 /  [난치병 어린이] (announced)");
}

// "X 등은 … 합창단과 녹음한다": a named choir sings with them, and "X 등" stands for the
// line-up another sentence names.
TEST(DetectorRc14, AChoirAndTheLineUpBehindOneName) {
  EXPECT_EQ(Music("",
                  "배우 서하윤, 가수 차우진, 도하람이 희귀병 환아들을 위해 재능을 나눈다. 재단 "
                  "측은 서하윤 등은 오는 25일 별빛 어린이합창단과 자선 음원을 녹음한다고 "
                  "밝혔다."),
            "collab 서하윤 + 차우진 + 도하람 + 별빛 어린이합창단 /  [자선] (announced)");
}

// A singer's debut story is a music story about the singer even with no actor's release in
// it: the singer's casting of an untyped work is its background.
TEST(DetectorRc14, ASingersDebutStoryHasNoCastingOfItsBackground) {
  EXPECT_EQ(Ko("",
               "오디션 무대로 이름을 알린 차우진이 첫 싱글 '봄밤'으로 가요계에 데뷔한다. "
               "차우진은 지난해 '노래의 신'에 출연해 '바람'을 열창한 바 있다."),
            "");
}

// A person the story calls a producer is no participant anywhere in it (the headline "A, B
// 프로젝트 첫 곡"); one singer left is no joint song. A singer who wrote the song stays.
TEST(DetectorRc14, AProducerIsNoParticipantAnywhere) {
  // (known names: Paul Kim and Yoon Jong-shin are in the shipped gazetteer)
  EXPECT_EQ(Music("폴킴·윤종신 프로젝트 두 번째 곡 '봄밤' 공개",
                  "가수 폴킴이 작곡가 겸 프로듀서 윤종신이 이끄는 월간 음악 작업에 두 번째 "
                  "보컬로 참여한다."),
            "");
  EXPECT_EQ(Music("",
                  "Singers Cha Woo-jin and Seo Ha-yoon will sing a duet called 'Spring Night', "
                  "which Seo Ha-yoon wrote and composed herself."),
            "collab Cha Woo-jin + Seo Ha-yoon / Spring Night [] (announced)");
}

// English "the track, Title": an unquoted title after "track" too; the Korean form the source
// adds in parentheses is the title.
TEST(DetectorRc14, AnUnquotedTrackTitleAndItsKoreanForm) {
  EXPECT_EQ(Music("",
                  "Actress Seo Ha-yoon is going to sing with singer Cha Woo-jin on a duet, the "
                  "track, Blue Hour (푸른 시간)."),
            "collab Seo Ha-yoon + Cha Woo-jin / 푸른 시간 [] (announced)");
  EXPECT_EQ(Music("",
                  "Actress Seo Ha-yoon is going to sing with singer Cha Woo-jin on a duet, the "
                  "track, Blue Hour, out next week."),
            "collab Seo Ha-yoon + Cha Woo-jin / Blue Hour [] (announced)");
}

}  // namespace
}  // namespace hallyu
