// ArticleExtractor behaviour: prescan, metadata sources, dates, links, body cleanup.
#include "extractors/html/article_extractor.h"

#include <gtest/gtest.h>

#include <string>

#include "extractors/html/article_dates.h"
#include "extractors/html/html_prescan.h"
#include "extractors/url/link_resolution.h"

namespace hallyu {
namespace {

using internal::FindLabelledDates;
using internal::FormatRfc3339Utc;
using internal::ParseDateTime;
using internal::ResolveLink;

std::string Utc(std::string_view s, int off = 540) {
  auto v = ParseDateTime(s, off);
  return v ? FormatRfc3339Utc(*v) : "none";
}

TEST(HtmlPrescan, DropsScriptAndStyleBodiesKeepsTagsAndJsonLd) {
  const std::string html =
      "<head><script>var s = '<div>not html</div>';</script><STYLE>p{}</STYLE>"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>"
      "<script type='text/javascript'>if (a < b && c > d) {}</SCRIPT ></head><body><!-- note "
      "--><p>x</p>";
  auto out = internal::PrescanHtml(html, {});
  EXPECT_EQ(
      out.html,
      "<head><script></script><STYLE></style><script type=\"application/ld+json\">{\"@type\":"
      "\"NewsArticle\"}</script><script type='text/javascript'></script></head><body><p>x</p>");
  EXPECT_FALSE(out.truncated);
}

TEST(HtmlPrescan, QuotedGreaterThanInAttributeDoesNotEndTag) {
  auto out = internal::PrescanHtml("<a title=\"a > b\" href=x>t</a><script>z</script>", {});
  EXPECT_EQ(out.html, "<a title=\"a > b\" href=x>t</a><script></script>");
}

TEST(HtmlPrescan, ElementCapTruncates) {
  std::string html;
  for (int i = 0; i < 1000; ++i) html += "<p>a</p>";
  internal::PrescanLimits limits;
  limits.max_elements = 100;
  auto out = internal::PrescanHtml(html, limits);
  EXPECT_TRUE(out.truncated);
  EXPECT_LE(out.html.size(), 100u * 8);
}

TEST(ArticleDates, Formats) {
  EXPECT_EQ(Utc("2024-05-01T15:20:00+09:00"), "2024-05-01T06:20:00Z");
  EXPECT_EQ(Utc("2024-05-01T06:20:00Z"), "2024-05-01T06:20:00Z");
  EXPECT_EQ(Utc("2024-05-01T15:20:00.000+0900", 0), "2024-05-01T06:20:00Z");
  EXPECT_EQ(Utc("2024.05.01 15:20"), "2024-05-01T06:20:00Z");
  EXPECT_EQ(Utc("2024.05.01. 오후 3:20"), "2024-05-01T06:20:00Z");
  EXPECT_EQ(Utc("2024.05.01. 오전 12:05"), "2024-04-30T15:05:00Z");
  EXPECT_EQ(Utc("2024. 5. 1. 15:20"), "2024-05-01T06:20:00Z");
  EXPECT_EQ(Utc("2024년 5월 1일 15시 20분"), "2024-05-01T06:20:00Z");
  EXPECT_EQ(Utc("2024-05-01(수) 15:20"), "2024-05-01T06:20:00Z");
  EXPECT_EQ(Utc("May 1, 2024 3:20 PM"), "2024-05-01T06:20:00Z");
  EXPECT_EQ(Utc("May 1, 2024 3:20 PM", 0), "2024-05-01T15:20:00Z");
  EXPECT_EQ(Utc("Wed, 01 May 2024 06:20:00 GMT"), "2024-05-01T06:20:00Z");
  EXPECT_EQ(Utc("01 May. 2024, 15:20 KST", 0), "2024-05-01T06:20:00Z");
  EXPECT_EQ(Utc("20240501152011"), "2024-05-01T06:20:11Z");
  EXPECT_EQ(Utc("2024-05-01"), "2024-04-30T15:00:00Z");
  EXPECT_EQ(Utc("no date here"), "none");
  EXPECT_EQ(Utc("2024-13-45 10:00"), "none");
}

TEST(ArticleDates, LabelledBylinesKeepPublishedAndUpdatedApart) {
  auto d = FindLabelledDates("입력 2024.05.01 15:20 | 수정 2024.05.01 16:05", 540);
  ASSERT_TRUE(d.published && d.updated);
  EXPECT_EQ(FormatRfc3339Utc(*d.published), "2024-05-01T06:20:00Z");
  EXPECT_EQ(FormatRfc3339Utc(*d.updated), "2024-05-01T07:05:00Z");
  d = FindLabelledDates("기사입력 : 2024-05-01 15:20 최종수정 : 2024-05-02 09:00", 540);
  EXPECT_EQ(FormatRfc3339Utc(*d.published), "2024-05-01T06:20:00Z");
  EXPECT_EQ(FormatRfc3339Utc(*d.updated), "2024-05-02T00:00:00Z");
  d = FindLabelledDates("승인 2024.05.01 15:20", 540);
  EXPECT_EQ(FormatRfc3339Utc(*d.published), "2024-05-01T06:20:00Z");
  d = FindLabelledDates("Updated : May 2, 2024 - 10:00 Published : May 1, 2024 - 15:20", 540);
  EXPECT_EQ(FormatRfc3339Utc(*d.published), "2024-05-01T06:20:00Z");
  EXPECT_EQ(FormatRfc3339Utc(*d.updated), "2024-05-02T01:00:00Z");
}

TEST(ArticleDates, FromUrl) {
  auto v = internal::DateFromUrl("https://e.com/2024/05/01/story-slug", 540);
  ASSERT_TRUE(v);
  EXPECT_EQ(FormatRfc3339Utc(*v), "2024-04-30T15:00:00Z");
  EXPECT_TRUE(internal::DateFromUrl("https://e.com/news/20240501/123", 0));
  EXPECT_FALSE(internal::DateFromUrl("https://e.com/news/12345", 0));
}

TEST(LinkResolution, ResolvesAndNormalises) {
  const std::string base = "HTTPS://News.Example.COM:443/a/b/c.html?q=1#frag";
  EXPECT_EQ(*ResolveLink(base, "d.html"), "https://news.example.com/a/b/d.html");
  EXPECT_EQ(*ResolveLink(base, "../x/./y"), "https://news.example.com/a/x/y");
  EXPECT_EQ(*ResolveLink(base, "/root?z=2#top"), "https://news.example.com/root?z=2");
  EXPECT_EQ(*ResolveLink(base, "//cdn.example.com/i.jpg"), "https://cdn.example.com/i.jpg");
  EXPECT_EQ(*ResolveLink(base, "?page=2"), "https://news.example.com/a/b/c.html?page=2");
  EXPECT_EQ(*ResolveLink(base, "http://Other.com:80"), "http://other.com/");
  EXPECT_EQ(*ResolveLink(base, " /태그/배우 "),
            "https://news.example.com/%ED%83%9C%EA%B7%B8/%EB%B0%B0%EC%9A%B0");
  EXPECT_FALSE(ResolveLink(base, "javascript:void(0)"));
  EXPECT_FALSE(ResolveLink(base, "mailto:a@b.c"));
  EXPECT_FALSE(ResolveLink(base, "#comments"));
  EXPECT_FALSE(ResolveLink(base, ""));
  EXPECT_FALSE(ResolveLink("not a url", "relative"));
  // The per-page resolver and the pre-url.h resolver agree with ResolveLink.
  internal::LinkResolver resolver(base);
  for (const char* href : {"d.html", "../x/./y", "/root?z=2#top", "//cdn.example.com/i.jpg",
                           "?page=2", "http://Other.com:80", "javascript:void(0)", "#c", ""}) {
    EXPECT_EQ(resolver.Resolve(href), ResolveLink(base, href)) << href;
    EXPECT_EQ(internal::ResolveLinkSimple(base, href), ResolveLink(base, href)) << href;
  }
  EXPECT_EQ(*ResolveLink(base, "/a?utm_source=x&id=3"), "https://news.example.com/a?id=3");
}

const char kMetaPage[] = R"(<!doctype html><html lang="ko-KR"><head>
<title>제목 - 사이트</title>
<meta property="og:title" content="OG 제목">
<meta property="og:site_name" content="한류뉴스">
<meta property="og:image" content="/img/a.jpg">
<meta property="article:tag" content="배우"><meta property="article:tag" content="드라마">
<meta name="keywords" content="OST, 배우">
<meta name="twitter:card" content="summary">
<meta property="article:section" content="연예">
<link rel="canonical" href="/news/1">
<script type="application/ld+json">[{"@type":"WebSite","name":"x"},{"@context":"https://schema.org","@graph":[
 {"@type":"BreadcrumbList"},
 {"@type":["NewsArticle"],"headline":"JSON-LD 제목","datePublished":"2024-05-01T15:20:00+09:00",
  "dateModified":"2024-05-02T09:00:00+09:00","author":[{"@type":"Person","name":"김민지 기자"},{"@type":"Person","name":"이하나"}],
  "keywords":["캐스팅"]}]}]</script>
</head><body>
<div class="article-body"><p>배우 한서연이 새 드라마의 주인공으로 나선다. 소속사는 1일 공식 입장을 통해 출연을 확정했다고 밝혔다.</p>
<p>이번 작품은 조선 시대를 배경으로 한 로맨스 사극으로, 한서연은 궁중 화원 역을 맡는다.</p>
<p><a href="https://www.other.com/x#y">링크</a> <a href="javascript:;">js</a> <a href="/news/2">다음</a> <a href="/news/2">다음</a></p>
<p>김민지 기자 minji@example.kr</p></div>
<span itemprop="genre">news</span><time datetime="2024-05-01T15:20:00+09:00">5월 1일</time>
</body></html>)";

TEST(ArticleExtractor, MetadataFromJsonLdGraphOpenGraphAndMeta) {
  auto doc = ExtractArticle(kMetaPage, "https://www.example.co.kr/news/1?utm=x");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->title, "JSON-LD 제목");
  EXPECT_EQ(doc->published_at, "2024-05-01T06:20:00Z");
  EXPECT_EQ(doc->updated_at, "2024-05-02T00:00:00Z");
  EXPECT_EQ(doc->authors, (std::vector<std::string>{"김민지", "이하나"}));
  EXPECT_EQ(doc->lang, "ko");
  EXPECT_EQ(doc->site_name, "한류뉴스");
  EXPECT_EQ(doc->section, "연예");
  EXPECT_EQ(doc->canonical_url, "https://www.example.co.kr/news/1");
  EXPECT_EQ(doc->image, "https://www.example.co.kr/img/a.jpg");
  EXPECT_EQ(doc->tags, (std::vector<std::string>{"배우", "드라마", "OST", "캐스팅"}));
  EXPECT_EQ(doc->links, (std::vector<std::string>{"https://www.other.com/x",
                                                  "https://www.example.co.kr/news/2"}));
  EXPECT_EQ(doc->metadata["opengraph"]["og:title"], "OG 제목");
  EXPECT_EQ(doc->metadata["twitter"]["twitter:card"], "summary");
  EXPECT_EQ(doc->metadata["jsonld"].size(), 1u);
  EXPECT_EQ(doc->metadata["microdata"]["genre"], "news");
  EXPECT_EQ(doc->metadata["time"][0]["datetime"], "2024-05-01T15:20:00+09:00");
  // Reporter e-mail footer is not body text.
  EXPECT_EQ(doc->text.find("minji@"), std::string::npos);
  EXPECT_NE(doc->text.find("궁중 화원"), std::string::npos);
  const auto j = ToJson(*doc);
  for (const char* k :
       {"url", "canonical_url", "title", "text", "lead", "published_at", "updated_at", "authors",
        "lang", "site_name", "section", "image", "tags", "links", "metadata"}) {
    EXPECT_TRUE(j.contains(k)) << k;
  }
}

