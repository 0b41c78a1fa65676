// robots.txt that fails after a 2xx never means "allow everything" (issue 20, case 2), end
// to end on loopback: an oversized file is read up to its first part, so a `Disallow: /` at
// its top holds; a file whose connection drops mid-body is "unreachable": the pages behind
// it are not fetched and not marked done, and a later run with a good robots.txt fetches
// them. Also the fetcher's side: a robots.txt request keeps the first cap bytes of a larger
// body.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "crawler/crawl/crawl_job.h"
#include "crawler/fetch/fetcher.h"
#include "crawler/fetch/robots_fetch.h"
#include "crawler/sources/source_state_store.h"
#include "extractors/detect/detector.h"
#include "tests/support/http_test_server.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

using testing::HttpTestServer;
using testing::Response;

class NullPublisher : public EventPublisher {
 public:
  Status PublishEvent(const Event& /*event*/) override { return Status(); }
};

// A robots.txt of about `size` bytes: `head`, then comment lines.
std::string RobotsOfSize(const std::string& head, std::size_t size) {
  std::string body = head;
  while (body.size() < size) body += "# padding line of a very large robots.txt file\n";
  return body;
}

std::string FeedListing(const std::string& page_url) {
  return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Outlet</title>"
         "<item><title>An item</title><link>" +
         page_url +
         "</link><guid>entry-1</guid><pubDate>Tue, 24 Nov 2026 01:00:00 GMT</pubDate></item>"
         "</channel></rss>";
}

const char kPage[] =
    "<html><head><meta charset=\"utf-8\"><title>A page</title></head><body><article>"
    "<h1>A page</h1><p>Weekend ratings for variety programs rose slightly.</p></article>"
    "</body></html>";

class RobotsCrawlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto detector = Detector::Load(testing::SourcePath("configs/rules"),
                                   testing::SourcePath("configs/gazetteer"));
    ASSERT_TRUE(detector.ok()) << detector.status().ToString();
    detector_ = std::make_unique<Detector>(std::move(*detector));
  }

  CrawlJobOptions Options() const {
    CrawlJobOptions o;
    o.fetcher.allowed_cidrs = {"127.0.0.0/8"};
    o.fetcher.min_host_delay = std::chrono::milliseconds(0);
    o.fetcher.retry.max_attempts = 1;
    o.workers = 2;
    return o;
  }

  static CrawlSource Feed(const std::string& url) {
    CrawlSource s;
    s.name = "outlet";
    s.kind = SourceKind::kFeed;
    s.url = url;
    s.lang = "en";
    s.horizon_seconds = int64_t{100000} * 86400;
    return s;
  }

  Result<CrawlSummary> Crawl(const CrawlJobOptions& options, const CrawlSource& source,
                             SourceStateStore* seen) {
    MemoryMergeState merge;
    NullPublisher publisher;
    DocumentPipeline pipeline(detector_.get(), &merge, &publisher);
    CrawlJob job(options, {source}, &pipeline, nullptr);
    if (seen != nullptr) job.set_source_state(seen);
    return job.RunOnce();
  }

  std::unique_ptr<Detector> detector_;
};

TEST_F(RobotsCrawlTest, OversizedRobotsIsReadUpToItsFirstPart) {
  HttpTestServer server;
  // 600 KiB, over both the page cap below and the robots.txt fetch cap.
  server.Route(
      "/robots.txt",
      Response::Text(RobotsOfSize("User-agent: *\nAllow: /feed.xml\nDisallow: /\n", 600 * 1024),
                     "text/plain"));
  server.Route("/feed.xml",
               Response::Text(FeedListing(server.Url("/page.html")), "application/rss+xml"));
  server.Route("/page.html", Response::Text(kPage));
  CrawlJobOptions o = Options();
  o.fetcher.max_body_bytes = 550 * 1024;  // a page cap under the file's size

  auto summary = Crawl(o, Feed(server.Url("/feed.xml")), nullptr);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(server.RequestsFor("/feed.xml").size(), 1u) << "the feed is allowed";
  EXPECT_TRUE(server.RequestsFor("/page.html").empty()) << "Disallow: / at the top holds";
  EXPECT_EQ(summary->robots_denied, 1u);
  EXPECT_EQ(summary->pages_fetched, 0u);
}

