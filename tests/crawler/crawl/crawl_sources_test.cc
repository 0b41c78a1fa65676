// CrawlJob with sources on schedules, on loopback: social paging (reddit `after`,
// mastodon Link rel=next then max_id, bluesky `cursor`) bounded per poll and
// stopped at already-seen posts, and a scheduled run driven by an injected
// ManualClock (adaptive intervals, conditional GET, only new entries fetched).
// No Kafka here: events go to an in-memory publisher; the detector is the real one.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "crawler/crawl/crawl_job.h"
#include "crawler/fetch/crawl_state_store.h"
#include "crawler/ops/clock.h"
#include "crawler/sources/source_state_store.h"
#include "extractors/detect/detector.h"
#include "tests/support/child_process.h"
#include "tests/support/http_test_server.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

using testing::HttpTestServer;
using testing::RecordedRequest;
using testing::Response;

// Keeps what the pipeline publishes.
class MemoryPublisher : public EventPublisher {
 public:
  Status PublishEvent(const Event& event) override {
    std::lock_guard<std::mutex> lock(mu_);
    events_.push_back(event);
    return Status();
  }
  std::vector<Event> events() {
    std::lock_guard<std::mutex> lock(mu_);
    return events_;
  }

 private:
  std::mutex mu_;
  std::vector<Event> events_;
};

std::vector<std::string> Targets(const HttpTestServer& server, std::string_view path) {
  std::vector<std::string> out;
  for (const RecordedRequest& r : server.RequestsFor(path)) out.push_back(r.target);
  return out;
}

// A subreddit listing page shaped like /r/<sub>/new.json.
std::string RedditPage(const std::vector<std::string>& ids, const std::string& after) {
  std::string children;
  for (const std::string& id : ids) {
    if (!children.empty()) children += ",";
    children += R"({"kind": "t3", "data": {"subreddit": "kpop", "name": "t3_)" + id +
                R"(", "id": ")" + id + R"(", "author": "fan_)" + id + R"(", "title": "Post )" + id +
                R"(", "selftext": "", "is_self": false, "created_utc": 1714544400.0,
                "permalink": "/r/kpop/comments/)" +
                id + R"(/post/", "url": "https://news.example.com/)" + id + R"("}})";
  }
  std::string after_json = after.empty() ? "null" : "\"" + after + "\"";
  return R"({"kind": "Listing", "data": {"after": )" + after_json +
         R"(, "dist": 2, "modhash": "", "children": [)" + children + R"(], "before": null}})";
}

class CrawlSourcesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir("crawl-sources-");
    auto detector = Detector::Load(testing::SourcePath("configs/rules"),
                                   testing::SourcePath("configs/gazetteer"));
    ASSERT_TRUE(detector.ok()) << detector.status().ToString();
    detector_ = std::make_unique<Detector>(std::move(*detector));
    pipeline_ = std::make_unique<DocumentPipeline>(detector_.get(), &merge_, &publisher_);
    server_.Route("/robots.txt", Response::Text("User-agent: *\nAllow: /\n", "text/plain"));
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  CrawlJobOptions JobOptions() {
    CrawlJobOptions o;
    o.fetcher.allowed_cidrs = {"127.0.0.0/8"};
    o.fetcher.min_host_delay = std::chrono::milliseconds(0);
    o.fetcher.max_in_flight_per_host = 4;
    o.fetcher.retry.max_attempts = 1;
    o.workers = 2;
    return o;
  }

  CrawlSource Source(const std::string& name, SourceKind kind, const std::string& path) {
    CrawlSource s;
    s.name = name;
    s.kind = kind;
    s.url = server_.Url(path);
    s.lang = "en";
    s.interval_seconds = 600;
    s.min_interval_seconds = 150;
    s.max_interval_seconds = 2400;
    return s;
  }

  std::string dir_;
  HttpTestServer server_;
  MemoryPublisher publisher_;
  MemoryMergeState merge_;
  std::unique_ptr<Detector> detector_;
  std::unique_ptr<DocumentPipeline> pipeline_;
};

