// Fifteenth round for the other crossovers (issue 17): who takes part in a joint song, an
// actor's fan song, and when a release is out. Sentences and titles are invented; names are
// made up and unknown to the shipped gazetteer unless a comment says otherwise. Each test
// failed before its mechanism.

#include <gtest/gtest.h>

#include <string>

#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

std::string Music(const std::string& title, const std::string& text) {
  return hallyu::testing::MusicSummary(title, text);
}

// "A와 B의 열애설", "A와 B의 컬래버레이션": the noun after the possessive is what the pair
// has or does, not a third participant.
TEST(MusicProjectsS15, WhatThePairHasIsNoParticipant) {
  EXPECT_EQ(Music("",
                  "가수 차우진과 배우 서하윤의 열애설이 오해로 밝혀졌다. 둘이 함께 찍힌 사진은 "
                  "컬래버레이션 음원 작업 중에 남긴 것이었다."),
            "collab 차우진 + 서하윤 /  [] (announced)");
  EXPECT_EQ(Music("",
                  "가수 차우진과 래퍼 도하람의 컬래버레이션이 드디어 이뤄졌다. 차우진과 도하람은 "
                  "다음 달 함께 부른 프로젝트 앨범을 낸다."),
            "collab 차우진 + 도하람 /  [] (announced)");
}

// Places are no participants ("voices from Korea and Japan"); a singer described as
// "artist and producer" still sings; "the leader of EXO" tags Suho (a gazetteer idol) and the
// group does not sing by itself.
TEST(MusicProjectsS15, PlacesAndTagsAreNoParticipants) {
  EXPECT_EQ(Music("ZICO and Mira Kade pair up",
                  "Two voices from Korea and Japan are meeting at last. Artist and producer "
                  "ZICO is pairing up on a duet with Japanese vocalist Mira Kade."),
            "collab ZICO + Mira Kade /  [] (announced)");
  EXPECT_EQ(Music("",
                  "A new track is coming. Cellist Dara Moon and Suho, the leader of EXO, have "
                  "recorded it as a collaboration."),
            "collab Dara Moon + Suho /  [] (announced)");
  EXPECT_EQ(Music("",
                  "Taeyang of the long-running boy band BIGBANG will put out a song featuring "
                  "Jimin of the supergroup BTS on Friday."),
            "collab Taeyang + Jimin /  [] (announced)");
}

// An actor's song for the fans, in the words reporters use besides 팬송: a song they wrote
// the words to ("직접 가사를 쓴 노래", "작사한 곡"), a song made for or aimed at the fans,
// put out through the fan club (release.ko.fan_song).
TEST(MusicProjectsS15, AnActorsSongForTheFans) {
  EXPECT_EQ(Music("",
                  "배우 서하윤이 생일 팬미팅 무대에서 손수 작사한 곡을 처음으로 들려줬다. "
                  "서하윤은 피아노 반주에 맞춰 팬들을 위해 만든 노래를 공개했다."),
            "");  // (round 20: sung only at the fan meeting, no record or music site, it is a
                  // performance, as blind held-out and real-text labels read it)
  EXPECT_EQ(Music("",
                  "배우 서하윤이 팬클럽 '하윤별'을 통해 팬들을 향해 쓴 노래 '고운 날'을 "
                  "공개했다."),
            "release 서하윤 / 고운 날  (released)");
  EXPECT_EQ(Music("",
                  "배우 서하윤이 다가오는 팬 미팅을 앞두고 팬들에게 들려줄 노래의 가사를 직접 "
                  "쓰고 있다고 한다."),
            "release 서하윤 /   (announced)");
}

