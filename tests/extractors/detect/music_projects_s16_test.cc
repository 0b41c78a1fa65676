// Sixteenth round for the other crossovers (issue 17): English stories about actors the
// gazetteer does not know, music videos that only come with a song, more release and collab
// wordings, and titles and statuses around them. Sentences and titles are invented; names are
// made up and unknown to the shipped gazetteer. Each test failed before its mechanism.

#include <gtest/gtest.h>

#include <string>

#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

std::string Music(const std::string& title, const std::string& text) {
  return hallyu::testing::MusicSummary(title, text);
}

// An English name the finders do not know that opens a sentence is the release's subject;
// the text presents them as an actor by an apposition or by "the <Work> actor" later.
TEST(MusicProjectsS16, UnknownNameOpeningTheStory) {
  EXPECT_EQ(Music("",
                  "Jasper Quill has a surprise for his fans this weekend. The Harbor Lights "
                  "actor, 41, dropped a new single titled \"Paper Boats\" on Friday."),
            "release Jasper Quill / Paper Boats single (released)");
  EXPECT_EQ(Music("",
                  "Nora Fenn, best known for her roles on stage and screen, is launching a "
                  "music career with a debut single next month."),
            "release Nora Fenn /  single (announced)");
  // a name that opens the story but is presented as a singer releases nothing here
  EXPECT_EQ(Music("", "Nora Fenn, a singer from Ohio, is launching her debut single next month."),
            "");
}

// A music video that merely comes with the song does not make the story a music-video story;
// an actor acting in someone's music video still does.
TEST(MusicProjectsS16, AMusicVideoThatComesWithTheSong) {
  EXPECT_EQ(Music("",
                  "Actor Park Do-hwan released his first digital single \"Blue Hour\" on "
                  "Monday together with an accompanying music video."),
            "release Park Do-hwan / Blue Hour digital_single (released)");
  EXPECT_EQ(Music("",
                  "Actor Park Do-hwan plays the lead in the music video for singer Yoon "
                  "Ha-rin's new single \"Blue Hour\"."),
            "");
}

// Ordinal singles and "announces" are release wordings like "first single" and "releases".
TEST(MusicProjectsS16, OrdinalSinglesAndAnnouncements) {
  EXPECT_EQ(Music("Actor Rowan Vale announces a second ever single 'Low Tide'",
                  "Rowan Vale keeps going with music after a debut earlier this spring."),
            "release Rowan Vale / Low Tide single (announced)");
}

// Quoted titles in a list after "films such as" are works the actor is known for, not the
// song.
TEST(MusicProjectsS16, FilmsListedAreNoSongTitle) {
  EXPECT_EQ(Music("",
                  "Nora Fenn, known for acting in films such as “Glass Harbor,” “Tin Moon” "
                  "and “The Long Road Home,” is turning to music, with the release of her "
                  "first single soon."),
            "release Nora Fenn /  single (announced)");
}

// Headline telegraphese "collab", and a stage name whose last word is one letter.
TEST(MusicProjectsS16, CollabNounAndOneLetterNames) {
  EXPECT_EQ(Music("Jazzy B and Mara Vell to drop collab this week", ""),
            "collab Jazzy B + Mara Vell /  [] (announced)");
}

// "'T,' released on <date>", "released 'T' through …": the title right after or before the
// verb, its quotes blanked for the cues, still says the song is out.
TEST(MusicProjectsS16, ReleasedNextToTheTitle) {
  EXPECT_EQ(Music("",
                  "Lana Ko and Rhee Min have teamed up for their new single 'Echo,' released on "
                  "March 3."),
            "collab Lana Ko + Rhee Min / Echo [] (released)");
  EXPECT_EQ(Music("Actor Park Do-hwan drops 'Glass Days' breakup song",
                  "Park Do-hwan likes a sad ballad, so he wrote one. The actor released "
                  "“Glass Days” through his own label."),
            "release Park Do-hwan / Glass Days  (released)");
}

// "'T' out now", "'T' is out", "'T' drops Friday": a headline title its release verb follows
// is the song's, though the headline holds no release cue.
TEST(MusicProjectsS16, TitleBeforeItsReleaseVerb) {
  EXPECT_EQ(Music("Park Do-hwan's 'Quiet Hours' out now",
                  "The actor's new single is available on all major sites from today, along "
                  "with a music video."),
            "release Park Do-hwan / Quiet Hours single (released)");
  EXPECT_EQ(Music("Park Do-hwan to release new album today",
                  "Actor Park Do-hwan will release a new album in Japan today. His album, whose "
                  "title is rendered into English \"Low Tide,\" will go on sale in Tokyo stores."),
            "release Park Do-hwan / Low Tide album (announced)");
}

