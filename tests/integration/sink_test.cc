// `hallyu sink` end to end against the real Kafka broker (HALLYU_KAFKA_BROKERS) and
// real stores: SQLite files and PostgreSQL (HALLYU_PG_URL).
#include <gtest/gtest.h>
#include <signal.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "crawler/store/store.h"
#include "extractors/detect/event.h"
#include "tests/support/child_process.h"
#include "tests/support/events.h"
#include "tests/support/kafka_client.h"
#include "tests/support/kafka_fixture.h"
#include "tests/support/paths.h"
#include "tests/support/schema_check.h"

namespace hallyu {
namespace {

using namespace std::chrono_literals;
using testing::ChildProcess;
using testing::KafkaRecord;
using testing::TestEvent;
using testing::WaitFor;

enum class Backend { kSqlite, kPostgres };

class SinkTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir("sink");
    brokers_ = testing::KafkaBrokers();
    store_url_ = GetParam() == Backend::kSqlite ? "sqlite:" + dir_ + "/events.db"
                                                : testing::FreshPostgresUrl();
    ASSERT_FALSE(store_url_.empty());
    casting_ = testing::UniqueTopicName("t.casting");
    ost_ = testing::UniqueTopicName("t.ost");
    dlq_ = testing::UniqueTopicName("t.dlq");
    testing::CreateTopic(brokers_, casting_, 3);
    testing::CreateTopic(brokers_, ost_, 1);
    testing::CreateTopic(brokers_, dlq_, 1);
    group_ = testing::UniqueTopicName("sink-group");
  }

  std::vector<std::string> SinkArgs(std::vector<std::string> extra) {
    std::vector<std::string> a = {testing::HallyuBinary(),
                                  "sink",
                                  "--store",
                                  store_url_,
                                  "--brokers",
                                  brokers_,
                                  "--topics",
                                  casting_ + "," + ost_,
                                  "--dlq-topic",
                                  dlq_,
                                  "--group",
                                  group_,
                                  "--kafka",
                                  "session.timeout.ms=6000",
                                  "--kafka",
                                  "heartbeat.interval.ms=500",
                                  "--kafka",
                                  "group.instance.id=" + group_ + "-1"};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  }

  int64_t Count(const std::string& table) {
    auto s = OpenStore(store_url_);
    if (!s.ok()) return -1;
    auto n = (*s)->CountRows(table);
    return n.ok() ? *n : -1;
  }

  std::string dir_, brokers_, store_url_, casting_, ost_, dlq_, group_;
};