// "음원과 뮤직비디오 티저를 공개했다": the song is out with its teaser; only a teaser, poster
// or photo alone leaves the release announced.
TEST(MusicProjectsS15, TheSongOutWithItsTeaser) {
  EXPECT_EQ(Music("",
                  "배우 서하윤이 힙합 싱글로 음악 팬들 앞에 선다. 서하윤은 15일 싱글 앨범 "
                  "'푸른 밤'의 음원과 뮤직비디오 티저를 함께 공개했다."),
            "release 서하윤 / 푸른 밤 single (released)");
  EXPECT_EQ(Music("",
                  "배우 서하윤이 힙합 싱글로 음악 팬들 앞에 선다. 서하윤은 15일 싱글 앨범 "
                  "'푸른 밤'의 뮤직비디오 티저를 공개했다."),
            "release 서하윤 / 푸른 밤 single (announced)");
}

// English: an apposition after the name presents the actor too ("X, known for acting in …",
// "X, best known for his leading roles in …", "X, … who made his debut as an actor"). Kim Jung-hoon
// is in the shipped gazetteer.
TEST(MusicProjectsS15, AnActorPresentedAfterTheName) {
  EXPECT_EQ(Music("",
                  "Kim Jung-hoon of the duo UN, who made his debut as an actor on a KBS "
                  "drama, will release a solo album for Japanese fans in May."),
            "release Kim Jung-hoon /  album (announced)");
  EXPECT_EQ(
      Music("",
            "Kim Jung-hoon, best known for his leading roles in several weekend dramas, will put "
            "out a digital single next week."),
      "release Kim Jung-hoon /  digital_single (announced)");
}

// People the story shows in a music video (acting, a cameo, "지원사격") are no singers of
// the song in any sentence of it; the actor's own single stays a release.
TEST(MusicProjectsS15, AMusicVideoCastIsNoParticipant) {
  EXPECT_EQ(Music("첫 음원 내는 서하윤, 뮤비에 차우진 지원사격",
                  "배우 서하윤이 처음으로 솔로 음원을 낸다. 서하윤의 디지털 싱글 '봄길'을 위해 "
                  "배우 차우진과 도하람이 지원사격에 나선다."),
            "release 서하윤 / 봄길 digital_single (announced)");
  EXPECT_EQ(Music("",
                  "Two names join a producer duo's new project single 'Rain Letter'. Singer Roy "
                  "Kim and actor Lee Seung-gi are taking part in the song. While Roy Kim sings, "
                  "Lee Seung-gi will appear in the music video as its lead."),
            "");
}

// "남매 듀엣 X", "혼성 듀엣 X": a duo act, not a duet song; two actors who play a couple in
// its video are no joint song (김유정, 박보검 are in the shipped gazetteer).
TEST(MusicProjectsS15, ADuoActIsNoDuet) {
  EXPECT_EQ(Music("봄길 뮤비, 김유정-박보검 호흡 눈길",
                  "남매 듀엣 별빛소리의 타이틀곡 '봄길' 뮤직비디오가 공개됐다. 별빛소리는 10일 "
                  "소속사 채널을 통해 정규 1집의 '봄길' 뮤직비디오를 선보였다."),
            "");
}

// A featured guest makes a joint song: "a new song featuring Y", "Y가 피처링과 작사에
// 참여했다"; singers who "give their talent" to a song (재능기부로 동참) sing on it.
TEST(MusicProjectsS15, AFeaturedGuestAndDonatedVoices) {
  EXPECT_EQ(Music("",
                  "BIGBANG's Taeyang unveiled plans for a new song featuring BTS member Jimin, "
                  "due on Friday."),
            "collab Taeyang + Jimin /  [] (announced)");
  EXPECT_EQ(Music("",
                  "가수 차우진이 오는 3일 새 미니앨범 '여름 일기'를 낸다. 수록곡 '파도'에는 "
                  "배우 서하윤이 피처링과 작곡에 참여했다."),
            "collab 차우진 + 서하윤 / 파도 [] (announced)");
  EXPECT_EQ(Music("",
                  "가수 차우진이 싱글 '별의 노래'를 내놨다. 병상의 이웃에게 희망을 전하는 곡으로, "
                  "차우진을 비롯해 "
                  "도하람, 마이티사운즈 등 동료 가수들이 재능기부로 동참했다."),
            "collab 차우진 + 도하람 + 마이티사운즈 / 별의 노래 [기부] (released)");
  // a list led by "X를 비롯하여" and closed by its count ("총 4명의")
  EXPECT_EQ(Music("",
                  "가수 차우진이 싱글 '별의 노래'를 내놨다. 차우진을 비롯하여 도하람, 한별, "
                  "마이티사운즈 총 4명의 가수들이 재능기부로 함께했다."),
            "collab 차우진 + 도하람 + 한별 + 마이티사운즈 / 별의 노래 [기부] (released)");
}