TEST_F(RobotsCrawlTest, RobotsCutMidBodyKeepsPagesUnfetchedAndNotDone) {
  HttpTestServer listing;  // the feed's origin: a good robots.txt
  HttpTestServer site;     // the page's origin (another port, another origin)
  listing.Route("/robots.txt", Response::Text("User-agent: *\nAllow: /\n", "text/plain"));
  listing.Route("/feed.xml",
                Response::Text(FeedListing(site.Url("/page.html")), "application/rss+xml"));
  Response cut = Response::Text(RobotsOfSize("User-agent: *\nAllow: /\n", 4096), "text/plain");
  cut.reset_after = 100;  // 200 and its head, 100 body bytes, then the connection drops
  site.RouteSequence("/robots.txt",
                     {cut, Response::Text("User-agent: *\nAllow: /\n", "text/plain")});
  site.Route("/page.html", Response::Text(kPage));

  const std::string dir = testing::MakeTempDir("robots-crawl-");
  auto seen = SourceStateStore::Open(dir + "/sources.db");
  ASSERT_TRUE(seen.ok()) << seen.status().ToString();

  auto first = Crawl(Options(), Feed(listing.Url("/feed.xml")), seen->get());
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_EQ(site.RequestsFor("/robots.txt").size(), 1u);
  EXPECT_TRUE(site.RequestsFor("/page.html").empty())
      << "a robots.txt cut mid-body is unreachable (disallow all), not an empty file";
  EXPECT_EQ(first->robots_denied, 1u);

  // A later run: robots.txt reads fine now, and the entry was not marked seen.
  auto second = Crawl(Options(), Feed(listing.Url("/feed.xml")), seen->get());
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(site.RequestsFor("/page.html").size(), 1u)
      << "the page denied for an unreachable robots.txt is fetched by the next run";
  EXPECT_EQ(second->pages_fetched, 1u);
  EXPECT_EQ(second->entries_seen_before, 0u);
}

