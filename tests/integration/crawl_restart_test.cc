// `hallyu crawl` (scheduled mode) end to end on loopback and the real broker: it
// polls each source on its schedule until SIGTERM, exits 0, and a restart resumes
// from the crawl state: only new entries' articles (and the one whose update time
// changed) are fetched, the feed is asked with its stored validators, a source
// that came due while the crawler was down is polled at once and one that is not
// due yet is left alone.
#include <gtest/gtest.h>

#include <csignal>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "crawler/sources/source_state_store.h"
#include "tests/support/child_process.h"
#include "tests/support/http_test_server.h"
#include "tests/support/kafka_fixture.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

using testing::HttpTestServer;
using testing::RecordedRequest;
using testing::Response;

struct Item {
  std::string id;
  std::string date;  // RFC 822 pubDate
};

class CrawlRestartTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(kafka_.Connect());
    dir_ = testing::MakeTempDir("crawl-restart-");
    server_.Route("/robots.txt", Response::Text("User-agent: *\nAllow: /\n", "text/plain"));
    // Both feeds answer 304 to a matching If-None-Match; the ETag follows the items.
    for (const char* path : {"/feed.xml", "/quiet.xml"}) {
      server_.RouteHandler(path, [this, path](const RecordedRequest& req) {
        std::lock_guard<std::mutex> lock(mu_);
        const std::vector<Item>& items = std::string(path) == "/feed.xml" ? items_ : quiet_;
        std::string body =
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Outlet</title>";
        for (const Item& i : items) {
          body += "<item><title>Story " + i.id + "</title><link>" +
                  server_.Url("/news/" + i.id + ".html") + "</link><guid>" + i.id +
                  "</guid><pubDate>" + i.date + "</pubDate></item>";
        }
        body += "</channel></rss>";
        std::string etag = "\"" + std::to_string(std::hash<std::string>()(body)) + "\"";
        if (req.Header("If-None-Match") == etag) return Response::Status(304);
        Response r = Response::Text(body, "application/rss+xml");
        r.headers.emplace_back("ETag", etag);
        return r;
      });
    }
    for (const char* id : {"a1", "a2", "a3", "a4", "q1"}) {
      server_.Route(std::string("/news/") + id + ".html",
                    Response::Text(std::string("<html><head><title>Story ") + id +
                                   "</title></head><body><article><p>Entertainment news text "
                                   "long enough to count as the body of an article.</p>"
                                   "</article></body></html>"));
    }
    items_ = {{"a2", "Tue, 24 Nov 2026 02:00:00 GMT"}, {"a1", "Tue, 24 Nov 2026 01:00:00 GMT"}};
    quiet_ = {{"q1", "Tue, 24 Nov 2026 01:00:00 GMT"}};

    config_ = dir_ + "/crawl.yaml";
    std::ofstream(config_) << "sources:\n"
                           << "  - {name: outlet, kind: feed, url: '" << server_.Url("/feed.xml")
                           << "', interval: 1h, lang: en}\n"
                           << "  - {name: quiet, kind: feed, url: '" << server_.Url("/quiet.xml")
                           << "', interval: 1h, lang: en}\n"
                           << "state: {path: '" << dir_ << "/state.db'}\n"
                           << "detect: {rules: '" << testing::SourcePath("configs/rules")
                           << "', gazetteer: '" << testing::SourcePath("configs/gazetteer")
                           << "'}\n"
                           << "crawl: {workers: 2}\n"
                           << "fetcher: {allowed_cidrs: [127.0.0.0/8], min_host_delay_ms: 0}\n"
                           << "kafka:\n  brokers: '" << kafka_.brokers() << "'\n"
                           << "  topics: {casting: crawl-restart.casting, ost: crawl-restart.ost, "
                              "documents: crawl-restart.docs, dlq: crawl-restart.dlq}\n"
                           << "  spool: {dir: '" << dir_ << "/spool'}\n"
                           << "monitoring: {metrics_address: '127.0.0.1:0'}\n";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Starts `hallyu crawl` (scheduled), waits until `done`, stops it with SIGTERM and
  // expects a clean exit.
  void CrawlUntil(const std::function<bool()>& done, const std::string& what) {
    testing::ChildProcess crawl({testing::HallyuBinary(), "--config", config_, "crawl"}, dir_);
    bool reached = testing::WaitFor(done, std::chrono::seconds(30));
    // Give a wrongly repeated fetch the chance to show in the log before stopping.
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    crawl.Signal(SIGTERM);
    int rc = crawl.Wait(std::chrono::seconds(60));
    EXPECT_TRUE(reached) << what << "\n" << crawl.Stderr();
    EXPECT_EQ(rc, 0) << crawl.Stderr();
  }

  size_t Count(std::string_view path) const { return server_.RequestsFor(path).size(); }

  testing::KafkaTestClient kafka_;
  HttpTestServer server_;
  std::mutex mu_;
  std::vector<Item> items_, quiet_;
  std::string dir_, config_;
};

