// Fetcher behaviour against the in-process HttpTestServer: each test would fail
// without the feature it names.
#include "crawler/fetch/fetcher.h"

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "crawler/fetch/crawl_state_store.h"
#include "tests/support/http_test_server.h"

namespace hallyu {
namespace {

using namespace std::chrono_literals;
using testing::HttpTestServer;
using testing::RecordedRequest;
using testing::Response;

// Gathers results by request id.
class Collector {
 public:
  Fetcher::Callback Callback() {
    return [this](FetchResult r) {
      std::lock_guard<std::mutex> lock(mu_);
      results_[r.id] = std::move(r);
      cv_.notify_all();
    };
  }
  // The result of `id`; fails the test when it does not arrive within `timeout`.
  FetchResult Wait(uint64_t id, std::chrono::milliseconds timeout = 20s) {
    std::unique_lock<std::mutex> lock(mu_);
    if (!cv_.wait_for(lock, timeout, [&] { return results_.count(id) > 0; })) {
      ADD_FAILURE() << "no result for request " << id;
      return {};
    }
    return results_[id];
  }
  bool Has(uint64_t id) {
    std::lock_guard<std::mutex> lock(mu_);
    return results_.count(id) > 0;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::map<uint64_t, FetchResult> results_;
};

FetcherOptions TestOptions() {
  FetcherOptions o;
  o.allowed_cidrs = {"127.0.0.0/8"};
  o.min_host_delay = 0ms;
  o.retry.base_delay = 10ms;
  o.retry.jitter = 0;
  o.connect_timeout = 2s;
  o.total_timeout = 15s;
  o.jitter_seed = 42;
  return o;
}

std::unique_ptr<Fetcher> MakeFetcher(FetcherOptions o, Collector& c, Clock* clock = nullptr,
                                     CrawlStateStore* store = nullptr) {
  auto f = Fetcher::Create(std::move(o), c.Callback(), clock, store);
  EXPECT_TRUE(f.ok()) << f.status().ToString();
  return f.ok() ? std::move(f).value() : nullptr;
}

FetchRequest Req(uint64_t id, std::string url) {
  FetchRequest r;
  r.id = id;
  r.url = std::move(url);
  return r;
}

// Moves a manual clock forward in small steps from another thread until stopped.
class ClockDriver {
 public:
  ClockDriver(ManualClock* clock, std::chrono::milliseconds step)
      : thread_([this, clock, step] {
          while (!stop_) {
            clock->Advance(step);
            std::this_thread::sleep_for(1ms);
          }
        }) {}
  ~ClockDriver() {
    stop_ = true;
    thread_.join();
  }

