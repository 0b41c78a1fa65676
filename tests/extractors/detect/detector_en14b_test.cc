// English shapes seen in session 14 real text, in our words with invented titles: film-council
// names with the surname in capitals ("BAEK Min-chul"), a list of the cast already attached,
// an offer followed by a pronoun's "considering", and a filming-wrapped story.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

std::vector<std::string> EnglishPersons(const std::string& sentence) {
  return hallyu::testing::PersonMentions(sentence, "en");
}

// "PAEK" is a romanisation of 백 like "Baek" and "Paik"; in capitals it still opens a name.
TEST(DetectorEn14b, SurnameInCapitalsOpensAName) {
  EXPECT_EQ(EnglishPersons("PAEK Min-chul Boards SILVER LANTERN"),
            std::vector<std::string>{"PAEK Min-chul"});
  // ordinary words in capitals are no surname
  EXPECT_EQ(EnglishPersons("The KBS CEO Dal-hwan praised the OST Dal-hwan wrote"),
            std::vector<std::string>{});
}

TEST(DetectorEn14b, ListOfCastAlreadyAttachedIsBackground) {
  EXPECT_EQ(hallyu::testing::DetectionSummary(
                "Park Seo-joon cast in tvN drama Paper Harbour",
                "Park Seo-joon will lead the new tvN drama Paper Harbour. Already "
                "cast in this drama are Kim Go-eun, Lee Do-hyun and Han So-hee.",
                "en"),
            "casting Park Seo-joon / Paper Harbour (confirmed)");
  EXPECT_EQ(hallyu::testing::DetectionSummary(
                "Park Seo-joon cast in tvN drama Paper Harbour",
                "Park Seo-joon will lead the new tvN drama Paper Harbour. Kim Go-eun, "
                "Lee Do-hyun and Han So-hee have already been cast.",
                "en"),
            "casting Park Seo-joon / Paper Harbour (confirmed)");
}

TEST(DetectorEn14b, AskedToPlayThenSheIsConsidering) {
  EXPECT_EQ(hallyu::testing::DetectionSummary(
                "Casting roundup of the week",
                "Han Hyo-joo (W) was asked to play the heroine Seol Mi-ra of upcoming MBC drama "
                "Seol Mi Ra: Winter Crown. She is now considering it.",
                "en"),
            "casting Han Hyo-joo / Seol Mi Ra: Winter Crown (reviewing)");
  EXPECT_EQ(hallyu::testing::DetectionSummary(
                "Casting roundup of the week",
                "Han Hyo-joo (W) was asked to play the heroine of upcoming MBC drama Winter "
                "Crown.",
                "en"),
            "casting Han Hyo-joo / Winter Crown (in_talks)");
}

TEST(DetectorEn14b, FilmingWrappedStoryIsNoCasting) {
  EXPECT_EQ(hallyu::testing::DetectionSummary(
                "Shooting of film \"Night Ferry 3\" wraps up",
                "Shooting of the sequel \"Night Ferry 3\" ended on March 4 after ten weeks. The "
                "film will star Lee Byung-hun, Ha Jung-woo and Kim Go-eun.",
                "en"),
            "");
}

}  // namespace
}  // namespace hallyu
