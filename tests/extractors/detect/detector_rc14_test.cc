// Fourteenth round for the other crossovers (issue 17): castings read inside music stories,
// collab participants and titles. Sentences and titles are invented; names are made up and
// unknown to the shipped gazetteer unless a comment says otherwise. Each test failed before
// its mechanism.

#include <gtest/gtest.h>

#include <string>

#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

std::string Ko(const std::string& title, const std::string& text) {
  return hallyu::testing::DetectionSummary(title, text, "ko");
}

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

}  // namespace
}  // namespace hallyu
