#include "crawler/sources/source_scheduler.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>

#include "crawler/sources/cron.h"
#include "crawler/sources/source_config.h"
#include "crawler/sources/source_state_store.h"
#include "extractors/text/datetime.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

using ::hallyu::testing::MakeTempDir;
using ::hallyu::testing::SourcePath;

int64_t T(const char* rfc3339) { return *ParseDateTime(rfc3339); }

// The scheduler reads the wall time of the injected crawler/ops/clock.h Clock.
class FakeClock {
 public:
  explicit FakeClock(int64_t now)
      : clock_(std::chrono::system_clock::time_point(std::chrono::seconds(now))), now_(now) {}
  int64_t NowUnixSeconds() const { return WallUnixSeconds(clock_); }
  void Advance(int64_t seconds) { Set(now_ + seconds); }
  void Set(int64_t now) {  // forward only, like ManualClock
    ASSERT_GE(now, now_);
    clock_.Advance(std::chrono::seconds(now - now_));
    now_ = now;
  }
  const Clock* get() const { return &clock_; }

 private:
  ManualClock clock_;
  int64_t now_;
};

// ---- cron ----

struct CronCase {
  const char* expr;
  const char* after;
  const char* want;
};

class CronNext : public ::testing::TestWithParam<CronCase> {};

TEST_P(CronNext, FindsNextMatchingMinute) {
  const CronCase& c = GetParam();
  Result<CronSchedule> cron = CronSchedule::Parse(c.expr);
  ASSERT_TRUE(cron.ok()) << cron.status().ToString();
  EXPECT_EQ(FormatRfc3339(cron->Next(T(c.after))), c.want) << c.expr;
}

INSTANTIATE_TEST_SUITE_P(
    Table, CronNext,
    ::testing::Values(
        CronCase{"* * * * *", "2024-05-01T06:20:30Z", "2024-05-01T06:21:00Z"},
        CronCase{"*/15 * * * *", "2024-05-01T06:20:00Z", "2024-05-01T06:30:00Z"},
        CronCase{"*/15 * * * *", "2024-05-01T06:45:00Z", "2024-05-01T07:00:00Z"},
        CronCase{"0 9 * * *", "2024-05-01T09:00:00Z", "2024-05-02T09:00:00Z"},
        CronCase{"30 8-18/2 * * mon-fri", "2024-05-03T18:31:00Z", "2024-05-06T08:30:00Z"},
        CronCase{"0 0 1 * *", "2024-05-15T00:00:00Z", "2024-06-01T00:00:00Z"},
        CronCase{"0 0 29 feb *", "2024-03-01T00:00:00Z", "2028-02-29T00:00:00Z"},
        CronCase{"0 12 1 * 0", "2024-05-01T13:00:00Z", "2024-05-05T12:00:00Z"},  // dom OR dow
        CronCase{"5,35 */6 * jan,may *", "2024-05-31T23:40:00Z", "2025-01-01T00:05:00Z"},
        CronCase{"@hourly", "2024-05-01T06:20:00Z", "2024-05-01T07:00:00Z"},
        CronCase{"@weekly", "2024-05-01T06:20:00Z", "2024-05-05T00:00:00Z"},
        CronCase{"0 0 * * 7", "2024-05-01T06:20:00Z", "2024-05-05T00:00:00Z"}));

TEST(Cron, EvaluatesInSourceZone) {
  Result<CronSchedule> c = CronSchedule::Parse("0 9 * * *");  // 09:00 KST = 00:00 UTC
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(FormatRfc3339(c->Next(T("2024-05-01T06:20:00Z"), kKstOffsetMinutes)),
            "2024-05-02T00:00:00Z");
}

TEST(Cron, ImpossibleScheduleReturnsMinusOne) {
  Result<CronSchedule> c = CronSchedule::Parse("0 0 30 2 *");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->Next(T("2024-05-01T00:00:00Z")), -1);
}

TEST(Cron, RejectsMalformedExpressions) {
  for (const char* bad :
       {"", "* * * *", "* * * * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * * 13 *",
        "* * * * 8", "*/0 * * * *", "5-1 * * * *", "a * * * *", "* * * foo *", "@sometimes"}) {
    Result<CronSchedule> c = CronSchedule::Parse(bad);
    EXPECT_FALSE(c.ok()) << bad;
    if (!c.ok()) {
      EXPECT_EQ(c.status().code(), ErrorCode::kInvalidArgument);
    }
  }
  Result<CronSchedule> c = CronSchedule::Parse("61 * * * *");
  EXPECT_NE(c.status().message().find("minute"), std::string::npos);
}

