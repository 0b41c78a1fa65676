#pragma once
// XML sitemaps (urlset), sitemap indexes (sitemapindex) and Google News sitemaps
// (news:news/news:publication_date, news:title), plain or gzip-compressed, and the
// horizon filter that keeps only recent entries.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/base/status.h"

namespace hallyu {

struct SitemapUrl {
  std::string loc;                           // absolute URL
  std::optional<int64_t> lastmod;            // Unix seconds UTC
  std::string news_title;                    // news:title, plain text
  std::optional<int64_t> news_published_at;  // news:publication_date
  std::string news_publication;              // news:publication/news:name
  std::string news_language;                 // news:publication/news:language

  // news_published_at, else lastmod.
  std::optional<int64_t> Time() const { return news_published_at ? news_published_at : lastmod; }
};

struct SitemapRef {
  std::string loc;
  std::optional<int64_t> lastmod;
};

struct Sitemap {
  bool is_index = false;
  std::vector<SitemapUrl> urls;      // urlset
  std::vector<SitemapRef> sitemaps;  // sitemapindex
};

struct SitemapParseOptions {
  std::string url;                 // where it was fetched; base for relative <loc>
  int default_offset_minutes = 0;  // zone for dates without one, minutes east of UTC
  size_t max_bytes = 50u << 20;    // cap on the (inflated) body; the protocol's 50 MiB
  size_t max_urls = 50000;         // entries past this are dropped (protocol limit)
};

// Inflates a gzip (or zlib) stream, refusing output larger than `max_output` bytes
// (kTooLarge) and corrupt data (kParse).
Result<std::string> InflateGzip(std::string_view compressed, size_t max_output);

// True when `body` starts with the gzip magic bytes 1f 8b.
bool IsGzip(std::string_view body);

// Parses a sitemap or sitemap index; gzip bodies (by magic bytes) are inflated first
// within max_bytes. Returns kTooLarge over the cap, kUnsupported when the root is
// neither <urlset> nor <sitemapindex>, kParse for bodies that are not XML.
Result<Sitemap> ParseSitemap(std::string_view body, const SitemapParseOptions& options = {});

// Entries whose time (Time()) is at or after now - horizon_seconds. Undated entries
// are kept only when keep_undated is true.
std::vector<SitemapUrl> FreshSitemapUrls(const std::vector<SitemapUrl>& urls, int64_t now,
                                         int64_t horizon_seconds, bool keep_undated = false);

// Child sitemaps of an index worth fetching: lastmod within the horizon, or no
// lastmod at all (we cannot tell, so we look).
std::vector<SitemapRef> FreshChildSitemaps(const std::vector<SitemapRef>& refs, int64_t now,
                                           int64_t horizon_seconds);

}  // namespace hallyu