// "Actress and former <group> member X": the actor's descriptor holds though another title
// comes between it and the name; "will release 'T'" names the song after its verb.
TEST(MusicProjectsS16, ActressAndFormerMember) {
  EXPECT_EQ(Music("",
                  "Actress and former girl group member Han Yu-ri is coming back to music with "
                  "a new digital single. Han Yu-ri will release \"Night Swim\" on May 2 at 6 "
                  "p.m."),
            "release Han Yu-ri / Night Swim digital_single (announced)");
}

// "The song is a duet of A and B": a cue sentence that opens on the song
// named before takes the quoted name of an earlier sentence.
TEST(MusicProjectsS16, TheTrackNamedBefore) {
  EXPECT_EQ(Music("Teaser for “Low Lamps” video arrives",
                  "The label has shared a first teaser for its upcoming video “Low Lamps.” The "
                  "song is a duet of cellist Dara Moon and rapper Kel Ivo."),
            "collab Dara Moon + Kel Ivo / Low Lamps [] (announced)");
}

// Korean line-ups: "A와 B 외에도" names nobody called 외에 (and the group before it still
// sings), "그리고" joins two runs of names; a quoted foundation or campaign name is no song
// title (MAMAMOO and SEVENTEEN are gazetteer groups).
TEST(MusicProjectsS16, KoreanLineUpWordsAndCampaignNames) {
  EXPECT_EQ(Music("",
                  "‘초록 약속’ 공익캠페인에 그룹 마마무와 세븐틴이 노래를 함께 불렀다. 마마무와 "
                  "세븐틴 외에도 가수 도하람, 서하윤 그리고 배우 차우진, 윤채하 등이 참여했다."),
            "collab MAMAMOO + SEVENTEEN + 도하람 + 서하윤 + 차우진 + 윤채하 /  [공익] (announced)");
  EXPECT_EQ(Music("",
                  "공익재단 ‘맑은 하늘 재단’은 가수 도하람과 서하윤이 노래를 함께 불렀다고 "
                  "밝혔다."),
            "collab 도하람 + 서하윤 /  [] (announced)");
}

// "이들은 … 음원을 발매한다": a plural subject releases a joint song, and the line-up of the
// sentence before it ("A를 비롯해 B, C 영화감독, 가수 D가") goes on past a descriptor that
// follows a name.
TEST(MusicProjectsS16, APluralSubjectReleasesTheLineUpsSong) {
  EXPECT_EQ(Music("",
                  "따뜻한 뜻을 모은 사람들이 있다. 배우 차우진을 비롯해 도하람, 서하윤 영화감독, "
                  "가수 윤채하가 그 주인공이다. 이들은 다음 달 음원 ‘작은 등불’을 발매한다."),
            "collab 차우진 + 도하람 + 서하윤 + 윤채하 / 작은 등불 [] (announced)");
}

// Korean copy that opens a title with ’ as well as closing it: ’T’ before a particle is a
// title.
TEST(MusicProjectsS16, TitleQuotedWithTwoClosingMarks) {
  EXPECT_EQ(Music("",
                  "배우 서하윤이 1년 만에 싱글앨범 ’BLUE NIGHT’를 들고 가수로 돌아왔다. "
                  "서하윤은 이날 정오 ’BLUE NIGHT’, ’작은 등불’ 등의 음원을 공개했다."),
            "release 서하윤 / BLUE NIGHT single (released)");
}

// A sentence vetoed for its background ("his first since … in 2019") still names the story's
// song right after a song word when no other sentence names it.
TEST(MusicProjectsS16, TitleInASentenceWithBackground) {
  EXPECT_EQ(Music("Actor Park Do-hwan releases hip-hop EP",
                  "On Monday the actor released an EP titled “Night Lines,” his first since his "
                  "“Old Roads” EP in 2019."),
            "release Park Do-hwan / Night Lines ep (released)");
}

