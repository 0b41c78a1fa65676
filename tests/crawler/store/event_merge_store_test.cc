#include "crawler/store/event_merge_store.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "extractors/detect/detector.h"
#include "extractors/detect/event_merger.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

using hallyu::testing::MakeTempDir;
using hallyu::testing::SourcePath;

Detection Detect1(const Detector& d, const std::string& title, const std::string& url) {
  auto r = d.Detect(title, "", "auto", SourceRef{url, "site", title, "", "2026-01-01T00:00:00Z"});
  EXPECT_TRUE(r.ok() && r->size() == 1) << title;
  return r.ok() && !r->empty() ? (*r)[0] : Detection{};
}

// Merge state written by one process survives a restart: the reopened store
// knows the event, adds sources to it and bumps its version on a status change.
TEST(EventMergeStore, StateSurvivesRestart) {
  auto det = Detector::Load(SourcePath("configs/rules"), SourcePath("configs/gazetteer"));
  ASSERT_TRUE(det.ok()) << det.status().ToString();
  const std::string dir = MakeTempDir("merge_store");
  const std::string db = dir + "/merge.db";
  const Detection talks =
      Detect1(*det, "Suzy in talks to star in 'Genie, Make a Wish'", "https://a/1");
  std::string id;
  {
    auto store = EventMergeStore::Open(db);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    EventMerger merger(store->get());
    auto m = merger.Merge(talks);
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m->kind, MergeKind::kNew);
    id = m->event.event_id;
  }  // "crash": the store is closed, nothing in memory survives
  {
    auto store = EventMergeStore::Open(db);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    EventMerger merger(store->get());
    auto same = merger.Merge(talks);
    ASSERT_TRUE(same.ok());
    EXPECT_EQ(same->kind, MergeKind::kDuplicate);
    auto other = merger.Merge(Detect1(*det, "수지, '지니' 출연 제안 받아", "https://b/2"));
    ASSERT_TRUE(other.ok());
    // "지니" is a different work title than the English one: a separate event.
    EXPECT_NE(other->event.event_id, id);
    auto conf = merger.Merge(
        Detect1(*det, "Suzy confirmed to star in 'Genie, Make a Wish'", "https://c/3"));
    ASSERT_TRUE(conf.ok());
    EXPECT_EQ(conf->event.event_id, id);
    EXPECT_EQ(conf->kind, MergeKind::kNewVersion);
    EXPECT_EQ(conf->event.version, 2);
    EXPECT_EQ(conf->event.sources.size(), 2u);
  }
  {
    auto store = EventMergeStore::Open(db);
    ASSERT_TRUE(store.ok());
    auto got = (*store)->Get(id);
    ASSERT_TRUE(got.ok());
    ASSERT_TRUE(got->has_value());
    EXPECT_EQ((*got)->status, "confirmed");
    EXPECT_EQ((*got)->version, 2);
    EXPECT_EQ((*got)->sources.size(), 2u);
    auto n = (*store)->Count();
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(*n, 2);
  }
  std::filesystem::remove_all(dir);
}

TEST(EventMergeStore, OpenFailsWithClearError) {
  auto store = EventMergeStore::Open("/nonexistent-dir/x/y.db");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), ErrorCode::kIo);
  EXPECT_NE(store.status().message().find("sqlite"), std::string::npos);
}

}  // namespace
}  // namespace hallyu
