#pragma once
// What to crawl: the sources listed in configs/sources.yaml.
//
//   sources:
//     - name: soompi            # unique, [A-Za-z0-9_.-]
//       kind: feed              # feed|sitemap|listing|reddit|mastodon|bluesky|youtube
//       url: https://www.soompi.com/feed
//       interval: 15m           # or cron: "*/10 * * * *" (one of the two; default 30m)
//       min_interval: 5m        # adaptive polling bounds (feed and social kinds);
//       max_interval: 2h        #   default interval/4 and interval*8
//       max_pages: 5            # social: result pages followed per poll (1..100)
//       horizon: 2d             # sitemaps: only entries newer than this (default 2d)
//       include: ['/news/\d+']  # listing: RE2 patterns a link must match (any)
//       exclude: ['/photo/']    # listing: RE2 patterns that drop a link
//       lang: en                # content language (ko: dates default to KST)
//       site: soompi.com        # display name of the outlet
//       timezone: "+09:00"      # zone for dates without one; default KST for lang ko,
//                               #   else UTC; also the zone of a cron expression
// Durations: "45s", "15m", "2h", "1d", or a plain number of seconds.

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/sources/cron.h"
#include "extractors/base/status.h"

namespace hallyu {

enum class SourceKind { kFeed, kSitemap, kListing, kReddit, kMastodon, kBluesky, kYouTube };

// "feed", "sitemap", ... as written in the YAML.
std::string_view SourceKindName(SourceKind kind);

// True for kinds polled adaptively (feeds and social sources).
bool IsAdaptiveKind(SourceKind kind);

struct SourceConfig {
  std::string name;
  SourceKind kind = SourceKind::kFeed;
  std::string url;
  int64_t interval_seconds = 1800;      // base polling interval; 30 min
  std::optional<CronSchedule> cron;     // when set, replaces the interval
  int64_t min_interval_seconds = 0;     // adaptive lower bound
  int64_t max_interval_seconds = 0;     // adaptive upper bound
  int64_t horizon_seconds = 2 * 86400;  // sitemaps: 2 days
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::string lang;
  std::string site;
  int default_offset_minutes = 0;  // minutes east of UTC
  // Social kinds: result pages followed per poll (reddit `after`, mastodon Link
  // rel=next / max_id, bluesky `cursor`), stopping early at an already-seen post.
  int max_pages_per_poll = 5;
};

// "15m" → 900. Returns kInvalidArgument for anything else (negative, unknown unit).
Result<int64_t> ParseDurationSeconds(std::string_view text);

// Parses the `sources:` list of a YAML document (the root may also be the list
// itself). Errors are kInvalidArgument and name the entry and field:
// "sources[3] (dispatch): unknown kind 'rss'". Strict: an unknown key names its line and
// the nearest valid key ("sources[0] (a): unknown key 'urll' at line 4 (did you mean
// 'url'?)"), a repeated key is an error. Bounds: name 1..128 bytes of [A-Za-z0-9_.-],
// url (http/https) at most 4096 bytes, site at most 256 bytes; no control characters in
// url, site or lang; interval 10s..366d, min_interval and max_interval 0..366d, horizon
// 0..100000d; max_pages 1..100.
Result<std::vector<SourceConfig>> ParseSourceConfigs(const YAML::Node& root);

// Reads and parses a sources file. kNotFound when missing, kParse for bad YAML.
Result<std::vector<SourceConfig>> LoadSourceConfigs(const std::string& path);

}  // namespace hallyu