 private:
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

double Seconds(Clock::Duration d) { return std::chrono::duration<double>(d).count(); }

TEST(Fetcher, FetchesBodyAndSendsUserAgent) {
  HttpTestServer server;
  server.Route("/page", Response::Text("<html>hi</html>"));
  Collector c;
  FetcherOptions o = TestOptions();
  o.user_agent = "hallyu-test/1.0 (+https://example.org/bot)";
  auto f = MakeFetcher(o, c);
  ASSERT_TRUE(f->Submit(Req(1, server.Url("/page"))).ok());
  FetchResult r = c.Wait(1);
  EXPECT_EQ(r.outcome, FetchOutcome::kOk) << r.error;
  EXPECT_EQ(r.http_status, 200);
  EXPECT_EQ(r.body, "<html>hi</html>");
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(r.remote_ip, "127.0.0.1");
  auto log = server.Requests();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].Header("User-Agent"), o.user_agent);
}

TEST(Fetcher, DefaultUserAgentCarriesContactUrl) {
  EXPECT_NE(FetcherOptions{}.user_agent.find("+https://"), std::string::npos);
}

// The server holds each reply long enough (600 ms) that the capped transfers overlap even
// when a loaded CI machine delays connection set-up; the cap itself is asserted exactly.
TEST(Fetcher, PerHostConcurrencyIsCapped) {
  HttpTestServer server;
  Response slow = Response::Text("x");
  slow.delay = 600ms;
  server.Route("/slow", slow);
  Collector c;
  FetcherOptions o = TestOptions();
  o.max_in_flight_per_host = 2;
  auto f = MakeFetcher(o, c);
  for (uint64_t i = 0; i < 8; ++i)
    ASSERT_TRUE(f->Submit(Req(i, server.Url("/slow?i=" + std::to_string(i)))).ok());
  ASSERT_TRUE(f->WaitIdle(20s));
  for (uint64_t i = 0; i < 8; ++i) EXPECT_TRUE(c.Wait(i).ok());
  auto log = server.Requests();
  ASSERT_EQ(log.size(), 8u);
  EXPECT_EQ(HttpTestServer::MaxOverlap(log), 2);
}

TEST(Fetcher, GlobalConcurrencyIsCappedAcrossHosts) {
  HttpTestServer server;
  Response slow = Response::Text("x");
  slow.delay = 600ms;
  server.Route("/slow", slow);
  Collector c;
  FetcherOptions o = TestOptions();
  o.max_in_flight = 3;
  o.max_in_flight_per_host = 2;
  for (int h = 0; h < 6; ++h)
    o.resolve.push_back("h" + std::to_string(h) + ".test:" + std::to_string(server.port()) +
                        ":127.0.0.1");
  auto f = MakeFetcher(o, c);
  for (uint64_t i = 0; i < 12; ++i)
    ASSERT_TRUE(
        f->Submit(Req(i, server.UrlFor("h" + std::to_string(i % 6) + ".test", "/slow"))).ok());
  ASSERT_TRUE(f->WaitIdle(20s));
  for (uint64_t i = 0; i < 12; ++i) EXPECT_TRUE(c.Wait(i).ok());
  auto log = server.Requests();
  ASSERT_EQ(log.size(), 12u);
  EXPECT_EQ(HttpTestServer::MaxOverlap(log), 3);
  // Six distinct hosts reached the server.
  std::set<std::string> hosts;
  for (const auto& r : log) hosts.insert(r.Header("Host"));
  EXPECT_EQ(hosts.size(), 6u);
}

// Gaps between consecutive request arrivals, in seconds.
std::vector<double> ArrivalGaps(const std::vector<RecordedRequest>& log) {
  std::vector<double> gaps;
  for (size_t i = 1; i < log.size(); ++i)
    gaps.push_back(std::chrono::duration<double>(log[i].arrived - log[i - 1].arrived).count());
  return gaps;
}

TEST(Fetcher, PerHostDelaySpacesRequestStarts) {
  HttpTestServer server;
  server.Route("/p", Response::Text("x"));
  Collector c;
  FetcherOptions o = TestOptions();
  o.min_host_delay = 200ms;
  o.max_in_flight_per_host = 4;
  auto f = MakeFetcher(o, c);
  for (uint64_t i = 0; i < 4; ++i) ASSERT_TRUE(f->Submit(Req(i, server.Url("/p"))).ok());
  ASSERT_TRUE(f->WaitIdle(20s));
  auto log = server.Requests();
  ASSERT_EQ(log.size(), 4u);
  for (double g : ArrivalGaps(log)) EXPECT_GE(g, 0.19);
}

TEST(Fetcher, CrawlDelayRaisesTheHostDelay) {
  HttpTestServer server;
  server.Route("/p", Response::Text("x"));
  Collector c;
  auto f = MakeFetcher(TestOptions(), c);
  f->SetCrawlDelay("127.0.0.1", 300ms);
  for (uint64_t i = 0; i < 3; ++i) ASSERT_TRUE(f->Submit(Req(i, server.Url("/p"))).ok());
  ASSERT_TRUE(f->WaitIdle(20s));
  auto log = server.Requests();
  ASSERT_EQ(log.size(), 3u);
  for (double g : ArrivalGaps(log)) EXPECT_GE(g, 0.29);
}

TEST(Fetcher, HostOverrideLiftsTheDefaultDelay) {
  HttpTestServer server;
  server.Route("/p", Response::Text("x"));
  Collector c;
  ManualClock clock;  // never advanced: only a zero delay lets all three run
  FetcherOptions o = TestOptions();
  o.min_host_delay = 10s;
  o.host_overrides["127.0.0.1"] = HostPolicy{2, 0ms};
  auto f = MakeFetcher(o, c, &clock);
  for (uint64_t i = 0; i < 3; ++i) ASSERT_TRUE(f->Submit(Req(i, server.Url("/p"))).ok());
  EXPECT_TRUE(f->WaitIdle(10s));
  EXPECT_EQ(server.RequestCount(), 3u);
}

TEST(Fetcher, RedirectChainIsFollowedAndRecorded) {
  HttpTestServer server;
  server.Route("/r1", Response::Redirect(302, "/r2"));
  server.Route("/r2", Response::Redirect(301, server.Url("/r3")));
  server.Route("/r3", Response::Redirect(307, "final?x=1"));
  server.Route("/final", Response::Text("done"));
  Collector c;
  auto f = MakeFetcher(TestOptions(), c);
  ASSERT_TRUE(f->Submit(Req(1, server.Url("/r1"))).ok());
  FetchResult r = c.Wait(1);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.body, "done");
  EXPECT_EQ(r.final_url, server.Url("/final?x=1"));
  EXPECT_EQ(r.redirect_chain,
            (std::vector<std::string>{server.Url("/r1"), server.Url("/r2"), server.Url("/r3"),
                                      server.Url("/final?x=1")}));
  EXPECT_EQ(r.attempts, 4);
}

TEST(Fetcher, RedirectLoopIsDetected) {
  HttpTestServer server;
  server.Route("/a", Response::Redirect(302, "/b"));
  server.Route("/b", Response::Redirect(302, "/a"));
  Collector c;
  auto f = MakeFetcher(TestOptions(), c);
  ASSERT_TRUE(f->Submit(Req(1, server.Url("/a"))).ok());
  FetchResult r = c.Wait(1);
  EXPECT_EQ(r.outcome, FetchOutcome::kFailed);
  EXPECT_EQ(r.failure, FailureKind::kRedirectLoop) << r.error;
  EXPECT_EQ(server.RequestCount(), 2u);
}

TEST(Fetcher, TooManyRedirectsStopsAtTheLimit) {
  HttpTestServer server;
  for (int i = 0; i < 10; ++i)
    server.Route("/h" + std::to_string(i), Response::Redirect(302, "/h" + std::to_string(i + 1)));
  Collector c;
  FetcherOptions o = TestOptions();
  o.max_redirects = 5;
  auto f = MakeFetcher(o, c);
  ASSERT_TRUE(f->Submit(Req(1, server.Url("/h0"))).ok());
  FetchResult r = c.Wait(1);
  EXPECT_EQ(r.failure, FailureKind::kTooManyRedirects) << r.error;
  EXPECT_EQ(server.RequestCount(), 6u);  // the first request + 5 redirects followed
}

TEST(Fetcher, RedirectToOtherSchemeIsRefused) {
  HttpTestServer server;
  server.Route("/r", Response::Redirect(302, "ftp://127.0.0.1/x"));
  Collector c;
  auto f = MakeFetcher(TestOptions(), c);
  ASSERT_TRUE(f->Submit(Req(1, server.Url("/r"))).ok());
  EXPECT_EQ(c.Wait(1).failure, FailureKind::kBadScheme);
}

TEST(Fetcher, NonHttpSchemesAreRefused) {
  HttpTestServer server;
  Collector c;
  auto f = MakeFetcher(TestOptions(), c);
  ASSERT_TRUE(f->Submit(Req(1, "file:///etc/passwd")).ok());
  ASSERT_TRUE(f->Submit(Req(2, "ftp://127.0.0.1:" + std::to_string(server.port()) + "/")).ok());
  ASSERT_TRUE(f->Submit(Req(3, "gopher://127.0.0.1/")).ok());
  ASSERT_TRUE(f->Submit(Req(4, "not a url")).ok());
  EXPECT_EQ(c.Wait(1).failure, FailureKind::kBadScheme);
  EXPECT_EQ(c.Wait(2).failure, FailureKind::kBadScheme);
  EXPECT_EQ(c.Wait(3).failure, FailureKind::kBadScheme);
  EXPECT_NE(c.Wait(4).failure, FailureKind::kNone);
  EXPECT_EQ(server.RequestCount(), 0u);
}

TEST(Fetcher, ConditionalGetSendsStoredValidatorsAnd304IsNotModified) {
  HttpTestServer server;
  const std::string etag = "\"v1-abc\"";
  const std::string lm = "Wed, 21 Oct 2026 07:28:00 GMT";
  server.RouteHandler("/doc", [&](const RecordedRequest& req) {
    if (req.Header("If-None-Match") == etag) return Response::Status(304);
    Response r = Response::Text("<html>article</html>");
    r.headers.emplace_back("ETag", etag);
    r.headers.emplace_back("Last-Modified", lm);
    return r;
  });
  auto store = CrawlStateStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  Collector c;
  auto f = MakeFetcher(TestOptions(), c, nullptr, store->get());
  ASSERT_TRUE(f->Submit(Req(1, server.Url("/doc"))).ok());
  FetchResult first = c.Wait(1);
  ASSERT_EQ(first.outcome, FetchOutcome::kOk) << first.error;
  Result<UrlState> st = (*store)->Get(server.Url("/doc"));
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->etag, etag);
  EXPECT_EQ(st->last_modified, lm);
  EXPECT_EQ(st->last_status, 200);
  EXPECT_EQ(st->content_hash, ContentHash("<html>article</html>"));

