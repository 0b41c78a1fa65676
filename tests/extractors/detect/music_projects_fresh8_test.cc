// Second quality round for the other crossovers (issue 17): an actor's own release and
// joint projects, with the shipped rules and gazetteer. Sentences and titles are invented;
// the people named are facts of the shipped gazetteer or made-up names it does not know.
// Each test fails when its mechanism is removed.

#include <gtest/gtest.h>

#include <string>

#include "extractors/detect/music_projects.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

// See hallyu::testing::MusicSummary.
std::string Music(const std::string& title, const std::string& text) {
  return hallyu::testing::MusicSummary(title, text);
}

// 김소연 is also the real name of an idol (Yeori); 박진영 that of GOT7's Jinyoung. When the
// text calls the person an actor or a singer and names no group, its own name wins.
TEST(MusicProjectsFresh8, TheTextsDescriptorBeatsAnIdolsRealNameInTheGazetteer) {
  EXPECT_EQ(Music("", "배우 김소연이 첫 디지털 싱글 '달빛 정류장'을 오는 8일 발매한다."),
            "release 김소연 / 달빛 정류장 digital_single (announced)");
  EXPECT_EQ(Music("", "가수 박진영과 배우 한지민이 듀엣곡 '봄의 끝'을 오는 2일 내놓는다."),
            "collab 박진영 + 한지민 / 봄의 끝 [] (announced)");
}

// 송유빈 is also an idol's real name (Yuvin); the story names no group of hers, so the
// text's name stands, and still counts as a named participant. A quoted credit line
// ("A with B") is no title.
TEST(MusicProjectsFresh8, ARealNameWithoutItsGroupStaysAParticipantAndACreditIsNoTitle) {
  EXPECT_EQ(Music("",
                  "신인 송유빈과 가수 백지영이 듀엣곡을 낸다. 공개된 포스터에는 '백지영 with "
                  "송유빈'이라는 글귀와 곡 제목 '밤의 정원'이 담겼다."),
            "collab 송유빈 + 백지영 / 밤의 정원 [] (announced)");
  EXPECT_EQ(Music("",
                  "신인 송유빈과 가수 백지영이 '백지영 with 송유빈'이라는 이름으로 듀엣곡을 "
                  "낸다."),
            "collab 송유빈 + 백지영 /  [] (announced)");
}

// "X가 배우에서 가수로": the actor the person has been (and the real-name entry loses).
TEST(MusicProjectsFresh8, AnActorTurnedSingerIsPresentedAsAnActor) {
  EXPECT_EQ(Music("",
                  "송유빈이 배우에서 가수로 전향한다. 송유빈은 오는 9일 디지털 싱글 '새벽 "
                  "세 시'를 선보인다."),
            "release 송유빈 / 새벽 세 시 digital_single (announced)");
}

// A group that is the subject of the release sentence releases its own album; an actor
// named earlier in the story is not its artist.
TEST(MusicProjectsFresh8, AGroupSubjectKeepsTheReleaseFromAnActorNamedBefore) {
  EXPECT_EQ(Music("",
                  "그룹 하이라이트가 배우 박해일과 함께 액션 장면을 찍었다. 하이라이트는 "
                  "오는 3일 미니앨범 '겨울 숲'을 발매한다."),
            "");
}

// "카라 출신 서다온과 빅스 도하람이": the group tags the name after it; the names sing.
// An earlier career ("2011년 … 데뷔, …을 발표했다") gives neither title nor status.
TEST(MusicProjectsFresh8, AGroupBeforeANameTagsItAndBackgroundSaysNothing) {
  EXPECT_EQ(Music("",
                  "카라 출신 서다온과 빅스 도하람이 듀엣으로 호흡을 맞춘다. 서다온은 2011년 "
                  "그룹으로 데뷔, 지난달 첫 솔로 앨범 '유리 정원'을 발표했다."),
            "collab 서다온 + 도하람 /  [] (announced)");
}

TEST(MusicProjectsFresh8, KoreanJointSongShapes) {
  // "선보였다" says the song is out
  EXPECT_EQ(Music("", "가수 윤채하와 배우 한지민이 지난 9일 듀엣곡 '늦은 편지'를 선보였다."),
            "collab 윤채하 + 한지민 / 늦은 편지 [] (released)");
  // "A와 B가 부른 음원": two names that sing one song
  EXPECT_EQ(Music("",
                  "음반사는 가수 윤채하와 배우 한지민이 부른 음원 '우리의 계절'을 11일 "
                  "내놓는다고 밝혔다."),
            "collab 윤채하 + 한지민 / 우리의 계절 [] (announced)");
  // "N명이 모여 … 발표했다": many singers, two of them named
  EXPECT_EQ(Music("",
                  "가수 윤채하와 소프라노 도하람 등 음악인 30명이 모여 10일 '다시 봄'을 "
                  "발표했다."),
            "collab 윤채하 + 도하람 / 다시 봄 [] (released)");
}

// "A·B·C·D 등": links the finders do not know are names when two links are persons or
// groups they know.
TEST(MusicProjectsFresh8, UnknownLinksOfAMiddleDotChainAreParticipants) {
  EXPECT_EQ(Music("",
                  "윤채하·박진영·도하람·소녀시대 등 가수 40명이 자선 음원 '작은 불빛'을 함께 "
                  "부른다."),
            "collab 윤채하 + 박진영 + 도하람 + Girls' Generation / 작은 불빛 [자선] (announced)");
}

// A fan song first sung at a fan meeting is the actor's own song, announced (the label rules
// give 팬송 a release of kind null; session 13 reversed this round's reading); the fan
// meeting's name is no title.
TEST(MusicProjectsFresh8, AFanSongAtAFanMeetingIsTheActorsOwnSong) {
  EXPECT_EQ(Music("",
                  "배우 김하늘이 오는 5일 팬미팅 '봄빛 편지'에서 직접 쓴 팬송을 처음 "
                  "공개한다."),
            "release 김하늘 /   (announced)");
}

TEST(MusicProjectsFresh8, EnglishJointSongShapes) {
  // what was dropped is a teaser: the duet is still announced
  EXPECT_EQ(Music("",
                  "Actress Han Ji-min and EXO's Suho have dropped their teaser photos for "
                  "the duet 'Night Drive', out on May 3."),
            "collab Han Ji-min + Suho / Night Drive [] (announced)");
  // "X's duet with Y": the possessive names X's own part, X sings
  EXPECT_EQ(Music("", "Actress Han Ji-min's duet with EXO's Suho comes out on May 3."),
            "collab Han Ji-min + Suho /  [] (announced)");
  // "lend their clear voices": an adjective between
  EXPECT_EQ(Music("",
                  "Red Velvet's Wendy and actress Han Ji-min lend their clear voices to "
                  "'Paper Boats', a song for the children's hospital."),
            "collab Wendy + Han Ji-min / Paper Boats [] (announced)");
}

}  // namespace
}  // namespace hallyu
