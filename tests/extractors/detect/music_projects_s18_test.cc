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

}  // namespace
}  // namespace hallyu
