// Class and id hints that look like boilerplate but belong to the article (issue 16): the
// article must survive them, while real boilerplate beside it still goes.
#include <gtest/gtest.h>

#include <string>

#include "extractors/html/article_extractor.h"

namespace hallyu {
namespace {

const char kPara1[] =
    "The production company said on Monday that the drama will start filming in spring, and "
    "that the lead actors met for the first script reading last week in Seoul.";
const char kPara2[] =
    "According to the network, the series has twelve episodes, each about an hour long, and "
    "it is planned for the second half of the year after a short pre-production.";
const char kSidebar[] =
    "Most viewed this week: ten photos from the red carpet that everybody is talking about now.";

// A page with a navigation bar, the article inside `open`...`close`, a sidebar and a footer.
std::string Page(const std::string& open, const std::string& close) {
  return "<html><body><nav><a href=\"/\">Home</a> <a href=\"/tv\">TV</a></nav>"
         "<div class=\"layout\">" +
         open + "<h1>Drama news</h1><p>" + kPara1 + "</p><p>" + kPara2 + "</p>" + close +
         "<div class=\"sidebar related-posts\"><p>" + kSidebar +
         "</p></div></div><footer><p>Copyright notice of the site, written as a sentence "
         "for the test.</p></footer></body></html>";
}

void ExpectArticleOnly(const std::string& html) {
  auto doc = ExtractArticle(html, "https://news.example/a");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find(kPara1), std::string::npos) << doc->text;
  EXPECT_NE(doc->text.find(kPara2), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Most viewed"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Copyright"), std::string::npos) << doc->text;
}

TEST(ArticleHints, WordPressPostClassesOnTheArticle) {
  ExpectArticleOnly(
      Page("<div class=\"content-body\"><article id=\"post-812\" class=\"post-812 post type-post "
           "status-publish format-standard has-post-thumbnail hentry category-drama tag-casting "
           "tag-netflix\">",
           "</article></div>"));
}

TEST(ArticleHints, DrupalLabelHiddenField) {
  ExpectArticleOnly(
      Page("<div class=\"entry-content\"><div class=\"field field--name-body "
           "field--type-text-with-summary field--label-hidden field__item\">",
           "</div></div>"));
}

TEST(ArticleHints, CommentaryIsNotComments) {
  ExpectArticleOnly(
      Page("<div class=\"article-body\"><div class=\"commentary-text\">", "</div></div>"));
}

// Kinja marks a post that has comments with a state class on the <article> itself; a short
// notice elsewhere on the page must not win because the article read as comments.
TEST(ArticleHints, CommentedStateClassIsNotComments) {
  ExpectArticleOnly(
      Page("<div class=\"notice\"><p>The site is in read-only mode while we work on it.</p>"
           "</div><article class=\"post hentry js_post_item status-published commented\"><div "
           "class=\"post-content\">",
           "</div></article>"));
  // A ranking of the most commented stories is still boilerplate.
  auto doc = ExtractArticle(
      Page("<div class=\"story\">", "</div><div class=\"most-commented\"><p>" +
                                        std::string(kSidebar) + " Again, with comments.</p></div>"),
      "https://news.example/a");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text.find("Again, with comments"), std::string::npos) << doc->text;
}

TEST(ArticleHints, PageBuilderWidgetContainer) {
  ExpectArticleOnly(
      Page("<div class=\"elementor-element elementor-element-3fa elementor-widget "
           "elementor-widget-theme-post-content\"><div class=\"elementor-widget-container\">",
           "</div></div>"));
}

TEST(ArticleHints, LayoutFlagWithSidebar) {
  ExpectArticleOnly(Page("<div class=\"article-content\"><div class=\"ArticlePage-withSidebar\">",
                         "</div></div>"));
}

TEST(ArticleHints, WrapperWhoseIdReadsAsAdHoldingTheArticle) {
  ExpectArticleOnly(Page("<div id=\"cuerpo-ad\">", "</div>"));
}

TEST(ArticleHints, WrapperWhoseIdIsTopHoldingTheArticle) {
  ExpectArticleOnly(Page("<div class=\"post-content\"><div id=\"top\">", "</div></div>"));
}

