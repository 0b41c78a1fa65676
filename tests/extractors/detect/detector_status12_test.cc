// Status as the label notes settle it (issue 14), round 12: English words that say an OST song
// is already out. Sentences are invented after the shapes of real news; the people are real names
// the gazetteer knows (facts), the titles are made up. Each test fails without its mechanism.

#include <gtest/gtest.h>

#include <string>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

std::string Summary(const std::string& title, const std::string& text, const std::string& lang) {
  return hallyu::testing::DetectionSummary(title, text, lang);
}

// "…, which came out on July 28", "was made available on various music sites": phrasal verbs
// that say the song is out (released), in the sentence that names the singer or in the next one.
TEST(DetectorStatus12, EnglishPhrasalVerbsOfAReleaseSayTheSongIsOut) {
  EXPECT_EQ(Summary("",
                    "Taeyeon sang \"Sea Breeze\" for the \"Blue Harbor\" OST, which came out on "
                    "July 28.",
                    "en"),
            "ost Taeyeon / Blue Harbor (released)");
  EXPECT_EQ(Summary("",
                    "The \"Blue Harbor\" OST \"Sea Breeze\" by Taeyeon was made available on "
                    "various music sites on July 28.",
                    "en"),
            "ost Taeyeon / Blue Harbor (released)");
  EXPECT_EQ(Summary("",
                    "Taeyeon lent her voice to the \"Blue Harbor\" OST. The song came out on July "
                    "28 at 6 p.m. KST.",
                    "en"),
            "ost Taeyeon / Blue Harbor (released)");
  // (a song still to come is announced)
  EXPECT_EQ(Summary("",
                    "Taeyeon sang \"Sea Breeze\" for the \"Blue Harbor\" OST, which will come out "
                    "on July 28.",
                    "en"),
            "ost Taeyeon / Blue Harbor (announced)");
}

// "… 발매되며 작품에 온기를 더했다": a passive release verb joining the next clause says the
// song is out when the sentence ends in the past tense; "… 발매되며 … 더할 예정이다" does not.
TEST(DetectorStatus12, AKoreanPassiveConnectiveIsReleasedInAPastSentence) {
  EXPECT_EQ(Summary("",
                    "태연이 부른 드라마 '푸른 항구' OST '바닷바람'이 28일 오후 6시 음원 "
                    "플랫폼을 통해 발매되며 작품에 온기를 더했다.",
                    "ko"),
            "ost Taeyeon / 푸른 항구 (released)");
  EXPECT_EQ(Summary("",
                    "태연이 부른 드라마 '푸른 항구' OST '바닷바람'이 28일 오후 6시 음원 "
                    "플랫폼을 통해 발매되며 작품에 온기를 더할 예정이다.",
                    "ko"),
            "ost Taeyeon / 푸른 항구 (announced)");
}

// "Previously, it was reported that …": a report from before the news is background; it does
// not make the story's own confirmation a rumour.
TEST(DetectorStatus12, AnEarlierReportIsBackground) {
  EXPECT_EQ(Summary("Kim Ji-won confirms lead role in new drama Winter Sea",
                    "Kim Ji-won will star in the new tvN drama \"Winter Sea\". Previously, it was "
                    "reported that Kim Ji-won had been offered the lead role.",
                    "en"),
            "casting Kim Ji-won / Winter Sea (confirmed)");
}

}  // namespace
}  // namespace hallyu
