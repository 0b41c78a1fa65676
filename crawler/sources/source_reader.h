#pragma once
// What a crawl source is, and how the body fetched from it turns into work:
// page URLs to fetch (feed entries, sitemap URLs, listing links) and posts that
// are documents already (social media).

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crawler/sources/source_config.h"
#include "crawler/sources/source_state_store.h"
#include "extractors/base/status.h"

namespace hallyu {

// The crawl reads sources as configured (crawler/sources/source_config.h).
using CrawlSource = SourceConfig;

// A page the source points at.
struct PageLink {
  std::string url;           // absolute
  std::string id;            // entry id ("" when the kind has none)
  std::string title;         // title from the entry, "" when none
  std::string published_at;  // RFC 3339 UTC or ""
  std::string updated_at;    // RFC 3339 UTC or "" (sitemaps: lastmod)
};

// A post that is a document by itself.
struct SourcePost {
  std::string id;
  std::string url;
  std::string title;
  std::string text;
  std::string author;
  std::string published_at;        // RFC 3339 UTC or ""
  std::vector<std::string> links;  // outbound links in the post
};

struct SourceItems {
  std::vector<PageLink> pages;
  std::vector<SourcePost> posts;
  std::string next_page_url;               // paging (social APIs), "" when none
  std::vector<std::string> child_sources;  // sitemap index: sitemaps to read the same way
  // Sitemap index: fresh children not followed because of SitemapIndexLimits (logged).
  std::size_t child_sources_dropped = 0;
};

// Bounds on what one sitemap source fans out to through sitemap indexes. sitemaps.org
// lets an index list sitemaps, not other indexes, but a broken or hostile site can nest
// them without end (an index whose children are new indexes made 2,866 fetches in 60 s
// and a one-shot crawl never ended) or list thousands of children.
struct SitemapIndexLimits {
  // Depth of a sitemap: 0 for a URL no index listed (the source's own), else the depth of
  // the index that listed it + 1. An index at this depth or deeper lists nothing: with
  // 2, one level of nested indexes is tolerated.
  int max_depth = 2;
  // Children followed per index: the freshest (by lastmod; undated ones last, in order).
  std::size_t max_children = 500;
  // Child sitemaps followed per source URL from one read of it to the next (one poll).
  std::size_t max_per_poll = 1000;
};

// Applies SitemapIndexLimits across the indexes of a crawl: remembers which index listed
// each child (so it knows the child's depth and the source URL it descends from) until
// the child is read. One per process (SitemapFanout::Default, used by
// ReadSourceResponse); thread-safe. In a distributed crawl a child read by another
// worker starts again at depth 0 there, so the bounds hold per worker.
class SitemapFanout {
 public:
  explicit SitemapFanout(SitemapIndexLimits limits = {}) : limits_(limits) {}

  // The index at `index_url` lists `children` (preferred first): returns how many of the
  // first ones to follow (and records them), setting `why` when some are dropped.
  std::size_t Admit(const std::string& index_url, const std::vector<std::string>& children,
                    std::string* why);

  const SitemapIndexLimits& limits() const { return limits_; }

  static SitemapFanout& Default();

 private:
  struct Listed {
    int depth = 0;
    std::string root;  // the URL at depth 0 it descends from
  };
  static constexpr std::size_t kMaxRemembered = 200000;

  SitemapIndexLimits limits_;
  std::mutex mu_;
  std::unordered_map<std::string, Listed> listed_;         // children not read yet
  std::unordered_map<std::string, std::size_t> per_root_;  // children followed this poll
};

// Largest sitemap the crawl reads, after inflating a gzipped one (sources.sitemap_max_bytes,
// 1..50 MiB): the protocol allows 50 MiB, but every worker may hold one at a time and a
// news sitemap is far smaller, so a gzip that inflates past this fails as kTooLarge.
inline constexpr std::size_t kDefaultSitemapMaxBytes = std::size_t{10} << 20;

// Budgets of ReadSourceResponse.
struct SourceReadLimits {
  std::size_t sitemap_max_bytes = kDefaultSitemapMaxBytes;  // inflated sitemap cap
};

// Turns a source's response body into work. `url` is where the body came
// from (base for relative links), `content_type` the response header, `now_unix`
// the current time (sitemap horizon), `link_header` the response's Link header
// (mastodon pages by rel="next"; "" when none), `limits` the size budgets (a sitemap
// larger than limits.sitemap_max_bytes, inflated, fails as kTooLarge). A sitemap index's
// children are bounded
// by SitemapFanout::Default() (counted in child_sources_dropped, logged). Fails with the parser's
// error (kParse, kTooLarge, kUnsupported) — the caller counts the source as failed.
Result<SourceItems> ReadSourceResponse(const CrawlSource& source, std::string_view body,
                                       std::string_view url, std::string_view content_type,
                                       int64_t now_unix, std::string_view link_header = {},
                                       const SourceReadLimits& limits = {});

// The key the seen-set (SourceStateStore) knows a page or post by: its id (else its
// URL) and its update time (else its publication time; nullopt when neither parses).
EntryKey EntryKeyOf(const PageLink& link);
EntryKey EntryKeyOf(const SourcePost& post);

}  // namespace hallyu