// "참여했다는 소식을 기습 발표했다": what was made public, even with an adverb before the verb,
// is the news, not the song.
TEST(MusicProjectsS15, NewsOfTheSongIsNotTheSong) {
  EXPECT_EQ(Music("",
                  "가수 차우진과 배우 서하윤이 듀엣곡 '새벽길'을 함께 불렀다는 소식을 10일 깜짝 "
                  "공개했다."),
            "collab 차우진 + 서하윤 / 새벽길 [] (announced)");
}

// Roundups are no joint song and no release: actors who "each" lend their voices to
// projects of their own (각기, 저마다), an actress who tells of her past singer debut.
TEST(MusicProjectsS15, RoundupsAndPastDebuts) {
  EXPECT_EQ(
      Music("",
            "연기로 사랑받던 배우 김유정과 박보검이 올겨울 음악 팬들과도 만난다. 두 사람은 저마다 "
            "프로젝트 음원에 목소리를 보태며 새 얼굴을 보여준다."),
      "");
  EXPECT_EQ(Music("",
                  "배우 김유정이 과거 가수로 먼저 데뷔했다고 털어놨다. 김유정은 \"원래는 "
                  "가수로 데뷔했다\"며 그 시절 데뷔곡 '봄비'를 열창했다."),
            "");
}

// "더 나은 세상": a word after a degree adverb is an adjective, never a name (나은 is an
// idol's stage name in the shipped gazetteer); a singer's own tribute song with its proceeds
// given away is no joint song.
TEST(MusicProjectsS15, AnAdjectiveAfterADegreeAdverbIsNoName) {
  EXPECT_EQ(Music("",
                  "가수 차우진이 재능기부로 부른 헌정곡 '푸른 길'을 내놨다. 차우진은 \"더 나은 "
                  "내일을 꿈꾸는 분들께 바친다\"며 음원 수익금도 기부하겠다고 밝혔다."),
            "");
}

// English: "is here", "is finally out for streaming" say the album is out, and an album that
// "is out" is a release even without a release verb. Kim Jung-hoon is in the shipped
// gazetteer.
TEST(MusicProjectsS15, AnAlbumThatIsHereIsOut) {
  EXPECT_EQ(Music("",
                  "Actor Kim Jung-hoon's first solo album is here. He recorded it between two "
                  "drama shoots."),
            "release Kim Jung-hoon /  album (released)");
  EXPECT_EQ(Music("",
                  "Many viewers know actor Kim Jung-hoon from weekend dramas. His second album "
                  "is finally out for streaming."),
            "release Kim Jung-hoon /  album (released)");
}

// "또 다른 듀엣곡 'Y'", "another duet, 'Y'": the pair's second song is an event of its own
// with the same people.
TEST(MusicProjectsS15, AnotherDuetIsAnEventOfItsOwn) {
  EXPECT_EQ(Music("",
                  "가수 차우진과 배우 서하윤이 듀엣곡 두 곡을 잇달아 선보인다. 오는 3일 두 사람이 "
                  "함께 부른 '새벽길'이 먼저 나온다. 나흘 뒤에는 또 다른 듀엣곡 '달빛 정원'이 "
                  "음원 사이트에 오른다."),
            "collab 차우진 + 서하윤 / 달빛 정원 [] (announced); collab 차우진 + 서하윤 / 새벽길 [] "
            "(announced)");
}

}  // namespace
}  // namespace hallyu
