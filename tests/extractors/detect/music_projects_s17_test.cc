// Seventeenth round for the other crossovers (issue 17): statuses read from words that only
// start like a release wording, common nouns that are also group names, titles the text
// states outright, and earlier songs mentioned in passing. Sentences and titles are invented;
// names are made up unless they are a group's. Each test failed before its mechanism.

#include <gtest/gtest.h>

#include <string>

#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

std::string Music(const std::string& title, const std::string& text) {
  return hallyu::testing::MusicSummary(title, text);
}

// "released a" / "released the" mark a song that is out only when the article is a word of
// its own: "released albums", "released theme songs" are other people's past records.
TEST(MusicProjectsS17, ReleasedNeedsAWholeArticle) {
  EXPECT_EQ(Music("",
                  "Actor Jasper Quill plans to put out a new album in Japan this autumn, after "
                  "several other actors released albums there to reach more fans."),
            "release Jasper Quill /  album (announced)");
  EXPECT_EQ(Music("", "Actor Jasper Quill released an album of love songs in Japan on Monday."),
            "release Jasper Quill /  album (released)");
}

// A title the text states outright ("'T'라는 제목의 음반", "음반 타이틀은 'T'") is the song's
// name even in a sentence without a cue; a sitcom's name in quotes is a work, no title.
TEST(MusicProjectsS17, TitlesStatedOutright) {
  EXPECT_EQ(Music("",
                  "배우 한도윤과 가수 서라온이 소외 이웃을 돕기 위해 함께 음반을 만든다. "
                  "‘겨울 편지’라는 제목의 이번 음반에는 두 사람의 목소리가 담긴다."),
            "collab 한도윤 + 서라온 / 겨울 편지 [소외 이웃] (announced)");
  EXPECT_EQ(Music("",
                  "시트콤 ‘우리집 식구들’의 배우 한도윤과 서라온이 불우 이웃 돕기 캐럴 음반을 "
                  "다음 달 낸다. 이들의 캐럴 음반 타이틀은 ‘눈꽃 선물’."),
            "collab 한도윤 + 서라온 / 눈꽃 선물 [불우 이웃] (announced)");
}

// Everyday nouns that are also group names ("아이들": children, "지구": the earth) name nobody
// in a charity story; after a group noun they still name the group.
TEST(MusicProjectsS17, EverydayNounsAreNoGroups) {
  EXPECT_EQ(Music("",
                  "가수 서라온이 병원에 있는 아이들을 위해 자작곡을 녹음해 음원 수익금을 전액 "
                  "기부한다."),
            "");
  // (only the participants are checked here)
  const std::string joint = Music("",
                                  "배우 한도윤과 가수 서라온이 지구와 환경을 지키자는 캠페인송을 "
                                  "함께 부른다.");
  EXPECT_EQ(joint.substr(0, joint.find(" / ")), "collab 한도윤 + 서라온");
}

// A headline line-up that ends in a count ("A, B and 40 stars", "A among 30 artists") is
// incomplete: the participants the lead names go on the list too.
TEST(MusicProjectsS17, HeadlineLineUpWithACount) {
  EXPECT_EQ(Music("Secret, B.A.P and 40 stars sing a campaign song for the planet",
                  "Around 40 stars including Secret, B.A.P, Insooni and Jo Sung Mo have "
                  "recorded \"Green Road,\" which asks listeners to save energy."),
            "collab Secret + B.A.P + Insooni + Jo Sung Mo / Green Road [] (announced)");
}

// Past-tense English wordings of a song that is out, beyond "has released": "came out",
// "<song> released on <date>", a sentence opening on "Released on", "is out on her channel",
// "by sharing 'T'". Future ones stay announced.
TEST(MusicProjectsS17, EnglishSongsThatAreOut) {
  EXPECT_EQ(Music("",
                  "Singer Yoon Ha-rin and actor Park Do-hwan sang \"Small Lights,\" a charity "
                  "song for flood victims that came out on Tuesday."),
            "collab Yoon Ha-rin + Park Do-hwan / Small Lights [flood victims] (released)");
  EXPECT_EQ(Music("",
                  "Actor Park Do-hwan and singer Yoon Ha-rin teamed up for \"Small Lights,\" a "
                  "charity song released on June 2."),
            "collab Park Do-hwan + Yoon Ha-rin / Small Lights [charity] (released)");
  EXPECT_EQ(Music("",
                  "Actor Park Do-hwan and singer Yoon Ha-rin have sung the campaign song "
                  "\"Small Lights\" together. Released on the 9th, it raises money for "
                  "schools."),
            "collab Park Do-hwan + Yoon Ha-rin / Small Lights [] (released)");
  EXPECT_EQ(Music("Actor Jasper Quill drops a song for his fans",
                  "Quill celebrated his birthday by sharing \"Paper Boats,\" a song he wrote "
                  "for his fans."),
            "release Jasper Quill / Paper Boats  (released)");
  EXPECT_EQ(Music("",
                  "Actor Park Do-hwan and singer Yoon Ha-rin recorded a duet, \"Small "
                  "Lights\"; the full version is out on her YouTube channel."),
            "collab Park Do-hwan + Yoon Ha-rin / Small Lights [] (released)");
  // future ones
  EXPECT_EQ(Music("",
                  "Actor Park Do-hwan and singer Yoon Ha-rin sang \"Small Lights,\" a charity "
                  "song that will be released on June 2."),
            "collab Park Do-hwan + Yoon Ha-rin / Small Lights [charity] (announced)");
}

// "…임을 공개했다", "…했음을 발표했다": what was made public is a fact (a nominalised clause),
// not the song.
TEST(MusicProjectsS17, KoreanFactMadePublicIsNoRelease) {
  EXPECT_EQ(Music("",
                  "가수 서라온과 배우 한도윤이 듀엣 프로젝트 첫 주자로 낙점됐다. 소속사는 1일 "
                  "공식 계정을 통해 두 사람이 첫 주자임을 공개했다."),
            "collab 서라온 + 한도윤 /  [] (announced)");
  EXPECT_EQ(Music("",
                  "가수 서라온과 배우 한도윤이 듀엣곡 녹음을 마쳤음을 발표했다. 소속사는 곡을 다음 "
                  "달 발표한다고 밝혔다."),
            "collab 서라온 + 한도윤 /  [] (announced)");
}

// A duet from an earlier year ("last year's duet", "지난해 발매된 듀엣곡") and a chart story
// ("역주행", "음원 차트 2위에") are background, no joint project announced now.
TEST(MusicProjectsS17, EarlierDuetsAndChartsAreBackground) {
  EXPECT_EQ(Music("",
                  "Singer Yoon Ha-rin and actor Park Do-hwan's duet from last year now plays in "
                  "a coffee advertisement."),
            "");
  EXPECT_EQ(Music("",
                  "작년에 발매된 가수 서라온과 배우 한도윤의 듀엣곡 ‘봄밤’이 최근 다시 주목을 "
                  "받고 있다."),
            "");
  EXPECT_EQ(Music("듀엣곡 인기 여전",
                  "가수 서라온과 배우 한도윤의 듀엣곡 ‘봄밤’이 실시간 음원 차트 3위에 올랐다."),
            "");
  EXPECT_EQ(Music("",
                  "서라온과 한도윤이 함께 부른 ‘봄밤’이 발매 한 달 만에 차트 역주행을 하고 "
                  "있다."),
            "");
}

}  // namespace
}  // namespace hallyu