TEST_P(SinkTest, SigkillMidStreamNeitherLosesNorDoubles) {
  constexpr int kEvents = 60;
  constexpr int kVersions = 3;
  std::vector<KafkaRecord> records;
  for (int i = 0; i < kEvents; ++i) {
    const bool ost = i % 4 == 3;
    for (int v = 1; v <= kVersions; ++v) {
      TestEvent t;
      t.event_id = (ost ? "o-" : "c-") + std::to_string(i);
      t.version = v;
      t.type = ost ? "ost" : "casting";
      t.status = ost ? (v == kVersions ? "released" : "announced")
                     : (v == 1   ? "rumored"
                        : v == 2 ? "in_talks"
                                 : "confirmed");
      t.person = "Person " + std::to_string(i);
      t.source_urls = {"https://news.example.com/" + std::to_string(i) + "/" + std::to_string(v)};
      t.detected_at = "2026-05-0" + std::to_string(v) + "T10:00:00Z";
      records.push_back({ost ? ost_ : casting_, t.event_id, testing::TestEventJson(t), {}, 0, 0});
      if (v == 2 && i % 5 == 0) records.push_back(records.back());  // a redelivered version
    }
  }
  testing::ProduceAll(brokers_, records);

  {
    // Small, slowed batches so the kill lands in the middle of the stream.
    ChildProcess sink(SinkArgs({"--max-batch", "7", "--throttle-ms", "40"}), dir_);
    ASSERT_TRUE(WaitFor([&] { return Count("event_versions") >= 30; }, 60s)) << sink.Stderr();
    sink.Signal(SIGKILL);
    EXPECT_EQ(sink.Wait(10s), 128 + SIGKILL);
  }
  int64_t after_kill = Count("event_versions");
  EXPECT_LT(after_kill, kEvents * kVersions) << "the sink finished before it was killed";

  ChildProcess again(SinkArgs({"--max-batch", "50", "--idle-exit-ms", "1500"}), dir_);
  EXPECT_EQ(again.Wait(90s), 0) << again.Stderr();
  EXPECT_NE(again.Stderr().find("starts at offset"), std::string::npos) << again.Stderr();

  EXPECT_EQ(Count("events"), kEvents);
  EXPECT_EQ(Count("event_versions"), kEvents * kVersions);
  auto store = OpenStore(store_url_);
  ASSERT_TRUE(store.ok());
  for (int i = 0; i < kEvents; ++i) {
    std::string id = (i % 4 == 3 ? "o-" : "c-") + std::to_string(i);
    auto versions = (*store)->EventVersions(id);
    ASSERT_TRUE(versions.ok());
    ASSERT_EQ(versions->size(), static_cast<size_t>(kVersions)) << id;
    for (int v = 0; v < kVersions; ++v) EXPECT_EQ((*versions)[v].version, v + 1) << id;
  }
  EventQuery q;
  q.status = "confirmed";
  EXPECT_EQ((*store)->QueryEvents(q)->size(), 45u);  // every casting event ends confirmed

  // The stored offsets are exactly the end of every partition.
  auto offsets = (*store)->LoadOffsets(group_);
  ASSERT_TRUE(offsets.ok());
  std::map<std::pair<std::string, int>, long long> stored;
  for (const auto& o : *offsets) stored[{o.topic, o.partition}] = o.next_offset;
  for (const auto& topic : {casting_, ost_}) {
    for (const auto& [p, hi] : testing::HighWatermarks(brokers_, topic)) {
      if (hi > 0) {
        EXPECT_EQ((stored[{topic, p}]), hi) << topic << "[" << p << "]";
      }
    }
  }
}

TEST_P(SinkTest, MalformedMessagesGoToDlqAndSinkContinues) {
  TestEvent good;
  std::vector<KafkaRecord> records;
  good.event_id = "c-good-1";
  records.push_back({casting_, good.event_id, testing::TestEventJson(good), {}, 0, 0});
  records.push_back({casting_, "junk", "this is not json {", {}, 0, 0});
  auto no_id = nlohmann::json::parse(testing::TestEventJson(good));
  no_id.erase("event_id");
  records.push_back({casting_, "no-id", no_id.dump(), {}, 0, 0});
  auto bad_status = nlohmann::json::parse(testing::TestEventJson(good));
  bad_status["status"] = "maybe";
  records.push_back({casting_, "bad-status", bad_status.dump(), {}, 0, 0});
  good.event_id = "c-good-2";
  records.push_back({casting_, good.event_id, testing::TestEventJson(good), {}, 0, 0});
  TestEvent ost;
  ost.event_id = "o-good-3";
  ost.type = "ost";
  ost.status = "announced";
  records.push_back({ost_, ost.event_id, testing::TestEventJson(ost), {}, 0, 0});
  testing::ProduceAll(brokers_, records);

  ChildProcess sink(SinkArgs({"--idle-exit-ms", "1500"}), dir_);
  EXPECT_EQ(sink.Wait(90s), 0) << sink.Stderr();
  EXPECT_EQ(Count("events"), 3);

  auto dlq = testing::ConsumeAll(brokers_, dlq_, 3);
  ASSERT_EQ(dlq.size(), 3u);
  std::set<std::string> keys;
  for (const auto& r : dlq) {
    keys.insert(r.key);
    EXPECT_EQ(r.headers.at("hallyu.dlq.topic"), casting_);
    EXPECT_FALSE(r.headers.at("hallyu.dlq.reason").empty());
  }
  EXPECT_EQ(keys, (std::set<std::string>{"junk", "no-id", "bad-status"}));
  for (const auto& r : dlq) {
    if (r.key == "junk") {
      EXPECT_EQ(r.value, "this is not json {");
      EXPECT_NE(r.headers.at("hallyu.dlq.reason").find("parse"), std::string::npos);
    }
    if (r.key == "no-id") {
      EXPECT_NE(r.headers.at("hallyu.dlq.reason").find("event_id"), std::string::npos);
    }
  }
}

