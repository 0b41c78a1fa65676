// CrawlJob end to end on loopback: a feed and a news sitemap on a test server,
// robots.txt that fences off a folder, article pages in English and Korean, the
// real detector, and events produced through the spooled producer to the real
// broker. Two rounds share one merge state, so the Korean confirmation of an
// English "in talks" report must come out as version 2 of the same event.
#include <gtest/gtest.h>

#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "crawler/crawl/crawl_job.h"
#include "crawler/kafka/kafka_event_publisher.h"
#include "crawler/kafka/kafka_producer.h"
#include "crawler/ops/metrics.h"
#include "extractors/detect/detector.h"
#include "extractors/text/datetime.h"
#include "tests/support/http_test_server.h"
#include "tests/support/kafka_fixture.h"
#include "tests/support/paths.h"
#include "tests/support/schema_check.h"

namespace hallyu {
namespace {

std::string Page(const std::string& lang, const std::string& title, const std::string& body) {
  return "<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><title>" +
         title +
         "</title></head><body><nav><a href=\"/\">Home</a><a href=\"/tv\">TV</a></nav>"
         "<article><h1>" +
         title + "</h1><div class=\"article-body\"><p>" + body +
         "</p><p>More details will be announced later, according to the production "
         "company.</p></div></article><footer>Copyright Test Outlet</footer></body></html>";
}

class CrawlJobTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(kafka_.Connect());
    casting_topic_ = kafka_.CreateTopic("crawl.casting");
    ost_topic_ = kafka_.CreateTopic("crawl.ost");
    dlq_topic_ = kafka_.CreateTopic("crawl.dlq");
    spool_ = testing::MakeTempDir("crawl-spool-");

    server_.Route("/robots.txt",
                  testing::Response::Text("User-agent: *\nDisallow: /private/\n", "text/plain"));
    server_.Route("/en/talks.html",
                  testing::Response::Text(
                      Page("en", "ASTRO's Cha Eun-woo in talks to star in MBC's 'Wonderful World'",
                           "ASTRO's Cha Eun-woo is in talks to star in MBC's new drama 'Wonderful "
                           "World'. His agency said he received an offer and is reviewing it.")));
    server_.Route("/en/comeback.html",
                  testing::Response::Text(Page(
                      "en", "ASTRO announces a comeback with a new mini album",
                      "ASTRO will return next month with a new mini album and a fan meeting.")));
    server_.Route("/private/secret.html",
                  testing::Response::Text(Page("en", "Secret", "Cha Eun-woo has been cast.")));
    server_.Route("/ko/confirmed.html",
                  testing::Response::Text(
                      Page("ko", "아스트로 차은우, MBC '원더풀 월드' 출연 확정",
                           "그룹 아스트로 차은우가 MBC 새 드라마 '원더풀 월드' 출연을 확정했다.")));
    std::string feed =
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test Outlet</title>"
        "<link>" +
        server_.Url("/") + "</link>" + Item("/en/talks.html", "1") +
        Item("/en/comeback.html", "2") + Item("/private/secret.html", "3") + "</channel></rss>";
    server_.Route("/feed.xml", testing::Response::Text(feed, "application/rss+xml"));
    std::string now = FormatRfc3339(static_cast<int64_t>(std::time(nullptr)) - 3600);
    std::string sitemap =
        "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
        "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\"><url><loc>" +
        server_.Url("/ko/confirmed.html") + "</loc><news:news><news:publication_date>" + now +
        "</news:publication_date><news:title>차은우 출연 확정</news:title></news:news></url>"
        "<url><loc>" +
        server_.Url("/ko/old.html") +
        "</loc><news:news><news:publication_date>2020-01-01T00:00:00Z</news:publication_date>"
        "</news:news></url></urlset>";
    server_.Route("/sitemap-news.xml", testing::Response::Text(sitemap, "application/xml"));
  }

  void TearDown() override { std::filesystem::remove_all(spool_); }

  std::string Item(const std::string& path, const std::string& guid) {
    return "<item><title>item " + guid + "</title><link>" + server_.Url(path) + "</link><guid>" +
           guid + "</guid><pubDate>Tue, 24 Nov 2026 01:00:00 GMT</pubDate></item>";
  }

  CrawlJobOptions JobOptions() {
    CrawlJobOptions o;
    o.fetcher.allowed_cidrs = {"127.0.0.0/8"};
    o.fetcher.min_host_delay = std::chrono::milliseconds(0);
    o.fetcher.max_in_flight_per_host = 4;
    o.workers = 2;
    return o;
  }

  CrawlSource Source(const std::string& name, SourceKind kind, const std::string& path,
                     const std::string& lang) {
    CrawlSource s;
    s.name = name;
    s.kind = kind;
    s.url = server_.Url(path);
    s.site = name;
    s.lang = lang;
    return s;
  }