TEST_F(CrawlSourcesTest, SocialPagingFollowsCursorsWithinBudgetAndStopsAtSeenPosts) {
  // reddit: six pages chained by `after`; the source may read three per poll.
  std::atomic<bool> new_post{false};
  server_.RouteHandler("/r/kpop/new.json", [&](const RecordedRequest& req) {
    int page = 0;
    if (auto pos = req.target.find("after=t3_p"); pos != std::string::npos) {
      page = std::stoi(req.target.substr(pos + 10)) + 1;
    }
    std::string p = "p" + std::to_string(page);
    std::vector<std::string> ids = {p + "_a", p + "_b"};
    if (page == 0 && new_post.load()) ids = {"fresh", "p0_a"};  // one new post on top
    return Response::Text(RedditPage(ids, page < 5 ? "t3_" + p + "_b" : ""), "application/json");
  });
  // mastodon: page 1 names page 2 in its Link header; page 2 has none, so the next
  // request pages by max_id and gets the empty end of the timeline.
  const std::string tag = "/api/v1/timelines/tag/kdrama";
  const std::string page2_target = tag + "?limit=2&max_id=112366551230000001";
  server_.RouteHandler(tag, [&](const RecordedRequest& req) {
    if (req.target == page2_target) {
      return Response::Text(testing::ReadFileOrFail(testing::SourcePath(
                                "tests/data/social/mastodon_tag_kdrama_page2.json")),
                            "application/json");
    }
    if (req.target.find("max_id=") != std::string::npos) {
      return Response::Text("[]", "application/json");
    }
    Response r = Response::Text(
        testing::ReadFileOrFail(testing::SourcePath("tests/data/social/mastodon_tag_kdrama.json")),
        "application/json");
    r.headers.emplace_back("Link", "<" + server_.Url(page2_target) + ">; rel=\"next\", <" +
                                       server_.Url(tag) +
                                       "?limit=2&min_id=112366551230000002>; rel=\"prev\"");
    return r;
  });
  // bluesky: searchPosts with a cursor, then a last page without one.
  const std::string search = "/xrpc/app.bsky.feed.searchPosts";
  server_.RouteHandler(search, [&](const RecordedRequest& req) {
    const char* file = req.target.find("cursor=25") != std::string::npos
                           ? "tests/data/social/bluesky_author_feed.json"
                           : "tests/data/social/bluesky_search_posts.json";
    return Response::Text(testing::ReadFileOrFail(testing::SourcePath(file)), "application/json");
  });

  CrawlSource reddit = Source("r-kpop", SourceKind::kReddit, "/r/kpop/new.json");
  reddit.max_pages_per_poll = 3;
  CrawlSource mastodon = Source("masto-kdrama", SourceKind::kMastodon, tag + "?limit=2");
  CrawlSource bluesky = Source("bsky-kdrama", SourceKind::kBluesky, search + "?q=kdrama");
  auto seen = SourceStateStore::Open(dir_ + "/sources.sqlite");
  ASSERT_TRUE(seen.ok()) << seen.status().ToString();

  {
    CrawlJob job(JobOptions(), {reddit, mastodon, bluesky}, pipeline_.get(), nullptr);
    job.set_source_state(seen->get());
    auto summary = job.RunOnce();
    ASSERT_TRUE(summary.ok()) << summary.status().ToString();
    EXPECT_EQ(summary->polls, 3u);
    EXPECT_EQ(summary->sources_failed, 0u);
  }
  // The page budget bounds reddit at three pages even though more were offered.
  EXPECT_EQ(Targets(server_, "/r/kpop/new.json"),
            (std::vector<std::string>{"/r/kpop/new.json", "/r/kpop/new.json?after=t3_p0_b",
                                      "/r/kpop/new.json?after=t3_p1_b"}));
  EXPECT_EQ(Targets(server_, tag),
            (std::vector<std::string>{tag + "?limit=2", page2_target,
                                      tag + "?limit=2&max_id=112366551229999800"}));
  EXPECT_EQ(Targets(server_, search),
            (std::vector<std::string>{search + "?q=kdrama", search + "?q=kdrama&cursor=25"}));
  EXPECT_EQ(*(*seen)->SeenCount("r-kpop"), 6u);
  EXPECT_EQ(*(*seen)->SeenCount("masto-kdrama"), 4u);
  EXPECT_EQ(*(*seen)->SeenCount("bsky-kdrama"), 3u);  // the author feed repeats a repost

  // Next poll: reddit's first page holds one new post and a seen one, so paging
  // stops there; the others hold only seen posts.
  server_.ClearLog();
  new_post = true;
  {
    CrawlJob job(JobOptions(), {reddit, mastodon, bluesky}, pipeline_.get(), nullptr);
    job.set_source_state(seen->get());
    auto summary = job.RunOnce();
    ASSERT_TRUE(summary.ok()) << summary.status().ToString();
    EXPECT_EQ(summary->posts, 1u);
    EXPECT_EQ(summary->entries_seen_before, 1u + 2u + 2u);
  }
  EXPECT_EQ(Targets(server_, "/r/kpop/new.json"), std::vector<std::string>{"/r/kpop/new.json"});
  EXPECT_EQ(Targets(server_, tag), std::vector<std::string>{tag + "?limit=2"});
  EXPECT_EQ(Targets(server_, search), std::vector<std::string>{search + "?q=kdrama"});
  EXPECT_EQ(*(*seen)->SeenCount("r-kpop"), 7u);
}