// Issue 19, window 9: a DLQ copy the broker refuses (here: larger than the DLQ topic's
// max.message.bytes) must stop the sink with the offsets still before the bad message;
// once the DLQ accepts it, a restart delivers it and moves on — never a skip.
TEST_P(SinkTest, UndeliverableDlqCopyStopsTheSinkWithOffsetsBeforeTheBadMessage) {
  testing::KafkaTestClient admin(brokers_);
  ASSERT_TRUE(admin.Connect());
  const std::string good_dlq = dlq_;
  dlq_ = testing::UniqueTopicName("t.dlq-small");
  ASSERT_TRUE(admin.CreateTopicNamed(dlq_, {1, 1, {{"max.message.bytes", "1000"}}}));
  admin.DeleteAfterwards(dlq_);

  TestEvent first;
  first.event_id = "o-before";
  first.type = "ost";
  first.status = "announced";
  TestEvent after = first;
  after.event_id = "o-after";
  const std::string junk = "not json " + std::string(3000, 'x');
  testing::ProduceAll(brokers_, {{ost_, first.event_id, testing::TestEventJson(first), {}, 0, 0},
                                 {ost_, "junk", junk, {}, 0, 0},
                                 {ost_, after.event_id, testing::TestEventJson(after), {}, 0, 0}});

  {
    ChildProcess sink(SinkArgs({"--idle-exit-ms", "1500", "--max-batch", "1"}), dir_);
    EXPECT_NE(sink.Wait(90s), 0) << "the sink went on past an undelivered DLQ copy\n"
                                 << sink.Stderr();
    EXPECT_NE(sink.Stderr().find("DLQ delivery failed"), std::string::npos) << sink.Stderr();
  }
  auto store = OpenStore(store_url_);
  ASSERT_TRUE(store.ok());
  auto offsets = (*store)->LoadOffsets(group_);
  ASSERT_TRUE(offsets.ok());
  for (const auto& o : *offsets) {
    if (o.topic == ost_) {
      EXPECT_LE(o.next_offset, 1) << "offsets moved past the bad message";
    }
  }
  EXPECT_LE(Count("events"), 1);
  store->reset();

  dlq_ = good_dlq;  // the DLQ takes it now: the restart retries and goes on
  ChildProcess again(SinkArgs({"--idle-exit-ms", "1500"}), dir_);
  EXPECT_EQ(again.Wait(90s), 0) << again.Stderr();
  EXPECT_EQ(Count("events"), 2);
  auto dlq = testing::ConsumeAll(brokers_, dlq_, 1);
  ASSERT_EQ(dlq.size(), 1u);
  EXPECT_EQ(dlq[0].key, "junk");
  EXPECT_EQ(dlq[0].value, junk);
  EXPECT_EQ(dlq[0].headers.at("hallyu.dlq.offset"), "1");
}

