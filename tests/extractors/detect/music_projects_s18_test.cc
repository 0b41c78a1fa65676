// Eighteenth round for the other crossovers (issue 17): families of wordings other outlets use
// for the same news (actor words and ages after names, reported future clauses, line-ups that
// take part in a song, other English verbs). Sentences and titles are invented; names are made
// up unless they are a group's. Each test failed before its mechanism.

#include <gtest/gtest.h>

#include <string>

#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

std::string Music(const std::string& title, const std::string& text) {
  return hallyu::testing::MusicSummary(title, text);
}

// "탤런트" presents an actor like "배우"; an age in parentheses after the name ("한도윤(29)이")
// keeps the descriptor in front of it; "the 41-year-old actor" is the story's actor.
TEST(MusicProjectsS18, ActorWordsAndAges) {
  EXPECT_EQ(Music("", "탤런트 한도윤(34)이 다음 달 첫 싱글 '바람의 끝'을 낸다."),
            "release 한도윤 / 바람의 끝 single (announced)");
  EXPECT_EQ(Music("",
                  "뮤지컬배우 한도윤(29)이 가수로 첫 발을 뗀다. 한도윤은 15일 디지털 싱글 '푸른 "
                  "밤'을 공개한다."),
            "release 한도윤 / 푸른 밤 digital_single (announced)");
  EXPECT_EQ(Music("",
                  "Jasper Quill will make his singing debut this spring. The 41-year-old actor "
                  "will put out a single titled \"Low Tide\" in April."),
            "release Jasper Quill / Low Tide single (announced)");
  EXPECT_EQ(Music("",
                  "Jasper Quill is heading into music. The 29-year-old actress plans to release "
                  "her first album in June."),
            "release Jasper Quill /  album (announced)");
}

// A release verb that joins a clause reported in the present or future ("발표하고 가수로
// 데뷔한다고 밝혔다", "공개하며 활동을 시작한다고 전했다"): the reporting verb's past tense says
// nothing of the song.
TEST(MusicProjectsS18, ReportedFutureClause) {
  EXPECT_EQ(Music("",
                  "소속사는 배우 한도윤이 오는 3일 싱글 '푸른 밤'을 공개하며 활동을 시작한다고 "
                  "전했다."),
            "release 한도윤 / 푸른 밤 single (announced)");
  EXPECT_EQ(Music("",
                  "소속사는 홈페이지를 통해 배우 한도윤이 미니앨범 '푸른 밤'을 발표하고 가수로 "
                  "데뷔한다고 밝혔다."),
            "release 한도윤 / 푸른 밤 ep (announced)");
}

// A line-up that takes part in a song ("A와 B를 비롯해 C가 참여한 캐럴송", "'T'에는 A, B, C 등이
// 대거 참여해 녹음", "녹음에 A와 B가 가세했다"), in either order of the joining verb and the music
// word; a production or a shoot they take part in is no song.
TEST(MusicProjectsS18, LineUpTakesPartInASong) {
  EXPECT_EQ(Music("",
                  "가수 서라온과 미루를 비롯해 배우 한도윤이 참여해 관심을 모은 캐럴송 '눈꽃 "
                  "선물'이 오는 20일 공개된다."),
            "collab 서라온 + 미루 + 한도윤 / 눈꽃 선물 [] (announced)");
  EXPECT_EQ(Music("",
                  "이번 겨울 앨범 '하얀 편지'에는 서라온, 미루, 한도윤 등이 대거 참여해 두 달 동안 "
                  "녹음을 진행했다."),
            "collab 서라온 + 미루 + 한도윤 / 하얀 편지 [] (announced)");
  EXPECT_EQ(Music("", "연말 캐럴 음반 녹음에 가수 서라온과 배우 한도윤이 가세했다."),
            "collab 서라온 + 한도윤 /  [] (announced)");
  EXPECT_EQ(Music("", "배우 한도윤과 서라온이 드라마 제작발표회에 참여해 소감을 밝혔다."), "");
  // an album's credits and an album's event are no joint song (these two guards were red on
  // this branch's first line-up rule, 001eee4, not before it)
  EXPECT_EQ(Music("", "가수 서라온의 새 앨범에는 작곡가 미루와 프로듀서 한별이 참여했다."), "");
  EXPECT_EQ(Music("", "서라온, 미루 등이 참여한 앨범 발매 기념 쇼케이스가 열린다."), "");
}

// "A부터 B, C, D까지": a range of names lists every one of them; a headline's "배우 총출동" says
// what the actors do, and names nobody.
TEST(MusicProjectsS18, NameRangesAndDeeds) {
  EXPECT_EQ(Music("",
                  "배우 한도윤부터 서라온, 윤채하, 민서진까지 네 사람이 함께 부른 캐럴 '첫눈 오는 "
                  "밤'이 오늘 공개됐다."),
            "collab 한도윤 + 서라온 + 윤채하 + 민서진 / 첫눈 오는 밤 [] (released)");
  EXPECT_EQ(Music("오늘 캐럴송 '첫눈 오는 밤' 발매, 한도윤·서라온 등 소속 배우 총출동",
                  "두 배우가 함께 부른 캐럴이 오늘 오후 6시 공개된다."),
            "collab 한도윤 + 서라온 / 첫눈 오는 밤 [] (announced)");
}

