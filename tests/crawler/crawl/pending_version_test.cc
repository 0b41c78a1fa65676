// One (event_id, version), one payload (issue 19, full disk): a version is committed to
// the merge state as pending before the publisher sees it, and marked published after.
// When the disk fills between the publish and the mark, or the process dies there, the
// next detection of the event sends that exact event again instead of planning the same
// version number with another payload (other fetch time, other sources). Names and titles
// are made up.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "crawler/crawl/document_pipeline.h"
#include "crawler/store/event_merge_store.h"
#include "extractors/detect/event_merger.h"
#include "tests/support/paths.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

// A merge state whose writes fail while `disk_full` is set, like a store on a full disk.
class FullDiskMergeState : public MergeStateBackend {
 public:
  explicit FullDiskMergeState(MergeStateBackend* inner) : inner_(inner) {}
  Result<std::optional<Event>> Get(const std::string& id) override { return inner_->Get(id); }
  Status Put(const Event& e) override { return disk_full ? Full() : inner_->Put(e); }
  Status PutPending(const Event& e) override { return disk_full ? Full() : inner_->PutPending(e); }
  Result<std::optional<Event>> GetPending(const std::string& id) override {
    return inner_->GetPending(id);
  }
  Status MarkPublished(const std::string& id, int version) override {
    return disk_full ? Full() : inner_->MarkPublished(id, version);
  }
  bool disk_full = false;

 private:
  static Status Full() { return IoError("sqlite: database or disk is full (13)"); }
  MergeStateBackend* inner_;
};

// Keeps every accepted payload; `fill_disk_after` (when set) makes the disk full right
// after it accepted a record, as when the spool took the last free blocks.
class RecordingPublisher : public EventPublisher {
 public:
  Status PublishEvent(const Event& e) override {
    if (refuse) return IoError("spool: no space left on device");
    payloads[{e.event_id, e.version}].insert(ToJson(e).dump());
    records++;
    if (fill_disk_after != nullptr) *fill_disk_after = true;
    return Status();
  }
  std::map<std::pair<std::string, int>, std::set<std::string>> payloads;
  int records = 0;
  bool refuse = false;
  bool* fill_disk_after = nullptr;
};

const char kStory[] =
    "Actress Han Seo-rin has been cast in the new KBS2 drama 'Lantern Street', her agency "
    "confirmed on Monday.";

class PendingVersionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir("pending-version-");
    auto store = EventMergeStore::Open(dir_ + "/merge.db");
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    faulty_ = std::make_unique<FullDiskMergeState>(store_.get());
    pipeline_ =
        std::make_unique<DocumentPipeline>(&testing::ShippedDetector(), faulty_.get(), &publisher_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Processes the story as fetched at `fetched_at`; returns whether it settled.
  bool Process(const std::string& fetched_at) {
    PageOrigin origin;
    origin.url = "https://news.test/han-seo-rin";
    origin.site = "news.test";
    origin.lang = "en";
    origin.fetched_at = fetched_at;
    bool settled = true;
    (void)pipeline_->ProcessText(TextDocument{kStory, "", ""}, origin, &settled);
    return settled;
  }

  void ExpectOnePayloadPerVersion() {
    for (const auto& [key, bodies] : publisher_.payloads) {
      EXPECT_EQ(bodies.size(), 1u)
          << key.first << " v" << key.second << " has " << bodies.size() << " payloads";
    }
  }

  std::string dir_;
  std::unique_ptr<EventMergeStore> store_;
  std::unique_ptr<FullDiskMergeState> faulty_;
  RecordingPublisher publisher_;
  std::unique_ptr<DocumentPipeline> pipeline_;
};

TEST_F(PendingVersionTest, DiskFullAfterThePublishGivesTheSamePayloadAgain) {
  publisher_.fill_disk_after = &faulty_->disk_full;
  EXPECT_FALSE(Process("2026-03-01T00:00:00Z"));  // published, but the state write failed
  ASSERT_EQ(publisher_.records, 1);
  publisher_.fill_disk_after = nullptr;
  faulty_->disk_full = false;  // space again; the page is fetched again, a day later
  EXPECT_TRUE(Process("2026-03-02T00:00:00Z"));
  EXPECT_EQ(publisher_.records, 2);  // version 1 again, not a new plan of version 1
  ASSERT_EQ(publisher_.payloads.size(), 1u);
  ExpectOnePayloadPerVersion();
  EXPECT_EQ(pipeline_->counters().events_republished, 1u);
  EXPECT_TRUE(Process("2026-03-03T00:00:00Z"));  // marked now: nothing more to send
  EXPECT_EQ(publisher_.records, 2);
}