// ---- config ----

TEST(SourceConfig, ParsesEveryField) {
  YAML::Node root = YAML::Load(R"(
sources:
  - name: kstar
    kind: listing
    url: https://www.kstar.example.co.kr/news/list
    interval: 20m
    min_interval: 10m
    max_interval: 1h
    horizon: 3d
    include: ['/news/articleView\.html\?idxno=\d+']
    exclude: ['/photo/']
    lang: ko
    site: K-Star
  - name: soompi
    kind: feed
    url: https://www.soompi.example/feed
    cron: "*/10 * * * *"
    lang: en
    timezone: "-05:00"
    max_pages: 8
)");
  Result<std::vector<SourceConfig>> r = ParseSourceConfigs(root);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 2u);
  const SourceConfig& k = (*r)[0];
  EXPECT_EQ(k.kind, SourceKind::kListing);
  EXPECT_EQ(k.interval_seconds, 1200);
  EXPECT_EQ(k.min_interval_seconds, 600);
  EXPECT_EQ(k.max_interval_seconds, 3600);
  EXPECT_EQ(k.horizon_seconds, 3 * 86400);
  EXPECT_EQ(k.include.size(), 1u);
  EXPECT_EQ(k.exclude, std::vector<std::string>{"/photo/"});
  EXPECT_EQ(k.default_offset_minutes, kKstOffsetMinutes);  // lang ko
  EXPECT_EQ(k.site, "K-Star");
  const SourceConfig& s = (*r)[1];
  ASSERT_TRUE(s.cron.has_value());
  EXPECT_EQ(s.cron->expression(), "*/10 * * * *");
  EXPECT_EQ(s.default_offset_minutes, -300);
  EXPECT_EQ(s.horizon_seconds, 2 * 86400);  // default
  EXPECT_EQ(s.max_pages_per_poll, 8);
  EXPECT_EQ(k.max_pages_per_poll, 5);  // default
}

TEST(SourceConfig, ClearErrors) {
  struct Bad {
    const char* yaml;
    const char* message;
  };
  for (const Bad& b : {
           Bad{"sources: 3", "want a list"},
           Bad{"sources:\n  - kind: feed\n    url: https://a", "sources[0]: missing name"},
           Bad{"sources:\n  - name: a\n    kind: rss\n    url: https://a",
               "sources[0] (a): unknown kind 'rss'"},
           Bad{"sources:\n  - name: a\n    kind: feed\n    url: ftp://a", "not http(s)"},
           Bad{"sources:\n  - name: a\n    kind: feed\n    url: https://a\n    interval: 5x",
               "interval: bad duration '5x'"},
           Bad{"sources:\n  - name: a\n    kind: feed\n    url: https://a\n    cron: '* *'",
               "want 5 fields"},
           Bad{"sources:\n  - name: a\n    kind: feed\n    url: https://a\n    interval: 1m\n"
               "    cron: '* * * * *'",
               "not both"},
           Bad{"sources:\n  - name: a\n    kind: listing\n    url: https://a\n    include: ['(']",
               "include pattern '('"},
           Bad{"sources:\n  - name: a\n    kind: feed\n    url: https://a\n    colour: red",
               "sources[0] (a): unknown key 'colour' at line 5"},
           Bad{"sources:\n  - name: a\n    kind: feed\n    url: https://a\n  - name: a\n"
               "    kind: feed\n    url: https://b",
               "sources[1] (a): duplicate name 'a'"},
           Bad{"sources:\n  - name: a\n    kind: feed\n    url: https://a\n    interval: 1h\n"
               "    min_interval: 2h\n    max_interval: 3h",
               "outside [min_interval, max_interval]"},
           Bad{"sources:\n  - name: a\n    kind: reddit\n    url: https://a\n    max_pages: 0",
               "max_pages must be within [1, 100]"},
       }) {
    Result<std::vector<SourceConfig>> r = ParseSourceConfigs(YAML::Load(b.yaml));
    ASSERT_FALSE(r.ok()) << b.yaml;
    EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(r.status().message().find(b.message), std::string::npos)
        << r.status().message() << " does not mention " << b.message;
  }
  EXPECT_EQ(LoadSourceConfigs("/nonexistent/sources.yaml").status().code(), ErrorCode::kNotFound);
}

