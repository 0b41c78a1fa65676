// Nineteenth round for the other crossovers (issue 17): who is named in a release or joint-song
// story but does not sing (a relative's name, a photo's "모습", a group before "출신", an
// actor in the music video spoken of as "the actor"), what a quoted name is when it is no
// title (a stage name, a campaign), and statuses that are a declaration's or background's.
// Sentences and titles are invented; names are made up unless they are a real person's or
// group's (facts). Each test failed before its mechanism.

#include <gtest/gtest.h>

#include <string>

#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

std::string Music(const std::string& title, const std::string& text) {
  return hallyu::testing::MusicSummary(title, text);
}

// "A와 B의 모습이 담긴 재킷 이미지": what a pair shows in a photo ends the list of names; 모습
// is no participant.
TEST(MusicProjectsS19, PhotoOfThePairNamesNobodyElse) {
  EXPECT_EQ(Music("",
                  "배우 한도윤이 보이그룹 멤버 서라온과 겨울 발라드를 선보인다. 소속사는 한도윤과 "
                  "서라온의 모습이 담긴 재킷 이미지를 공개하며 두 사람이 함께한 디지털 싱글 '눈의 "
                  "노래' 발매 소식을 전했다."),
            "collab 한도윤 + 서라온 / 눈의 노래 [] (announced)");
}

// "씨스타 출신 소유 등": a group before 출신 and a name closed by 등 tags that name; the group
// does not sing.
TEST(MusicProjectsS19, GroupBeforeFormerMemberAndDeung) {
  EXPECT_EQ(Music("",
                  "케이팝 가수들이 함께 부르는 새 응원가가 8월 공개된다. 참여 가수는 엑소 백현, "
                  "씨스타 출신 소유 등이다."),
            "collab 백현 + 소유 /  [] (announced)");
}

// "배우 A의 조카로 이름을 알린 B가 데뷔한다": A is named as B's relative; B releases, and B
// is no actor.
TEST(MusicProjectsS19, RelativeOfTheSingerIsNotTheSubject) {
  EXPECT_EQ(Music("",
                  "배우 한도윤의 조카로 이름을 알린 서라온(SERA)이 솔로 가수로 데뷔한다. 서라온은 "
                  "다음 달 첫 미니앨범 '열아홉'을 발매한다."),
            "");
}

// "싱글을 발표하고 가수 데뷔를 선언했다": the past tense is the declaration's; the song comes
// out later.
TEST(MusicProjectsS19, ConnectiveBeforeADeclarationIsNoRelease) {
  EXPECT_EQ(Music("",
                  "배우 한도윤이 첫 싱글을 발표하고 가수 데뷔를 선언했다. 한도윤은 오는 30일 "
                  "음원을 공개할 예정이다."),
            "release 한도윤 /  single (announced)");
}

// "'하람'이라는 활동명으로 가수 활동을 시작한다": a stage name is no title, and starting to
// work as a singer announces a release.
TEST(MusicProjectsS19, StageNameIsNoTitle) {
  EXPECT_EQ(Music("",
                  "배우 한도윤이 '하람'이라는 활동명으로 가수 활동을 시작한다. 하람의 첫 싱글 "
                  "'아저씨의 봄'은 서정적인 발라드다."),
            "release 한도윤 / 아저씨의 봄 single (announced)");
}

// "… 함께 부른 'A', … 함께한 'B'의 음원 수익은 기부하기도 했다": what the show also did
// before is background, no joint song.
TEST(MusicProjectsS19, AlsoDidBeforeIsBackground) {
  EXPECT_EQ(Music("예능 제작진, 달력 수익금 결식아동 위해 기부",
                  "예능 제작진이 달력 판매 수익금을 결식아동 급식 지원에 기부한다. 송가인과 함께 "
                  "부른 '봄 정류장', 이적과 함께한 '말하는 대로'의 가창료와 음원 수익은 "
                  "재난구호금으로 기부하기도 했다."),
            "");
}

// One person the gazetteer and the text's own spelling resolve to two keys is one
// participant: "teaming up with" a company leaves no joint song.
TEST(MusicProjectsS19, OneNameIsOneParticipant) {
  EXPECT_EQ(Music("",
                  "Singer-actor Yim Si Wan is teaming up with SM Entertainment to release a solo "
                  "album! Yim Si Wan is working with SM to release a solo album within the year."),
            "release Yim Si Wan /  album (announced)");
}

// Two actors turn singers: each takes the title of the sentence whose subject they are.
TEST(MusicProjectsS19, EachActorTakesTheTitleOfTheirSentence) {
  EXPECT_EQ(Music("",
                  "배우 한도윤과 서라온이 가수로 변신한다. 한도윤은 첫 미니앨범 '마지막 춤'으로 "
                  "돌아온다. 서라온은 오는 6일 디지털 싱글 '멈춘 시간'을 공개한다."),
            "release 서라온 / 멈춘 시간 digital_single (announced); release 한도윤 / 마지막 춤 "
            "digital_single (announced)");
}

// "'원 드림 글로벌 캠페인' 조직위원회": a quoted name that is the campaign's own is no song
// title.
TEST(MusicProjectsS19, CampaignNameIsNoTitle) {
  EXPECT_EQ(Music("",
                  "'원 드림 글로벌 캠페인' 조직위원회는 가수 서라온, 미루, 하람이 함께 부른 통일 "
                  "노래를 8월 발표한다고 밝혔다."),
            "collab 서라온 + 미루 + 하람 /  [드림 글로벌] (announced)");
}

// "X has a gift for fans. The Goblin actor … by starring in her music video": a sentence that
// names nobody puts the previous sentence's person in the music video; X does not sing.
TEST(MusicProjectsS19, ActorAnaphorInTheMusicVideo) {
  EXPECT_EQ(Music("",
                  "Lee Dong Wook has a gift for his fans. The Goblin actor is helping a friend by "
                  "starring in her music video. Singer Mina Sorel features him in the video for "
                  "her new song \"Low Tide\". The song is a collaboration with veteran singer "
                  "Sung Si Kyung and comes out on May 16."),
            "collab Mina Sorel + Sung Si Kyung / Low Tide [] (announced)");
}

// A magazine's polite ending ("첫 미니앨범 <T>로 돌아옵니다") returns with a record like
// "돌아온다": the sentence is a release cue, and its 미니앨범 gives the kind.
TEST(MusicProjectsS19, PoliteEndingReturnsWithARecord) {
  EXPECT_EQ(Music("",
                  "배우 활동에 집중하던 한도윤이 이번엔 음악으로 나섭니다. 한도윤은 첫 미니앨범 "
                  "<마지막 춤>으로 돌아옵니다."),
            "release 한도윤 / 마지막 춤 ep (announced)");
}

}  // namespace
}  // namespace hallyu