std::string Rss(const HttpTestServer& server, const std::vector<std::string>& items) {
  std::string out =
      "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Outlet</title><link>" +
      server.Url("/") + "</link>";
  for (const std::string& id : items) {
    out += "<item><title>Story " + id + "</title><link>" + server.Url("/news/" + id + ".html") +
           "</link><guid>" + id + "</guid><pubDate>Tue, 24 Nov 2026 01:00:00 GMT</pubDate></item>";
  }
  return out + "</channel></rss>";
}

TEST_F(CrawlSourcesTest, LinksSharedInPostsAreCrawledLikeFeedEntries) {
  // Two link posts: one to an article announcing a casting, one to a page that
  // says nothing; the title of a post says nothing either.
  std::string listing = R"({"kind": "Listing", "data": {"after": null, "children": [
    {"kind": "t3", "data": {"name": "t3_a1", "id": "a1", "author": "fan", "title": "look at this",
     "selftext": "", "is_self": false, "created_utc": 1714544400.0,
     "permalink": "/r/kdrama/comments/a1/", "url": ")" +
                        server_.Url("/news/cast.html") + R"("}},
    {"kind": "t3", "data": {"name": "t3_a2", "id": "a2", "author": "fan", "title": "weekend",
     "selftext": "", "is_self": false, "created_utc": 1714544400.0,
     "permalink": "/r/kdrama/comments/a2/", "url": ")" +
                        server_.Url("/news/other.html") + R"("}}]}})";
  server_.Route("/r/kdrama/new.json", Response::Text(listing, "application/json"));
  auto page = [](const std::string& headline, const std::string& body) {
    return "<html><head><title>" + headline + "</title></head><body><article><h1>" + headline +
           "</h1><p>" + body + "</p><p>" + body + "</p></article></body></html>";
  };
  server_.Route("/news/cast.html",
                Response::Text(page("Cha Eun-woo confirmed to star in tvN drama 'Glass Harbor'",
                                    "Cha Eun-woo has been cast as the lead of tvN's new drama "
                                    "'Glass Harbor', his agency confirmed on Monday.")));
  server_.Route("/news/other.html",
                Response::Text(page("Weekend weather in Seoul",
                                    "Clear skies are expected across the capital region.")));
  CrawlJob job(JobOptions(), {Source("r-kdrama", SourceKind::kReddit, "/r/kdrama/new.json")},
               pipeline_.get(), nullptr);
  auto summary = job.RunOnce();
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(server_.RequestsFor("/news/cast.html").size(), 1u);
  EXPECT_EQ(server_.RequestsFor("/news/other.html").size(), 1u);
  auto events = publisher_.events();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].work.title, "Glass Harbor");
  EXPECT_EQ(events[0].status, "confirmed");
}