  ASSERT_TRUE(f->Submit(Req(2, server.Url("/doc"))).ok());
  FetchResult second = c.Wait(2);
  EXPECT_EQ(second.outcome, FetchOutcome::kNotModified) << second.error;
  EXPECT_EQ(second.http_status, 304);
  EXPECT_TRUE(second.body.empty());
  auto log = server.Requests();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_FALSE(log[0].HasHeader("If-None-Match"));
  EXPECT_EQ(log[1].Header("If-None-Match"), etag);
  EXPECT_EQ(log[1].Header("If-Modified-Since"), lm);
  EXPECT_EQ((*store)->Get(server.Url("/doc"))->last_status, 304);
  EXPECT_EQ(f->Stats("127.0.0.1").not_modified, 1u);

  // conditional = false: no validators sent.
  FetchRequest plain = Req(3, server.Url("/doc"));
  plain.conditional = false;
  ASSERT_TRUE(f->Submit(plain).ok());
  EXPECT_EQ(c.Wait(3).outcome, FetchOutcome::kOk);
  EXPECT_FALSE(server.Requests()[2].HasHeader("If-None-Match"));
}

TEST(Fetcher, BackoffScheduleFollowsTheInjectedClock) {
  HttpTestServer server;
  server.RouteSequence("/flaky", {Response::Status(500), Response::Status(500),
                                  Response::Status(500), Response::Text("ok")});
  ManualClock clock;
  Collector c;
  FetcherOptions o = TestOptions();
  o.retry.max_attempts = 4;
  o.retry.base_delay = 1000ms;
  o.retry.multiplier = 2;
  o.retry.jitter = 0;
  auto f = MakeFetcher(o, c, &clock);
  ASSERT_TRUE(f->Submit(Req(1, server.Url("/flaky"))).ok());
  FetchResult r;
  {
    ClockDriver driver(&clock, 20ms);
    r = c.Wait(1);
  }
  ASSERT_TRUE(r.ok()) << r.error;
  ASSERT_EQ(r.attempt_starts.size(), 4u);
  const double expected[] = {1.0, 2.0, 4.0};
  for (int i = 0; i < 3; ++i) {
    double gap = Seconds(r.attempt_starts[i + 1] - r.attempt_starts[i]);
    EXPECT_GE(gap, expected[i]) << "gap " << i;
    EXPECT_LT(gap, expected[i] + 0.5) << "gap " << i;
  }
  EXPECT_EQ(server.RequestCount(), 4u);
  EXPECT_EQ(f->Stats("127.0.0.1").retries, 3u);
}