TEST_F(PendingVersionTest, DiskFullBeforeThePublishSendsNothing) {
  faulty_->disk_full = true;
  EXPECT_FALSE(Process("2026-03-01T00:00:00Z"));
  EXPECT_EQ(publisher_.records, 0);
  faulty_->disk_full = false;
  EXPECT_TRUE(Process("2026-03-02T00:00:00Z"));
  EXPECT_EQ(publisher_.records, 1);
  ExpectOnePayloadPerVersion();
}

TEST_F(PendingVersionTest, RefusedPublishLeavesThePlannedVersionToBeSentAsPlanned) {
  publisher_.refuse = true;
  EXPECT_FALSE(Process("2026-03-01T00:00:00Z"));
  publisher_.refuse = false;
  EXPECT_TRUE(Process("2026-03-02T00:00:00Z"));
  ASSERT_EQ(publisher_.records, 1);
  // The version sent is the one planned first (the first fetch's source).
  const std::string body = *publisher_.payloads.begin()->second.begin();
  EXPECT_NE(body.find("2026-03-01T00:00:00Z"), std::string::npos) << body;
}

TEST_F(PendingVersionTest, PendingVersionSurvivesReopeningTheStoreByteForByte) {
  publisher_.fill_disk_after = &faulty_->disk_full;
  EXPECT_FALSE(Process("2026-03-01T00:00:00Z"));
  const std::string first = *publisher_.payloads.begin()->second.begin();
  // The process dies; a new one opens the same file.
  pipeline_.reset();
  faulty_.reset();
  store_.reset();
  auto reopened = EventMergeStore::Open(dir_ + "/merge.db");
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  store_ = std::move(*reopened);
  faulty_ = std::make_unique<FullDiskMergeState>(store_.get());
  pipeline_ =
      std::make_unique<DocumentPipeline>(&testing::ShippedDetector(), faulty_.get(), &publisher_);
  publisher_.fill_disk_after = nullptr;
  EXPECT_TRUE(Process("2026-03-05T00:00:00Z"));
  ASSERT_EQ(publisher_.records, 2);
  ExpectOnePayloadPerVersion();
  EXPECT_EQ(*publisher_.payloads.begin()->second.begin(), first);
}

TEST(EventMergeStoreTest, DatabaseFromBeforeThePendingColumnOpensWithEveryRowPublished) {
  const std::string dir = testing::MakeTempDir("merge-old-");
  const std::string path = dir + "/merge.db";
  Event e;
  e.event_id = "casting:han-seo-rin:lantern-street";
  e.version = 2;
  e.status = "confirmed";
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    const std::string sql =
        "CREATE TABLE event_merge_state (event_id TEXT PRIMARY KEY, version INTEGER NOT NULL,"
        " status TEXT NOT NULL, event_json TEXT NOT NULL, updated_at TEXT NOT NULL DEFAULT "
        "(strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
        "INSERT INTO event_merge_state(event_id, version, status, event_json) VALUES('" +
        e.event_id + "', 2, 'confirmed', '" + ToJson(e).dump() + "');";
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  auto store = EventMergeStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto got = (*store)->Get(e.event_id);
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->version, 2);
  auto pending = (*store)->GetPending(e.event_id);
  ASSERT_TRUE(pending.ok());
  EXPECT_FALSE(pending->has_value());
  // Pending, then marked: gone from GetPending; a mark for another version changes nothing.
  e.version = 3;
  ASSERT_TRUE((*store)->PutPending(e).ok());
  ASSERT_TRUE((*store)->MarkPublished(e.event_id, 2).ok());
  pending = (*store)->GetPending(e.event_id);
  ASSERT_TRUE(pending.ok() && pending->has_value());
  EXPECT_EQ((*pending)->version, 3);
  ASSERT_TRUE((*store)->MarkPublished(e.event_id, 3).ok());
  pending = (*store)->GetPending(e.event_id);
  ASSERT_TRUE(pending.ok());
  EXPECT_FALSE(pending->has_value());
  store->reset();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace hallyu