TEST(ArticleExtractor, KoreanSiteWithoutZoneIsKstEnglishSiteIsUtc) {
  const std::string page =
      "<html lang=\"%s\"><body><div class=\"info\">입력 2024.05.01 15:20</div><div "
      "class=\"article-body\"><p>"
      "Body text long enough to be chosen as the article body for this short test page "
      "here.</p></div></body></html>";
  std::string ko = page, en = page;
  ko.replace(ko.find("%s"), 2, "ko");
  en.replace(en.find("%s"), 2, "en");
  EXPECT_EQ(ExtractArticle(ko, "https://e.com/a")->published_at, "2024-05-01T06:20:00Z");
  EXPECT_EQ(ExtractArticle(en, "https://e.com/a")->published_at, "2024-05-01T15:20:00Z");
}

TEST(ArticleExtractor, DateFromUrlWhenPageHasNone) {
  auto doc = ExtractArticle("<p>Nothing dated here at all, just words in a paragraph.</p>",
                            "https://e.com/2023/11/05/slug");
  EXPECT_EQ(doc->published_at, "2023-11-05T00:00:00Z");
}

TEST(ArticleExtractor, EnglishBylineAndMicrodata) {
  auto doc = ExtractArticle(
      R"(<html lang="en"><body><h1>Headline Here</h1><p class="byline">By Kim Min-ji and Lee Soo-jin, Staff Reporters</p>
<div itemprop="articleBody"><p>First paragraph of the story, with enough words to count as content.</p>
<p>Second paragraph of the story, also with enough words to count as real content.</p></div>
<meta itemprop="datePublished" content="2024-05-01T10:00:00Z"></body></html>)",
      "https://e.com/a");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->title, "Headline Here");
  EXPECT_EQ(doc->authors, (std::vector<std::string>{"Kim Min-ji", "Lee Soo-jin"}));
  EXPECT_EQ(doc->published_at, "2024-05-01T10:00:00Z");
  EXPECT_EQ(doc->text,
            "First paragraph of the story, with enough words to count as content.\n\n"
            "Second paragraph of the story, also with enough words to count as real content.");
}

