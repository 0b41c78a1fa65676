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

}  // namespace
}  // namespace hallyu
