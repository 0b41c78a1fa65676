// The learned-names store (crawler/store/learned_names_store.h, issue 14): what articles
// taught about names the gazetteer lacks, with sources, merging, a user's
// corrections and a bound. Names are made up.

#include "crawler/store/learned_names_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/support/paths.h"

namespace hallyu {
namespace {

std::unique_ptr<LearnedNamesStore> OpenMemory(LearnedNamesStoreOptions o = {}) {
  auto s = LearnedNamesStore::Open(":memory:", o);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(*s) : nullptr;
}

LearnedFacts Facts(bool idol, bool singer, bool actor, std::string group = "",
                   std::string native = "") {
  LearnedFacts f;
  f.idol = idol;
  f.singer = singer;
  f.actor = actor;
  f.group = std::move(group);
  f.native = std::move(native);
  return f;
}

TEST(LearnedNamesStore, RecordsFactsWithTheirFirstSourceAndSeenTimes) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store
                  ->Record("Yoon Da-bin", Facts(false, true, false), "https://a.test/1",
                           "2026-01-02T00:00:00Z")
                  .ok());
  ASSERT_TRUE(store
                  ->Record("yoon dabin", Facts(false, true, true), "https://a.test/2",
                           "2026-01-05T00:00:00Z")
                  .ok());
  // the same name (normalised key), facts merged
  auto known = store->Lookup("YOON DA-BIN");
  ASSERT_TRUE(known.ok()) << known.status().ToString();
  EXPECT_TRUE(known->singer);
  EXPECT_TRUE(known->actor);
  EXPECT_FALSE(known->idol);
  auto entry = store->Get("Yoon Da-bin");
  ASSERT_TRUE(entry.ok());
  EXPECT_EQ(entry->name, "Yoon Da-bin");  // as first written
  for (const LearnedFact& f : entry->facts) {
    if (f.fact == "singer") {
      EXPECT_EQ(f.source_url, "https://a.test/1");
      EXPECT_EQ(f.first_seen, "2026-01-02T00:00:00Z");
      EXPECT_EQ(f.last_seen, "2026-01-05T00:00:00Z");
    }
    if (f.fact == "actor") {
      EXPECT_EQ(f.source_url, "https://a.test/2");
    }
  }
  EXPECT_EQ(*store->Count(), 1);
  EXPECT_EQ(store->Lookup("Nobody Here").status().code(), ErrorCode::kNotFound);
}

// Issue 17: what earlier stories taught about each participant of a collab (and about a
// release's artist) decides the crossover, by IsCrossover.
TEST(LearnedNamesStore, AppliesWhatIsKnownToEveryParticipantOfACollab) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store
                  ->Record("Nari Seong", Facts(true, false, false, "LUMEN"), "https://a.test/1",
                           "2026-01-02T00:00:00Z")
                  .ok());
  ASSERT_TRUE(store
                  ->Record("Tae Gyeom", Facts(false, false, true), "https://a.test/2",
                           "2026-01-02T00:00:00Z")
                  .ok());
  Detection collab;
  collab.type = EventType::kCollab;
  collab.status = "announced";
  collab.people.resize(2);
  collab.people[0].name = "Nari Seong";
  collab.people[1].name = "Tae Gyeom";
  collab.detected_at = "2026-02-01T00:00:00Z";
  Detection release;
  release.type = EventType::kRelease;
  release.status = "announced";
  release.person.name = "Tae Gyeom";
  release.detected_at = "2026-02-01T00:00:00Z";
  Detection idol_release = release;
  idol_release.person.name = "Nari Seong";
  idol_release.crossover = true;  // wrong on purpose: an idol's own single is no crossover
  std::vector<Detection> ds = {collab, release, idol_release};
  ASSERT_TRUE(ApplyLearnedNames(*store, &ds).ok());
  EXPECT_TRUE(ds[0].people[0].idol);
  EXPECT_EQ(ds[0].people[0].group, "LUMEN");
  EXPECT_TRUE(ds[0].people[1].actor);
  EXPECT_TRUE(ds[0].crossover);  // an idol with an actor
  EXPECT_TRUE(ds[1].crossover);  // an actor's own music
  EXPECT_FALSE(ds[2].crossover);
}

TEST(LearnedNamesStore, FindsAPersonByTheHangulFormTaughtElsewhere) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(
      store->Record("윤다빈", Facts(false, true, true), "https://k.test/1", "2026-01-02T00:00:00Z")
          .ok());
  auto by_native = store->Lookup("Yoon Da-bin", "윤다빈");
  ASSERT_TRUE(by_native.ok());
  EXPECT_TRUE(by_native->actor);
  EXPECT_EQ(store->Lookup("Yoon Da-bin").status().code(), ErrorCode::kNotFound);
}