TEST(SourceConfig, ShippedSourcesFileIsValid) {
  Result<std::vector<SourceConfig>> r = LoadSourceConfigs(SourcePath("configs/sources.yaml"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  int en = 0;
  int ko = 0;
  std::map<SourceKind, int> kinds;
  for (const SourceConfig& s : *r) {
    ++kinds[s.kind];
    bool news = s.kind == SourceKind::kFeed || s.kind == SourceKind::kSitemap ||
                s.kind == SourceKind::kListing;
    if (news && s.lang == "en") ++en;
    if (news && s.lang == "ko") ++ko;
  }
  EXPECT_GE(en, 12);
  EXPECT_GE(ko, 8);
  EXPECT_GE(kinds[SourceKind::kReddit], 2);
  EXPECT_GE(kinds[SourceKind::kMastodon], 1);
  EXPECT_GE(kinds[SourceKind::kBluesky], 1);
  EXPECT_GE(kinds[SourceKind::kYouTube], 2);
}

TEST(Duration, Parses) {
  EXPECT_EQ(*ParseDurationSeconds("45s"), 45);
  EXPECT_EQ(*ParseDurationSeconds("15m"), 900);
  EXPECT_EQ(*ParseDurationSeconds("2h"), 7200);
  EXPECT_EQ(*ParseDurationSeconds("1d"), 86400);
  EXPECT_EQ(*ParseDurationSeconds("300"), 300);
  EXPECT_FALSE(ParseDurationSeconds("-5m").ok());
  EXPECT_FALSE(ParseDurationSeconds("m").ok());
}

// ---- scheduling ----

SourceConfig Feed(const std::string& name, int64_t interval, int64_t min, int64_t max) {
  SourceConfig s;
  s.name = name;
  s.kind = SourceKind::kFeed;
  s.url = "https://" + name + ".example.com/rss";
  s.interval_seconds = interval;
  s.min_interval_seconds = min;
  s.max_interval_seconds = max;
  return s;
}

TEST(SourceScheduler, AdaptivePollingWithinBounds) {
  FakeClock clock(T("2024-05-01T00:00:00Z"));
  SourceScheduler sched({Feed("soompi", 600, 120, 3600)}, nullptr, clock.get());
  ASSERT_TRUE(sched.Restore().ok());
  EXPECT_EQ(sched.DueSources(), std::vector<std::string>{"soompi"});  // new source: due now

  // Nothing new: 600 → 900 → 1350 → 2025 → 3037 → 3600 (capped).
  std::vector<int64_t> grown;
  for (int i = 0; i < 6; ++i) {
    ASSERT_TRUE(sched.RecordPoll("soompi", {}).ok());
    grown.push_back(sched.Schedule("soompi").interval_seconds);
    EXPECT_EQ(sched.Schedule("soompi").next_due, clock.NowUnixSeconds() + grown.back());
    EXPECT_TRUE(sched.DueSources().empty());
    clock.Set(sched.Schedule("soompi").next_due);
    EXPECT_EQ(sched.DueSources(), std::vector<std::string>{"soompi"});
  }
  EXPECT_EQ(grown, (std::vector<int64_t>{900, 1350, 2025, 3037, 3600, 3600}));

  // New items: halve each time down to the floor.
  std::vector<int64_t> shrunk;
  for (int i = 0; i < 6; ++i) {
    ASSERT_TRUE(sched.RecordPoll("soompi", {.new_entries = 3}).ok());
    shrunk.push_back(sched.Schedule("soompi").interval_seconds);
  }
  EXPECT_EQ(shrunk, (std::vector<int64_t>{1800, 900, 450, 225, 120, 120}));
  EXPECT_EQ(sched.Schedule("soompi").last_new_at, clock.NowUnixSeconds());

  // 304 Not Modified counts as nothing new; failures back off twice as fast.
  ASSERT_TRUE(sched.RecordPoll("soompi", {.not_modified = true}).ok());
  EXPECT_EQ(sched.Schedule("soompi").interval_seconds, 180);
  ASSERT_TRUE(sched.RecordPoll("soompi", {.failed = true}).ok());
  EXPECT_EQ(sched.Schedule("soompi").interval_seconds, 360);
}

TEST(SourceScheduler, SitemapsKeepFixedIntervalAndCronSourcesFollowCron) {
  FakeClock clock(T("2024-05-01T06:07:00Z"));
  SourceConfig sm = Feed("sitemap", 900, 300, 7200);
  sm.kind = SourceKind::kSitemap;
  SourceConfig cron = Feed("cronfeed", 1800, 60, 7200);
  cron.cron = *CronSchedule::Parse("*/30 * * * *");
  SourceScheduler sched({sm, cron}, nullptr, clock.get());
  ASSERT_TRUE(sched.Restore().ok());
  EXPECT_EQ(sched.DueSources(), std::vector<std::string>{"sitemap"});
  EXPECT_EQ(FormatRfc3339(sched.Schedule("cronfeed").next_due), "2024-05-01T06:30:00Z");
  EXPECT_EQ(FormatRfc3339(sched.NextDueTime()), "2024-05-01T06:07:00Z");
  ASSERT_TRUE(sched.RecordPoll("sitemap", {.new_entries = 10}).ok());
  EXPECT_EQ(sched.Schedule("sitemap").interval_seconds, 900);
  ASSERT_TRUE(sched.RecordPoll("sitemap", {}).ok());
  EXPECT_EQ(sched.Schedule("sitemap").interval_seconds, 900);
  clock.Set(T("2024-05-01T06:21:00Z"));
  EXPECT_TRUE(sched.DueSources().empty());  // sitemap due 06:22, cron 06:30
  clock.Set(T("2024-05-01T06:30:05Z"));
  EXPECT_EQ(sched.DueSources(), (std::vector<std::string>{"sitemap", "cronfeed"}));
  ASSERT_TRUE(sched.RecordPoll("cronfeed", {}).ok());
  EXPECT_EQ(FormatRfc3339(sched.Schedule("cronfeed").next_due), "2024-05-01T07:00:00Z");
  EXPECT_EQ(sched.RecordPoll("nope", {}).code(), ErrorCode::kNotFound);
}

TEST(SourceScheduler, DueSourcesOrderedByDueTime) {
  FakeClock clock(T("2024-05-01T00:00:00Z"));
  SourceScheduler sched({Feed("a", 600, 60, 3600), Feed("b", 300, 60, 3600)}, nullptr, clock.get());
  ASSERT_TRUE(sched.Restore().ok());
  ASSERT_TRUE(sched.RecordPoll("a", {}).ok());  // due +900
  ASSERT_TRUE(sched.RecordPoll("b", {}).ok());  // due +450
  clock.Advance(1000);
  EXPECT_EQ(sched.DueSources(), (std::vector<std::string>{"b", "a"}));
}

TEST(SourceScheduler, RestartResumesSchedulesAndSeenIds) {
  std::string dir = MakeTempDir("hallyu-sched-");
  std::string db = dir + "/state.sqlite";
  const int64_t t0 = T("2024-05-01T00:00:00Z");
  std::vector<SourceConfig> sources = {Feed("soompi", 600, 120, 3600),
                                       Feed("yonhap", 300, 60, 3600), Feed("fresh", 600, 60, 3600)};
  {
    FakeClock clock(t0);
    Result<std::unique_ptr<SourceStateStore>> store = SourceStateStore::Open(db);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    SourceScheduler sched({sources[0], sources[1]}, store->get(), clock.get());
    ASSERT_TRUE(sched.Restore().ok());
    ASSERT_TRUE(sched.RecordPoll("soompi", {.new_entries = 2}).ok());  // 300s → due t0+300
    ASSERT_TRUE(sched.RecordPoll("yonhap", {}).ok());                  // 450s → due t0+450
    std::vector<EntryKey> seen = {{"soompi-1", std::nullopt}, {"soompi-2", 1714521600}};
    ASSERT_TRUE((*store)->MarkSeen("soompi", seen, t0).ok());
  }
  {
    // Restart 6 minutes later: soompi's slot passed while down (due at once), yonhap
    // is not due yet, a source added to the config meanwhile is due now.
    FakeClock clock(t0 + 360);
    Result<std::unique_ptr<SourceStateStore>> store = SourceStateStore::Open(db);
    ASSERT_TRUE(store.ok());
    SourceScheduler sched(sources, store->get(), clock.get());
    ASSERT_TRUE(sched.Restore().ok());
    EXPECT_EQ(sched.Schedule("soompi").next_due, t0 + 300);
    EXPECT_EQ(sched.Schedule("soompi").interval_seconds, 300);
    EXPECT_EQ(sched.Schedule("yonhap").next_due, t0 + 450);
    EXPECT_EQ(sched.Schedule("yonhap").last_polled, t0);
    EXPECT_EQ(sched.DueSources(), (std::vector<std::string>{"soompi", "fresh"}));

    // Seen ids survived: only the unseen and the updated entries are new.
    Result<std::vector<EntryKey>> fresh =
        (*store)->FilterUnseen("soompi", {{"soompi-1", std::nullopt},
                                          {"soompi-2", 1714521600},
                                          {"soompi-2", 1714521600},
                                          {"soompi-3", std::nullopt},
                                          {"soompi-1", 1714525200}});
    ASSERT_TRUE(fresh.ok());
    ASSERT_EQ(fresh->size(), 2u);
    EXPECT_EQ((*fresh)[0].id, "soompi-3");
    EXPECT_EQ((*fresh)[1].id, "soompi-1");  // its update time changed
    // Seen sets are per source.
    Result<std::vector<EntryKey>> other = (*store)->FilterUnseen("yonhap", {{"soompi-1", {}}});
    ASSERT_TRUE(other.ok());
    EXPECT_EQ(other->size(), 1u);
  }
  std::filesystem::remove_all(dir);
}

TEST(SourceStateStore, SeenSetIsBoundedPerSource) {
  std::string dir = MakeTempDir("hallyu-seen-");
  SourceStateStoreOptions o;
  o.max_seen_per_source = 100;
  Result<std::unique_ptr<SourceStateStore>> store =
      SourceStateStore::Open(dir + "/state.sqlite", o);
  ASSERT_TRUE(store.ok());
  for (int batch = 0; batch < 5; ++batch) {
    std::vector<EntryKey> entries;
    for (int i = 0; i < 50; ++i) entries.push_back({"e" + std::to_string(batch * 50 + i), {}});
    ASSERT_TRUE((*store)->MarkSeen("src", entries, 1000 + batch).ok());
  }
  EXPECT_EQ(*(*store)->SeenCount("src"), 100u);
  // The newest are kept, the oldest forgotten.
  Result<std::vector<EntryKey>> unseen =
      (*store)->FilterUnseen("src", {{"e249", {}}, {"e150", {}}, {"e149", {}}, {"e0", {}}});
  ASSERT_TRUE(unseen.ok());
  ASSERT_EQ(unseen->size(), 2u);
  EXPECT_EQ((*unseen)[0].id, "e149");
  EXPECT_EQ((*unseen)[1].id, "e0");
  std::filesystem::remove_all(dir);
}

TEST(SourceStateStore, EntryMarkedAgainIsTheNewestAndSurvivesTheTrim) {
  std::string dir = MakeTempDir("hallyu-seen-");
  SourceStateStoreOptions o;
  o.max_seen_per_source = 3;
  Result<std::unique_ptr<SourceStateStore>> store =
      SourceStateStore::Open(dir + "/state.sqlite", o);
  ASSERT_TRUE(store.ok());
  // One entry per call, as the crawl marks each page when it is done.
  for (const char* id : {"a", "b", "c"})
    ASSERT_TRUE((*store)->MarkSeen("src", {{id, {}}}, 10).ok());
  ASSERT_TRUE((*store)->MarkSeen("src", {{"a", 7}}, 11).ok());  // updated: newest again
  EXPECT_EQ(*(*store)->SeenCount("src"), 3u);
  ASSERT_TRUE((*store)->MarkSeen("src", {{"d", {}}}, 12).ok());  // "b" is now the oldest
  EXPECT_EQ(*(*store)->SeenCount("src"), 3u);
  Result<std::vector<EntryKey>> unseen =
      (*store)->FilterUnseen("src", {{"a", 7}, {"b", {}}, {"c", {}}, {"d", {}}});
  ASSERT_TRUE(unseen.ok());
  ASSERT_EQ(unseen->size(), 1u);
  EXPECT_EQ((*unseen)[0].id, "b");
  // A second store on the same file counts the set afresh and keeps the bound.
  store->reset();
  store = SourceStateStore::Open(dir + "/state.sqlite", o);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->MarkSeen("src", {{"e", {}}, {"f", {}}}, 13).ok());
  EXPECT_EQ(*(*store)->SeenCount("src"), 3u);
  unseen = (*store)->FilterUnseen("src", {{"a", 7}, {"c", {}}, {"d", {}}});
  ASSERT_TRUE(unseen.ok());
  ASSERT_EQ(unseen->size(), 2u);  // "c" and "a" were the oldest
  EXPECT_EQ((*unseen)[0].id, "a");
  EXPECT_EQ((*unseen)[1].id, "c");
  std::filesystem::remove_all(dir);
}

TEST(SourceStateStore, BufferedMarksAreWrittenPerBatchAndVisibleToReads) {
  std::string dir = MakeTempDir("hallyu-seen-");
  SourceStateStoreOptions o;
  o.mark_batch = 3;
  auto store = SourceStateStore::Open(dir + "/state.sqlite", o);
  auto other = SourceStateStore::Open(dir + "/state.sqlite");  // a second connection
  ASSERT_TRUE(store.ok() && other.ok());
  ASSERT_TRUE((*store)->MarkSeen("src", {{"a", {}}}, 10).ok());
  ASSERT_TRUE((*store)->MarkSeen("src", {{"b", {}}}, 10).ok());
  EXPECT_EQ(*(*other)->SeenCount("src"), 0u);  // still buffered
  // A read through the buffering store sees its own marks (it writes them first).
  auto unseen = (*store)->FilterUnseen("src", {{"a", {}}, {"c", {}}});
  ASSERT_TRUE(unseen.ok());
  ASSERT_EQ(unseen->size(), 1u);
  EXPECT_EQ((*unseen)[0].id, "c");
  EXPECT_EQ(*(*other)->SeenCount("src"), 2u);
  for (const char* id : {"c", "d", "e"})
    ASSERT_TRUE((*store)->MarkSeen("src", {{id, {}}}, 11).ok());
  EXPECT_EQ(*(*other)->SeenCount("src"), 5u);  // the third mark filled the batch
  ASSERT_TRUE((*store)->MarkSeen("src", {{"f", {}}}, 12).ok());
  EXPECT_EQ(*(*other)->SeenCount("src"), 5u);
  store->reset();  // closing writes what is buffered
  EXPECT_EQ(*(*other)->SeenCount("src"), 6u);
  std::filesystem::remove_all(dir);
}

TEST(SourceStateStore, UnopenablePathIsIoError) {
  Result<std::unique_ptr<SourceStateStore>> store =
      SourceStateStore::Open("/nonexistent-dir/x/state.sqlite");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), ErrorCode::kIo);
}

}  // namespace
}  // namespace hallyu

