// OST mechanisms found on gen18-ost.jsonl (round 2 of session 18): OST news told the way
// several outlets would, written by us. Sentences are invented; singers are names the
// gazetteer knows (facts), titles are made up. Each test failed before its mechanism.

#include <gtest/gtest.h>

#include <string>

#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

constexpr auto Ko = &hallyu::testing::KoSummary;

constexpr auto En = &hallyu::testing::EnSummary;

// "'S'가 음원사이트에 공개됐다", "음원 플랫폼에 공개됐다": the everyday place phrase between the
// song and its past-tense release verb left the OST `announced`; the song is out.
TEST(DetectorGen18Ost, ReleasedOnMusicSitesIsReleased) {
  EXPECT_EQ(Ko("", "태연이 부른 드라마 '푸른 항구'의 두 번째 OST '파도'가 음원사이트에 공개됐다."),
            "ost Taeyeon / 푸른 항구 (released)");
  EXPECT_EQ(Ko("", "거미가 가창한 '푸른 항구' OST '비'는 18일 음원 플랫폼에 공개됐다."),
            "ost Gummy / 푸른 항구 (released)");
  EXPECT_EQ(
      Ko("", "'푸른 항구' OST Part.3 '바람'이 각종 음원사이트에서 공개됐다. 에일리가 불렀다."),
      "ost Ailee / 푸른 항구 (released)");
}

// "has unveiled 'S,' the second OST of 'W'", "A's 'S,' the third OST for 'W'": an
// unknown quote that an apposition numbers among the soundtrack's songs (or that follows
// unveil / drop / share) is the song; it was read as a second work and gave a false alarm.
TEST(DetectorGen18Ost, AQuoteNumberedAmongTheSoundtrackIsTheSong) {
  EXPECT_EQ(En("",
               "Girls' Generation's Taeyeon has unveiled “Sea Breeze,” the second OST of "
               "“Winter Harbor.”"),
            "ost Taeyeon / Winter Harbor (released)");
  EXPECT_EQ(En("", "Baekhyun's “Wind,” the third OST for ‘Winter Harbor,’ is out now."),
            "ost Baekhyun / Winter Harbor (released)");
  EXPECT_EQ(En("", "Ailee unveiled \"Rain,\" the fifth track for the 'Winter Harbor' OST."),
            "ost Ailee / Winter Harbor (released)");
}

// "has shared the music video for 'S,' Part 9 of the 'W' OST": a part number before "of/to/for
// ... OST" is an OST trigger as much as "OST Part 9"; the sentence (and its release) was lost.
TEST(DetectorGen18Ost, PartNumberOfTheOstIsATrigger) {
  EXPECT_EQ(En("Ailee's new song for ‘Winter Harbor’",
               "Ailee has shared the music video for “Rain,” Part 9 of the ‘Winter Harbor’ OST."),
            "ost Ailee / Winter Harbor (released)");
  EXPECT_EQ(
      En("", "Gummy’s ‘Tide’ came out on Monday as Part 4 of the ‘Winter Harbor’ soundtrack."),
      "ost Gummy / Winter Harbor (released)");
  EXPECT_EQ(En("",
               "Baekhyun will release 'Wind', the Part.3 to the original soundtrack of 'Winter "
               "Harbor', on Friday."),
            "ost Baekhyun / Winter Harbor (announced)");
}

// "A recalled recording her OST for 'W'", "looked back on singing the 'W' soundtrack": an
// interview about a song already out is no OST news.
TEST(DetectorGen18Ost, AnInterviewLookingBackOnAnOstIsNoNews) {
  EXPECT_EQ(En("Taeyeon talks about her drama soundtracks",
               "On a radio show, Taeyeon recalled recording her OST for “Winter Harbor.”"),
            "");
  EXPECT_EQ(En("", "Gummy looked back on singing the ‘Winter Harbor’ OST during a fan meeting."),
            "");
  EXPECT_EQ(En("",
               "In a magazine interview, Ailee opened up about recording the 'Winter Harbor' "
               "soundtrack last year."),
            "");
}

}  // namespace
}  // namespace hallyu
