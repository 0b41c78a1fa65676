// Sitemap-index fan-out is bounded (issue 20, case 4): nested indexes stop at
// SitemapIndexLimits::max_depth, one index gives at most max_children, one poll of a
// source at most max_per_poll child sitemaps, and what is dropped is counted.
#include <gtest/gtest.h>

#include <deque>
#include <string>

#include "crawler/sources/source_reader.h"

namespace hallyu {
namespace {

CrawlSource SitemapSource(const std::string& url) {
  CrawlSource s;
  s.name = "hostile-sitemaps";
  s.kind = SourceKind::kSitemap;
  s.url = url;
  return s;
}

// A sitemap index listing `n` children of `url` (no lastmod: always fresh).
std::string IndexOf(const std::string& url, int n) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (int i = 0; i < n; ++i) {
    xml += "<sitemap><loc>" + url.substr(0, url.size() - 4) + "-" + std::to_string(i) +
           ".xml</loc></sitemap>\n";
  }
  return xml + "</sitemapindex>\n";
}

constexpr int64_t kNow = 1767225600;  // 2026-01-01

// Reads `root` and every child sitemap the reader hands back, breadth first, the way a
// crawl follows child_sources; every sitemap is an index of `fanout` new indexes.
// Returns the number of sitemaps read (stopping at `cap`) and the children dropped.
std::pair<int, std::size_t> Crawl(const std::string& root, int fanout, int cap) {
  const CrawlSource source = SitemapSource(root);
  std::deque<std::string> queue = {root};
  int reads = 0;
  std::size_t dropped = 0;
  while (!queue.empty() && reads < cap) {
    const std::string url = queue.front();
    queue.pop_front();
    ++reads;
    Result<SourceItems> items =
        ReadSourceResponse(source, IndexOf(url, fanout), url, "application/xml", kNow);
    EXPECT_TRUE(items.ok()) << items.status().ToString();
    if (!items.ok()) break;
    dropped += items->child_sources_dropped;
    for (const std::string& child : items->child_sources) queue.push_back(child);
  }
  return {reads, dropped};
}

TEST(SitemapIndex, IndexesOfNewIndexesEndWithinTheLimits) {
  const SitemapIndexLimits limits = SitemapFanout::Default().limits();
  // Before the limits this never ended: every index gave 50 new ones.
  auto [reads, dropped] = Crawl("http://endless.example/index.xml", 50, 100000);
  EXPECT_LE(reads, 1 + static_cast<int>(limits.max_per_poll));
  EXPECT_GT(dropped, 0u);
  // Depth alone: 3 children per index stays under max_per_poll; the indexes at
  // max_depth list nothing (1 + 3 + 9 read with max_depth 2).
  auto [narrow_reads, narrow_dropped] = Crawl("http://narrow.example/index.xml", 3, 100000);
  EXPECT_EQ(narrow_reads, 1 + 3 + 9);
  EXPECT_EQ(narrow_dropped, 27u);
}

TEST(SitemapIndex, ChildrenPerIndexAreCappedAndEachPollStartsAfresh) {
  const SitemapIndexLimits limits = SitemapFanout::Default().limits();
  const std::string root = "http://wide.example/index.xml";
  const CrawlSource source = SitemapSource(root);
  const int n = static_cast<int>(limits.max_children) + 100;
  for (int poll = 0; poll < 3; ++poll) {
    Result<SourceItems> items =
        ReadSourceResponse(source, IndexOf(root, n), root, "application/xml", kNow);
    ASSERT_TRUE(items.ok()) << items.status().ToString();
    EXPECT_EQ(items->child_sources.size(), limits.max_children) << "poll " << poll;
    EXPECT_EQ(items->child_sources_dropped, 100u);
  }
}

TEST(SitemapIndex, FreshestChildrenAreKept) {
  SitemapFanout fanout(SitemapIndexLimits{2, 2, 10});
  std::string why;
  EXPECT_EQ(fanout.Admit("http://a.example/i.xml", {"http://a.example/1.xml"}, &why), 1u);
  EXPECT_TRUE(why.empty());
  EXPECT_EQ(
      fanout.Admit("http://a.example/i.xml",
                   {"http://a.example/1.xml", "http://a.example/2.xml", "http://a.example/3.xml"},
                   &why),
      2u);
  EXPECT_NE(why.find("max_children"), std::string::npos) << why;

  // Through the reader: newest lastmod first, undated last.
  const std::string root = "http://dated.example/index.xml";
  std::string xml =
      "<?xml version=\"1.0\"?><sitemapindex "
      "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
      "<sitemap><loc>http://dated.example/undated.xml</loc></sitemap>"
      "<sitemap><loc>http://dated.example/old.xml</loc><lastmod>2025-12-31T00:00:00Z</lastmod>"
      "</sitemap>"
      "<sitemap><loc>http://dated.example/new.xml</loc><lastmod>2025-12-31T12:00:00Z</lastmod>"
      "</sitemap></sitemapindex>";
  Result<SourceItems> items =
      ReadSourceResponse(SitemapSource(root), xml, root, "application/xml", kNow);
  ASSERT_TRUE(items.ok()) << items.status().ToString();
  ASSERT_EQ(items->child_sources.size(), 3u);
  EXPECT_EQ(items->child_sources[0], "http://dated.example/new.xml");
  EXPECT_EQ(items->child_sources[1], "http://dated.example/old.xml");
  EXPECT_EQ(items->child_sources[2], "http://dated.example/undated.xml");
}

TEST(SitemapIndex, CyclesEndAtTheDepthLimit) {
  SitemapFanout fanout(SitemapIndexLimits{2, 100, 100});
  std::string why;
  // a lists b, b lists a, a lists b...: depth 0, 1, then nothing.
  EXPECT_EQ(fanout.Admit("http://c.example/a.xml", {"http://c.example/b.xml"}, &why), 1u);
  EXPECT_EQ(fanout.Admit("http://c.example/b.xml", {"http://c.example/a.xml"}, &why), 1u);
  EXPECT_EQ(fanout.Admit("http://c.example/a.xml", {"http://c.example/b.xml"}, &why), 0u);
  EXPECT_NE(why.find("max_depth"), std::string::npos) << why;
  // The next poll of a (no index listed it since) starts at depth 0 again.
  EXPECT_EQ(fanout.Admit("http://c.example/a.xml", {"http://c.example/b.xml"}, &why), 1u);
}

}  // namespace
}  // namespace hallyu