TEST_F(CrawlSourcesTest, ScheduledRunPollsAdaptivelyOnTheInjectedClock) {
  const int64_t t0 = 1'790'000'000;
  ManualClock clock{std::chrono::system_clock::time_point(std::chrono::seconds(t0))};
  // The feed answers 304 to a matching If-None-Match; its ETag follows its items.
  std::mutex feed_mu;
  std::vector<std::string> items = {"a1"};
  server_.RouteHandler("/feed.xml", [&](const RecordedRequest& req) {
    std::lock_guard<std::mutex> lock(feed_mu);
    std::string etag = "\"v" + std::to_string(items.size()) + "\"";
    if (req.Header("If-None-Match") == etag) return Response::Status(304);
    Response r = Response::Text(Rss(server_, items), "application/rss+xml");
    r.headers.emplace_back("ETag", etag);
    return r;
  });
  for (const char* id : {"a1", "a2"}) {
    server_.Route(std::string("/news/") + id + ".html",
                  Response::Text(std::string("<html><head><title>Story ") + id +
                                 "</title></head><body><article><p>Some entertainment news "
                                 "text that is long enough to be an article body.</p>"
                                 "</article></body></html>"));
  }
  auto state = CrawlStateStore::Open(dir_ + "/state.db");
  ASSERT_TRUE(state.ok());
  const std::string db = dir_ + "/sources.sqlite";
  auto seen = SourceStateStore::Open(db);
  ASSERT_TRUE(seen.ok());
  auto reader = SourceStateStore::Open(db);  // the test's own connection
  ASSERT_TRUE(reader.ok());
  auto schedule = [&]() -> SourceSchedule {
    auto s = (*reader)->LoadSchedule("outlet");
    return s.ok() && s->has_value() ? **s : SourceSchedule{};
  };
  auto polled_at = [&](int64_t t) {
    return testing::WaitFor([&] { return schedule().last_polled == t; }, std::chrono::seconds(20));
  };

  CrawlJob job(JobOptions(), {Source("outlet", SourceKind::kFeed, "/feed.xml")}, pipeline_.get(),
               state->get());
  job.set_source_state(seen->get());
  job.set_clock(&clock);
  std::atomic<bool> stop{false};
  Result<CrawlSummary> summary = Internal("not run");
  std::thread run([&] { summary = job.RunScheduled(stop); });

  // A source never polled is due at once; one new entry halves its interval.
  ASSERT_TRUE(polled_at(t0));
  EXPECT_EQ(schedule().interval_seconds, 300);
  EXPECT_EQ(schedule().next_due, t0 + 300);
  ASSERT_TRUE(testing::WaitFor([&] { return server_.RequestsFor("/news/a1.html").size() == 1; },
                               std::chrono::seconds(20)));

  // Not due before the clock moves; at t0+300 the poll is a conditional GET that
  // gets 304: nothing new, so the interval grows by half.
  EXPECT_EQ(server_.RequestsFor("/feed.xml").size(), 1u);
  clock.Advance(std::chrono::seconds(300));
  ASSERT_TRUE(polled_at(t0 + 300));
  EXPECT_EQ(schedule().interval_seconds, 450);
  EXPECT_EQ(schedule().next_due, t0 + 750);
  std::vector<RecordedRequest> feed = server_.RequestsFor("/feed.xml");
  ASSERT_EQ(feed.size(), 2u);
  EXPECT_EQ(feed[1].Header("If-None-Match"), "\"v1\"");

  // A new entry appears; the next poll fetches only its page and polls sooner.
  {
    std::lock_guard<std::mutex> lock(feed_mu);
    items = {"a2", "a1"};
  }
  clock.Advance(std::chrono::seconds(450));
  ASSERT_TRUE(polled_at(t0 + 750));
  EXPECT_EQ(schedule().interval_seconds, 225);
  EXPECT_EQ(schedule().next_due, t0 + 975);
  ASSERT_TRUE(testing::WaitFor([&] { return server_.RequestsFor("/news/a2.html").size() == 1; },
                               std::chrono::seconds(20)));

  stop = true;
  run.join();
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->polls, 3u);
  EXPECT_EQ(summary->pages_fetched, 2u);
  EXPECT_EQ(server_.RequestsFor("/news/a1.html").size(), 1u);  // never refetched
  EXPECT_EQ(server_.RequestsFor("/feed.xml").size(), 3u);
  EXPECT_EQ(*(*reader)->SeenCount("outlet"), 2u);
}

