#include "extractors/feeds/sitemap_parser.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <map>

#include "extractors/html/listing_filter.h"
#include "extractors/text/datetime.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

using ::hallyu::testing::ReadFileOrFail;
using ::hallyu::testing::SourcePath;

constexpr int64_t kDay = 86400;

std::string Fixture(const std::string& url) {
  return ReadFileOrFail(SourcePath("tests/data/sitemaps/" + url.substr(url.rfind('/') + 1)));
}

TEST(Sitemap, IndexToSitemapsToFreshEntriesIncludingGzip) {
  const std::string index_url = "https://www.kstarnews.example.co.kr/sitemap_index.xml";
  SitemapParseOptions o;
  o.url = index_url;
  o.default_offset_minutes = kKstOffsetMinutes;
  Result<Sitemap> index = ParseSitemap(Fixture(index_url), o);
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  ASSERT_TRUE(index->is_index);
  ASSERT_EQ(index->sitemaps.size(), 3u);
  EXPECT_EQ(index->sitemaps[1].loc,
            "https://www.kstarnews.example.co.kr/sitemap-articles-recent.xml");

  const int64_t now = *ParseDateTime("2024-05-02T00:00:00Z");
  std::vector<SitemapRef> children = FreshChildSitemaps(index->sitemaps, now, 2 * kDay);
  ASSERT_EQ(children.size(), 2u);  // the 2023 archive is skipped by its lastmod
  EXPECT_EQ(children[0].loc, "https://www.kstarnews.example.co.kr/sitemap-news.xml.gz");

  std::vector<SitemapUrl> fresh;
  std::map<std::string, SitemapUrl> by_loc;
  for (const SitemapRef& child : children) {
    std::string body = Fixture(child.loc);
    if (child.loc.ends_with(".gz")) {
      ASSERT_TRUE(IsGzip(body));
    }
    o.url = child.loc;
    Result<Sitemap> sm = ParseSitemap(body, o);
    ASSERT_TRUE(sm.ok()) << child.loc << ": " << sm.status().ToString();
    ASSERT_FALSE(sm->is_index);
    for (const SitemapUrl& u : FreshSitemapUrls(sm->urls, now, 2 * kDay)) {
      fresh.push_back(u);
      by_loc[u.loc] = u;
    }
  }
  ASSERT_EQ(fresh.size(), 3u);
  const SitemapUrl& news =
      by_loc["https://www.kstarnews.example.co.kr/news/articleView.html?idxno=900001"];
  EXPECT_EQ(news.news_title, "변우석, 새 드라마 <선재 업고 튀어> 후속 출연 확정");
  EXPECT_EQ(news.news_publication, "케이스타뉴스");
  EXPECT_EQ(news.news_language, "ko");
  ASSERT_TRUE(news.news_published_at);
  EXPECT_EQ(FormatRfc3339(*news.news_published_at), "2024-05-01T06:20:00Z");
  const SitemapUrl& kst =
      by_loc["https://www.kstarnews.example.co.kr/news/articleView.html?idxno=900002&sc=ent"];
  ASSERT_TRUE(kst.news_published_at);
  EXPECT_EQ(FormatRfc3339(*kst.news_published_at), "2024-05-01T00:00:00Z");
  EXPECT_EQ(by_loc.count("https://www.kstarnews.example.co.kr/news/articleView.html?idxno=900003"),
            1u);
  EXPECT_EQ(by_loc.count("https://www.kstarnews.example.co.kr/news/articleView.html?idxno=800000"),
            0u);
  EXPECT_EQ(by_loc.count("https://www.kstarnews.example.co.kr/about"), 0u);
}

