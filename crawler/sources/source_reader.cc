#include "crawler/sources/source_reader.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <utility>

#include "extractors/feeds/feed_parser.h"
#include "extractors/feeds/sitemap_parser.h"
#include "extractors/feeds/social_parsers.h"
#include "extractors/html/article_extractor.h"
#include "extractors/html/listing_filter.h"
#include "extractors/text/charset.h"
#include "extractors/text/datetime.h"

namespace hallyu {
namespace {

std::string Rfc3339OrEmpty(const std::optional<int64_t>& t) {
  return t ? FormatRfc3339(*t) : std::string();
}

Result<SourceItems> ReadFeed(const CrawlSource& source, std::string_view body, std::string_view url,
                             std::string_view content_type) {
  FeedParseOptions opts;
  opts.url = std::string(url);
  std::string_view ct = content_type;
  if (auto pos = ct.find("charset="); pos != std::string_view::npos) {
    opts.charset_hint = std::string(ct.substr(pos + 8));
  }
  opts.default_offset_minutes = source.default_offset_minutes;
  Result<Feed> feed = ParseFeed(body, opts);
  if (!feed.ok()) return feed.status();
  SourceItems items;
  for (const FeedEntry& e : feed->entries) {
    if (e.link.empty()) continue;
    PageLink link;
    link.url = e.link;
    link.id = e.id;
    link.title = e.title;
    link.published_at = Rfc3339OrEmpty(e.published_at);
    link.updated_at = Rfc3339OrEmpty(e.updated_at);
    items.pages.push_back(std::move(link));
  }
  return items;
}

Result<SourceItems> ReadSitemap(const CrawlSource& source, std::string_view body,
                                std::string_view url, int64_t now_unix, std::size_t max_bytes) {
  SitemapParseOptions opts;
  opts.url = std::string(url);
  opts.max_bytes = max_bytes;
  opts.default_offset_minutes = source.default_offset_minutes;
  Result<Sitemap> sitemap = ParseSitemap(body, opts);
  if (!sitemap.ok()) return sitemap.status();
  SourceItems items;
  if (sitemap->is_index) {
    std::vector<SitemapRef> fresh =
        FreshChildSitemaps(sitemap->sitemaps, now_unix, source.horizon_seconds);
    // Freshest first, so that a cut keeps what is most likely to hold new articles.
    std::stable_sort(fresh.begin(), fresh.end(), [](const SitemapRef& a, const SitemapRef& b) {
      if (a.lastmod.has_value() != b.lastmod.has_value()) return a.lastmod.has_value();
      return a.lastmod.has_value() && *a.lastmod > *b.lastmod;
    });
    for (SitemapRef& ref : fresh) items.child_sources.push_back(std::move(ref.loc));
    std::string why;
    const std::size_t keep =
        SitemapFanout::Default().Admit(std::string(url), items.child_sources, &why);
    if (keep < items.child_sources.size()) {
      items.child_sources_dropped = items.child_sources.size() - keep;
      spdlog::warn("sitemap index {} ({}): following {} of {} child sitemaps: {}", url, source.name,
                   keep, items.child_sources.size(), why);
      items.child_sources.resize(keep);
    }
    return items;
  }
  for (const SitemapUrl& u : FreshSitemapUrls(sitemap->urls, now_unix, source.horizon_seconds)) {
    PageLink link;
    link.url = u.loc;
    link.id = u.loc;
    link.title = u.news_title;
    link.published_at = Rfc3339OrEmpty(u.Time());
    link.updated_at = Rfc3339OrEmpty(u.lastmod);
    items.pages.push_back(std::move(link));
  }
  return items;
}

Result<SourceItems> ReadListing(const CrawlSource& source, std::string_view body,
                                std::string_view url, std::string_view content_type) {
  Result<ListingLinkFilter> filter = ListingLinkFilter::Create(source.include, source.exclude);
  if (!filter.ok()) return filter.status();
  std::string html = std::move(DecodeToUtf8(body, content_type).text);
  Result<Document> page = ExtractArticle(html, url);
  if (!page.ok()) return page.status();
  SourceItems items;
  for (const std::string& link : filter->Filter(page->links)) {
    PageLink p;
    p.url = link;
    p.id = link;
    items.pages.push_back(std::move(p));
  }
  return items;
}

Result<SourceItems> FromSocialPage(Result<SocialPage> page) {
  if (!page.ok()) return page.status();
  SourceItems items;
  for (SocialPost& p : page->posts) {
    SourcePost post;
    post.id = std::move(p.id);
    post.url = std::move(p.url);
    post.text = std::move(p.text);
    post.author = std::move(p.author);
    post.published_at = Rfc3339OrEmpty(p.published_at);
    post.links = std::move(p.links);
    items.posts.push_back(std::move(post));
  }
  items.next_page_url = std::move(page->next_url);
  return items;
}

std::optional<int64_t> FirstTime(const std::string& a, const std::string& b) {
  for (const std::string* s : {&a, &b}) {
    if (s->empty()) continue;
    Result<int64_t> t = ParseDateTime(*s);
    if (t.ok()) return *t;
  }
  return std::nullopt;
}

}  // namespace

std::size_t SitemapFanout::Admit(const std::string& index_url,
                                 const std::vector<std::string>& children, std::string* why) {
  std::lock_guard<std::mutex> lock(mu_);
  Listed self;  // depth 0, its own root, unless an index listed it
  if (auto it = listed_.find(index_url); it != listed_.end()) {
    self = std::move(it->second);
    listed_.erase(it);  // read now: listed again, it counts again
  } else {
    self.root = index_url;
    if (per_root_.size() >= kMaxRemembered) per_root_.clear();
    per_root_[index_url] = 0;  // a new poll of this source URL
  }
  std::size_t& followed = per_root_[self.root];
  std::size_t keep = children.size();
  if (self.depth + 1 > limits_.max_depth) {
    keep = 0;
    *why = "index nested " + std::to_string(self.depth) + " levels deep (max_depth " +
           std::to_string(limits_.max_depth) + ")";
  } else if (keep > limits_.max_children) {
    keep = limits_.max_children;
    *why = "more than max_children " + std::to_string(limits_.max_children) + " in one index";
  }
  const std::size_t left = limits_.max_per_poll - std::min(followed, limits_.max_per_poll);
  if (keep > left) {
    keep = left;
    *why = "max_per_poll " + std::to_string(limits_.max_per_poll) + " child sitemaps of " +
           self.root + " reached";
  }
  followed += keep;
  if (listed_.size() + keep > kMaxRemembered) listed_.clear();  // bounded memory
  for (std::size_t i = 0; i < keep; ++i) {
    Listed& child = listed_[children[i]];
    if (child.root.empty() || child.depth > self.depth + 1) child = {self.depth + 1, self.root};
  }
  return keep;
}

SitemapFanout& SitemapFanout::Default() {
  static SitemapFanout* fanout = new SitemapFanout();
  return *fanout;
}

EntryKey EntryKeyOf(const PageLink& link) {
  return EntryKey{link.id.empty() ? link.url : link.id,
                  FirstTime(link.updated_at, link.published_at)};
}

EntryKey EntryKeyOf(const SourcePost& post) {
  return EntryKey{post.id.empty() ? post.url : post.id, FirstTime(post.published_at, "")};
}

Result<SourceItems> ReadSourceResponse(const CrawlSource& source, std::string_view body,
                                       std::string_view url, std::string_view content_type,
                                       int64_t now_unix, std::string_view link_header,
                                       const SourceReadLimits& limits) {
  switch (source.kind) {
    case SourceKind::kFeed:
      return ReadFeed(source, body, url, content_type);
    case SourceKind::kYouTube:
      return FromSocialPage(ParseYouTubeFeed(body));
    case SourceKind::kSitemap:
      return ReadSitemap(source, body, url, now_unix, limits.sitemap_max_bytes);
    case SourceKind::kListing:
      return ReadListing(source, body, url, content_type);
    case SourceKind::kReddit:
      return FromSocialPage(ParseRedditListing(body, url));
    case SourceKind::kMastodon:
      return FromSocialPage(ParseMastodonTimeline(body, link_header, url));
    case SourceKind::kBluesky:
      return FromSocialPage(ParseBlueskyPosts(body, url));
  }
  return Unsupported(std::string("no reader for source kind ") +
                     std::string(SourceKindName(source.kind)));
}

}  // namespace hallyu
