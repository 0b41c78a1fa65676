#pragma once
// What a crawl source is, and how the body fetched from it turns into work:
// page URLs to fetch (feed entries, sitemap URLs, listing links) and posts that
// are documents already (social media).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/source_config.h"
#include "crawler/source_state_store.h"
#include "extractors/status.h"

namespace hallyu {

// The crawl reads sources as configured (crawler/source_config.h).
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
};

// Turns a source's response body into work. `url` is where the body came
// from (base for relative links), `content_type` the response header, `now_unix`
// the current time (sitemap horizon), `link_header` the response's Link header
// (mastodon pages by rel="next"; "" when none). Fails with the parser's error
// (kParse, kTooLarge, kUnsupported) — the caller counts the source as failed.
Result<SourceItems> ReadSourceResponse(const CrawlSource& source, std::string_view body,
                                       std::string_view url, std::string_view content_type,
                                       int64_t now_unix, std::string_view link_header = {});

// The key the seen-set (SourceStateStore) knows a page or post by: its id (else its
// URL) and its update time (else its publication time; nullopt when neither parses).
EntryKey EntryKeyOf(const PageLink& link);
EntryKey EntryKeyOf(const SourcePost& post);

}  // namespace hallyu
