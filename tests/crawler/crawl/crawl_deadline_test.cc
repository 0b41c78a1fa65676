// A one-shot crawl cannot be held for days (issue 20, case 6), on loopback:
//  - CrawlJobOptions::deadline stops handing out fetches, lets the running one finish and
//    be processed, marks nothing done that was not processed (the next run fetches exactly
//    the rest) and says so in the summary;
//  - `hallyu crawl --once --deadline 1s` exits with kExitDeadline and says the deadline hit;
//  - a 429 whose Retry-After we refuse costs the host a capped penalty, not 120 s.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "crawler/cli/cli.h"
#include "crawler/crawl/crawl_job.h"
#include "crawler/fetch/fetcher.h"
#include "crawler/sources/source_state_store.h"
#include "extractors/detect/detector.h"
#include "tests/support/http_test_server.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

using std::chrono::milliseconds;
using testing::HttpTestServer;
using testing::Response;

class NullPublisher : public EventPublisher {
 public:
  Status PublishEvent(const Event& /*event*/) override { return Status(); }
};

constexpr int kPages = 10;

// A feed of kPages slow pages (each answers after `delay`) on `server`.
void ServeSlowSite(HttpTestServer& server, milliseconds delay) {
  server.Route("/robots.txt", Response::Text("User-agent: *\nAllow: /\n", "text/plain"));
  std::string items;
  for (int i = 0; i < kPages; ++i) {
    const std::string path = "/page" + std::to_string(i) + ".html";
    items += "<item><title>item " + std::to_string(i) + "</title><link>" + server.Url(path) +
             "</link><guid>entry-" + std::to_string(i) +
             "</guid><pubDate>Tue, 24 Nov 2026 01:00:00 GMT</pubDate></item>";
    Response page = Response::Text(
        "<html><head><meta charset=\"utf-8\"><title>Page</title></head><body><article><p>"
        "Weekend ratings for variety programs rose slightly.</p></article></body></html>");
    page.delay = delay;
    server.Route(path, page);
  }
  server.Route("/feed.xml", Response::Text("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                                           "<title>Outlet</title>" +
                                               items + "</channel></rss>",
                                           "application/rss+xml"));
}

std::size_t PageRequests(const HttpTestServer& server) {
  std::size_t n = 0;
  for (const auto& r : server.Requests()) n += r.path.rfind("/page", 0) == 0 ? 1 : 0;
  return n;
}