TEST(Fetcher, RetriesStopAtMaxAttemptsAndAreFinalFor5xx) {
  HttpTestServer server;
  server.Route("/down", Response::Status(502));
  Collector c;
  FetcherOptions o = TestOptions();
  o.retry.max_attempts = 3;
  auto f = MakeFetcher(o, c);
  ASSERT_TRUE(f->Submit(Req(1, server.Url("/down"))).ok());
  FetchResult r = c.Wait(1);
  EXPECT_EQ(r.failure, FailureKind::kHttp5xx);
  EXPECT_EQ(r.attempts, 3);
  EXPECT_EQ(server.RequestCount(), 3u);
  EXPECT_EQ(f->Stats("127.0.0.1").failures[FailureKind::kHttp5xx], 1u);
}

TEST(Fetcher, Other4xxIsFinal) {
  HttpTestServer server;
  server.Route("/gone", Response::Status(410));
  Collector c;
  auto f = MakeFetcher(TestOptions(), c);
  ASSERT_TRUE(f->Submit(Req(1, server.Url("/gone"))).ok());
  ASSERT_TRUE(f->Submit(Req(2, server.Url("/missing"))).ok());
  EXPECT_EQ(c.Wait(1).failure, FailureKind::kHttp4xx);
  EXPECT_EQ(c.Wait(2).failure, FailureKind::kHttp4xx);
  EXPECT_EQ(server.RequestCount(), 2u);
}

std::string HttpDate(std::chrono::system_clock::time_point t) {
  std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[64];
  std::strftime(buf, sizeof(buf), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

void CheckRetryAfterSlowsHost(int status, const std::string& retry_after, double seconds,
                              ManualClock& clock) {
  HttpTestServer server;
  server.RouteSequence("/busy", {Response::RetryAfter(status, retry_after), Response::Text("ok")});
  server.Route("/other", Response::Text("other"));
  Collector c;
  auto f = MakeFetcher(TestOptions(), c, &clock);
  ClockDriver driver(&clock, 20ms);
  ASSERT_TRUE(f->Submit(Req(1, server.Url("/busy"))).ok());
  // Submit the other URL once the fetcher has seen the answer and scheduled the retry.
  for (int i = 0; i < 5000 && f->Stats("127.0.0.1").retries == 0; ++i)
    std::this_thread::sleep_for(1ms);
  ASSERT_EQ(f->Stats("127.0.0.1").retries, 1u);
  ASSERT_TRUE(f->Submit(Req(2, server.Url("/other"))).ok());
  FetchResult busy = c.Wait(1);
  FetchResult other = c.Wait(2);
  ASSERT_TRUE(busy.ok()) << busy.error;
  ASSERT_TRUE(other.ok()) << other.error;
  ASSERT_EQ(busy.attempt_starts.size(), 2u);
  // The retry waited for Retry-After, and so did the other URL of the same host.
  EXPECT_GE(Seconds(busy.attempt_starts[1] - busy.attempt_starts[0]), seconds - 0.05);
  EXPECT_GE(Seconds(other.attempt_starts[0] - busy.attempt_starts[0]), seconds - 0.05);
  auto log = server.Requests();
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].path, "/busy");
}

TEST(Fetcher, RetryAfterSecondsSlowsTheWholeHost) {
  ManualClock clock;
  CheckRetryAfterSlowsHost(429, "5", 5.0, clock);
}

