// Seventeenth round for the other crossovers (issue 17): statuses read from words that only
// start like a release wording, common nouns that are also group names, titles the text
// states outright, and earlier songs mentioned in passing. Sentences and titles are invented;
// names are made up unless they are a group's. Each test failed before its mechanism.

#include <gtest/gtest.h>

#include <string>

#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

std::string Music(const std::string& title, const std::string& text) {
  return hallyu::testing::MusicSummary(title, text);
}

// "released a" / "released the" mark a song that is out only when the article is a word of
// its own: "released albums", "released theme songs" are other people's past records.
TEST(MusicProjectsS17, ReleasedNeedsAWholeArticle) {
  EXPECT_EQ(Music("",
                  "Actor Jasper Quill plans to put out a new album in Japan this autumn, after "
                  "several other actors released albums there to reach more fans."),
            "release Jasper Quill /  album (announced)");
  EXPECT_EQ(Music("", "Actor Jasper Quill released an album of love songs in Japan on Monday."),
            "release Jasper Quill /  album (released)");
  // a participle after the title's closing comma: the single is out
  EXPECT_EQ(Music("Actor Jasper Quill releases a single to thank his fans",
                  "Quill says thanks with the single \"Red Kite,\" released at midnight on "
                  "Sunday."),
            "release Jasper Quill / Red Kite single (released)");
}

}  // namespace
}  // namespace hallyu
