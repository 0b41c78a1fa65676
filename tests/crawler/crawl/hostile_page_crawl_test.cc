// A hostile page never stops the crawl (issue 20, case 1), end to end on loopback: a feed
// lists a good article and a 113 KB page whose HTML tree grows with the square of its
// size. The crawl finishes, the hostile page is one counted extraction failure
// ("too_complex"), the good page still gives its event, and memory stays bounded.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <mutex>
#include <string>
#include <vector>

#include "crawler/crawl/crawl_job.h"
#include "extractors/detect/detector.h"
#include "tests/support/http_test_server.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

using testing::HttpTestServer;
using testing::Response;

class KeepingPublisher : public EventPublisher {
 public:
  Status PublishEvent(const Event& event) override {
    std::lock_guard<std::mutex> lock(mu_);
    events_.push_back(event);
    return Status();
  }
  Status PublishFailure(const std::string& url, const Status& failure) override {
    std::lock_guard<std::mutex> lock(mu_);
    failures_.emplace_back(url, failure.ToString());
    return Status();
  }
  std::vector<Event> events() {
    std::lock_guard<std::mutex> lock(mu_);
    return events_;
  }
  std::vector<std::pair<std::string, std::string>> failures() {
    std::lock_guard<std::mutex> lock(mu_);
    return failures_;
  }

 private:
  std::mutex mu_;
  std::vector<Event> events_;
  std::vector<std::pair<std::string, std::string>> failures_;
};

long PeakRssKib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

TEST(HostilePageCrawl, QuadraticTreePageFailsAloneAndTheCrawlGoesOn) {
  auto detector = Detector::Load(testing::SourcePath("configs/rules"),
                                 testing::SourcePath("configs/gazetteer"));
  ASSERT_TRUE(detector.ok()) << detector.status().ToString();
  MemoryMergeState merge;
  KeepingPublisher publisher;
  DocumentPipeline pipeline(&*detector, &merge, &publisher);

  HttpTestServer server;
  server.Route("/robots.txt", Response::Text("User-agent: *\nAllow: /\n", "text/plain"));
  auto item = [&](const std::string& path, const std::string& guid) {
    return "<item><title>item " + guid + "</title><link>" + server.Url(path) + "</link><guid>" +
           guid + "</guid><pubDate>Tue, 24 Nov 2026 01:00:00 GMT</pubDate></item>";
  };
  server.Route("/feed.xml", Response::Text("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                                           "<title>Outlet</title>" +
                                               item("/hostile.html", "1") +
                                               item("/good.html", "2") + "</channel></rss>",
                                           "application/rss+xml"));
  std::string hostile = "<html><body>";
  for (int i = 0; i < 6000; ++i) hostile += "<p>x<b id=" + std::to_string(i) + "></p>";
  server.Route("/hostile.html", Response::Text(hostile));
  server.Route(
      "/good.html",
      Response::Text("<html><head><meta charset=\"utf-8\"><title>ASTRO's Cha Eun-woo in talks "
                     "to star in MBC's 'Wonderful World'</title></head><body><article><h1>"
                     "ASTRO's Cha Eun-woo in talks to star in MBC's 'Wonderful World'</h1><p>"
                     "ASTRO's Cha Eun-woo is in talks to star in MBC's new drama 'Wonderful "
                     "World'. His agency said he received an offer and is reviewing it.</p><p>"
                     "More details will be announced later, according to the production "
                     "company.</p></article></body></html>"));

  CrawlJobOptions o;
  o.fetcher.allowed_cidrs = {"127.0.0.0/8"};
  o.fetcher.min_host_delay = std::chrono::milliseconds(0);
  o.fetcher.retry.max_attempts = 1;
  o.workers = 2;
  CrawlSource source;
  source.name = "outlet";
  source.kind = SourceKind::kFeed;
  source.url = server.Url("/feed.xml");
  source.lang = "en";
  CrawlJob job(o, {source}, &pipeline, nullptr);

  const long rss_before = PeakRssKib();
  auto summary = job.RunOnce();
  const long grown = PeakRssKib() - rss_before;
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->pages_fetched, 2u);
  EXPECT_EQ(pipeline.counters().extraction_failures.load(), 1u);
  EXPECT_EQ(pipeline.counters().documents.load(), 1u);
  const auto failures = publisher.failures();
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].first, server.Url("/hostile.html"));
  EXPECT_NE(failures[0].second.find("too_complex"), std::string::npos) << failures[0].second;
  EXPECT_FALSE(publisher.events().empty()) << "the good page's event";
  EXPECT_LT(grown, 300 * 1024) << "peak RSS grew by " << grown << " KiB";
}

}  // namespace
}  // namespace hallyu