TEST(Fetcher, RetryAfterHttpDateSlowsTheWholeHost) {
  ManualClock clock;
  CheckRetryAfterSlowsHost(503, HttpDate(clock.WallNow() + 8s), 7.0, clock);
}

TEST(Fetcher, RetryAfterBeyondTheCapIsFinal) {
  HttpTestServer server;
  server.Route("/busy", Response::RetryAfter(429, "86400"));
  Collector c;
  FetcherOptions o = TestOptions();
  o.retry.max_retry_after = 60s;
  auto f = MakeFetcher(o, c);
  ASSERT_TRUE(f->Submit(Req(1, server.Url("/busy"))).ok());
  EXPECT_EQ(c.Wait(1).failure, FailureKind::kTooManyRequests);
  EXPECT_EQ(server.RequestCount(), 1u);
}

long PeakRssKb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

TEST(Fetcher, GzipBombIsCutAtTheDecompressedLimit) {
  HttpTestServer server;
  Response bomb;
  bomb.body = testing::GzipOfZeros(uint64_t{1} << 30);  // 1 GiB inflated, ~1 MiB on the wire
  bomb.headers = {{"Content-Type", "text/html"}, {"Content-Encoding", "gzip"}};
  server.Route("/bomb", bomb);
  Collector c;
  FetcherOptions o = TestOptions();
  o.max_body_bytes = 1 << 20;
  auto f = MakeFetcher(o, c);
  long before = PeakRssKb();
  ASSERT_TRUE(f->Submit(Req(1, server.Url("/bomb"))).ok());
  FetchResult r = c.Wait(1);
  EXPECT_EQ(r.failure, FailureKind::kTooLarge) << r.error;
  EXPECT_EQ(r.attempts, 1);
  EXPECT_LT(PeakRssKb() - before, 256 * 1024) << "peak RSS grew by more than 256 MiB";
}

TEST(Fetcher, EndlessBodyIsCutAtTheLimit) {
  HttpTestServer server;
  Response endless = Response::Text("");
  endless.endless = true;
  server.Route("/endless", endless);
  Collector c;
  FetcherOptions o = TestOptions();
  o.max_body_bytes = 2 << 20;
  auto f = MakeFetcher(o, c);
  ASSERT_TRUE(f->Submit(Req(1, server.Url("/endless"))).ok());
  EXPECT_EQ(c.Wait(1).failure, FailureKind::kTooLarge);
}

TEST(Fetcher, GzipAndBrotliBodiesAreDecoded) {
  HttpTestServer server;
  std::string text;
  for (int i = 0; i < 500; ++i) text += "<p>배우 캐스팅 소식 " + std::to_string(i) + "</p>\n";
  Response gz = Response::Text(text);
  gz.encoding = testing::BodyEncoding::kGzip;
  Response br = Response::Text(text);
  br.encoding = testing::BodyEncoding::kBrotli;
  server.Route("/gz", gz);
  server.Route("/br", br);
  Collector c;
  auto f = MakeFetcher(TestOptions(), c);
  ASSERT_TRUE(f->Submit(Req(1, server.Url("/gz"))).ok());
  ASSERT_TRUE(f->Submit(Req(2, server.Url("/br"))).ok());
  FetchResult a = c.Wait(1), b = c.Wait(2);
  EXPECT_EQ(a.body, text);
  EXPECT_EQ(b.body, text);
  EXPECT_EQ(a.Header("Content-Encoding"), "gzip");
  EXPECT_EQ(b.Header("Content-Encoding"), "br");
  std::string ae = server.Requests()[0].Header("Accept-Encoding");
  EXPECT_NE(ae.find("gzip"), std::string::npos);
  EXPECT_NE(ae.find("br"), std::string::npos);
}

TEST(Fetcher, ZstdDeflateAndCodingListBodiesAreDecoded) {
  HttpTestServer server;
  std::string text;
  for (int i = 0; i < 500; ++i) text += "<p>OST 참여 " + std::to_string(i) + "</p>\n";
  server.Route("/zstd", testing::Encoded(testing::ZstdCompress(text), "zstd"));
  server.Route("/deflate", testing::Encoded(testing::DeflateCompress(text, true), "deflate"));
  // gzip applied first, then br: "Content-Encoding: gzip, br".
  server.Route("/both",
               testing::Encoded(testing::BrotliCompress(testing::GzipCompress(text)), "gzip, br"));
  Collector col;
  auto f = MakeFetcher(TestOptions(), col);
  ASSERT_TRUE(f->Submit(Req(1, server.Url("/zstd"))).ok());
  ASSERT_TRUE(f->Submit(Req(2, server.Url("/deflate"))).ok());
  ASSERT_TRUE(f->Submit(Req(3, server.Url("/both"))).ok());
  for (uint64_t id : {1, 2, 3}) {
    FetchResult r = col.Wait(id);
    ASSERT_TRUE(r.ok()) << id << ": " << r.error;
    EXPECT_EQ(r.body, text) << id;
    EXPECT_TRUE(r.content_encoding.empty()) << id;
  }
  std::string ae = server.Requests()[0].Header("Accept-Encoding");
  EXPECT_NE(ae.find("zstd"), std::string::npos) << ae;
  EXPECT_NE(ae.find("deflate"), std::string::npos) << ae;
}

