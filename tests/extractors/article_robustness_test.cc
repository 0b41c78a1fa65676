// ArticleExtractor never crashes or hangs: deep nesting, huge pages, garbage,
// unterminated constructs, invalid UTF-8. (No timing asserts: a hang shows up as
// the ctest timeout.)
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "extractors/article_extractor.h"
#include "extractors/html_prescan.h"

namespace hallyu {
namespace {

std::string Article(const std::string& body) {
  return "<html><head><title>T</title></head><body><div id=\"articleBody\">" + body +
         "</div></body></html>";
}

TEST(ArticleRobustness, HundredThousandNestedDivsAreBoundedAndTextSurvives) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html +=
      "The deep text at the bottom of a hundred thousand divs, still worth reading in full today.";
  auto pre = internal::PrescanHtml(html, {});
  EXPECT_GT(pre.dropped_tags, 90000u);
  EXPECT_LE(pre.max_depth_seen, 256u);
  auto doc = ExtractArticle(html, "https://example.com/a");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_NE(doc->text.find("deep text at the bottom"), std::string::npos);
  EXPECT_TRUE(doc->metadata.contains("prescan"));
}

TEST(ArticleRobustness, HundredThousandNestedMixedTagsWithClosers) {
  std::string html = "<html><body>";
  const char* tags[] = {"div", "span", "b", "table", "ul", "a", "section", "font"};
  for (int i = 0; i < 100000; ++i) html += std::string("<") + tags[i % 8] + ">";
  html += "x";
  for (int i = 99999; i >= 0; --i) html += std::string("</") + tags[i % 8] + ">";
  auto doc = ExtractArticle(html, "https://example.com/a");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
}

TEST(ArticleRobustness, ManyUnclosedFormattingElements) {
  std::string html = "<html><body><p>";
  for (int i = 0; i < 50000; ++i) html += "<b><i><a href=x>";
  html += "text";
  auto doc = ExtractArticle(html, "https://example.com/a");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
}

TEST(ArticleRobustness, FiftyMegabytePageIsRefusedByDefault) {
  const std::string chunk = "<p>" + std::string(495, 'a') + "</p>\n";
  std::string html;
  html.reserve(50u << 20);
  while (html.size() < (50u << 20)) html += chunk;
  auto doc = ExtractArticle(html, "https://example.com/a");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), ErrorCode::kTooLarge);
}

TEST(ArticleRobustness, FiftyMegabytePageWithRaisedLimitIsCutNotHung) {
  const std::string chunk =
      "<p>Some words in a paragraph, repeated. " + std::string(450, 'b') + "</p>\n";
  std::string html = "<html><body><article>";
  html.reserve(51u << 20);
  while (html.size() < (50u << 20)) html += chunk;
  ExtractOptions opts;
  opts.max_input_bytes = 64u << 20;
  auto doc = ExtractArticle(html, "https://example.com/a", opts);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_TRUE(doc->metadata.contains("prescan"));
  EXPECT_TRUE(doc->metadata["prescan"]["truncated"].get<bool>());
  EXPECT_LE(doc->text.size(), opts.max_parse_bytes);
}

TEST(ArticleRobustness, BinaryGarbage) {
  std::mt19937 rng(42);
  for (int round = 0; round < 20; ++round) {
    std::string junk(64 * 1024, '\0');
    for (auto& c : junk) c = static_cast<char>(rng());
    if (round % 2 == 1) {
      for (std::size_t i = 0; i < junk.size(); i += 97) junk[i] = '<';
    }
    auto doc = ExtractArticle(junk, "https://example.com/a");
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    (void)ToJson(*doc).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
}

TEST(ArticleRobustness, UnterminatedCommentScriptStyleAndTag) {
  for (const std::string& tail :
       {std::string("<!-- never closed ") + std::string(100000, 'c'),
        std::string("<script>var a = '") + std::string(100000, 's'),
        std::string("<style>p{color:red") + std::string(100000, 't'),
        std::string(
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"x"),
        std::string("<div class=\"a") + std::string(100000, 'q'), std::string("<"),
        std::string("</"), std::string("<!"), std::string("<![CDATA[ open")}) {
    auto doc = ExtractArticle(
        Article("<p>Paragraph before the broken part, long enough to count.</p>") + tail,
        "https://example.com/a");
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  }
}

TEST(ArticleRobustness, UnterminatedCommentHidesTheRest) {
  auto doc =
      ExtractArticle(Article("<p>Visible paragraph that a reader sees before the comment starts "
                             "here.</p><!-- <p>hidden "
                             "paragraph inside an unterminated comment that must not appear</p>"),
                     "https://example.com/a");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find("Visible paragraph"), std::string::npos);
  EXPECT_EQ(doc->text.find("hidden paragraph"), std::string::npos);
}

TEST(ArticleRobustness, InvalidUtf8GivesValidUtf8Output) {
  std::string bad =
      "<html><head><title>Ti\xff\xfetle \xc3</title><meta property=\"og:title\" "
      "content=\"A\xed\xa0\x80"
      "B\"><script "
      "type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"H\xc0\xaf\","
      "\"author\":\"By J\xe2\x82 Kim\"}</script></head><body><div "
      "class=\"article-body\"><p>Caf\xe9 "
      "text with \xf8\x88\x80\x80\x80 overlong and \xe2\x28\xa1 broken sequences, long enough to "
      "be "
      "the body of this article.</p></div></body></html>";
  auto doc = ExtractArticle(bad, "https://example.com/a");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  // Strict dump throws on invalid UTF-8: every output string must be valid.
  EXPECT_NO_THROW((void)ToJson(*doc).dump());
  EXPECT_NE(doc->text.find("overlong"), std::string::npos);
}

TEST(ArticleRobustness, EmptyAndTinyInputs) {
  for (const char* s :
       {"", " ", "<", ">", "&", "&#", "&#x110000;", "<html>", "</html>", "\0\0\0"}) {
    auto doc = ExtractArticle(s, "");
    ASSERT_TRUE(doc.ok());
    EXPECT_TRUE(doc->links.empty());
  }
}

TEST(ArticleRobustness, HugeJsonLdAndDeepJson) {
  std::string deep(200000, '[');
  auto doc = ExtractArticle("<script type=\"application/ld+json\">" + deep + "</script><p>x</p>",
                            "https://e.com/");
  ASSERT_TRUE(doc.ok());
  std::string objs = "<script type=\"application/ld+json\">[";
  for (int i = 0; i < 20000; ++i) objs += "{\"@type\":\"Thing\",\"name\":\"n\"},";
  objs += "{}]</script>";
  doc = ExtractArticle(objs, "https://e.com/");
  ASSERT_TRUE(doc.ok());
}

}  // namespace
}  // namespace hallyu