TEST(ArticleExtractor, JsonLdArticleBodyWhenDomHasNone) {
  auto doc = ExtractArticle(
      R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","articleBody":"Line one of the body, which is long enough.\nLine two of the body, which is also quite long enough to pass the sanity threshold for bodies."}</script><div id="root">Loading...</div>)",
      "https://e.com/a");
  EXPECT_EQ(doc->text,
            "Line one of the body, which is long enough.\n\nLine two of the body, which is also "
            "quite long enough to "
            "pass the sanity threshold for bodies.");
}

// The JSON-LD articleBody is written with straight quotes and plain spaces, the page with
// curly quotes and no-break spaces, and the body leaves out the lead (the page's description):
// the same sentences and the lead stay, only the paragraph the body lacks goes.
TEST(ArticleExtractor, JsonLdBodyMatchesParagraphsDespiteTypographyAndKeepsTheLead) {
  const std::string html =
      "<html><head><meta property=\"og:description\" content=\"The drama about a night-shift "
      "pharmacist returns in May with its whole cast, the broadcaster said on Monday.\">"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":"
      "\"The second season keeps the seaside town and the 24-hour pharmacy. 'We wanted the "
      "same faces,' the director said, adding that the writers' room met in January.\\n"
      "Filming started in the autumn and ended before the holidays, so the broadcaster could "
      "book the Friday slot - the one the first season held - for twelve weeks.\\nThe lead "
      "actor said the role \\\"changed how I see night work\\\" and that the cast still "
      "shares a group chat.\\nTwo new characters join: a night-bus driver and a retired "
      "nurse who opens a bakery next to the pharmacy, and both are written as regulars.\"}"
      "</script></head><body><article><div class=\"story\">"
      "<p>The drama about a night-shift pharmacist returns in May with its whole cast, the "
      "broadcaster said on Monday.</p>"
      "<p>The second season keeps the seaside town and the 24-hour pharmacy. \xE2\x80\x98We "
      "wanted the same faces,\xE2\x80\x99 the director said, adding that the writers\xE2\x80\x99 "
      "room met in January.</p>"
      "<p>Filming started in the autumn and ended before the holidays, so the broadcaster "
      "could book the Friday slot \xE2\x80\x93 the one the first season held \xE2\x80\x93 "
      "for\xC2\xA0twelve weeks.</p>"
      "<p>The lead actor said the role \xE2\x80\x9C"
      "changed how I see night work\xE2\x80\x9D "
      "and that the cast still shares a group chat.</p>"
      "<p>Two new characters join: a night-bus driver and a retired nurse who opens a bakery "
      "next to the pharmacy, and both are written as regulars.</p>"
      "<p>Get the week's drama news in your inbox every Friday, free, with our picks.</p>"
      "</div></article></body></html>";
  auto doc = ExtractArticle(html, "https://e.com/drama/pharmacy");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find("returns in May with its whole cast"), std::string::npos) << doc->text;
  EXPECT_NE(doc->text.find("the writers\xE2\x80\x99 room met"), std::string::npos) << doc->text;
  EXPECT_NE(doc->text.find("for twelve weeks"), std::string::npos) << doc->text;
  EXPECT_NE(doc->text.find("changed how I see night work"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("in your inbox"), std::string::npos) << doc->text;
}

TEST(ArticleExtractor, RemovesBoilerplateBlocks) {
  auto doc = ExtractArticle(R"(<body><nav><a href="/">Home</a></nav>
<div class="cookie-banner"><p>We use cookies to improve your experience, analyse traffic and personalise ads on this site.</p></div>
<article><div class="entry-content"><p>The real article paragraph number one with words, commas, and more.</p>
<div class="share-buttons"><p>Share this story with your friends on every social network you use today.</p></div>
<figure><img src="a.jpg"><figcaption>Photo caption describing the picture in a full sentence here.</figcaption></figure>
<p>The real article paragraph number two, with more words and commas, too.</p>
<p>Photo: Courtesy of the agency</p>
<div class="related-articles"><p>A related story summary that reads like content but is not this article.</p></div>
</div></article><section id="comments"><p>A reader comment that is long and reads like a real paragraph of text.</p></section>
<footer><p>Company address and copyright notice for the site, written as a sentence.</p></footer></body>)",
                            "https://e.com/a");
  EXPECT_EQ(doc->text,
            "The real article paragraph number one with words, commas, and more.\n\n"
            "The real article paragraph number two, with more words and commas, too.");
}

}  // namespace
}  // namespace hallyu