// The crawl asks the fetcher to hand bodies on compressed and inflates them in its
// workers: robots.txt (gzip), the feed (br) and pages (gzip) must all be read
// decoded, and a page whose gzip is corrupt is a fetch failure whose validators
// are forgotten, so the next run fetches it in full instead of getting a 304.
TEST_F(CrawlSourcesTest, CompressedBodiesAreDecodedByTheWorkersAndACorruptOneIsRefetched) {
  Response robots = Response::Text("User-agent: *\nDisallow: /private/\n", "text/plain");
  robots.encoding = testing::BodyEncoding::kGzip;
  server_.Route("/robots.txt", robots);
  auto item = [&](const std::string& path, const std::string& guid) {
    return "<item><title>item " + guid + "</title><link>" + server_.Url(path) + "</link><guid>" +
           guid + "</guid><pubDate>Tue, 24 Nov 2026 01:00:00 GMT</pubDate></item>";
  };
  Response feed = Response::Text(
      "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
      "<title>Outlet</title>" +
          item("/a.html", "1") + item("/b.html", "2") + item("/private/c.html", "3") +
          "</channel></rss>",
      "application/rss+xml");
  feed.encoding = testing::BodyEncoding::kBrotli;
  server_.Route("/feed.xml", feed);
  Response good = Response::Text(
      "<html><head><meta charset=\"utf-8\"><title>ASTRO's Cha Eun-woo in talks to star in "
      "MBC's 'Wonderful World'</title></head><body><article><h1>ASTRO's Cha Eun-woo in talks "
      "to star in MBC's 'Wonderful World'</h1><p>ASTRO's Cha Eun-woo is in talks to star in "
      "MBC's new drama 'Wonderful World'. His agency said he received an offer and is "
      "reviewing it.</p><p>More details will be announced later, according to the production "
      "company.</p></article></body></html>");
  good.encoding = testing::BodyEncoding::kGzip;
  server_.Route("/a.html", good);
  Response corrupt = testing::Encoded("these bytes were never gzip", "gzip");
  corrupt.headers.emplace_back("ETag", "\"b1\"");
  server_.Route("/b.html", corrupt);
  server_.Route("/private/c.html", Response::Text("<html><body>fenced</body></html>"));

  auto state = CrawlStateStore::Open(dir_ + "/state.db");
  ASSERT_TRUE(state.ok()) << state.status().ToString();
  CrawlJob job(JobOptions(), {Source("Outlet", SourceKind::kFeed, "/feed.xml")}, pipeline_.get(),
               state->get());
  auto first = job.RunOnce();
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->sources_ok, 1u);      // the feed was read through brotli
  EXPECT_EQ(first->robots_denied, 1u);   // robots.txt was read through gzip
  EXPECT_EQ(first->pages_fetched, 1u);   // /a.html
  EXPECT_EQ(first->fetch_failures, 1u);  // /b.html: corrupt gzip
  EXPECT_TRUE(server_.RequestsFor("/private/c.html").empty());
  ASSERT_EQ(publisher_.events().size(), 1u);  // the casting on the gzip page
  EXPECT_EQ(publisher_.events()[0].person.name, "Cha Eun-woo");
  EXPECT_FALSE((*state)->Get(server_.Url("/b.html")).ok());  // validators forgotten

  CrawlJob again(JobOptions(), {Source("Outlet", SourceKind::kFeed, "/feed.xml")}, pipeline_.get(),
                 state->get());
  ASSERT_TRUE(again.RunOnce().ok());
  auto b = server_.RequestsFor("/b.html");
  ASSERT_EQ(b.size(), 2u);
  EXPECT_TRUE(b[1].Header("If-None-Match").empty());  // a full GET, not a conditional one
}

}  // namespace
}  // namespace hallyu