// Issue 20, case 5: robots.txt rules are matched without the crawl's lock, so one host's
// slow match does not stall the others. The slow host's feed waits (parked) for its
// robots.txt; when that arrives a worker matches it, and the test hook holds that match
// until the other host's page has been requested. The other host's feed is answered only
// once the hold has begun, so its page is found, queued and dispatched during the hold:
// a match under the lock would keep the dispatcher and that worker from it, and the hook
// would give up at its deadline.
TEST_F(RobotsCrawlTest, SlowRobotsMatchOfOneHostDoesNotStallAnother) {
  HttpTestServer slow;
  HttpTestServer other;
  for (HttpTestServer* s : {&slow, &other}) {
    s->Route("/robots.txt", Response::Text("User-agent: *\nAllow: /\n", "text/plain"));
    s->Route("/page.html", Response::Text(kPage));
  }
  slow.Route("/feed.xml",
             Response::Text(FeedListing(slow.Url("/page.html")), "application/rss+xml"));
  std::atomic<bool> hold_begun{false};
  std::atomic<bool> other_page_seen{false};
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  other.RouteHandler("/feed.xml", [&](const testing::RecordedRequest&) {
    while (!hold_begun && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return Response::Text(FeedListing(other.Url("/page.html")), "application/rss+xml");
  });
  const std::string held_url = slow.Url("/feed.xml");
  CrawlJobOptions o = Options();
  o.workers = 2;  // one is held in the hook, the other reads the other host's feed
  o.on_robots_match = [&](const std::string& origin, const std::string& path) {
    if (origin + path != held_url || hold_begun.exchange(true)) return;
    while (std::chrono::steady_clock::now() < deadline) {
      if (!other.RequestsFor("/page.html").empty()) {
        other_page_seen = true;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  };

  MemoryMergeState merge;
  NullPublisher publisher;
  DocumentPipeline pipeline(detector_.get(), &merge, &publisher);
  CrawlSource other_feed = Feed(other.Url("/feed.xml"));
  other_feed.name = "other";
  CrawlJob job(o, {Feed(held_url), other_feed}, &pipeline, nullptr);
  auto summary = job.RunOnce();
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_TRUE(hold_begun) << "the slow host's parked feed was matched through the hook";
  EXPECT_TRUE(other_page_seen)
      << "the other host's page was dispatched while the slow host's match was held";
  EXPECT_EQ(slow.RequestsFor("/page.html").size(), 1u);
  EXPECT_EQ(other.RequestsFor("/page.html").size(), 1u);
  EXPECT_EQ(summary->pages_fetched, 2u);
  EXPECT_EQ(summary->robots_denied, 0u);
}

// The dispatcher's side of the same: it matches a page of a host whose rules are known
// without the lock, so a worker can record another host's robots.txt meanwhile. The slow
// host's page is held in the hook until the other host's parked feed reaches the hook
// too, which needs a worker to take the lock (record that robots.txt, unpark the feed).
// The other host's robots.txt is answered only once the hold has begun.
TEST_F(RobotsCrawlTest, DispatcherMatchesWithoutTheLock) {
  HttpTestServer slow;
  HttpTestServer other;
  for (HttpTestServer* s : {&slow, &other}) {
    s->Route("/feed.xml", Response::Text(FeedListing(s->Url("/page.html")), "application/rss+xml"));
    s->Route("/page.html", Response::Text(kPage));
  }
  slow.Route("/robots.txt", Response::Text("User-agent: *\nAllow: /\n", "text/plain"));
  std::atomic<bool> hold_begun{false};
  std::atomic<bool> other_feed_matched{false};
  std::atomic<bool> released{false};
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  other.RouteHandler("/robots.txt", [&](const testing::RecordedRequest&) {
    while (!hold_begun && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return Response::Text("User-agent: *\nAllow: /\n", "text/plain");
  });
  const std::string held_url = slow.Url("/page.html");
  const std::string other_feed_url = other.Url("/feed.xml");
  CrawlJobOptions o = Options();
  o.on_robots_match = [&](const std::string& origin, const std::string& path) {
    if (origin + path == other_feed_url) other_feed_matched = true;
    if (origin + path != held_url || hold_begun.exchange(true)) return;
    while (std::chrono::steady_clock::now() < deadline) {
      if (other_feed_matched) {
        released = true;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  };

  MemoryMergeState merge;
  NullPublisher publisher;
  DocumentPipeline pipeline(detector_.get(), &merge, &publisher);
  CrawlSource other_feed = Feed(other_feed_url);
  other_feed.name = "other";
  CrawlJob job(o, {Feed(slow.Url("/feed.xml")), other_feed}, &pipeline, nullptr);
  auto summary = job.RunOnce();
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_TRUE(hold_begun) << "the slow host's page was matched through the hook";
  EXPECT_TRUE(released)
      << "a worker recorded the other host's robots.txt while the dispatcher matched";
  EXPECT_EQ(summary->pages_fetched, 2u);
  EXPECT_EQ(summary->robots_denied, 0u);
}

// The fetcher side: a request with keep_body_prefix hands on the first cap bytes of a
// larger body with the kTooLarge failure; without it the body is cleared.
TEST(RobotsFetchTest, OversizedBodyPrefixIsKeptOnlyWhenAsked) {
  HttpTestServer server;
  const std::string big = RobotsOfSize("User-agent: *\nDisallow: /\n", 600 * 1024);
  server.Route("/robots.txt", Response::Text(big, "text/plain"));
  std::mutex mu;
  std::vector<FetchResult> results;
  FetcherOptions o;
  o.allowed_cidrs = {"127.0.0.0/8"};
  o.min_host_delay = std::chrono::milliseconds(0);
  o.retry.max_attempts = 1;
  auto fetcher = Fetcher::Create(o, [&](FetchResult r) {
    std::lock_guard<std::mutex> lock(mu);
    results.push_back(std::move(r));
  });
  ASSERT_TRUE(fetcher.ok()) << fetcher.status().ToString();
  FetchRequest robots;
  robots.url = server.Url("/robots.txt");
  robots.id = 1;
  PrepareRobotsRequest(robots);
  FetchRequest plain;
  plain.url = server.Url("/robots.txt");
  plain.id = 2;
  plain.max_body_bytes = kRobotsFetchMaxBytes;
  ASSERT_TRUE((*fetcher)->Submit(robots).ok());
  ASSERT_TRUE((*fetcher)->Submit(plain).ok());
  ASSERT_TRUE((*fetcher)->WaitIdle(std::chrono::seconds(60)));
  std::lock_guard<std::mutex> lock(mu);
  ASSERT_EQ(results.size(), 2u);
  for (const FetchResult& r : results) {
    EXPECT_EQ(r.outcome, FetchOutcome::kFailed);
    EXPECT_EQ(r.failure, FailureKind::kTooLarge);
    EXPECT_EQ(r.http_status, 200);
    EXPECT_EQ(RobotsBodyOf(r), RobotsBody::kCutAtLimit);
    if (r.id == 1) {
      EXPECT_EQ(r.body, big.substr(0, kRobotsFetchMaxBytes));
    } else {
      EXPECT_TRUE(r.body.empty());
    }
  }
}

}  // namespace
}  // namespace hallyu
