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

}  // namespace
}  // namespace hallyu