#include "crawler/sources/sources_options.h"

namespace hallyu {
namespace {

TEST(SourcesOptions, DefaultsOverridesAndErrors) {
  Result<SourcesOptions> d = ParseSourcesOptions(YAML::Node());
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->file, "configs/sources.yaml");
  Result<SourcesOptions> o = ParseSourcesOptions(
      YAML::Load("file: x.yaml\nstate_path: /tmp/s.sqlite\nmax_seen_per_source: 10"));
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o->file, "x.yaml");
  EXPECT_EQ(o->max_seen_per_source, 10u);
  EXPECT_EQ(o->feed_max_bytes, 16u << 20);
  EXPECT_NE(ParseSourcesOptions(YAML::Load("colour: red")).status().message().find("colour"),
            std::string::npos);
  EXPECT_FALSE(ParseSourcesOptions(YAML::Load("feed_max_bytes: 0")).ok());
  EXPECT_FALSE(ParseSourcesOptions(YAML::Load("feed_max_bytes: lots")).ok());
}

TEST(SourcesOptions, DefaultYamlSectionParses) {
  YAML::Node root = YAML::LoadFile(SourcePath("configs/default.yaml"));
  Result<SourcesOptions> o = ParseSourcesOptions(root["sources"]);
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_EQ(o->file, "configs/sources.yaml");
}

}  // namespace
}  // namespace hallyu