TEST(CrawlDeadlineTest, DeadlineStopsNewFetchesAndLeavesTheRestForTheNextRun) {
  auto detector = Detector::Load(testing::SourcePath("configs/rules"),
                                 testing::SourcePath("configs/gazetteer"));
  ASSERT_TRUE(detector.ok()) << detector.status().ToString();
  HttpTestServer server;
  ServeSlowSite(server, milliseconds(800));
  const std::string dir = testing::MakeTempDir("crawl-deadline-");
  auto seen = SourceStateStore::Open(dir + "/sources.db");
  ASSERT_TRUE(seen.ok()) << seen.status().ToString();

  CrawlJobOptions o;
  o.fetcher.allowed_cidrs = {"127.0.0.0/8"};
  o.fetcher.min_host_delay = milliseconds(0);
  o.fetcher.max_in_flight_per_host = 1;  // pages one after another: 8 s for all of them
  o.fetcher.retry.max_attempts = 1;
  o.workers = 2;
  o.stop_grace = milliseconds(20'000);
  CrawlSource source;
  source.name = "outlet";
  source.kind = SourceKind::kFeed;
  source.url = server.Url("/feed.xml");
  source.lang = "en";
  source.horizon_seconds = int64_t{100000} * 86400;

  MemoryMergeState merge;
  NullPublisher publisher;
  DocumentPipeline pipeline(&*detector, &merge, &publisher);
  CrawlJobOptions with_deadline = o;
  with_deadline.deadline = milliseconds(1200);
  CrawlJob first_job(with_deadline, {source}, &pipeline, nullptr);
  first_job.set_source_state(seen->get());
  const auto started = std::chrono::steady_clock::now();
  auto first = first_job.RunOnce();
  const double took =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(first->deadline_hit);
  EXPECT_GE(first->pages_fetched, 1u) << "the fetch running at the deadline finishes";
  EXPECT_LT(first->pages_fetched, static_cast<uint64_t>(kPages)) << "no new fetch after it";
  EXPECT_EQ(PageRequests(server), first->pages_fetched) << "waiting requests never went out";
  EXPECT_EQ(first->left_for_next_run, kPages - first->pages_fetched);
  EXPECT_EQ(first->fetch_failures, 0u) << "what was left is no failure of the site";
  EXPECT_LT(took, 6.0) << "the run ends soon after its deadline, not after every page";

  // The next run (no deadline) fetches exactly the pages the first left.
  CrawlJob second_job(o, {source}, &pipeline, nullptr);
  second_job.set_source_state(seen->get());
  auto second = second_job.RunOnce();
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_FALSE(second->deadline_hit);
  EXPECT_EQ(second->pages_fetched, kPages - first->pages_fetched);
  EXPECT_EQ(second->entries_seen_before, first->pages_fetched);
  EXPECT_EQ(PageRequests(server), static_cast<std::size_t>(kPages));
}

std::string RunShell(const std::string& cmd, int* code) {
  std::string out;
  FILE* p = popen((cmd + " 2>&1").c_str(), "r");
  if (p == nullptr) {
    *code = -1;
    return out;
  }
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int status = pclose(p);
  *code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

TEST(CrawlDeadlineTest, CommandExitsWithTheDeadlineCodeAndSaysSo) {
  HttpTestServer server;
  ServeSlowSite(server, milliseconds(1500));
  const std::string dir = testing::MakeTempDir("crawl-deadline-cli-");
  const std::string config = dir + "/config.yaml";
  std::ofstream(config) << "sources:\n"
                        << "  - name: outlet\n    kind: feed\n    url: " << server.Url("/feed.xml")
                        << "\n    lang: en\n"
                        << "state:\n  path: " << dir << "/state.db\n"
                        << "detect:\n  rules: " << testing::SourcePath("configs/rules")
                        << "\n  gazetteer: " << testing::SourcePath("configs/gazetteer") << "\n"
                        << "crawl:\n  workers: 2\n  stop_grace_ms: 20000\n"
                        << "fetcher:\n  allowed_cidrs: [127.0.0.0/8]\n  min_host_delay_ms: 0\n"
                        << "  max_in_flight_per_host: 1\n"
                        << "kafka:\n  brokers: embedded\n  spool:\n    dir: " << dir << "/spool\n"
                        << "monitoring:\n  metrics_address: 127.0.0.1:0\n";
  int code = -1;
  const auto started = std::chrono::steady_clock::now();
  std::string out = RunShell(testing::HallyuBinary() + " --config " + config +
                                 " --log-level warn crawl --once --deadline 1s",
                             &code);
  const double took =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_EQ(code, kExitDeadline) << out;
  EXPECT_NE(out.find("deadline reached"), std::string::npos) << out;
  EXPECT_NE(out.find("events delivered to Kafka"), std::string::npos) << out;
  EXPECT_LT(PageRequests(server), static_cast<std::size_t>(kPages)) << out;
  EXPECT_LT(took, 12.0) << "15 s of pages, 1 s deadline";

  out = RunShell(testing::HallyuBinary() + " --config " + config + " crawl --deadline 1s", &code);
  EXPECT_EQ(code, 2) << "--deadline needs --once: " << out;
  out = RunShell(testing::HallyuBinary() + " --config " + config + " crawl --once --deadline 0s",
                 &code);
  EXPECT_EQ(code, 2) << out;
}

TEST(RetryAfterPenaltyTest, RefusedRetryAfterCostsTheHostACappedPenalty) {
  HttpTestServer server;
  server.Route("/busy", Response::RetryAfter(429, "86400"));  // a day: more than we honour
  server.Route("/a", Response::Text("ok"));
  server.Route("/b", Response::Text("ok"));
  std::mutex mu;
  std::vector<FetchResult> results;
  FetcherOptions o;
  o.allowed_cidrs = {"127.0.0.0/8"};
  o.min_host_delay = milliseconds(0);
  o.max_in_flight_per_host = 1;
  o.retry.max_attempts = 3;
  auto fetcher = Fetcher::Create(o, [&](FetchResult r) {
    std::lock_guard<std::mutex> lock(mu);
    results.push_back(std::move(r));
  });
  ASSERT_TRUE(fetcher.ok()) << fetcher.status().ToString();
  // One after another on one host: the penalty the 429 earns is the gap between the
  // starts of the requests after it (/a starts in the slot booked before the 429).
  uint64_t id = 0;
  for (const char* path : {"/busy", "/a", "/b"}) {
    FetchRequest r;
    r.url = server.Url(path);
    r.id = ++id;
    ASSERT_TRUE((*fetcher)->Submit(r).ok());
  }
  // Old behaviour: the refused Retry-After raised the host's penalty to 120 s.
  ASSERT_TRUE((*fetcher)->WaitIdle(kRefusedRetryAfterPenaltyCap + milliseconds(20'000)));
  std::lock_guard<std::mutex> lock(mu);
  ASSERT_EQ(results.size(), 3u);
  for (const FetchResult& r : results) {
    if (r.id == 1) {
      EXPECT_EQ(r.failure, FailureKind::kTooManyRequests);
      EXPECT_EQ(r.attempts, 1) << "a refused Retry-After is not waited for";
      EXPECT_NE(r.error.find("longer than allowed"), std::string::npos) << r.error;
    } else {
      EXPECT_TRUE(r.ok()) << r.error;
    }
  }
  auto a = server.RequestsFor("/a");
  auto b = server.RequestsFor("/b");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  const auto gap = b[0].arrived - a[0].arrived;
  EXPECT_GE(gap, milliseconds(900)) << "the 429 still slows the host (1 s to start with)";
  EXPECT_LE(gap, kRefusedRetryAfterPenaltyCap + milliseconds(2000));
}

}  // namespace
}  // namespace hallyu