TEST(Sitemap, RelativeLocResolvedAndUndatedKeptOnRequest) {
  SitemapParseOptions o;
  o.url = "https://www.kstarnews.example.co.kr/sitemap-articles-recent.xml";
  Result<Sitemap> sm = ParseSitemap(Fixture(o.url), o);
  ASSERT_TRUE(sm.ok());
  ASSERT_EQ(sm->urls.size(), 3u);
  EXPECT_EQ(sm->urls[1].loc,
            "https://www.kstarnews.example.co.kr/news/articleView.html?idxno=900004");
  const int64_t now = *ParseDateTime("2024-05-02T00:00:00Z");
  EXPECT_EQ(FreshSitemapUrls(sm->urls, now, 2 * kDay, /*keep_undated=*/true).size(), 2u);
  EXPECT_EQ(FreshSitemapUrls(sm->urls, now, 10 * kDay).size(), 2u);
}

std::string Compress(const std::string& raw) {
  uLongf n = compressBound(static_cast<uLong>(raw.size()));
  std::string out(n, '\0');
  EXPECT_EQ(
      compress2(reinterpret_cast<Bytef*>(out.data()), &n,
                reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()), 9),
      Z_OK);
  out.resize(n);
  return out;
}

TEST(Sitemap, GzipBombRefusedAtCap) {
  std::string zeros(64u << 20, ' ');  // 64 MiB of spaces compresses to ~64 KiB
  std::string packed = Compress(zeros);
  zeros.clear();
  zeros.shrink_to_fit();
  Result<std::string> r = InflateGzip(packed, 1u << 20);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kTooLarge);
}

TEST(Sitemap, CorruptGzipIsParseError) {
  std::string gz = Fixture("sitemap-news.xml.gz");
  gz.resize(gz.size() / 2);
  Result<Sitemap> sm = ParseSitemap(gz);
  ASSERT_FALSE(sm.ok());
  EXPECT_EQ(sm.status().code(), ErrorCode::kParse);
}

TEST(Sitemap, NonSitemapRejected) {
  Result<Sitemap> sm = ParseSitemap("<rss><channel/></rss>");
  ASSERT_FALSE(sm.ok());
  EXPECT_EQ(sm.status().code(), ErrorCode::kUnsupported);
}

TEST(ListingLinkFilter, IncludeAndExcludePatterns) {
  Result<ListingLinkFilter> f = ListingLinkFilter::Create(
      {R"(/news/articleView\.html\?idxno=\d+$)", R"(/entertainment/\d{4}/)"},
      {R"(idxno=1\d{5}$)", R"(/entertainment/\d{4}/.*/gallery)"});
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  std::vector<std::string> kept = f->Filter({
      "https://news.example.co.kr/news/articleView.html?idxno=200001",
      "https://news.example.co.kr/news/articleView.html?idxno=100001",  // excluded
      "https://news.example.co.kr/news/articleList.html?sc_section_code=S1N3",
      "https://news.example.co.kr/news/articleView.html?idxno=200001",  // duplicate
      "https://en.example.com/entertainment/2024/05/01/story",
      "https://en.example.com/entertainment/2024/05/01/gallery/1",
      "https://en.example.com/login",
  });
  EXPECT_EQ(kept, (std::vector<std::string>{
                      "https://news.example.co.kr/news/articleView.html?idxno=200001",
                      "https://en.example.com/entertainment/2024/05/01/story"}));
}

TEST(ListingLinkFilter, EmptyIncludeKeepsAllButExcluded) {
  Result<ListingLinkFilter> f = ListingLinkFilter::Create({}, {"/tag/"});
  ASSERT_TRUE(f.ok());
  EXPECT_TRUE(f->Keeps("https://a.example.com/story"));
  EXPECT_FALSE(f->Keeps("https://a.example.com/tag/kpop"));
  EXPECT_EQ(f->Filter({"https://a/1", "https://a/2", "https://a/3"}, 2).size(), 2u);
}

TEST(ListingLinkFilter, BadPatternIsInvalidArgument) {
  Result<ListingLinkFilter> f = ListingLinkFilter::Create({"(unclosed"}, {});
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(f.status().message().find("(unclosed"), std::string::npos);
}

}  // namespace
}  // namespace hallyu
