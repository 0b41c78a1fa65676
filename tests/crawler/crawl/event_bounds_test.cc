// Bounds on what reaches an event (issue 20, case 3): fields cut on a UTF-8 boundary,
// events fitted to the producer's message size before they are merged, and, end to end on
// loopback, a feed entry with a 3 MB title gives a normal, bounded event.
#include "crawler/crawl/event_bounds.h"

#include <gtest/gtest.h>

#include <mutex>
#include <string>
#include <vector>

#include "crawler/crawl/crawl_job.h"
#include "extractors/detect/detector.h"
#include "tests/support/http_test_server.h"
#include "tests/support/local_crawl.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

using testing::HttpTestServer;
using testing::Response;

bool ValidUtf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    if ((c & 0xC0) == 0x80 || (c & 0xF8) == 0xF8 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

TEST(EventBoundsTest, TruncateUtf8CutsOnACharacterBoundary) {
  for (std::size_t max = 0; max < 40; ++max) {
    std::string s = "ab표달비 cast in 벨벳 등불";  // Hangul: 3 bytes a character
    const std::size_t size = s.size();
    const bool cut = TruncateUtf8(s, max);
    EXPECT_EQ(cut, size > max);
    EXPECT_LE(s.size(), max);
    EXPECT_TRUE(ValidUtf8(s)) << max;
    if (cut && max >= 3) {
      EXPECT_EQ(s.substr(s.size() - 3), "\xE2\x80\xA6") << max;
    }
  }
  std::string short_text = "short";
  EXPECT_FALSE(TruncateUtf8(short_text, 5));
  EXPECT_EQ(short_text, "short");
}

Event BigEvent() {
  Event e;
  e.type = EventType::kCasting;
  e.event_id = "c-0123456789abcdef";
  e.status = "confirmed";
  e.person.name = "Pyo Dal-bi";
  e.work.title = std::string(10'000, 'W');
  e.evidence.text = std::string(300'000, 'e');
  e.detected_at = e.first_seen_at = "2026-11-24T01:00:00Z";
  for (int i = 0; i < 64; ++i) {
    SourceRef s;
    s.url = "https://outlet" + std::to_string(i) + ".example/" + std::string(5000, 'u');
    s.title = std::string(100'000, 't');
    e.sources.push_back(s);
  }
  return e;
}

TEST(EventBoundsTest, EveryFieldIsBounded) {
  Event e = BigEvent();
  EXPECT_GT(BoundEventFields(e), 0u);
  EXPECT_LE(e.work.title.size(), kMaxEventNameBytes);
  EXPECT_LE(e.evidence.text.size(), kMaxEvidenceBytes);
  for (const SourceRef& s : e.sources) {
    EXPECT_LE(s.url.size(), kMaxEventUrlBytes);
    EXPECT_LE(s.title.size(), kMaxEventTitleBytes);
  }
  EXPECT_LE(SerializedEventBytes(e), MaxEventBytesForProducer(""));
}

// Issue 17: a collab's title, cause and participants are bounded too.
TEST(EventBoundsTest, CollabTitleCauseAndParticipantsAreBounded) {
  Event e = BigEvent();
  e.type = EventType::kCollab;
  e.person = PersonRef{};
  e.title = std::string(10'000, 'T');
  e.cause = std::string(10'000, 'C');
  for (int i = 0; i < 500; ++i) {
    PersonRef p;
    p.name = "Singer " + std::to_string(i) + std::string(5'000, 'n');
    p.native = std::string(3'000, 'k');
    e.people.push_back(p);
  }
  EXPECT_GT(BoundEventFields(e), 0u);
  EXPECT_LE(e.title.size(), kMaxEventNameBytes);
  EXPECT_LE(e.cause.size(), kMaxEventNameBytes);
  ASSERT_EQ(e.people.size(), kMaxEventPeople);
  EXPECT_EQ(e.people[0].name.rfind("Singer 0", 0), 0u);  // text order kept
  for (const PersonRef& p : e.people) {
    EXPECT_LE(p.name.size(), kMaxEventNameBytes);
    EXPECT_LE(p.native.size(), kMaxEventNameBytes);
  }
  EXPECT_LE(SerializedEventBytes(e), MaxEventBytesForProducer(""));
}

TEST(EventBoundsTest, FittingShrinksEvidenceThenOldSourcesButKeepsTheAnnouncement) {
  Event e = BigEvent();
  ASSERT_TRUE(FitEventToMessage(e, 20'000));
  EXPECT_LE(SerializedEventBytes(e), 20'000u);
  EXPECT_EQ(e.person.name, "Pyo Dal-bi");
  EXPECT_EQ(e.status, "confirmed");
  ASSERT_FALSE(e.sources.empty());
  EXPECT_EQ(e.sources.back().url.substr(0, 26), "https://outlet63.example/u") << "newest kept";
  EXPECT_LT(e.sources.size(), 64u);

  Event small = BigEvent();
  ASSERT_TRUE(FitEventToMessage(small, MaxEventBytesForProducer("200000")));
  EXPECT_LE(SerializedEventBytes(small), 200'000u - kEventRecordOverheadBytes);
}

TEST(EventBoundsTest, ProducerOptionSetsTheBudget) {
  EXPECT_EQ(MaxEventBytesForProducer(""), kDefaultKafkaMessageMaxBytes - kEventRecordOverheadBytes);
  EXPECT_EQ(MaxEventBytesForProducer("500000"), 500'000u - kEventRecordOverheadBytes);
  EXPECT_EQ(MaxEventBytesForProducer("junk"), MaxEventBytesForProducer(""));
  EXPECT_EQ(MaxEventBytesForProducer("-5"), MaxEventBytesForProducer(""));
}

class KeepingPublisher : public EventPublisher {
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

TEST(EventBoundsCrawlTest, FeedEntryWithA3MBTitleGivesANormalBoundedEvent) {
  auto detector = Detector::Load(testing::SourcePath("configs/rules"),
                                 testing::SourcePath("configs/gazetteer"));
  ASSERT_TRUE(detector.ok()) << detector.status().ToString();
  MemoryMergeState merge;
  KeepingPublisher publisher;
  DocumentPipeline pipeline(&*detector, &merge, &publisher);

  HttpTestServer server;
  server.Route("/robots.txt", Response::Text("User-agent: *\nAllow: /\n", "text/plain"));
  std::string title = "Breaking ";
  while (title.size() < 3'000'000) title += "소식 ";  // Hangul: a cut must respect UTF-8
  server.Route("/feed.xml",
               Response::Text("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Outlet"
                              "</title><item><title>" +
                                  title + "</title><link>" + server.Url("/page.html") +
                                  "</link><guid>1</guid><pubDate>Tue, 24 Nov 2026 01:00:00 GMT"
                                  "</pubDate></item></channel></rss>",
                              "application/rss+xml"));
  // No <title> and no heading: the feed's title is the page's title.
  server.Route("/page.html",
               Response::Text("<html><head><meta charset=\"utf-8\"></head><body><article><p>"
                              "Weekend ratings for variety programs rose slightly according "
                              "to the survey firm.</p><p>Pyo Dal-bi has been cast in tvN's new "
                              "drama 'Velvet Lantern'.</p><p>Organizers said the photo "
                              "exhibition would travel to Busan next spring.</p></article>"
                              "</body></html>"));
  CrawlJob job(testing::LoopbackCrawlOptions(2),
               {testing::AnyAgeSource(SourceKind::kFeed, server.Url("/feed.xml"))}, &pipeline,
               nullptr);
  auto summary = job.RunOnce();
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  ASSERT_EQ(summary->pages_fetched, 1u);

  const std::vector<Event> events = publisher.events();
  ASSERT_FALSE(events.empty()) << "the announcement is published";
  for (const Event& e : events) {
    ASSERT_FALSE(e.sources.empty());
    EXPECT_LE(e.sources.front().title.size(), kMaxEventTitleBytes);
    EXPECT_TRUE(ValidUtf8(e.sources.front().title));
    EXPECT_EQ(e.sources.front().title.rfind("Breaking ", 0), 0u);
    EXPECT_LE(SerializedEventBytes(e), MaxEventBytesForProducer(""));
  }
  EXPECT_GE(summary->events_bounded, 1u);
}

}  // namespace
}  // namespace hallyu
