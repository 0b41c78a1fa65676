// Page layouts that cut the article into several blocks or put longer teaser text beside it
// (issue 16): the whole article must come out, and the blocks around it must stay out.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/html/article_extractor.h"

namespace hallyu {
namespace {

// Four parts of one guide, each a heading and two paragraphs of similar length.
const std::vector<std::string> kParts = {
    "The first stop is the old market, where the stalls open at seven, and the vendors sell "
    "rice cakes, fish cakes and warm soy milk to the people going to work.",
    "The second stop is the riverside park, where the path runs for three kilometres, and "
    "the benches face the water so that walkers can rest between the bridges.",
    "The third stop is the small museum of printing, where the guides show the movable type, "
    "and visitors may print a page of their own on the wooden press.",
    "The last stop is the night market by the station, where the food trucks arrive at dusk, "
    "and the queue for the grilled skewers reaches the end of the square."};
const char kSecondParagraph[] =
    "Most visitors spend about an hour here, and the staff speak English and Japanese.";
const char kTeaser[] =
    "Read our guide to the coastal towns, where the ferries leave every hour, the seafood is "
    "sold straight from the boats, the beaches stay quiet until July, and the guesthouses "
    "keep their rooms cheap, clean and close to the harbour all through the spring season.";

// A page-builder layout: each part sits in its own section > row > column > block, so the
// parts are cousins, not siblings, of one another.
std::string PageBuilderGuide() {
  std::string html =
      "<html><body><nav><a href=\"/\">Home</a> <a href=\"/travel\">Travel</a></nav>"
      "<div class=\"page\"><h1>A day in the old town</h1><div class=\"builder-root\">";
  for (std::size_t i = 0; i < kParts.size(); ++i) {
    html +=
        "<section class=\"pb-section\"><div class=\"pb-row\"><div class=\"pb-column\">"
        "<div class=\"pb-block pb-block-text\"><div class=\"pb-inner\"><h2>Stop " +
        std::to_string(i + 1) + "</h2><p>" + kParts[i] + "</p><p>" + kSecondParagraph +
        "</p></div></div></div></div></section>";
  }
  html +=
      "</div><div class=\"related-stories\"><h3>More guides</h3>"
      "<div class=\"teaser\"><p>" +
      std::string(kTeaser) +
      "</p></div></div></div><footer><p>Copyright notice of the travel site, written as "
      "a sentence for the test.</p></footer></body></html>";
  return html;
}

TEST(ArticleLayout, ArticleSplitOverPageBuilderSectionsComesOutWhole) {
  auto doc = ExtractArticle(PageBuilderGuide(), "https://travel.example/old-town");
  ASSERT_TRUE(doc.ok());
  for (const std::string& part : kParts)
    EXPECT_NE(doc->text.find(part), std::string::npos) << "missing: " << part << "\n--- text:\n"
                                                       << doc->text;
  EXPECT_EQ(doc->text.find("Read our guide"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Copyright"), std::string::npos) << doc->text;
}

// Teaser excerpts in a related-stories block, longer than any paragraph of the article, must
// not be taken for the article: a candidate inside boilerplate is not the main text.
TEST(ArticleLayout, LongerTeasersInRelatedStoriesDoNotReplaceTheArticle) {
  const std::string article =
      "<div class=\"c1\"><p>The singer released a new single on Friday.</p>"
      "<p>It is her first song in two years.</p><p>A music video follows next week.</p>"
      "<p>The album is planned for the winter.</p></div>";
  std::string related = "<div class=\"related-stories\">";
  for (int i = 0; i < 2; ++i)
    related += "<div class=\"item\"><p>" + std::string(kTeaser) + "</p></div>";
  related += "</div>";
  auto doc = ExtractArticle("<html><body><div class=\"page\"><h1>New single</h1>" + article +
                                related + "</div></body></html>",
                            "https://music.example/single");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find("released a new single"), std::string::npos) << doc->text;
  EXPECT_NE(doc->text.find("planned for the winter"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Read our guide"), std::string::npos) << doc->text;
}

// Widening must not swallow the page: an article in one block beside several link-free
// blocks of longer text, of another class, in an unnamed column keeps only the article.
TEST(ArticleLayout, OneBlockArticleIsNotWidenedIntoTheBoxesBesideIt) {
  std::string html = "<html><body><div class=\"page\"><div class=\"col-a\"><div class=\"story\">";
  for (const std::string& part : kParts) html += "<p>" + part + "</p>";
  html += "</div></div><div class=\"col-b\">";
  for (int i = 0; i < 4; ++i)
    html += "<div class=\"w\"><div class=\"box\"><p>" + std::string(kTeaser) + "</p><p>" + kTeaser +
            "</p></div></div>";
  html += "</div></div></body></html>";
  auto doc = ExtractArticle(html, "https://travel.example/story");
  ASSERT_TRUE(doc.ok());
  for (const std::string& part : kParts)
    EXPECT_NE(doc->text.find(part), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Read our guide"), std::string::npos) << doc->text;
}

}  // namespace
}  // namespace hallyu
