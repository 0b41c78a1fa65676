// English casting mechanisms of session 18b, found on our own varied wordings
// (tests/data/detect/gen18-en.jsonl). Sentences are invented; actors are names the gazetteer
// knows (facts), titles and characters are made up. Each test failed before its mechanism.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

constexpr auto En = &hallyu::testing::EnSummary;

// "person / role" per casting detection, in detection order.
std::string Roles(const std::string& title, const std::string& text) {
  const SourceRef src{"u", "site.test", "t", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z"};
  auto r = hallyu::testing::ShippedDetector().Detect(title, text, "en", src);
  EXPECT_TRUE(r.ok());
  std::string out;
  if (!r.ok()) return out;
  for (const Detection& d : *r) {
    if (d.type != EventType::kCasting) continue;
    out += (out.empty() ? "" : "; ") + d.person.name + " / " + d.role;
  }
  return out;
}

// A one-word idol name that is also a surname ("Yoon") starting a three-syllable character
// name ("Yoon Seo Hyun") took one given-name syllable only: the role was cut to "Yoon Seo" and
// the last syllable ("Hyun", also a one-word idol name) became a person cast in the work.
TEST(DetectorGen18En, ASurnameNameTakesBothGivenSyllables) {
  EXPECT_EQ(En("", "Kim Go Eun will play Yoon Seo Hyun in 'Autumn Letters'."),
            "casting Kim Go Eun / Autumn Letters (confirmed)");
  EXPECT_EQ(En("", "Park Bo Gum has been cast as Yoon Tae Hyun in the film 'Blue Hour'."),
            "casting Park Bo Gum / Blue Hour (confirmed)");
  EXPECT_EQ(Roles("",
                  "Han So Hee takes on the role of Yoon Seo Ha, a ferry pilot, in the Netflix "
                  "series 'Night Harbor'."),
            "Han So Hee / Yoon Seo Ha");
}

// "She plays Yoon Seo Ha, a postal worker.", "Park will portray Min Ha Yeon.": the character
// comes in a sentence of its own, after the casting; its subject is a pronoun for the person
// just named or that person's surname. With two actors named before it, a pronoun is nobody's.
TEST(DetectorGen18En, TheCharacterOfAFollowingSentence) {
  EXPECT_EQ(Roles("Kim Go Eun to lead tvN's 'Autumn Letters'",
                  "Kim Go Eun will headline the tvN romance 'Autumn Letters', her agency said on "
                  "Tuesday. She plays Choi Na Rae, a postal worker who reads the mail."),
            "Kim Go Eun / Choi Na Rae");
  EXPECT_EQ(Roles("",
                  "Park Eun Bin and Lee Jae Wook lead the cast of 'Moon Over Seoul', tvN said. "
                  "Park will portray Min Ha Yeon, a night-shift nurse."),
            "Park Eun Bin / Min Ha Yeon; Lee Jae Wook / ");
  EXPECT_EQ(Roles("",
                  "Song Kang has joined the Netflix film 'Winter Court'. He takes on the role "
                  "of Kang Do Yun."),
            "Song Kang / Kang Do Yun");
  EXPECT_EQ(Roles("",
                  "Park Eun Bin and Lee Jae Wook lead the cast of 'Moon Over Seoul', tvN said. "
                  "She plays Min Ha Yeon, a night-shift nurse."),
            "Park Eun Bin / ; Lee Jae Wook / ");
}

// "will next star", "will soon appear", "will once again play": an adverb between "will" / "to"
// and the verb of a casting in the future.
TEST(DetectorGen18En, AnAdverbBetweenWillAndTheVerb) {
  EXPECT_EQ(En("", "Song Kang will next appear in the film 'Winter Court'."),
            "casting Song Kang / Winter Court (confirmed)");
  EXPECT_EQ(En("", "Kim Go Eun is set to once again play a detective, this time in 'Blue Hour'."),
            "casting Kim Go Eun / Blue Hour (confirmed)");
  EXPECT_EQ(En("", "Han So Hee will soon headline the Netflix series 'Night Harbor'."),
            "casting Han So Hee / Night Harbor (confirmed)");
}

// "who played a demon in 'W1', will next appear in the film 'W2'": a part played in the past
// ends with its clause; the title after the comma and a future predicate is the new work.
TEST(DetectorGen18En, APastPartEndsWithItsClause) {
  EXPECT_EQ(En("",
               "Song Kang, who played a demon in 'My Demon', will star in the film "
               "'Winter Court'."),
            "casting Song Kang / Winter Court (confirmed)");
  EXPECT_EQ(En("",
               "Kim Go Eun, who portrayed a shaman in 'Exhuma', is set to lead tvN's 'Autumn "
               "Letters'."),
            "casting Kim Go Eun / Autumn Letters (confirmed)");
  EXPECT_EQ(En("", "Song Kang played a demon in 'My Demon' last year."), "");
}

// "is not considering W", "has no plans to appear in W": the person's side says no. That is a
// denial (counted neither as hit nor as false alarm), not a review or a casting.
TEST(DetectorGen18En, NotConsideringAndNoPlansAreDenials) {
  EXPECT_EQ(En("", "Kim Tae Ri is not considering 'Ink and Sword', her agency said."),
            "casting Kim Tae Ri / Ink and Sword (denied)");
  EXPECT_EQ(En("", "Kim Tae Ri has no plans to appear in 'Ink and Sword', her agency said."),
            "casting Kim Tae Ri / Ink and Sword (denied)");
  EXPECT_EQ(En("", "Lee Min Ho's side said he is not reviewing the offer for 'The Eighth Floor'."),
            "casting Lee Min Ho / The Eighth Floor (denied)");
  EXPECT_EQ(En("", "Kim Tae Ri is considering 'Ink and Sword', her agency said."),
            "casting Kim Tae Ri / Ink and Sword (reviewing)");
}

}  // namespace
}  // namespace hallyu
