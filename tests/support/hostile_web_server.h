#pragma once
// HostileWebServer: a small loopback web (real sockets on 127.0.0.1, random ports) that
// serves every hostile case of issue 20 next to good pages carrying planted casting and
// OST announcements, so a whole `hallyu crawl --once` can be run over it.
//
// The web is three crawl sources on one main site plus one host per robots.txt case
// (robots.txt is per origin, so each variant needs its own port):
//   FeedUrl()          RSS feed listing the good pages and the hostile pages below
//   HugeTitleFeedUrl() RSS feed whose one entry has a 3 MB title; its page is a good one
//   SitemapIndexUrl()  sitemap index whose children are new indexes, without end, beside
//                      one ordinary news sitemap with a good page
// Hostile cases (HostileCase), each reachable from one of the sources:
//   kQuadraticHtml        `<p>x<b id=N></p>` x 6,000 (113 KB): an HTML tree growing as N^2
//   kRobotsOversized      2 MiB robots.txt whose first line group says `Disallow: /`
//   kRobotsCut            robots.txt cut short of its Content-Length
//   kRobotsBadEncoding    robots.txt labelled gzip that is not gzip
//   kRobotsTimeout        robots.txt trickled slower than any fetch timeout
//   kHugeFeedTitle        a feed entry with a 3 MB title, linking a page without a title of
//                         its own (so the entry's title is the one the crawl uses)
//   kEndlessSitemapIndex  sitemap indexes listing new indexes forever
//   kWildcardRobots       robots.txt of 11,000 wildcard rules and a page with an 8,000-byte path
//   kRefusedRetryAfter    429 with a Retry-After of a day (the crawl refuses to wait that long)
//   kGzipBomb             1 GiB of zeros gzipped to about 1 MiB
//   kRedirectLoop         a -> b -> a
//   kSlowLoris            a page trickled one byte every 200 ms
//   kLyingContentLength   Content-Length 200,000 and a 2,000-byte body, then close
// The good pages answer at once; a page behind a failing robots.txt would carry an
// announcement too (Url(kRobots...)): the crawl must NOT deliver it.
//
// Names in the announcements are fictional; GazetteerYaml() lists them for the
// detector's extra gazetteer. Every request is recorded (site(), robots_host()).
// Building the web takes well under a second; the destructor stops every server.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tests/support/http_test_server.h"

namespace hallyu::testing {

enum class HostileCase {
  kQuadraticHtml,
  kRobotsOversized,
  kRobotsCut,
  kRobotsBadEncoding,
  kRobotsTimeout,
  kHugeFeedTitle,
  kEndlessSitemapIndex,
  kWildcardRobots,
  kRefusedRetryAfter,
  kGzipBomb,
  kRedirectLoop,
  kSlowLoris,
  kLyingContentLength,
};

// Every case, in the order above.
const std::vector<HostileCase>& AllHostileCases();
// Stable snake_case name of `c` ("quadratic_html", ...).
std::string_view HostileCaseName(HostileCase c);

// A casting or OST announcement planted on a good page.
struct PlantedAnnouncement {
  std::string type;    // "casting" | "ost"
  std::string person;  // romanised name as the event should carry it
  std::string person_native;
  std::string work;
  std::string work_native;
  std::string url;  // the good page
};

// Sizes of the hostile inputs (defaults: the figures).
struct HostileWebOptions {
  int quadratic_repetitions = 6000;
  std::size_t huge_title_bytes = 3 * 1000 * 1000;
  std::size_t robots_oversized_bytes = 2 << 20;
  int wildcard_rules = 11000;
  std::size_t wildcard_path_bytes = 8000;
  int endless_index_fanout = 3;  // child indexes per sitemap index
  uint64_t gzip_bomb_bytes = uint64_t{1} << 30;
  std::chrono::milliseconds trickle_interval{200};  // slow-loris and slow robots.txt: 1 byte per
};

class HostileWebServer {
 public:
  explicit HostileWebServer(HostileWebOptions options = {});
  ~HostileWebServer();
  HostileWebServer(const HostileWebServer&) = delete;
  HostileWebServer& operator=(const HostileWebServer&) = delete;

  std::string FeedUrl() const;
  std::string HugeTitleFeedUrl() const;
  std::string SitemapIndexUrl() const;

  // The URL at which the crawl meets `c`: the page (or, for kEndlessSitemapIndex, the
  // root index; for the robots cases, the page on that host).
  std::string Url(HostileCase c) const;
  // "http://127.0.0.1:<port>" of the host serving `c` (for robots cases: whose robots.txt).
  std::string Origin(HostileCase c) const;

  // Announcements on good pages, which a crawl must deliver.
  const std::vector<PlantedAnnouncement>& planted() const { return planted_; }
  // An announcement on the page behind each failing or disallowing robots.txt; a crawl
  // must NOT deliver these.
  const std::vector<PlantedAnnouncement>& behind_robots() const { return behind_robots_; }
  // Extra gazetteer (actors and works) naming every planted person and work.
  std::string GazetteerYaml() const;

  // The main site (feeds, sitemaps, every hostile page that is no robots case).
  HttpTestServer& site() { return *site_; }
  // The host serving robots case `c` (the main site for any other case).
  HttpTestServer& host(HostileCase c);
  // Requests the sitemap-index tree received so far (root and nested indexes).
  std::size_t SitemapIndexRequests() const;

 private:
  void BuildSite();
  void BuildRobotsHosts();
  void BuildSitemaps();
  HttpTestServer* HostOf(HostileCase c) const;

  HostileWebOptions options_;
  std::unique_ptr<HttpTestServer> site_;
  std::unique_ptr<HttpTestServer> robots_oversized_, robots_cut_, robots_bad_encoding_,
      robots_timeout_, robots_wildcard_;
  std::string wildcard_path_;
  std::vector<PlantedAnnouncement> planted_;
  std::vector<PlantedAnnouncement> behind_robots_;
};

}  // namespace hallyu::testing