TEST_F(CrawlRestartTest, RestartFetchesOnlyNewEntriesAndPollsWhatCameDue) {
  CrawlUntil(
      [&] {
        return Count("/news/a1.html") == 1 && Count("/news/a2.html") == 1 &&
               Count("/news/q1.html") == 1;
      },
      "first start: every entry fetched");
  EXPECT_EQ(Count("/feed.xml"), 1u);  // interval 1h: polled once
  EXPECT_EQ(Count("/quiet.xml"), 1u);
  const std::string first_etag = server_.RequestsFor("/feed.xml")[0].Header("If-None-Match");
  EXPECT_EQ(first_etag, "");  // nothing stored yet

  // While stopped: two new entries, a2 updated; an hour passes for `outlet` (its
  // stored next due time is moved into the past), not for `quiet`.
  {
    std::lock_guard<std::mutex> lock(mu_);
    items_ = {{"a4", "Tue, 24 Nov 2026 04:00:00 GMT"},
              {"a3", "Tue, 24 Nov 2026 03:00:00 GMT"},
              {"a2", "Tue, 24 Nov 2026 05:00:00 GMT"},
              {"a1", "Tue, 24 Nov 2026 01:00:00 GMT"}};
  }
  {
    auto store = SourceStateStore::Open(dir_ + "/state.db.sources");
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    auto outlet = (*store)->LoadSchedule("outlet");
    ASSERT_TRUE(outlet.ok() && outlet->has_value());
    auto quiet = (*store)->LoadSchedule("quiet");
    ASSERT_TRUE(quiet.ok() && quiet->has_value());
    // Polled a moment ago with one new entry: next due in half an hour.
    EXPECT_GT((*quiet)->next_due, static_cast<int64_t>(std::time(nullptr)) + 1500);
    SourceSchedule due = **outlet;
    due.next_due = static_cast<int64_t>(std::time(nullptr)) - 60;
    ASSERT_TRUE((*store)->SaveSchedule("outlet", due).ok());
    EXPECT_EQ(*(*store)->SeenCount("outlet"), 2u);
  }
  server_.ClearLog();

  CrawlUntil(
      [&] {
        return Count("/news/a3.html") == 1 && Count("/news/a4.html") == 1 &&
               Count("/news/a2.html") == 1;
      },
      "restart: the due source polled at once, new and updated entries fetched");
  EXPECT_EQ(Count("/news/a1.html"), 0u);  // seen, unchanged: not fetched again
  EXPECT_EQ(Count("/news/q1.html"), 0u);
  EXPECT_EQ(Count("/quiet.xml"), 0u);  // not due for another hour
  std::vector<RecordedRequest> feed = server_.RequestsFor("/feed.xml");
  ASSERT_EQ(feed.size(), 1u);
  EXPECT_NE(feed[0].Header("If-None-Match"), "");  // conditional GET from the crawl state

  // Third start right away: nothing is due, nothing is fetched.
  server_.ClearLog();
  {
    testing::ChildProcess crawl({testing::HallyuBinary(), "--config", config_, "crawl"}, dir_);
    ASSERT_TRUE(testing::WaitFor(
        [&] {
          return (crawl.Stdout() + crawl.Stderr()).find("scheduled crawl") != std::string::npos;
        },
        std::chrono::seconds(30)))
        << crawl.Stderr();
    std::this_thread::sleep_for(std::chrono::seconds(1));
    crawl.Signal(SIGINT);
    EXPECT_EQ(crawl.Wait(std::chrono::seconds(60)), 0) << crawl.Stderr();
  }
  EXPECT_EQ(server_.RequestCount(), 0u);
}

}  // namespace
}  // namespace hallyu
