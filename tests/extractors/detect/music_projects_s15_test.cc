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

// Places are no participants ("musicians from Korea and Japan"); a singer described as
// "artist and producer" still sings; "the leader of EXO" tags Suho (a gazetteer idol) and the
// group does not sing by itself.
TEST(MusicProjectsS15, PlacesAndTagsAreNoParticipants) {
  EXPECT_EQ(Music("ZICO and Mira Kade pair up",
                  "Two voices from Korea and Japan are meeting at last. Artist and producer "
                  "ZICO is pairing up on a duet with Japanese vocalist Mira Kade."),
            "collab ZICO + Mira Kade /  [] (announced)");
  EXPECT_EQ(Music("",
                  "A new track is coming. The song is a collaboration between Suho, the leader "
                  "of EXO, and cellist Dara Moon."),
            "collab Suho + Dara Moon /  [] (announced)");
}

}  // namespace
}  // namespace hallyu
