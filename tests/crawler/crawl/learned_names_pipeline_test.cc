// End to end through the document pipeline (issue 14, "what the text teaches"): a
// fact learned from one article decides the crossover of a later article about
// the same unknown name. People and titles are made up.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "crawler/crawl/document_pipeline.h"
#include "crawler/store/learned_names_store.h"
#include "extractors/detect/detector.h"
#include "extractors/detect/event_merger.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

class CollectingPublisher : public EventPublisher {
 public:
  Status PublishEvent(const Event& e) override {
    events.push_back(e);
    return Status();
  }
  std::vector<Event> events;
};

const Detector& TheDetector() { return hallyu::testing::ShippedDetector(); }

class LearnedNamesPipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = LearnedNamesStore::Open(":memory:");
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    names_ = std::move(*s);
    pipeline_ = std::make_unique<DocumentPipeline>(&TheDetector(), &merge_, &publisher_);
  }

  // The events published for one article.
  std::vector<Event> Process(const std::string& url, const std::string& text,
                             const std::string& lang) {
    PageOrigin origin;
    origin.url = url;
    origin.site = "news.test";
    origin.lang = lang;
    origin.fetched_at = "2026-01-0" + std::to_string(++day_) + "T00:00:00Z";
    auto r = pipeline_->ProcessText(TextDocument{text, "", ""}, origin);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : std::vector<Event>{};
  }

  MemoryMergeState merge_;
  CollectingPublisher publisher_;
  std::unique_ptr<LearnedNamesStore> names_;
  std::unique_ptr<DocumentPipeline> pipeline_;
  int day_ = 0;
};

const char kPageOne[] =
    "Singer-actress Yoon Da-bin has been cast in the new JTBC drama 'Blue Harbor'.";
const char kPageTwo[] = "Yoon Da-bin has been cast in the new tvN drama 'Red Lantern'.";

TEST_F(LearnedNamesPipelineTest, WithoutTheStoreTheSecondArticleIsNoCrossover) {
  ASSERT_EQ(Process("https://news.test/1", kPageOne, "en").size(), 1u);
  auto second = Process("https://news.test/2", kPageTwo, "en");
  ASSERT_EQ(second.size(), 1u);
  EXPECT_FALSE(second[0].person.resolved);
  EXPECT_FALSE(second[0].crossover);
}

TEST_F(LearnedNamesPipelineTest, AFactFromTheFirstArticleMakesTheSecondACrossover) {
  pipeline_->set_learned_names(names_.get());
  auto first = Process("https://news.test/1", kPageOne, "en");
  ASSERT_EQ(first.size(), 1u);
  EXPECT_TRUE(first[0].crossover);  // a singer acting, said in the same article
  auto second = Process("https://news.test/2", kPageTwo, "en");
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].work.title, "Red Lantern");
  EXPECT_FALSE(second[0].person.resolved);
  EXPECT_TRUE(second[0].crossover);
  EXPECT_TRUE(second[0].person.learned.singer);
  // the store kept the fact with the page that taught it
  auto entry = names_->Get("Yoon Da-bin");
  ASSERT_TRUE(entry.ok()) << entry.status().ToString();
  bool singer_from_page_one = false;
  for (const LearnedFact& f : entry->facts) {
    singer_from_page_one |= f.fact == "singer" && f.source_url == "https://news.test/1";
  }
  EXPECT_TRUE(singer_from_page_one);
  EXPECT_EQ(pipeline_->counters().learned_name_failures.load(), 0u);
}

TEST_F(LearnedNamesPipelineTest, AKoreanArticleTeachesAnEnglishOneThroughTheHangulName) {
  pipeline_->set_learned_names(names_.get());
  ASSERT_EQ(Process("https://news.test/ko",
                    "가수 겸 배우 윤다빈이 JTBC 새 드라마 '블루 하버'에 캐스팅됐다.", "ko")
                .size(),
            1u);
  auto en = Process("https://news.test/en",
                    "Yoon Da-bin (윤다빈) has been cast in the new tvN drama 'Red Lantern'.", "en");
  ASSERT_EQ(en.size(), 1u);
  EXPECT_TRUE(en[0].crossover);
  EXPECT_EQ(en[0].person.native, "윤다빈");
}

TEST_F(LearnedNamesPipelineTest, AUserCorrectionWinsOverWhatTheArticleSaid) {
  pipeline_->set_learned_names(names_.get());
  ASSERT_EQ(Process("https://news.test/1", kPageOne, "en").size(), 1u);
  NameCorrection actor_only;
  actor_only.actor = true;
  ASSERT_TRUE(names_->Correct("Yoon Da-bin", actor_only, "2026-01-03T00:00:00Z").ok());
  auto second = Process("https://news.test/2", kPageTwo, "en");
  ASSERT_EQ(second.size(), 1u);
  EXPECT_FALSE(second[0].crossover);
}

}  // namespace
}  // namespace hallyu
