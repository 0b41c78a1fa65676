// ExtractArticle's explanation (`hallyu inspect page --explain`, issue 16): the container it
// chose, its score, the candidates that lost and the hints that penalised them.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "extractors/html/article_extractor.h"

namespace hallyu {
namespace {

bool AnyPenaltyMentions(const ExplainedBlock& b, const std::string& word) {
  return std::any_of(b.penalties.begin(), b.penalties.end(),
                     [&](const std::string& p) { return p.find(word) != std::string::npos; });
}

const char kParagraph[] =
    "<p>The actor will lead the new series, the studio said on Monday, and filming starts in "
    "the spring, with the first episode planned for the autumn schedule.</p>";

// A plain article and a sidebar of teasers; no strong hint, so the scores decide.
std::string ScoredPage() {
  std::string article;
  for (int i = 0; i < 4; ++i) article += kParagraph;
  std::string teasers;
  for (int i = 0; i < 3; ++i) {
    teasers +=
        "<div class=\"teaser\"><p>Another story, with a long teaser, about a concert, a tour, "
        "an album, and a fan meeting that sold out in minutes.</p></div>";
  }
  return "<html><body><div id=\"page\"><div class=\"story\">" + article +
         "<div class=\"share-tools\"><p>Share this story with your friends, on every network "
         "you use, today.</p></div></div><div class=\"sidebar\">" +
         teasers + "</div></div></body></html>";
}

TEST(ArticleExplain, NamesTheScoredContainerAndTheLosersWithTheirHints) {
  ExtractionExplanation ex;
  auto doc = ExtractArticle(ScoredPage(), "https://example.com/a", {}, &ex);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(ex.method, "scored");
  EXPECT_EQ(ex.chosen.tag, "div");
  EXPECT_EQ(ex.chosen.cls, "story");
  EXPECT_EQ(ex.chosen.path, "body > div#page > div.story");
  EXPECT_GT(ex.chosen.score, 0);
  EXPECT_GT(ex.chosen.chars, 400);
  ASSERT_FALSE(ex.losers.empty());
  // The sidebar's teasers lost, penalised for the sidebar around them.
  const auto sidebar = std::find_if(
      ex.losers.begin(), ex.losers.end(),
      [](const ExplainedBlock& b) { return b.path.find("div.sidebar") != std::string::npos; });
  ASSERT_NE(sidebar, ex.losers.end());
  EXPECT_LT(sidebar->score, ex.chosen.score);
  EXPECT_TRUE(
      AnyPenaltyMentions(*sidebar, "inside boilerplate block body > div#page > div.sidebar"))
      << sidebar->path;
  for (std::size_t i = 1; i < ex.losers.size(); ++i)
    EXPECT_LE(ex.losers[i].score, ex.losers[i - 1].score);
  // One entry per competing block: the sidebar around a listed teaser is not listed again.
  for (const ExplainedBlock& a : ex.losers) {
    for (const ExplainedBlock& b : ex.losers)
      EXPECT_NE(b.path.rfind(a.path + " > ", 0), 0u) << b.path << " inside " << a.path;
  }
  // The sharing box inside the story was left out, and says why.
  const auto share = std::find_if(ex.skipped.begin(), ex.skipped.end(),
                                  [](const ExplainedBlock& b) { return b.cls == "share-tools"; });
  ASSERT_NE(share, ex.skipped.end());
  EXPECT_TRUE(AnyPenaltyMentions(*share, "'share-tools'"));
  EXPECT_EQ(doc->text.find("Share this story"), std::string::npos);
}

TEST(ArticleExplain, NamesTheStrongHintAndTheHintedBlockItRefused) {
  std::string body;
  for (int i = 0; i < 3; ++i) body += kParagraph;
  const std::string page = "<html><body><div class=\"article-body\">" + body +
                           "</div><div class=\"comment-list\"><div class=\"article-body\">" + body +
                           body + "</div></div></body></html>";
  ExtractionExplanation ex;
  ASSERT_TRUE(ExtractArticle(page, "https://example.com/b", {}, &ex).ok());
  EXPECT_EQ(ex.method, "strong hint");
  EXPECT_EQ(ex.chosen.path, "body > div.article-body");
  ASSERT_EQ(ex.losers.size(), 1u);
  EXPECT_EQ(ex.losers[0].path, "body > div.comment-list > div.article-body");
  EXPECT_TRUE(AnyPenaltyMentions(ex.losers[0], "div.comment-list"));
}

TEST(ArticleExplain, AnEmptyPageSaysNoneAndNoExplanationChangesNothing) {
  ExtractionExplanation ex;
  ex.method = "stale";
  auto doc = ExtractArticle("<html><body></body></html>", "", {}, &ex);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(ex.method, "none");
  EXPECT_TRUE(ex.losers.empty());
  // Asking for an explanation leaves the Document as it is.
  auto plain = ExtractArticle(ScoredPage(), "https://example.com/a");
  auto explained = ExtractArticle(ScoredPage(), "https://example.com/a", {}, &ex);
  ASSERT_TRUE(plain.ok() && explained.ok());
  EXPECT_EQ(plain->text, explained->text);
}

TEST(ArticleExplain, ListsTheDroppedBoilerplateParagraphs) {
  std::string body;
  for (int i = 0; i < 3; ++i) body += kParagraph;
  const std::string page = "<html><body><div class=\"article-body\">" + body +
                           "<p>Copyright 2026 Example News. All rights reserved.</p></div>"
                           "</body></html>";
  ExtractionExplanation ex;
  ASSERT_TRUE(ExtractArticle(page, "https://example.com/c", {}, &ex).ok());
  ASSERT_EQ(ex.dropped_paragraphs.size(), 1u);
  EXPECT_EQ(ex.dropped_paragraphs[0], "Copyright 2026 Example News. All rights reserved.");
}

}  // namespace
}  // namespace hallyu