TEST(Fetcher, CorruptGzipBodyIsADecodeFailure) {
  HttpTestServer server;
  server.Route("/bad", testing::Encoded("this was never gzip", "gzip"));
  Collector c;
  auto f = MakeFetcher(TestOptions(), c);
  ASSERT_TRUE(f->Submit(Req(1, server.Url("/bad"))).ok());
  FetchResult r = c.Wait(1);
  EXPECT_EQ(r.outcome, FetchOutcome::kFailed);
  EXPECT_EQ(r.failure, FailureKind::kDecode) << r.error;
  EXPECT_EQ(r.attempts, 1);  // a corrupt body is not retried
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(f->Stats("127.0.0.1").failures[FailureKind::kDecode], 1u);
}

TEST(Fetcher, DeferredDecodingHandsOnTheBodyAsSentForTheCallerToDecode) {
  HttpTestServer server;
  std::string text;
  for (int i = 0; i < 500; ++i) text += "<p>아이돌 연기 도전 " + std::to_string(i) + "</p>\n";
  Response gz = Response::Text(text);
  gz.encoding = testing::BodyEncoding::kGzip;
  server.Route("/gz", gz);
  server.Route("/plain", Response::Text(text));
  Collector c;
  FetcherOptions o = TestOptions();
  o.defer_content_decoding = true;
  auto f = MakeFetcher(o, c);
  ASSERT_TRUE(f->Submit(Req(1, server.Url("/gz"))).ok());
  ASSERT_TRUE(f->Submit(Req(2, server.Url("/plain"))).ok());
  FetchResult a = c.Wait(1), b = c.Wait(2);
  ASSERT_TRUE(a.ok()) << a.error;
  EXPECT_EQ(a.content_encoding, "gzip");
  ASSERT_GE(a.body.size(), 2u);  // as sent: a gzip stream
  EXPECT_EQ(static_cast<unsigned char>(a.body[0]), 0x1f);
  EXPECT_EQ(static_cast<unsigned char>(a.body[1]), 0x8b);
  EXPECT_LT(a.body.size(), text.size() / 4);
  ASSERT_TRUE(f->DecodeBody(a).ok());
  EXPECT_EQ(a.body, text);
  EXPECT_TRUE(a.content_encoding.empty());
  ASSERT_TRUE(f->DecodeBody(a).ok());  // nothing left to do
  EXPECT_EQ(a.body, text);
  ASSERT_TRUE(b.ok()) << b.error;
  EXPECT_TRUE(b.content_encoding.empty());  // identity: nothing to decode
  EXPECT_EQ(b.body, text);
}

TEST(Fetcher, DeferredDecodeFailureCountsAFailureAndForgetsTheValidators) {
  HttpTestServer server;
  Response bad = testing::Encoded("still not gzip", "gzip");
  bad.headers.emplace_back("ETag", "\"v1\"");
  server.Route("/bad", bad);
  auto store = CrawlStateStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  Collector c;
  FetcherOptions o = TestOptions();
  o.defer_content_decoding = true;
  auto f = MakeFetcher(o, c, nullptr, store->get());
  ASSERT_TRUE(f->Submit(Req(1, server.Url("/bad"))).ok());
  FetchResult r = c.Wait(1);
  ASSERT_TRUE(r.ok()) << r.error;  // the transfer itself worked
  ASSERT_TRUE((*store)->Get(server.Url("/bad")).ok());
  EXPECT_EQ(f->Stats("127.0.0.1").ok, 1u);
  Status s = f->DecodeBody(r);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(r.outcome, FetchOutcome::kFailed);
  EXPECT_EQ(r.failure, FailureKind::kDecode);
  EXPECT_FALSE(r.error.empty());
  EXPECT_TRUE(r.body.empty());
  HostStats st = f->Stats("127.0.0.1");
  EXPECT_EQ(st.ok, 0u);
  EXPECT_EQ(st.failures[FailureKind::kDecode], 1u);
  // No validators left: the next fetch is a plain GET, not a 304 that would skip the page.
  EXPECT_FALSE((*store)->Get(server.Url("/bad")).ok());
  ASSERT_TRUE(f->Submit(Req(2, server.Url("/bad"))).ok());
  c.Wait(2);
  EXPECT_TRUE(server.Requests().back().Header("If-None-Match").empty());
}