// Issue 17: release and collab events (the model's JSON) published on their own topics
// are sunk into the store, validate against their schemas, and `hallyu events` lists them
// by type and follows a person into both.
TEST_P(SinkTest, ReleaseAndCollabEventsAreStoredAndListed) {
  const std::string release_topic = testing::UniqueTopicName("t.release");
  const std::string collab_topic = testing::UniqueTopicName("t.collab");
  testing::CreateTopic(brokers_, release_topic, 1);
  testing::CreateTopic(brokers_, collab_topic, 2);
  auto person = [](const std::string& name, const std::string& native, bool idol, bool actor) {
    PersonRef r;
    r.name = name;
    r.native = native;
    r.idol = idol;
    r.actor = actor;
    r.resolved = !native.empty();
    return r;
  };
  auto envelope = [](EventType type, const std::string& when) {
    Event e;
    e.type = type;
    e.status = "announced";
    e.evidence = {"an invented sentence", "test.rule", "ko"};
    e.sources = {{"https://news.example.com/" + when, "example", "t", when, when}};
    e.first_seen_at = e.detected_at = when;
    e.confidence = 0.8;
    return e;
  };
  Event release = envelope(EventType::kRelease, "2026-12-01T01:00:00Z");
  release.person = person("Han Do-yoon", "한도윤", false, true);
  release.title = "Night Letter";
  release.crossover = IsCrossover(release);
  release.event_id = ComputeEventId(release);
  Event release_v2 = release;  // the kind became known, then it came out
  release_v2.version = 2;
  release_v2.status = "released";
  release_v2.release_kind = "digital_single";
  release_v2.detected_at = "2026-12-02T01:00:00Z";
  Event collab = envelope(EventType::kCollab, "2026-12-01T12:00:00Z");
  collab.people = {person("Seo Ha-rin", "서하린", true, false),
                   person("Han Do-yoon", "한도윤", false, true),
                   person("Mira Vale", "", false, false)};
  collab.title = "Paper Lanterns";
  collab.cause = "children's hospital";
  collab.crossover = IsCrossover(collab);
  collab.event_id = ComputeEventId(collab);
  const std::vector<std::string> payloads = {ToJson(release).dump(), ToJson(release_v2).dump(),
                                             ToJson(collab).dump()};
  testing::ProduceAll(brokers_, {{release_topic, release.event_id, payloads[0], {}, 0, 0},
                                 {release_topic, release.event_id, payloads[1], {}, 0, 0},
                                 {collab_topic, collab.event_id, payloads[2], {}, 0, 0}});
  std::vector<std::string> args = SinkArgs({"--idle-exit-ms", "1500"});
  for (size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == "--topics") args[i + 1] = release_topic + "," + collab_topic;
  }
  ChildProcess sink(args, dir_);
  ASSERT_EQ(sink.Wait(90s), 0) << sink.Stderr();
  EXPECT_EQ(Count("events"), 2);
  EXPECT_EQ(Count("event_versions"), 3);
  EXPECT_EQ(Count("event_people"), 4);  // the release's artist, the collab's three

  auto events = [&](std::vector<std::string> extra) {
    std::vector<std::string> argv = {testing::HallyuBinary(), "events", "--store", store_url_,
                                     "--json"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    ChildProcess p(argv, dir_);
    EXPECT_EQ(p.Wait(30s), 0) << p.Stderr();
    std::vector<nlohmann::json> out;
    std::istringstream in(p.Stdout());
    for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
    return out;
  };
  auto got = events({"--type", "release"});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0]["event_id"], release.event_id);
  EXPECT_EQ(got[0]["version"], 2);
  EXPECT_EQ(got[0]["status"], "released");
  EXPECT_EQ(got[0]["kind"], "digital_single");
  EXPECT_EQ(got[0]["source_count"], 1);
  EXPECT_TRUE(testing::ValidatesAgainstSchema("schemas/release.json", {got[0].dump()}));
  got = events({"--type", "collab"});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0]["people"].size(), 3u);
  EXPECT_EQ(got[0]["cause"], "children's hospital");
  EXPECT_EQ(got[0]["crossover"], true);
  EXPECT_TRUE(testing::ValidatesAgainstSchema("schemas/collab.json", {got[0].dump()}));
  // Newest first: the release's second version is the latest change.
  got = events({"--person", "한도윤"});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0]["event_id"], release.event_id);
  EXPECT_EQ(got[1]["event_id"], collab.event_id);
  got = events({"--person", "mira"});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0]["event_id"], collab.event_id);
  // Every payload as published validates.
  EXPECT_TRUE(testing::ValidatesAgainstSchema("schemas/release.json", {payloads[0], payloads[1]}));
  EXPECT_TRUE(testing::ValidatesAgainstSchema("schemas/collab.json", {payloads[2]}));
}