// The wrapper rule must not let a large block of related stories in: related stories are
// boilerplate whatever their size.
TEST(ArticleHints, LargeRelatedStoriesBlockStillDropped) {
  std::string related;
  for (int i = 0; i < 12; ++i)
    related += "<p>Another drama number " + std::to_string(i) +
               " confirmed its cast this week, and the network plans to air it in the autumn.</p>";
  auto doc =
      ExtractArticle("<html><body><main><div class=\"article-body\"><p>" + std::string(kPara1) +
                         "</p><p>" + kPara2 + "</p><div class=\"related-stories\">" + related +
                         "</div></div></main></body></html>",
                     "https://news.example/a");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find(kPara1), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Another drama"), std::string::npos) << doc->text;
}

// An Elementor article: each part is a text-editor widget in its own top-level column. The
// layout classes ("elementor-top-column") and the widget-type classes
// ("elementor-widget-text-editor") must not read as "top" or "widget" boilerplate, while a
// share-buttons widget still goes.
TEST(ArticleHints, ElementorLayoutAndWidgetTypeClasses) {
  const std::string parts[] = {kPara1, kPara2,
                               "The cast also includes two newcomers, who were chosen in an "
                               "open audition, and a veteran actor returning after ten years.",
                               "A teaser is due next month, and the broadcaster said the title "
                               "song will be sung by the lead actress herself."};
  std::string html =
      R"(<html><body><div class="elementor elementor-812"><div class="elementor-inner">)";
  for (const std::string& part : parts) {
    html += R"(<section class="elementor-section elementor-top-section elementor-section-boxed">)"
            R"(<div class="elementor-container elementor-column-gap-default">)"
            R"(<div class="elementor-column elementor-col-100 elementor-top-column">)"
            R"(<div class="elementor-widget-wrap">)"
            R"(<div class="elementor-element elementor-widget elementor-widget-text-editor">)"
            R"(<div class="elementor-widget-container">)"
            R"(<div class="elementor-text-editor elementor-clearfix"><p>)" +
            part + "</p></div></div></div></div></div></div></section>";
  }
  html += R"(<div class="elementor-element elementor-widget elementor-widget-share-buttons">)"
          R"(<div class="elementor-widget-container"><p>Share this story with your friends on )"
          R"(every network, and follow us for more casting news.</p></div></div></div></div>)"
          R"(<footer><p>Copyright notice of the site, written as a sentence for the test.</p>)"
          R"(</footer></body></html>)";
  auto doc = ExtractArticle(html, "https://news.example/a");
  ASSERT_TRUE(doc.ok());
  for (const std::string& part : parts)
    EXPECT_NE(doc->text.find(part), std::string::npos) << "missing: " << part << "\n" << doc->text;
  EXPECT_EQ(doc->text.find("Share this story"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Copyright"), std::string::npos) << doc->text;
}

// A tag list is still a tag list when it is not a WordPress post's own class.
TEST(ArticleHints, TagListBesideTheArticleStillDropped) {
  auto doc = ExtractArticle(
      "<html><body><article><div class=\"story\"><p>" + std::string(kPara1) + "</p><p>" + kPara2 +
          "</p><div class=\"tag-list\"><p>Tags: casting, Netflix, drama, spring schedule, "
          "script reading, Seoul, production news</p></div></div></article></body></html>",
      "https://news.example/a");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find(kPara2), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Tags:"), std::string::npos) << doc->text;
}

// Drupal writes the page's layout into <body class> ("one-sidebar sidebar-first"): that is
// no sign that everything is a sidebar, so a related-stories box whose inner block is
// named "content" must not win over the article.
TEST(ArticleHints, LayoutClassesOnTheBodyAreNotBoilerplate) {
  ExpectArticleOnly(
      "<html><body class=\"html not-front one-sidebar sidebar-first node-type-article\">"
      "<div class=\"layout\"><div class=\"col-a\"><h1>Drama news</h1><p>" +
      std::string(kPara1) + "</p><p>" + kPara2 +
      "</p></div><div class=\"related-posts\"><div class=\"content\"><p>" + kSidebar +
      "</p></div></div></div></body></html>");
}

// A one-paragraph promotion in a block named "content" outscores, by its class word alone,
// an article of three paragraphs in a wrapper with a misspelt class; the block with four
// times the text and a fair score is the article.
TEST(ArticleHints, MuchLongerArticleBeatsShortContentNamedBlock) {
  const std::string para3 =
      "Tickets for the premiere screening go on sale next week, and the cast will meet fans "
      "at a small stage event in Busan before the first episode airs on the network.";
  const std::string promo =
      "Subscribe to our weekly letter, and get the newest stage discounts before anyone else.";
  auto doc = ExtractArticle(
      "<html><body><div class=\"layout\"><div class=\"col span_8\"><h1>Drama news</h1>"
      "<div class=\"full_articel\"><p>" +
          std::string(kPara1) + "</p><p>" + kPara2 + "</p><p>" + para3 +
          "</p></div></div><div class=\"col span_4\"><div class=\"node\"><div "
          "class=\"content\"><p>" +
          promo + "</p></div></div></div></div></body></html>",
      "https://news.example/a");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find(kPara1), std::string::npos) << doc->text;
  EXPECT_NE(doc->text.find(para3), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Subscribe"), std::string::npos) << doc->text;
}

// Pages where the article's own wrapper carries a word of boilerplate (issue 16, empty bodies
// of the multilingual corpus): a notice above the layout must not win over the article.
std::string PageWithNotice(const std::string& open, const std::string& close) {
  const std::string notice =
      "<div class=\"site-notice\"><p>Our offices are closed on Friday, and letters sent this "
      "week will be answered on Monday.</p><p>The shop stays open, and parcels leave as usual, "
      "twice a day.</p></div>";
  std::string page = Page(open, close);
  page.insert(page.find("<div class=\"layout\">"), notice);
  return page;
}

void ExpectArticleNotNotice(const std::string& html) {
  ExpectArticleOnly(html);
  auto doc = ExtractArticle(html, "https://news.example/a");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text.find("Our offices"), std::string::npos) << doc->text;
}

// A sticky-sidebar script wraps the article's column as well as the sidebar.
TEST(ArticleHints, StickySidebarHookAroundTheArticleColumn) {
  ExpectArticleNotNotice(PageWithNotice(
      "<div class=\"theiaStickySidebar\"><article class=\"post\"><div class=\"post-entry\">",
      "</div></article></div>"));
}

// A BEM modifier of state on the layout around the article.
TEST(ArticleHints, BemModifierHasSidebarOnTheLayout) {
  ExpectArticleNotNotice(PageWithNotice(
      "<div class=\"page__layout page__layout--has-sidebar\"><div class=\"story-text\">",
      "</div></div>"));
}

// A feature switched on for the article ("enable-pin-share").
TEST(ArticleHints, EnabledFeatureClassOnTheArticle) {
  ExpectArticleNotNotice(
      PageWithNotice("<article class=\"full-content enable-pin-share\"><div class=\"entry\">",
                     "</div></article>"));
}

// The post's text block first names itself, then its share bar ("entry themeform share").
TEST(ArticleHints, ShareWordAfterTheEntryClassWord) {
  ExpectArticleNotNotice(PageWithNotice(
      "<div class=\"entry themeform share\"><div class=\"entry-inner\">", "</div></div>"));
}

// A wrapper named for sticky share icons whose text is almost all the entry's content.
TEST(ArticleHints, SocialIconsWrapperAroundTheEntryContent) {
  ExpectArticleNotNotice(
      PageWithNotice("<div id=\"socialicons-sticky\"><div class=\"entry-content\">",
                     "</div><a href=\"/s\">Share</a></div>"));
}

// A shop's description inside its product form, in the entry's content.
TEST(ArticleHints, TextInsideAFormHoldingTheEntry) {
  ExpectArticleNotNotice(
      PageWithNotice("<div class=\"entry-content\"><form class=\"product-form\" action=\"/cart\" "
                     "method=\"post\"><div class=\"description\">",
                     "</div><input type=\"submit\" value=\"Buy\"></form></div>"));
}

// A cookie dialog named in German ("DSGVO", the GDPR) with far more text than the article.
TEST(ArticleHints, DsgvoPrivacyDialogIsBoilerplate) {
  std::string dialog = "<div class=\"cmp-dsgvo-popup\"><div class=\"cmp-dsgvo-text\">";
  for (int i = 0; i < 12; ++i)
    dialog += "<p>Service number " + std::to_string(i) +
              " stores a cookie, which keeps your choice for a year, and it shares it with its "
              "partner, as the privacy rules allow.</p>";
  dialog += "</div></div>";
  std::string html = Page("<div class=\"story\">", "</div>");
  html.insert(html.find("<body>") + 6, dialog);
  ExpectArticleOnly(html);
  auto doc = ExtractArticle(html, "https://news.example/a");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text.find("Service number"), std::string::npos) << doc->text;
}