TEST(Fetcher, TruncatedBodyIsClassifiedAndRetried) {
  HttpTestServer server;
  Response cut = Response::Text(std::string(5000, 'a'));
  cut.truncate_after = 1000;
  server.RouteSequence("/once", {cut, Response::Text("whole")});
  server.Route("/always", cut);
  Collector c;
  auto f = MakeFetcher(TestOptions(), c);
  ASSERT_TRUE(f->Submit(Req(1, server.Url("/once"))).ok());
  ASSERT_TRUE(f->Submit(Req(2, server.Url("/always"))).ok());
  FetchResult once = c.Wait(1), always = c.Wait(2);
  EXPECT_TRUE(once.ok()) << once.error;
  EXPECT_EQ(once.body, "whole");
  EXPECT_EQ(once.attempts, 2);
  EXPECT_EQ(always.failure, FailureKind::kTruncated) << always.error;
  EXPECT_EQ(always.attempts, 3);
}

TEST(Fetcher, ConnectionResetIsClassifiedAndRetried) {
  HttpTestServer server;
  Response rst;
  rst.reset_before_head = true;
  Response rst_mid = Response::Text(std::string(200000, 'b'));
  rst_mid.reset_after = 100;
  server.RouteSequence("/once", {rst, Response::Text("fine")});
  server.Route("/always", rst);
  server.Route("/mid", rst_mid);
  Collector c;
  auto f = MakeFetcher(TestOptions(), c);
  ASSERT_TRUE(f->Submit(Req(1, server.Url("/once"))).ok());
  ASSERT_TRUE(f->Submit(Req(2, server.Url("/always"))).ok());
  ASSERT_TRUE(f->Submit(Req(3, server.Url("/mid"))).ok());
  FetchResult once = c.Wait(1), always = c.Wait(2), mid = c.Wait(3);
  EXPECT_TRUE(once.ok()) << once.error;
  EXPECT_EQ(once.attempts, 2);
  EXPECT_EQ(always.failure, FailureKind::kReset) << always.error;
  EXPECT_EQ(always.attempts, 3);
  EXPECT_EQ(mid.failure, FailureKind::kReset) << mid.error;
  EXPECT_EQ(f->Stats("127.0.0.1").failures[FailureKind::kReset], 2u);
}

TEST(Fetcher, SlowTrickleHitsTheLowSpeedTimeout) {
  HttpTestServer server;
  Response slow = Response::Text(std::string(200, 'z'));
  slow.trickle_bytes = 1;
  slow.trickle_interval = 400ms;
  server.Route("/trickle", slow);
  Collector c;
  FetcherOptions o = TestOptions();
  o.low_speed_limit = 100;
  o.low_speed_time = 1s;
  o.retry.max_attempts = 1;
  auto f = MakeFetcher(o, c);
  ASSERT_TRUE(f->Submit(Req(1, server.Url("/trickle"))).ok());
  FetchResult r = c.Wait(1);
  EXPECT_EQ(r.failure, FailureKind::kTimeout) << r.error;
}

TEST(Fetcher, NeverAnsweringServerHitsTheTotalTimeout) {
  HttpTestServer server;
  Response silent;
  silent.never_answer = true;
  server.Route("/silent", silent);
  Collector c;
  FetcherOptions o = TestOptions();
  o.total_timeout = 500ms;
  o.retry.max_attempts = 2;
  auto f = MakeFetcher(o, c);
  ASSERT_TRUE(f->Submit(Req(1, server.Url("/silent"))).ok());
  FetchResult r = c.Wait(1);
  EXPECT_EQ(r.failure, FailureKind::kTimeout);
  EXPECT_EQ(r.attempts, 2);
}

TEST(Fetcher, LoopbackNameIsRefusedAfterResolutionUnlessAllowed) {
  HttpTestServer server;
  server.Route("/p", Response::Text("x"));
  {
    Collector c;
    FetcherOptions o = TestOptions();
    o.allowed_cidrs.clear();
    auto f = MakeFetcher(o, c);
    ASSERT_TRUE(f->Submit(Req(1, server.UrlFor("localhost", "/p"))).ok());
    ASSERT_TRUE(f->Submit(Req(2, server.Url("/p"))).ok());
    EXPECT_EQ(c.Wait(1).failure, FailureKind::kBlockedAddress) << c.Wait(1).error;
    EXPECT_EQ(c.Wait(2).failure, FailureKind::kBlockedAddress);
    EXPECT_EQ(c.Wait(1).attempts, 1);  // not retried
  }
  {
    Collector c;
    FetcherOptions o = TestOptions();
    o.allowed_cidrs.clear();
    o.resolve = {"news.example.test:" + std::to_string(server.port()) + ":127.0.0.1"};
    auto f = MakeFetcher(o, c);
    ASSERT_TRUE(f->Submit(Req(1, server.UrlFor("news.example.test", "/p"))).ok());
    EXPECT_EQ(c.Wait(1).failure, FailureKind::kBlockedAddress);
  }
  EXPECT_EQ(server.RequestCount(), 0u);
  {
    Collector c;
    FetcherOptions o = TestOptions();  // allows 127.0.0.0/8
    auto f = MakeFetcher(o, c);
    ASSERT_TRUE(f->Submit(Req(1, server.UrlFor("localhost", "/p"))).ok());
    FetchResult r = c.Wait(1);
    EXPECT_TRUE(r.ok()) << r.error;
  }
  EXPECT_EQ(server.RequestCount(), 1u);
}