// A casting in a project with no title yet (work.title null, issue 14) goes through the real
// broker into the store and out of `hallyu events`, and validates against the schema before and
// after: the events table keeps '' in its NOT NULL work column (no migration needed).
TEST_P(SinkTest, UntitledCastingIsStoredAndListed) {
  const std::string topic = testing::UniqueTopicName("t.untitled");
  testing::CreateTopic(brokers_, topic, 1);
  Event e;
  e.type = EventType::kCasting;
  e.status = "in_talks";
  e.person.name = "Han Do-yoon";
  e.person.native = "한도윤";
  e.person.resolved = true;
  e.work.kind = "drama";
  e.work.network = "tvN";
  e.evidence = {"an invented sentence", "test.rule", "en"};
  e.sources = {{"https://news.example.com/u", "example", "t", "2026-12-01T01:00:00Z",
                "2026-12-01T01:00:00Z"}};
  e.first_seen_at = e.detected_at = "2026-12-01T01:00:00Z";
  e.confidence = 0.8;
  e.event_id = ComputeEventId(e);
  const std::string payload = ToJson(e).dump();
  ASSERT_TRUE(testing::ValidatesAgainstSchema("schemas/casting.json", {payload}));
  testing::ProduceAll(brokers_, {{topic, e.event_id, payload, {}, 0, 0}});
  std::vector<std::string> args = SinkArgs({"--idle-exit-ms", "1500"});
  for (size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == "--topics") args[i + 1] = topic;
  }
  ChildProcess sink(args, dir_);
  ASSERT_EQ(sink.Wait(90s), 0) << sink.Stderr();
  EXPECT_EQ(Count("events"), 1);
  EXPECT_EQ(Count("works"), 0);  // nothing to list as a work yet
  ChildProcess p({testing::HallyuBinary(), "events", "--store", store_url_, "--json"}, dir_);
  ASSERT_EQ(p.Wait(30s), 0) << p.Stderr();
  const auto got = nlohmann::json::parse(p.Stdout());
  EXPECT_EQ(got["event_id"], e.event_id);
  EXPECT_TRUE(got["work"]["title"].is_null());
  EXPECT_EQ(got["work"]["network"], "tvN");
  EXPECT_TRUE(testing::ValidatesAgainstSchema("schemas/casting.json", {got.dump()}));
  ChildProcess table({testing::HallyuBinary(), "events", "--store", store_url_}, dir_);
  ASSERT_EQ(table.Wait(30s), 0) << table.Stderr();
  EXPECT_NE(table.Stdout().find("untitled drama (tvN)"), std::string::npos) << table.Stdout();
}

TEST_P(SinkTest, StopsCleanlyOnSigterm) {
  ChildProcess sink(SinkArgs({}), dir_);
  ASSERT_TRUE(
      WaitFor([&] { return sink.Stderr().find("starts at offset") != std::string::npos; }, 60s))
      << sink.Stderr();
  sink.Signal(SIGTERM);
  EXPECT_EQ(sink.Wait(30s), 0) << sink.Stderr();
  EXPECT_NE(sink.Stderr().find("sink: stopped"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Stores, SinkTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) {
                           return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
                         });

}  // namespace
}  // namespace hallyu
