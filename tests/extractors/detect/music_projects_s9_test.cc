// Ninth round for the other crossovers (issue 17): who takes part in a joint song, which
// quoted name is its title, and what is no joint song at all. Sentences and titles are
// invented; the people named are facts of the shipped gazetteer or made-up names it does
// not know. Each test fails when its mechanism is removed.

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

// Music services listed where the song comes out, agencies and labels quoted as sources,
// and descriptor words are no participants.
TEST(MusicProjectsS9, CompaniesPlatformsAndDescriptorsAreNoParticipants) {
  EXPECT_EQ(Music("",
                  "엑소 백현과 래퍼 로꼬가 컬래버레이션 신곡 '여름밤'을 공개한다. 신곡은 오는 "
                  "9일 멜론, 지니, 벅스 등 각종 음원 사이트를 통해 공개된다."),
            "collab 백현 + 로꼬 / 여름밤 [] (announced)");
  EXPECT_EQ(Music("",
                  "Actor Park Seo-joon and singer Lee Hi will release a duet, according to "
                  "Amoeba Culture and Loen Entertainment."),
            "collab Park Seo-joon + Lee Hi /  [] (announced)");
}

// Korean coordinated lists: names joined by 과/와, commas and middle dots, closed by a
// particle or by 등; "애프터스쿨의 유이" names 유이; "20여 명" adds nobody.
TEST(MusicProjectsS9, ACoordinatedListNamesEveryParticipant) {
  EXPECT_EQ(
      Music(
          "",
          "도윤과 브라운아이드걸스, 애프터스쿨의 유이, 케이윌 등 20여 명이 자선 음원을 발표한다."),
      "collab 도윤 + Brown Eyed Girls + 유이 + 케이윌 /  [자선] (announced)");
  EXPECT_EQ(Music("", "이성경과 로꼬는 7월 4일 듀엣 신곡을 발표한다."),
            "collab 이성경 + 로꼬 /  [] (announced)");
}

// English lists of three names or more, in a sentence after the one that announces the
// charity single; "Sir" and "opera singer" are no part of the names.
TEST(MusicProjectsS9, AnEnglishListOfNamesAfterTheCue) {
  EXPECT_EQ(Music("",
                  "Music stars are joining forces to release a charity single for flood victims. "
                  "The single will feature Sir Tom Hale, Mia Lane and opera singer Ravi Stone."),
            "collab Tom Hale + Mia Lane + Ravi Stone /  [flood victims] (announced)");
}

// A line-up that goes on in a sentence of its own ("will also take part", "등도 힘을
// 보탰다") adds its names.
TEST(MusicProjectsS9, ALineUpGoesOnInTheNextSentence) {
  EXPECT_EQ(Music("",
                  "Music stars are joining forces to release a charity single for flood victims. "
                  "The single will feature Sir Tom Hale, Mia Lane and opera singer Ravi Stone. "
                  "Tara Quinn will also take part."),
            "collab Tom Hale + Mia Lane + Ravi Stone + Tara Quinn /  [flood victims] (announced)");
}

// A one-word stage name the gazetteer knows, continued by a surname, is the longer name.
TEST(MusicProjectsS9, AFirstNameWithASurnameIsNotTheIdol) {
  EXPECT_EQ(Music("", "Nicole Kidman and Luke Evans have released their duet 'Say Something'."),
            "collab Nicole Kidman + Luke Evans / Say Something [] (released)");
}

// The title: the quoted name nearest the collab cue; the duet's song beats the album it is
// on.
TEST(MusicProjectsS9, TheSongNearestTheCueIsTheTitle) {
  EXPECT_EQ(
      Music("", "신곡 '밤바다'로 활동 중인 가수 한별이 배우 송혜교와 듀엣곡 '첫눈'을 발표했다."),
      "collab 한별 + 송혜교 / 첫눈 [] (released)");
  EXPECT_EQ(Music("",
                  "Actress Kim Go-eun joined singer Paul Kim on his new album 'Blue Hour' with a "
                  "duet rendition of 'Late Night'."),
            "collab Kim Go-eun + Paul Kim / Late Night [] (announced)");
}

// A company's programme ("Dingo Music's 'Duet Mate'") is no title; the track's unquoted name
// after "titled" is.
TEST(MusicProjectsS9, ACompanysProgrammeIsNoTitleButTheTitledTrackIs) {
  EXPECT_EQ(Music("",
                  "Actress Kim Go-eun and rapper Loco will release a collaboration single through "
                  "Dingo Music's 'Duet Mate'. Their track is titled Spring Rain and is produced by "
                  "Rocoberry."),
            "collab Kim Go-eun + Loco / Spring Rain [] (announced)");
}

// A duet stage on a variety show (configs/gazetteer/works-variety.yaml) is no joint song.
TEST(MusicProjectsS9, AVarietyShowStageIsNoCollab) {
  EXPECT_EQ(Music("", "가수 송지은과 배우 박광현이 '불후의 명곡' 무대에서 듀엣을 선보인다."), "");
}

// "목소리를 합쳤다" with a song word announces a joint song; after a song word a quoted name
// followed by "에서" is the song, not a show.
TEST(MusicProjectsS9, JoinedVoicesOnASongIsACollabAndItsSongTheTitle) {
  EXPECT_EQ(Music("",
                  "미쓰에이 수지는 가수 박원과 함께 했다. 오는 9일 나오는 신곡 '봄비'에서 둘은 "
                  "목소리를 합쳤다."),
            "collab 수지 + 박원 / 봄비 [] (announced)");
}

// An actor's release: "singer debut" announces it; the title named in a later sentence
// ("the title of his single will be 'T'") or in apposition ("single album, T, on …").
TEST(MusicProjectsS9, AnActorsReleaseTitleFromTheFollowingSentenceOrApposition) {
  EXPECT_EQ(Music("",
                  "Actor Kim Nam-gil is making his official singer debut in Japan. The title of "
                  "his single will be 'Roman', a cover of a Japanese hit."),
            "release Kim Nam-gil / Roman single (announced)");
  EXPECT_EQ(
      Music("", "Actress Park Eun-bin released her debut digital single album, Present, on Jan 4."),
      "release Park Eun-bin / Present digital_single (released)");
}

}  // namespace
}  // namespace hallyu