// The row that lays the article's column out beside its sidebar is named for the sidebar
// ("row articleSidebar"); the article holds most of its text.
TEST(ArticleHints, LayoutRowNamedForItsSidebarHoldsTheArticle) {
  ExpectArticleNotNotice(PageWithNotice(
      "<div class=\"row articleSidebar\"><div class=\"col-main\"><article><div "
      "class=\"article__text\">",
      "</div></article></div><div class=\"col-side\"><p><a href=\"/x\">Read the other "
      "story</a></p></div></div>"));
}

// A test report cut into sections whose BEM modifier says they carry ad slots
// ("Report__Section--ads"): the sections are the report.
TEST(ArticleHints, BemModifierAdsOnTheArticleSections) {
  const std::string para3 =
      "Tickets for the premiere screening go on sale next week, and the cast will meet fans at "
      "a small stage event in Busan before the first episode airs.";
  std::string html =
      "<html><body><div class=\"site-notice\"><p>Our offices are closed on Friday, and letters "
      "sent this week will be answered on Monday.</p><p>The shop stays open, and parcels leave "
      "as usual, twice a day.</p></div><main><div class=\"article-body\">";
  for (const std::string& p : {std::string(kPara1), std::string(kPara2), para3})
    html += "<section class=\"Report__Section Report__Section--ads\"><h2>Part</h2><p>" + p +
            "</p><div class=\"ad-slot\"></div></section>";
  html +=
      "</div></main><footer><p>Copyright notice of the site, written as a sentence for the "
      "test.</p></footer></body></html>";
  auto doc = ExtractArticle(html, "https://news.example/a");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find(kPara1), std::string::npos) << doc->text;
  EXPECT_NE(doc->text.find(para3), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Our offices"), std::string::npos) << doc->text;
}