TEST(Fetcher, ContentTypeFilter) {
  HttpTestServer server;
  server.Route("/pdf", Response::Text("%PDF-1.4", "application/pdf"));
  server.Route("/html", Response::Text("<html></html>", "TEXT/HTML; charset=EUC-KR"));
  server.Route("/feed", Response::Text("<rss/>", "application/rss+xml"));
  Collector c;
  auto f = MakeFetcher(TestOptions(), c);
  FetchRequest pdf = Req(1, server.Url("/pdf"));
  pdf.accept_content_types = {"text/html", "application/xhtml+xml"};
  FetchRequest html = Req(2, server.Url("/html"));
  html.accept_content_types = {"text/html"};
  FetchRequest feed = Req(3, server.Url("/feed"));
  feed.accept_content_types = {"text/*", "application/rss+xml"};
  ASSERT_TRUE(f->Submit(pdf).ok());
  ASSERT_TRUE(f->Submit(html).ok());
  ASSERT_TRUE(f->Submit(feed).ok());
  FetchResult a = c.Wait(1), b = c.Wait(2), d = c.Wait(3);
  EXPECT_EQ(a.failure, FailureKind::kContentType) << a.error;
  EXPECT_TRUE(a.body.empty());
  EXPECT_TRUE(b.ok()) << b.error;
  EXPECT_TRUE(d.ok()) << d.error;
}

TEST(Fetcher, ContentTypeMatching) {
  EXPECT_TRUE(ContentTypeAccepted("text/html; charset=utf-8", {"text/html"}));
  EXPECT_TRUE(ContentTypeAccepted("Text/HTML", {"text/html"}));
  EXPECT_TRUE(ContentTypeAccepted("text/plain", {"text/*"}));
  EXPECT_TRUE(ContentTypeAccepted("anything/else", {}));
  EXPECT_FALSE(ContentTypeAccepted("application/pdf", {"text/*", "text/html"}));
  EXPECT_FALSE(ContentTypeAccepted("", {"text/html"}));
  EXPECT_FALSE(ContentTypeAccepted("text/htmlx", {"text/html"}));
}

TEST(Fetcher, StopReportsUnfinishedRequestsAsCancelled) {
  HttpTestServer server;
  Response silent;
  silent.never_answer = true;
  server.Route("/silent", silent);
  Collector c;
  FetcherOptions o = TestOptions();
  o.min_host_delay = 60s;
  auto f = MakeFetcher(o, c);
  ASSERT_TRUE(f->Submit(Req(1, server.Url("/silent"))).ok());
  ASSERT_TRUE(f->Submit(Req(2, server.Url("/silent"))).ok());  // waits for the host delay
  ASSERT_EQ(server.WaitForRequests(1, 10s), 1u);
  f->Stop();
  EXPECT_EQ(c.Wait(1, 1s).failure, FailureKind::kCancelled);
  EXPECT_EQ(c.Wait(2, 1s).failure, FailureKind::kCancelled);
  EXPECT_EQ(f->Submit(Req(3, server.Url("/silent"))).code(), ErrorCode::kCancelled);
  EXPECT_EQ(f->Outstanding(), 0u);
}

TEST(Fetcher, BoundedQueueRefusesWhenFull) {
  HttpTestServer server;
  Response silent;
  silent.never_answer = true;
  server.Route("/silent", silent);
  Collector c;
  FetcherOptions o = TestOptions();
  o.queue_capacity = 2;
  auto f = MakeFetcher(o, c);
  ASSERT_TRUE(f->TrySubmit(Req(1, server.Url("/silent"))).ok());
  ASSERT_TRUE(f->TrySubmit(Req(2, server.Url("/silent"))).ok());
  EXPECT_EQ(f->TrySubmit(Req(3, server.Url("/silent"))).code(), ErrorCode::kUnavailable);
  EXPECT_EQ(f->Outstanding(), 2u);
}

TEST(Fetcher, ConnectionsAreReused) {
  HttpTestServer server;
  server.Route("/p", Response::Text("x"));
  Collector c;
  FetcherOptions o = TestOptions();
  o.max_in_flight_per_host = 1;
  auto f = MakeFetcher(o, c);
  for (uint64_t i = 0; i < 5; ++i) ASSERT_TRUE(f->Submit(Req(i, server.Url("/p"))).ok());
  ASSERT_TRUE(f->WaitIdle(10s));
  EXPECT_EQ(server.RequestCount(), 5u);
  EXPECT_EQ(server.ConnectionCount(), 1u);
}

}  // namespace
}  // namespace hallyu