TEST(LearnedNamesStore, ACorrectionWinsOverTheTextPerAspect) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store
                  ->Record("Han Ji-oh", Facts(true, false, false, "VELORA", "한지오"),
                           "https://a.test/1", "2026-01-02T00:00:00Z")
                  .ok());
  NameCorrection c;
  c.actor = true;  // not an idol: an actor
  ASSERT_TRUE(store->Correct("Han Ji-oh", c, "2026-01-03T00:00:00Z").ok());
  // the text says idol again later: the correction still wins
  ASSERT_TRUE(store
                  ->Record("Han Ji-oh", Facts(true, false, false), "https://a.test/9",
                           "2026-01-04T00:00:00Z")
                  .ok());
  auto known = store->Lookup("Han Ji-oh");
  ASSERT_TRUE(known.ok());
  EXPECT_FALSE(known->idol);
  EXPECT_TRUE(known->actor);
  EXPECT_EQ(known->group, "VELORA");  // not corrected: the text's
  EXPECT_EQ(known->native, "한지오");
  auto entry = store->Get("Han Ji-oh");
  ASSERT_TRUE(entry.ok());
  EXPECT_TRUE(entry->corrected());
  EXPECT_TRUE(entry->kinds_corrected());

  NameCorrection g;
  g.idol = true;
  g.group = "NOVA";
  ASSERT_TRUE(store->Correct("Han Ji-oh", g, "2026-01-05T00:00:00Z").ok());
  known = store->Lookup("Han Ji-oh");
  ASSERT_TRUE(known.ok());
  EXPECT_TRUE(known->idol);
  EXPECT_FALSE(known->actor);  // a new statement of kinds replaces the old one
  EXPECT_EQ(known->group, "NOVA");

  EXPECT_EQ(store->Correct("Han Ji-oh", NameCorrection{}, "x").code(), ErrorCode::kInvalidArgument);
  ASSERT_TRUE(store->Forget("Han Ji-oh").ok());
  EXPECT_EQ(store->Lookup("Han Ji-oh").status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(store->Forget("Han Ji-oh").code(), ErrorCode::kNotFound);
}

TEST(LearnedNamesStore, KeepsAtMostMaxNamesDroppingTheLeastRecentFirstAndCorrectionsLast) {
  auto store = OpenMemory({.max_names = 3, .max_values_per_fact = 2});
  ASSERT_NE(store, nullptr);
  NameCorrection c;
  c.singer = true;
  ASSERT_TRUE(store->Correct("Name Zero", c, "2026-01-01T00:00:00Z").ok());
  for (int i = 1; i <= 6; ++i) {
    ASSERT_TRUE(store
                    ->Record("Name " + std::to_string(i), Facts(false, false, true), "u",
                             "2026-01-0" + std::to_string(i) + "T00:00:00Z")
                    .ok());
  }
  EXPECT_EQ(*store->Count(), 3);
  EXPECT_TRUE(store->Lookup("Name Zero").ok());  // corrected: kept
  EXPECT_TRUE(store->Lookup("Name 6").ok());
  EXPECT_TRUE(store->Lookup("Name 5").ok());
  EXPECT_FALSE(store->Lookup("Name 1").ok());
  // at most two groups per name: the one seen longest ago goes
  for (int i = 1; i <= 3; ++i) {
    ASSERT_TRUE(store
                    ->Record("Name 6", Facts(true, false, false, "G" + std::to_string(i)), "u",
                             "2026-02-0" + std::to_string(i) + "T00:00:00Z")
                    .ok());
  }
  auto entry = store->Get("Name 6");
  ASSERT_TRUE(entry.ok());
  int groups = 0;
  for (const LearnedFact& f : entry->facts) groups += f.fact == "group";
  EXPECT_EQ(groups, 2);
  EXPECT_EQ(entry->Effective().group, "G3");
}

TEST(LearnedNamesStore, SurvivesAReopen) {
  const std::string dir = hallyu::testing::MakeTempDir("learned_names");
  {
    auto s = LearnedNamesStore::Open(dir + "/state.db.names");
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    ASSERT_TRUE((*s)->Record("Yoon Da-bin", Facts(false, true, true), "https://a.test/1",
                             "2026-01-02T00:00:00Z")
                    .ok());
  }
  auto s = LearnedNamesStore::Open(dir + "/state.db.names");
  ASSERT_TRUE(s.ok());
  auto known = (*s)->Lookup("Yoon Da-bin");
  ASSERT_TRUE(known.ok());
  EXPECT_TRUE(known->singer);
  std::filesystem::remove_all(dir);
}

TEST(LearnedNamesStore, RejectsBadNamesAndBounds) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->Record("", Facts(true, false, false), "u", "t").code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(store->Record(std::string(300, 'a'), Facts(true, false, false), "u", "t").code(),
            ErrorCode::kInvalidArgument);
  EXPECT_FALSE(LearnedNamesStore::Open(":memory:", {.max_names = 0}).ok());
}

}  // namespace
}  // namespace hallyu
