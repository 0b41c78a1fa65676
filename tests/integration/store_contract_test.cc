// One contract suite for every Store implementation (SQLite file, PostgreSQL).
#include <gtest/gtest.h>

#include <filesystem>

#include "crawler/store/store.h"
#include "tests/support/events.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

using testing::TestEvent;
using testing::TestEventJson;

struct SqliteKind {
  static std::string Url() {
    static int n = 0;
    return "sqlite:" + testing::MakeTempDir("store") + "/events" + std::to_string(n++) + ".db";
  }
};
struct PostgresKind {
  static std::string Url() { return testing::FreshPostgresUrl(); }
};

template <typename Kind>
class StoreContract : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = Kind::Url();
    ASSERT_FALSE(url_.empty());
    auto s = OpenStore(url_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
  }

  static EventRecord Event(const TestEvent& t) {
    auto r = ParseEventRecord(TestEventJson(t));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : EventRecord{};
  }

  std::string url_;
  std::unique_ptr<Store> store_;
};

using Kinds = ::testing::Types<SqliteKind, PostgresKind>;
TYPED_TEST_SUITE(StoreContract, Kinds);

TYPED_TEST(StoreContract, MigratesOnOpenAndReopenIsNoop) {
  auto v = this->store_->SchemaVersion();
  ASSERT_TRUE(v.ok());
  EXPECT_GE(*v, 1);
  auto again = OpenStore(this->url_);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*(*again)->SchemaVersion(), *v);
}

TYPED_TEST(StoreContract, KeepsLatestVersionAndEveryVersionOnce) {
  TestEvent t;
  t.event_id = "c-1";
  t.status = "rumored";
  std::vector<EventRecord> batch = {this->Event(t)};
  t.version = 3;
  t.status = "confirmed";
  t.detected_at = "2026-05-03T10:00:00Z";
  t.source_urls = {"https://a.example/1", "https://b.example/2"};
  batch.push_back(this->Event(t));
  t.version = 2;
  t.status = "in_talks";
  t.detected_at = "2026-05-02T10:00:00Z";
  batch.push_back(this->Event(t));
  batch.push_back(this->Event(t));  // repeated (event_id, version)

  auto w = this->store_->WriteBatch(batch, {{"hallyu.events.casting", 0, 4}}, "g");
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  EXPECT_EQ(w->versions_added, 3);
  EXPECT_EQ(w->versions_ignored, 1);
  EXPECT_EQ(*this->store_->CountRows("events"), 1);
  EXPECT_EQ(*this->store_->CountRows("event_versions"), 3);

  auto rows = this->store_->QueryEvents({});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  const StoredEvent& e = rows->front();
  EXPECT_EQ(e.event.version, 3);
  EXPECT_EQ(e.event.status, "confirmed");
  EXPECT_EQ(e.updated_at, *ParseTimestamp("2026-05-03T10:00:00Z"));
  EXPECT_EQ(e.first_seen_at, *ParseTimestamp("2026-05-01T09:00:00Z"));
  EXPECT_EQ(e.source_count, 3);  // news.example.com (v1, v2) + a + b

  auto versions = this->store_->EventVersions("c-1");
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 3u);
  EXPECT_EQ((*versions)[0].status, "rumored");
  EXPECT_EQ((*versions)[1].status, "in_talks");
  EXPECT_EQ((*versions)[2].status, "confirmed");

  // Re-writing the same batch (a redelivery) changes nothing.
  auto again = this->store_->WriteBatch(batch, {{"hallyu.events.casting", 0, 4}}, "g");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->versions_added, 0);
  EXPECT_EQ(*this->store_->CountRows("event_versions"), 3);
  EXPECT_EQ(*this->store_->CountRows("people"), 1);
  EXPECT_EQ(*this->store_->CountRows("works"), 1);
}

TYPED_TEST(StoreContract, OffsetsAreStoredPerGroupAndPartition) {
  auto empty = this->store_->LoadOffsets("g");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
  ASSERT_TRUE(this->store_->WriteBatch({}, {{"t", 0, 5}, {"t", 1, 7}}, "g").ok());
  ASSERT_TRUE(this->store_->WriteBatch({}, {{"t", 0, 9}}, "g").ok());
  ASSERT_TRUE(this->store_->WriteBatch({}, {{"t", 0, 1}}, "other").ok());
  auto offsets = this->store_->LoadOffsets("g");
  ASSERT_TRUE(offsets.ok());
  std::vector<PartitionOffset> want = {{"t", 0, 9}, {"t", 1, 7}};
  EXPECT_EQ(*offsets, want);
}

TYPED_TEST(StoreContract, QueryFiltersAndOrdersNewestFirst) {
  TestEvent a;
  a.event_id = "c-a";
  a.person = "Kim Ji-won";
  a.group = "";
  a.crossover = false;
  a.work = "Queen of Tears";
  a.status = "confirmed";
  a.detected_at = "2026-05-01T10:00:00Z";
  TestEvent b;
  b.event_id = "c-b";
  b.person = "Cha Eun-woo";
  b.work = "Wonderful World";
  b.status = "in_talks";
  b.detected_at = "2026-05-03T10:00:00Z";
  TestEvent c;
  c.event_id = "o-c";
  c.type = "ost";
  c.status = "announced";
  c.person = "IU";
  c.work = "Queen of Tears";
  c.detected_at = "2026-05-02T10:00:00Z";
  ASSERT_TRUE(
      this->store_->WriteBatch({this->Event(a), this->Event(b), this->Event(c)}, {}, "g").ok());

  auto ids = [&](const EventQuery& q) {
    std::vector<std::string> out;
    auto r = this->store_->QueryEvents(q);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (r.ok()) {
      for (const auto& e : *r) out.push_back(e.event.event_id);
    }
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(ids({}), (V{"c-b", "o-c", "c-a"}));
  EventQuery q;
  q.type = "ost";
  EXPECT_EQ(ids(q), (V{"o-c"}));
  q = {};
  q.status = "confirmed";
  EXPECT_EQ(ids(q), (V{"c-a"}));
  q = {};
  q.person = "eun-WOO";
  EXPECT_EQ(ids(q), (V{"c-b"}));
  q = {};
  q.work = "queen";
  EXPECT_EQ(ids(q), (V{"o-c", "c-a"}));
  q = {};
  q.crossover_only = true;
  EXPECT_EQ(ids(q), (V{"c-b", "o-c"}));
  q = {};
  q.updated_since = *ParseTimestamp("2026-05-02T00:00:00Z");
  EXPECT_EQ(ids(q), (V{"c-b", "o-c"}));
  q = {};
  q.person = "%";  // wildcards are literal
  EXPECT_EQ(ids(q), V{});
  q = {};
  q.person = "O'Brien";  // quoting is safe
  EXPECT_EQ(ids(q), V{});
}

}  // namespace
}  // namespace hallyu