// A forum thread's list of posts carries a script's hook named for replying
// ("js-replyNewMessageContainer"): a hook, not a block of replies.
TEST(ArticleHints, ScriptHookClassIsNoRole) {
  ExpectArticleNotNotice(PageWithNotice(
      "<div class=\"block-body js-replyNewMessageContainer\"><article class=\"message\"><div "
      "class=\"message-body\">",
      "</div></article></div>"));
}

// The lead set in the article's header, below the headline: the header is left out as a
// page header, but its lead paragraph is the text's first; the byline and the site's own
// header stay out.
TEST(ArticleHints, LeadParagraphInTheArticleHeader) {
  const std::string lead =
      "In short: the drama adapted from a popular web novel has found its lead pair, and the "
      "first table read took place in Seoul this week.";
  auto doc = ExtractArticle(
      "<html><body><header class=\"site-header\"><p>The site about dramas, films and music from "
      "Korea, since 2009.</p></header><main><article class=\"post\"><header "
      "class=\"entry-header\"><h1>Drama news</h1><p class=\"excerpt\">" +
          lead +
          "</p><div class=\"byline\">By a staff writer, published on Monday morning at nine, "
          "updated later.</div></header><div class=\"entry-content\"><p>" +
          kPara1 + "</p><p>" + kPara2 + "</p></div></article></main></body></html>",
      "https://news.example/a");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text.find(lead), 0u) << doc->text;
  EXPECT_NE(doc->text.find(kPara2), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("staff writer"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("since 2009"), std::string::npos) << doc->text;
}

}  // namespace
}  // namespace hallyu