// English appositions that say what the person is ("X, the British actor best remembered for
// …", "X, star of “W”", "X, who plays a nurse in “W”"); the work such an apposition quotes is
// no song title.
TEST(MusicProjectsS18, EnglishActorAppositions) {
  EXPECT_EQ(Music("",
                  "Jasper Quill, the British actor best remembered for a hospital drama, will "
                  "release his first EP in May."),
            "release Jasper Quill /  ep (announced)");
  EXPECT_EQ(Music("",
                  "Mara Lind, star of “Harbor Lights”, has released a new single. “Paper Moon” is "
                  "out now on all platforms."),
            "release Mara Lind / Paper Moon single (released)");
  EXPECT_EQ(Music("",
                  "Mara Lind, who plays a nurse in “Harbor Lights”, is putting out a single in "
                  "June."),
            "release Mara Lind /  single (announced)");
}

// Other English verbs for the same record: a return or comeback with it ("returns with a new
// EP", "is back with his second album"), the record before its verb ("The album will be
// released in March"); a return with a drama is no record.
TEST(MusicProjectsS18, EnglishReturnsWithARecord) {
  EXPECT_EQ(Music("", "Actress Mara Lind returns with a new EP, Glasshouse, next month."),
            "release Mara Lind / Glasshouse ep (announced)");
  EXPECT_EQ(Music("", "Actor Jasper Quill is back with his second album."),
            "release Jasper Quill /  album (announced)");
  EXPECT_EQ(Music("",
                  "Actor Jasper Quill has finished recording. The album will be released in "
                  "March."),
            "release Jasper Quill /  album (announced)");
  EXPECT_EQ(Music("", "Actor Jasper Quill returns with a new drama next month."), "");
}

// English joint songs without "duet" or "collaboration": a joint single, a team-up on a song,
// voices lent; "have put out" says it is out.
TEST(MusicProjectsS18, EnglishJointSingles) {
  EXPECT_EQ(Music("",
                  "Singer Ivo Dane and actress Mara Lind have put out a joint single, "
                  "'Tidewater'."),
            "collab Ivo Dane + Mara Lind / Tidewater [] (released)");
  EXPECT_EQ(Music("",
                  "Singer Ivo Dane and actress Mara Lind teamed up on a new song, 'Tidewater', due "
                  "next week."),
            "collab Ivo Dane + Mara Lind / Tidewater [] (announced)");
}

// What came out is a medley, snippet or preview of the record, not the record ("released a
// highlight medley of X's first mini album", "하이라이트 메들리를 공개했다").
TEST(MusicProjectsS18, MedleysAndSnippetsAreNoRecord) {
  EXPECT_EQ(Music("",
                  "His label released a highlight medley of actor Jasper Quill's first mini album "
                  "\"Low Tide\" on YouTube."),
            "release Jasper Quill / Low Tide ep (announced)");
  EXPECT_EQ(Music("",
                  "Actor Jasper Quill has dropped a 30-second snippet of his debut single \"Low "
                  "Tide\"."),
            "release Jasper Quill / Low Tide single (announced)");
  EXPECT_EQ(
      Music("", "소속사는 배우 한도윤의 첫 미니앨범 '푸른 밤'의 하이라이트 메들리를 공개했다."),
      "release 한도윤 / 푸른 밤 ep (announced)");
}

// "배우 특유의 감성", "배우 본연의 감성": what is typical of actors, no actor's name.
TEST(MusicProjectsS18, TypicalOfActorsIsNoName) {
  EXPECT_EQ(Music("",
                  "배우 특유의 섬세한 감성을 담은 디지털 싱글 '푸른 밤'이 오는 5일 발매된다. 배우 "
                  "한도윤이 팬들을 위해 직접 작사한 곡이다."),
            "release 한도윤 / 푸른 밤 digital_single (announced)");
  EXPECT_EQ(
      Music("",
            "배우 본연의 감성을 살린 디지털 싱글 '푸른 밤'이 오는 5일 발매된다. 배우 한도윤이 "
            "팬들을 위해 직접 작사한 곡이다."),
      "release 한도윤 / 푸른 밤 digital_single (announced)");
}

// The release verb before the record, in a present or future relative clause ("내놓는 첫
// 싱글이", "발매하는 디지털 싱글 'T'의", "선보일 미니앨범 'T'에는"); a drama it will show is no
// record.
TEST(MusicProjectsS18, VerbBeforeTheRecord) {
  EXPECT_EQ(Music("",
                  "배우 한도윤이 다음 달 일본에서 내놓는 첫 싱글이 음반 사이트 예약 순위 1위에 "
                  "올랐다."),
            "release 한도윤 /  single (announced)");
  EXPECT_EQ(Music("",
                  "배우 한도윤이 오는 5일 발매하는 디지털 싱글 '푸른 밤'의 뮤직비디오 촬영을 "
                  "마쳤다."),
            "release 한도윤 / 푸른 밤 digital_single (announced)");
  EXPECT_EQ(Music("", "배우 한도윤이 다음 달 선보일 미니앨범 '푸른 밤'에는 다섯 곡이 실린다."),
            "release 한도윤 / 푸른 밤 ep (announced)");
  EXPECT_EQ(Music("", "배우 한도윤이 다음 달 선보일 드라마 '푸른 밤'의 촬영을 마쳤다."), "");
}

// "A와 B의 듀엣송 'T'": the pair's song word closes the list of its singers.
TEST(MusicProjectsS18, PairSongNounClosesTheList) {
  EXPECT_EQ(Music("", "서라온과 한도윤의 듀엣송 '봄밤'이 16일 오후 6시 음원 사이트에 풀린다."),
            "collab 서라온 + 한도윤 / 봄밤 [] (announced)");
}

}  // namespace
}  // namespace hallyu