// "음원 내는 A, 신곡 MV에 B 지원사격", "A를 위해 B가 지원사격에 나선다": A is whose song it is;
// only B backs it or shows in its music video.
TEST(MusicProjectsS16, WhoseSongTheBackersBack) {
  EXPECT_EQ(
      Music("음원 내는 서하윤, 신곡 MV에 차우진 지원사격",
            "첫 솔로 음원을 발표하는 배우 서하윤을 위해 배우 차우진이 지원사격에 나선다. 오는 "
            "14일 나오는 서하윤의 디지털 싱글 ‘작은 등불’의 뮤직비디오에 카메오들이 "
            "출연한다."),
      "release 서하윤 / 작은 등불  (announced)");
}

// A roundup headline ("7 Actors Who …") makes the story a list: its items release nothing
// new and sing no joint song.
TEST(MusicProjectsS16, RoundupHeadlines) {
  EXPECT_EQ(Music("7 Actors Who Released Songs Just for Their Fans",
                  "1. Park Do-hwan Before his enlistment, actor Park Do-hwan released an album "
                  "called “Blue Hour” as a gift for his fans."),
            "");
  EXPECT_EQ(Music("5 Idols Who Sang Duets With Actors",
                  "Singer Yoon Ha-rin and actor Park Do-hwan recorded the duet “Blue Hour” for "
                  "a winter special."),
            "");
}

// A song for a cause or its proceeds is a joint song only with two singers named where the
// song is: one singer's charity single borrows no names from a roundup of donations.
TEST(MusicProjectsS16, ProceedsCuesNameTheirOwnSingers) {
  EXPECT_EQ(Music("",
                  "연초에도 가수 도하람, 서하윤 등 스타들의 기부 소식이 이어지고 있다. 가수 "
                  "윤채하는 지난 4일 기부송 ‘작은 등불’을 발표했다. 음원 수익금 전액은 어린이를 "
                  "위해 쓰인다."),
            "");
  EXPECT_EQ(Music("‘작은 등불’ 음원 수익금 전액 기부",
                  "가수 도하람과 서하윤이 어려운 이웃을 돕기 위해 ‘작은 등불’ 음원을 "
                  "출시하였다. 음원 수익금 전액은 긴급 지원금으로 쓰인다."),
            "collab 도하람 + 서하윤 / 작은 등불 [어려운 이웃] (released)");
}

// Talent donation, the English of 재능기부: "donating / contributing their talent (voices)".
TEST(MusicProjectsS16, DonatingTheirTalent) {
  EXPECT_EQ(Music("Park Do-hwan and Yoon Ha-rin will be donating their talent for charity",
                  "The two will sing the song “Small Lamp” for free at a year-end festival."),
            "collab Park Do-hwan + Yoon Ha-rin / Small Lamp [charity] (announced)");
}

// A sentence about a concert and no song names its performers, not the single's singers.
TEST(MusicProjectsS16, ConcertPerformersAreNoSingers) {
  EXPECT_EQ(Music("",
                  "Well-known singers will unite to put out a charity single for "
                  "the flood victims. And rapper Kel Ivo will join local bands for a fundraising "
                  "concert in Busan. The single, titled “River Home,” will feature Sir Tom Vale, "
                  "Mara Vell and opera singer Jon Reed."),
            "collab Tom Vale + Mara Vell + Jon Reed / River Home [the flood victims] "
            "(announced)");
}

// A chart story ("Duets dominate the charts") lists songs already out: no joint song.
TEST(MusicProjectsS16, ChartStoriesAreNoCollab) {
  EXPECT_EQ(Music("Duets dominate the charts this summer",
                  "Park Do-hwan and Yoon Ha-rin's “Blue Hour” and Jazzy B and Mara Vell's “Low "
                  "Tide” both sit in the top five this week."),
            "");
}

// "'Show' star X" in a story about a dating or reality show that never speaks of acting is a
// show's star, no actor; the same story about a drama star releases.
TEST(MusicProjectsS16, ARealityShowStarIsNoActor) {
  EXPECT_EQ(Music("'Heart Signal' star Mina Sorel announces single 'Loca'",
                  "Mina Sorel, a former trainee who found fame on the dating show, will drop "
                  "“Loca” on June 2."),
            "");
  EXPECT_EQ(Music("'Heart Signal' star Mina Sorel announces single 'Loca'",
                  "Mina Sorel, who found fame in the romance drama, will drop “Loca” on June 2."),
            "release Mina Sorel / Loca single (announced)");
}

}  // namespace
}  // namespace hallyu