  testing::KafkaTestClient kafka_;
  testing::HttpTestServer server_;
  std::string casting_topic_, ost_topic_, dlq_topic_, spool_;
};

TEST_F(CrawlJobTest, FeedAndSitemapToVersionedEventsOnKafka) {
  auto detector = Detector::Load(testing::SourcePath("configs/rules"),
                                 testing::SourcePath("configs/gazetteer"));
  ASSERT_TRUE(detector.ok()) << detector.status().ToString();
  KafkaOptions ko;
  ko.brokers = kafka_.brokers();
  ko.spool.dir = spool_;
  ko.create_topics = false;
  auto producer = KafkaProducer::Start(ko);
  ASSERT_TRUE(producer.ok()) << producer.status().ToString();
  KafkaTopicNames topics;
  topics.casting = casting_topic_;
  topics.ost = ost_topic_;
  topics.dlq = dlq_topic_;
  topics.documents = dlq_topic_;
  KafkaEventPublisher publisher(producer->get(), topics);
  MemoryMergeState merge_state;
  DocumentPipeline pipeline(&*detector, &merge_state, &publisher);

  CrawlMetrics& metrics = DefaultCrawlMetrics();
  const double pages_2xx_before = metrics.pages_fetched.With({"2xx"}).Value();
  const double denials_before = metrics.robots_denials.With({"127.0.0.1"}).Value();

  // Round 1: the English feed.
  CrawlJob feed_job(JobOptions(), {Source("Test Outlet", SourceKind::kFeed, "/feed.xml", "en")},
                    &pipeline, nullptr);
  auto first = feed_job.RunOnce();
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->sources_ok, 1u);
  EXPECT_EQ(first->pages_fetched, 2u);  // talks + comeback; /private/ is fenced off
  EXPECT_EQ(first->robots_denied, 1u);
  EXPECT_EQ(first->events_published, 1u);
  EXPECT_TRUE(server_.RequestsFor("/private/secret.html").empty());
  EXPECT_EQ(server_.RequestsFor("/robots.txt").size(), 1u);
  // feed + robots.txt + 2 pages answered 2xx; the fenced page counted as a denial.
  EXPECT_EQ(metrics.pages_fetched.With({"2xx"}).Value() - pages_2xx_before, 4);
  EXPECT_EQ(metrics.robots_denials.With({"127.0.0.1"}).Value() - denials_before, 1);
  // "in talks" in the report, "received an offer and is reviewing it" from the agency: the
  // agency's statement and the more advanced status win (detection-labels.md precedence).
  EXPECT_EQ(metrics.events.With({"casting", "reviewing"}).Value() >= 1, true);
  EXPECT_GT(metrics.source_last_success.With({"Test Outlet"}).Value(), 0);
  const std::string text = DefaultMetricsRegistry().RenderText();
  EXPECT_NE(text.find("hallyu_pages_fetched_total{status_class=\"2xx\"}"), std::string::npos)
      << text;

  // Round 2: the Korean news sitemap confirms the same casting.
  CrawlJob sitemap_job(JobOptions(),
                       {Source("테스트연예", SourceKind::kSitemap, "/sitemap-news.xml", "ko")},
                       &pipeline, nullptr);
  auto second = sitemap_job.RunOnce();
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->pages_fetched, 1u);  // the 2020 entry is past the horizon
  EXPECT_TRUE(server_.RequestsFor("/ko/old.html").empty());
  EXPECT_EQ(second->events_published, 1u);

  ASSERT_TRUE((*producer)->Flush(std::chrono::seconds(30)).ok());
  ASSERT_TRUE((*producer)->Close().ok());

  auto got = kafka_.ReadAtLeast(casting_topic_, 2);
  ASSERT_EQ(got.size(), 2u);
  std::vector<std::string> values;
  for (const auto& r : got) values.push_back(r.ValueOr());
  EXPECT_TRUE(testing::ValidatesAgainstSchema("schemas/casting.json", values));
  auto v1 = nlohmann::json::parse(values[0]);
  auto v2 = nlohmann::json::parse(values[1]);
  EXPECT_EQ(v1["event_id"], v2["event_id"]);
  EXPECT_EQ(got[0].key.value_or(""), v1["event_id"].get<std::string>());
  EXPECT_EQ(v1["version"], 1);
  EXPECT_EQ(v1["status"], "reviewing");
  EXPECT_EQ(v2["version"], 2);
  EXPECT_EQ(v2["status"], "confirmed");
  EXPECT_EQ(v2["person"]["name"], "Cha Eun-woo");
  EXPECT_EQ(v2["work"]["title"], "Wonderful World");
  EXPECT_EQ(v2["crossover"], true);
  EXPECT_EQ(v2["sources"].size(), 2u);
  EXPECT_TRUE(kafka_.ReadAll(ost_topic_).empty());  // no OST was announced
}

}  // namespace
}  // namespace hallyu
