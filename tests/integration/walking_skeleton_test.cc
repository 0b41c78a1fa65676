// The walking skeleton: every layer once, for real. An HTTP server on 127.0.0.1
// serves an article; the libcurl fetcher downloads it; Gumbo parses it; an RE2
// rule finds "X has been cast in Y"; the event goes through the spooled,
// idempotent (acks=all) producer to a fresh topic on the real broker, a second
// client reads it back, and the JSON validates against schemas/casting.json.
// Fails (never skips) when the broker is unreachable.
#include <gtest/gtest.h>

#include <filesystem>
#include <future>
#include <nlohmann/json.hpp>

#include "crawler/fetch/fetcher.h"
#include "crawler/kafka/kafka_producer.h"
#include "extractors/detect/detector.h"
#include "extractors/html/article_extractor.h"
#include "tests/support/http_test_server.h"
#include "tests/support/kafka_fixture.h"
#include "tests/support/paths.h"
#include "tests/support/schema_check.h"

namespace hallyu {
namespace {

constexpr const char* kArticle = R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Cha Eun-woo has been cast in 'Wonderful World' | Skeleton News</title>
<script>var tracking = {page: "article", slots: ["top", "side"]};</script>
</head><body>
<nav><a href="/">Home</a> <a href="/drama">Drama</a></nav>
<article><h1>Cha Eun-woo has been cast in 'Wonderful World'</h1>
<p>ASTRO's Cha Eun-woo has been cast in MBC's 'Wonderful World'.</p>
<p>The drama follows a woman who takes the law into her own hands after a tragedy,
and the singer-actor will play a medical school dropout who crosses her path.</p>
</article><footer>Skeleton News. All rights reserved.</footer></body></html>)";

TEST(WalkingSkeleton, PageToEventOnRealKafka) {
  testing::KafkaTestClient kafka;
  ASSERT_TRUE(kafka.Connect());
  const std::string topic = kafka.CreateTopic("skeleton.casting");
  ASSERT_FALSE(topic.empty());

  // 1. HTTP server on loopback serves the article.
  testing::HttpTestServer server;
  server.Route("/news/cha-eun-woo.html", testing::Response::Text(kArticle));

  // 2. The libcurl fetcher downloads it.
  FetcherOptions fo;
  fo.allowed_cidrs = {"127.0.0.0/8"};
  fo.min_host_delay = std::chrono::milliseconds(0);
  std::promise<FetchResult> fetched;
  auto fetcher = Fetcher::Create(fo, [&](FetchResult r) { fetched.set_value(std::move(r)); });
  ASSERT_TRUE(fetcher.ok()) << fetcher.status().ToString();
  FetchRequest req;
  req.url = server.Url("/news/cha-eun-woo.html");
  ASSERT_TRUE((*fetcher)->Submit(req).ok());
  FetchResult page = fetched.get_future().get();
  (*fetcher)->Stop();
  ASSERT_TRUE(page.ok()) << page.error;
  EXPECT_EQ(page.http_status, 200);
  ASSERT_EQ(server.RequestsFor("/news/cha-eun-woo.html").size(), 1u);
  EXPECT_NE(server.RequestsFor("/news/cha-eun-woo.html")[0].Header("User-Agent").find("hallyu"),
            std::string::npos);

  // 3. Gumbo parses it into a Document.
  auto doc = ExtractArticle(page.body, page.final_url);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_NE(doc->text.find("has been cast in MBC's 'Wonderful World'"), std::string::npos);
  EXPECT_EQ(doc->text.find("All rights reserved"), std::string::npos);

  // 4. An RE2 rule finds the casting.
  auto detector = Detector::Load(testing::SourcePath("configs/rules"),
                                 testing::SourcePath("configs/gazetteer"));
  ASSERT_TRUE(detector.ok()) << detector.status().ToString();
  SourceRef source{page.final_url, "Skeleton News", doc->title, "", "2026-11-24T00:00:00Z"};
  auto found = detector->Detect(doc->title, doc->text, "en", source);
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  ASSERT_EQ(found->size(), 1u);
  const Event& event = (*found)[0];
  EXPECT_EQ(event.type, EventType::kCasting);
  EXPECT_EQ(event.status, "confirmed");
  EXPECT_EQ(event.person.name, "Cha Eun-woo");
  EXPECT_EQ(event.person.group, "ASTRO");
  EXPECT_EQ(event.work.title, "Wonderful World");
  EXPECT_TRUE(event.crossover);

  // 5. Produced through the spooled idempotent producer (acks=all) to the real broker.
  std::string spool = testing::MakeTempDir("skeleton-spool-");
  KafkaOptions ko;
  ko.brokers = kafka.brokers();
  ko.spool.dir = spool;
  ko.create_topics = false;
  auto producer = KafkaProducer::Start(ko);
  ASSERT_TRUE(producer.ok()) << producer.status().ToString();
  const std::string value = ToJson(event).dump();
  ASSERT_TRUE((*producer)
                  ->Produce(topic, event.event_id, value,
                            StandardHeaders("hallyu.casting/1", "Skeleton News"))
                  .ok());
  ASSERT_TRUE((*producer)->Flush(std::chrono::seconds(30)).ok());
  EXPECT_EQ((*producer)->stats().delivered, 1u);
  ASSERT_TRUE((*producer)->Close().ok());
  std::filesystem::remove_all(spool);

  // 6. A second client reads it back: same key, same bytes, schema header, valid JSON.
  auto got = kafka.ReadAtLeast(topic, 1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].key.value_or(""), event.event_id);
  EXPECT_EQ(got[0].ValueOr(), value);
  EXPECT_EQ(got[0].Header("hallyu.schema").value_or(""), "hallyu.casting/1");
  EXPECT_TRUE(testing::ValidatesAgainstSchema("schemas/casting.json", {got[0].ValueOr()}));
}

}  // namespace
}  // namespace hallyu
