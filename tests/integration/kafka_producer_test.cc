// The lossless producer against real Apache Kafka (scripts/kafka-local.sh): round trip with
// schema validation, broker outage, SIGKILL of the producing process, 3 brokers with one
// killed, corrupted spool record.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>
#include <random>

#include "crawler/kafka/kafka_event_publisher.h"
#include "crawler/kafka/kafka_producer.h"
#include "crawler/ops/metrics.h"
#include "extractors/detect/event.h"
#include "tests/support/kafka_fixture.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using testing::ConsumedRecord;
namespace fs = std::filesystem;

// Runs tests/support/validate_json.py (python3-jsonschema's Draft202012Validator).
::testing::AssertionResult ValidatesAgainst(const std::string& schema_file,
                                            const std::vector<std::string>& docs) {
  std::string dir = testing::MakeTempDir("schema-check-");
  std::string file = dir + "/docs.ndjson";
  {
    std::ofstream out(file);
    for (const auto& d : docs) out << d << "\n";
  }
  std::string cmd = "/usr/bin/python3 '" + testing::SourcePath("tests/support/validate_json.py") +
                    "' '" + testing::SourcePath(schema_file) + "' '" + file + "' 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[1024];
  size_t n;
  while (p && (n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int rc = p ? pclose(p) : -1;
  fs::remove_all(dir);
  if (rc == 0) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << schema_file << ": " << out;
}

const char* kCasting =
    R"({"schema":"hallyu.casting/1","event_id":"c-4f1d2a","version":2,"type":"casting","status":"confirmed","person":{"name":"Cha Eun-woo","native":"차은우","group":"ASTRO","idol":true,"resolved":true},"work":{"title":"True Beauty","native":"여신강림","kind":"drama","network":"tvN"},"role":"Lee Su-ho","crossover":true,"evidence":{"text":"Cha Eun-woo has been cast in True Beauty.","rule":"casting.en.confirmed_to_star","lang":"en"},"sources":[{"url":"https://news.example.com/a/1","site":"example","title":"Cast news","published_at":"2026-11-20T09:00:00Z","fetched_at":"2026-11-20T09:05:00Z"}],"first_seen_at":"2026-11-20T09:05:00Z","detected_at":"2026-11-20T09:05:01Z","confidence":0.93})";
const char* kOst =
    R"({"schema":"hallyu.ost/1","event_id":"o-77aa01","version":1,"type":"ost","status":"announced","artist":{"name":"Taeyeon","native":"태연","group":"Girls' Generation","idol":true,"resolved":true},"work":{"title":"Hotel del Luna","kind":"drama","network":"tvN"},"song":"All About You","part":3,"crossover":true,"evidence":{"text":"Taeyeon will sing part 3 of the Hotel del Luna OST.","rule":"ost.en.sings_part","lang":"en"},"sources":[{"url":"https://news.example.com/a/2","site":"example"}],"detected_at":"2026-11-20T10:00:00Z","confidence":0.88})";
const char* kDocument =
    R"({"schema":"hallyu.document/1","url":"https://news.example.com/a/1","site":"example","title":"Cast news","lang":"en","published_at":"2026-11-20T09:00:00Z","fetched_at":"2026-11-20T09:05:00Z","text":"Cha Eun-woo has been cast in True Beauty.","links":["https://news.example.com/a/0"],"content_hash":"9f2c"})";
const char* kDlq =
    R"({"schema":"hallyu.dlq/1","url":"https://news.example.com/broken","site":"example","stage":"parse","error":{"code":"parse","message":"html: unterminated comment"},"http_status":200,"content_type":"text/html","attempts":1,"failed_at":"2026-11-20T10:01:00Z"})";

class KafkaProducerTest : public testing::KafkaTest {
 protected:
  void SetUp() override {
    KafkaTest::SetUp();
    spool_dir_ = testing::MakeTempDir("spool-it-");
  }
  void TearDown() override {
    fs::remove_all(spool_dir_);
    KafkaTest::TearDown();
  }
  KafkaOptions Options(const std::string& brokers) {
    KafkaOptions o;
    o.brokers = brokers;
    o.spool.dir = spool_dir_;
    o.partitions = 3;
    o.topic_timeout_ms = 30000;
    return o;
  }
  std::string spool_dir_;
};

// Issue 17: release and collab events from the event model, through the crawl's
// publisher, land on their own compacted topics keyed by event_id, with their schema
// name in the headers, and validate against schemas/release.json and collab.json.
TEST_F(KafkaProducerTest, ReleaseAndCollabEventsGoToTheirOwnCompactedTopics) {
  KafkaOptions o = Options(kafka().brokers());
  o.topics.casting = kafka().UniqueTopicName("casting");
  o.topics.ost = kafka().UniqueTopicName("ost");
  o.topics.release = kafka().UniqueTopicName("release");
  o.topics.collab = kafka().UniqueTopicName("collab");
  o.topics.documents = kafka().UniqueTopicName("documents");
  o.topics.dlq = kafka().UniqueTopicName("dlq");
  auto p = KafkaProducer::Start(o);  // creates every topic
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  for (const auto& t : {o.topics.casting, o.topics.ost, o.topics.release, o.topics.collab,
                        o.topics.documents, o.topics.dlq}) {
    kafka().DeleteAfterwards(t);
  }
  auto person = [](const std::string& name, const std::string& native, bool idol, bool actor) {
    PersonRef r;
    r.name = name;
    r.native = native;
    r.idol = idol;
    r.actor = actor;
    r.resolved = !native.empty();
    return r;
  };
  auto envelope = [](EventType type) {
    Event e;
    e.type = type;
    e.status = "announced";
    e.evidence = {"an invented sentence", "test.rule", "en"};
    e.sources = {{"https://news.example.com/a/9", "example", "t", "2026-12-01T00:00:00Z",
                  "2026-12-01T00:05:00Z"}};
    e.first_seen_at = e.detected_at = "2026-12-01T00:05:00Z";
    e.confidence = 0.8;
    return e;
  };
  Event release = envelope(EventType::kRelease);
  release.person = person("Han Do-yoon", "한도윤", false, true);
  release.title = "Night Letter";
  release.release_kind = "digital_single";
  release.crossover = IsCrossover(release);
  release.event_id = ComputeEventId(release);
  Event collab = envelope(EventType::kCollab);
  collab.people = {person("Seo Ha-rin", "서하린", true, false),
                   person("Han Do-yoon", "한도윤", false, true),
                   person("Mira Vale", "", false, false)};
  collab.title = "Paper Lanterns";
  collab.cause = "children's hospital";
  collab.crossover = IsCrossover(collab);
  collab.event_id = ComputeEventId(collab);
  {
    KafkaEventPublisher publisher(p->get(), o.topics);
    ASSERT_TRUE(publisher.PublishEvent(release).ok());
    ASSERT_TRUE(publisher.PublishEvent(collab).ok());
  }
  ASSERT_TRUE((*p)->Flush(seconds(30)).ok());
  ASSERT_TRUE((*p)->Close().ok());
  struct Case {
    std::string topic;
    const Event* event;
    std::string schema_name, schema_file;
  };
  for (const Case& c :
       {Case{o.topics.release, &release, "hallyu.release/1", "schemas/release.json"},
        Case{o.topics.collab, &collab, "hallyu.collab/1", "schemas/collab.json"}}) {
    SCOPED_TRACE(c.topic);
    std::vector<ConsumedRecord> got = kafka().ReadAll(c.topic);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].key, c.event->event_id);
    EXPECT_EQ(got[0].Header("hallyu.schema"), c.schema_name);
    EXPECT_EQ(got[0].Header("hallyu.site"), "example");
    EXPECT_TRUE(ValidatesAgainst(c.schema_file, {got[0].ValueOr()}));
    auto back = EventFromJson(nlohmann::json::parse(got[0].ValueOr()));
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(ToJson(*back), ToJson(*c.event));
    EXPECT_TRUE(back->crossover);
    EXPECT_EQ(kafka().DescribeTopicConfigs(c.topic)["cleanup.policy"], "compact");
  }
  EXPECT_TRUE(kafka().ReadAll(o.topics.casting).empty());
  EXPECT_TRUE(kafka().ReadAll(o.topics.ost).empty());
}

TEST_F(KafkaProducerTest, RoundTripOfEveryPayloadValidatesAgainstItsSchema) {
  KafkaOptions o = Options(kafka().brokers());
  o.topics.casting = kafka().UniqueTopicName("casting");
  o.topics.ost = kafka().UniqueTopicName("ost");
  o.topics.documents = kafka().UniqueTopicName("documents");
  o.topics.dlq = kafka().UniqueTopicName("dlq");
  auto p = KafkaProducer::Start(o);  // creates the four topics
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  for (const auto& t : {o.topics.casting, o.topics.ost, o.topics.documents, o.topics.dlq}) {
    kafka().DeleteAfterwards(t);
  }

  struct Case {
    std::string topic, key, value, schema_name, schema_file;
  };
  std::vector<Case> cases = {
      {o.topics.casting, "c-4f1d2a", kCasting, "hallyu.casting/1", "schemas/casting.json"},
      {o.topics.ost, "o-77aa01", kOst, "hallyu.ost/1", "schemas/ost.json"},
      {o.topics.documents, "https://news.example.com/a/1", kDocument, "hallyu.document/1",
       "schemas/document.json"},
      {o.topics.dlq, "https://news.example.com/broken", kDlq, "hallyu.dlq/1", "schemas/dlq.json"},
  };
  for (const auto& c : cases) {
    ASSERT_TRUE(
        (*p)->Produce(c.topic, c.key, c.value, StandardHeaders(c.schema_name, "example")).ok());
  }
  ASSERT_TRUE((*p)->Flush(seconds(30)).ok());
  EXPECT_EQ((*p)->stats().delivered, 4u);
  ASSERT_TRUE((*p)->Close().ok());

  for (const auto& c : cases) {
    SCOPED_TRACE(c.topic);
    std::vector<ConsumedRecord> got = kafka().ReadAll(c.topic);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].key, c.key);
    EXPECT_EQ(got[0].Header("hallyu.schema"), c.schema_name);
    EXPECT_EQ(got[0].Header("hallyu.site"), "example");
    EXPECT_EQ(got[0].Header("hallyu.version"), HALLYU_VERSION);
    EXPECT_TRUE(ValidatesAgainst(c.schema_file, {got[0].ValueOr()}));
    EXPECT_EQ(kafka().PartitionCount(c.topic), 3);
  }
  // Compaction for event topics only.
  EXPECT_EQ(kafka().DescribeTopicConfigs(o.topics.casting)["cleanup.policy"], "compact");
  EXPECT_EQ(kafka().DescribeTopicConfigs(o.topics.ost)["cleanup.policy"], "compact");
  EXPECT_EQ(kafka().DescribeTopicConfigs(o.topics.documents)["cleanup.policy"], "delete");
  // The validator is real: a payload with a retyped field is rejected.
  std::string bad = kCasting;
  bad.replace(bad.find("\"version\":2"), 11, "\"version\":\"2\"");
  EXPECT_FALSE(ValidatesAgainst("schemas/casting.json", {bad}));
}

// Checks `got` holds exactly `n` records of the hallyu_test_produce shape ({"i":<i>},
// key k<i%10>), no duplicates, in order per key.
void ExpectExactlyInOrder(const std::vector<ConsumedRecord>& got, int n, bool allow_dups) {
  std::map<std::string, int> last_per_key;
  std::set<int> seen;
  int dups = 0;
  for (const auto& r : got) {
    std::string v = r.ValueOr();
    int i = std::stoi(v.substr(5, v.size() - 6));
    if (!seen.insert(i).second) {
      ++dups;
      continue;
    }
    ASSERT_EQ(r.key, "k" + std::to_string(i % 10));
    auto it = last_per_key.find(*r.key);
    if (it != last_per_key.end() && !allow_dups) {
      EXPECT_LT(it->second, i) << "out of order for key " << *r.key;
    }
    last_per_key[*r.key] = i;
  }
  EXPECT_EQ(static_cast<int>(seen.size()), n);
  if (!allow_dups) {
    EXPECT_EQ(dups, 0);
  }
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(*seen.begin(), 0);
  EXPECT_EQ(*seen.rbegin(), n - 1);
}

std::string Payload(int i) { return "{\"i\":" + std::to_string(i) + "}"; }

TEST_F(KafkaProducerTest, BrokerOutageMidStreamLosesNothing) {
  testing::KafkaLocalCluster cluster(1, 19292);  // private: we stop it
  ASSERT_TRUE(cluster.Start());
  testing::KafkaTestClient admin(cluster.bootstrap());
  ASSERT_TRUE(admin.Connect());
  std::string topic = admin.CreateTopic("outage", {.partitions = 3});
  ASSERT_FALSE(topic.empty());

  KafkaOptions o = Options(cluster.bootstrap());
  o.create_topics = false;
  auto p = KafkaProducer::Start(o);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  const int kN = 3000;
  for (int i = 0; i < kN / 3; ++i) {
    ASSERT_TRUE((*p)->Produce(topic, "k" + std::to_string(i % 10), Payload(i)).ok());
  }
  ASSERT_TRUE((*p)->Flush(seconds(30)).ok());
  ASSERT_TRUE(cluster.Stop());
  for (int i = kN / 3; i < kN; ++i) {  // keeps accepting: the spool holds them
    ASSERT_TRUE((*p)->Produce(topic, "k" + std::to_string(i % 10), Payload(i)).ok());
  }
  std::this_thread::sleep_for(seconds(1));
  EXPECT_GT((*p)->stats().pending, 0u);
  ASSERT_TRUE(cluster.StartNode(1));
  ASSERT_TRUE((*p)->Flush(seconds(90)).ok());
  EXPECT_EQ((*p)->stats().pending, 0u);
  EXPECT_EQ((*p)->stats().failed, 0u);
  ASSERT_TRUE((*p)->Close().ok());

  auto got = admin.ReadAtLeast(topic, kN, seconds(60));
  ExpectExactlyInOrder(got, kN, /*allow_dups=*/false);
  EXPECT_EQ(static_cast<int>(got.size()), kN);  // idempotence: no duplicates
  // Nothing left in the spool: a new producer on it has nothing to send.
  auto again = KafkaProducer::Start(o);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)->stats().pending, 0u);
  (void)(*again)->Close(seconds(1));
}

TEST_F(KafkaProducerTest, SigkillWhileBrokerIsDownLosesNothingThatReachedTheSpool) {
  testing::KafkaLocalCluster cluster(1, 19392);
  ASSERT_TRUE(cluster.Start());
  testing::KafkaTestClient admin(cluster.bootstrap());
  ASSERT_TRUE(admin.Connect());
  std::string topic = admin.CreateTopic("crash", {.partitions = 2});
  ASSERT_FALSE(topic.empty());
  ASSERT_TRUE(cluster.Stop());

  const int kN = 500;
  std::string tool = testing::BinaryDir() + "/tests/hallyu_test_produce";
  int out[2];
  ASSERT_EQ(pipe(out), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    dup2(out[1], 1);
    close(out[0]);
    execl(tool.c_str(), tool.c_str(), cluster.bootstrap().c_str(), spool_dir_.c_str(),
          topic.c_str(), std::to_string(kN).c_str(), "hold", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out[1]);
  std::string line;  // skip anything else the tool prints; stop at "spooled N" or EOF
  char c;
  while (line.rfind("spooled ", 0) != 0) {
    line.clear();
    ssize_t r;
    while ((r = read(out[0], &c, 1)) == 1 && c != '\n') line += c;
    if (r != 1) break;
  }
  close(out[0]);
  ASSERT_EQ(line, "spooled " + std::to_string(kN));
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));

  ASSERT_TRUE(cluster.StartNode(1));
  std::string cmd =
      "'" + tool + "' '" + cluster.bootstrap() + "' '" + spool_dir_ + "' '" + topic + "' 0 flush";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  auto got = admin.ReadAtLeast(topic, kN, seconds(60));
  ExpectExactlyInOrder(got, kN, /*allow_dups=*/true);
}

TEST_F(KafkaProducerTest, CorruptSpoolRecordIsReportedAndSkipped) {
  std::string topic = kafka().CreateTopic("corrupt");
  ASSERT_FALSE(topic.empty());
  {
    SpoolOptions so;
    so.dir = spool_dir_;
    auto s = KafkaSpool::Open(so);
    ASSERT_TRUE(s.ok());
    for (int i = 0; i < 3; ++i) {
      SpoolRecord r;
      r.topic = topic;
      r.key = "k" + std::to_string(i);
      r.value = Payload(i);
      ASSERT_TRUE((*s)->Append(r).ok());
    }
  }
  fs::path seg;
  for (const auto& e : fs::directory_iterator(spool_dir_)) {
    if (e.path().extension() == ".seg" && fs::file_size(e.path()) > 0) seg = e.path();
  }
  std::string bytes = testing::ReadFileOrFail(seg);
  bytes[bytes.find("{\"i\":1}") + 5] = '7';  // the payload changes, the CRC does not
  std::ofstream(seg, std::ios::binary | std::ios::trunc) << bytes;

  KafkaOptions o = Options(kafka().brokers());
  o.create_topics = false;
  auto p = KafkaProducer::Start(o);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ((*p)->stats().corrupt_records, 1u);
  ASSERT_TRUE((*p)->Flush(seconds(30)).ok());
  ASSERT_TRUE((*p)->Close().ok());
  auto got = kafka().ReadAll(topic);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].ValueOr(), Payload(0));
  EXPECT_EQ(got[1].ValueOr(), Payload(2));
}

TEST_F(KafkaProducerTest, ThreeBrokersKillOneDuringProductionZeroLoss) {
  testing::KafkaLocalCluster cluster(3, 19492);
  ASSERT_TRUE(cluster.Start());
  testing::KafkaTestClient admin(cluster.bootstrap());
  ASSERT_TRUE(admin.Connect());
  EXPECT_EQ(admin.broker_count(), 3);
  KafkaOptions o = Options(cluster.bootstrap());
  o.replication_factor = 3;
  o.event_topic_configs["min.insync.replicas"] = "2";
  o.topics.casting = admin.UniqueTopicName("casting-rf3");
  o.topics.ost = admin.UniqueTopicName("ost-rf3");
  o.topics.documents = admin.UniqueTopicName("docs-rf3");
  o.topics.dlq = admin.UniqueTopicName("dlq-rf3");
  auto p = KafkaProducer::Start(o);
  ASSERT_TRUE(p.ok()) << p.status().ToString();

  const int kN = 6000;
  std::thread killer([&] {
    std::this_thread::sleep_for(milliseconds(800));
    EXPECT_TRUE(cluster.Kill(2));
  });
  for (int i = 0; i < kN; ++i) {
    ASSERT_TRUE((*p)->Produce(o.topics.casting, "k" + std::to_string(i % 10), Payload(i)).ok());
    if (i % 100 == 99) std::this_thread::sleep_for(milliseconds(30));  // spread over ~2 s
  }
  killer.join();
  ASSERT_TRUE((*p)->Flush(seconds(120)).ok());
  EXPECT_EQ((*p)->stats().failed, 0u);
  ASSERT_TRUE((*p)->Close().ok());
  auto got = admin.ReadAtLeast(o.topics.casting, kN, seconds(60));
  ExpectExactlyInOrder(got, kN, /*allow_dups=*/false);
  EXPECT_EQ(admin.ReplicationFactor(o.topics.casting), 3);
  EXPECT_EQ(admin.DescribeTopicConfigs(o.topics.casting)["min.insync.replicas"], "2");
}

// A value lz4 cannot shrink much (random hex), so its batch really exceeds a small topic limit.
std::string Incompressible(size_t n) {
  std::mt19937_64 rng(7);
  static const char* kHex = "0123456789abcdef";
  std::string s;
  s.reserve(n);
  while (s.size() < n) s.push_back(kHex[rng() % 16]);
  return s;
}

TEST_F(KafkaProducerTest, PermanentFailureIsRoutedToTheDlqWithTheErrorAndCounted) {
  std::string topic =
      kafka().CreateTopic("small", {.partitions = 1, .configs = {{"max.message.bytes", "10000"}}});
  std::string dlq = kafka().CreateTopic("dlq");
  ASSERT_FALSE(topic.empty());
  ASSERT_FALSE(dlq.empty());
  KafkaOptions o = Options(kafka().brokers());
  o.create_topics = false;
  o.topics.dlq = dlq;
  MetricsRegistry registry;
  CrawlMetrics metrics(registry);
  auto p = KafkaProducer::Start(o, &metrics);
  ASSERT_TRUE(p.ok()) << p.status().ToString();

  const std::string big = Incompressible(50000);  // > the topic's 10,000 bytes
  ASSERT_TRUE((*p)->Produce(topic, "before", Payload(0)).ok());
  ASSERT_TRUE((*p)->Flush(seconds(30)).ok());
  ASSERT_TRUE(
      (*p)->Produce(topic, "c-too-big", big, StandardHeaders("hallyu.casting/1", "example")).ok());
  ASSERT_TRUE((*p)->Flush(seconds(60)).ok());  // the DLQ record is delivered too
  ASSERT_TRUE((*p)->Produce(topic, "after", Payload(2)).ok());
  ASSERT_TRUE((*p)->Flush(seconds(30)).ok());
  KafkaProducerStats s = (*p)->stats();
  EXPECT_EQ(s.failed, 1u);
  EXPECT_EQ(s.dead_lettered, 1u);
  EXPECT_EQ(s.pending, 0u);
  ASSERT_TRUE((*p)->Close().ok());

  auto got = kafka().ReadAll(topic);
  ASSERT_EQ(got.size(), 2u);  // the producer carries on after the failure
  EXPECT_EQ(got[0].key, "before");
  EXPECT_EQ(got[1].key, "after");

  auto dead = kafka().ReadAll(dlq);
  ASSERT_EQ(dead.size(), 1u);
  EXPECT_EQ(dead[0].key, "c-too-big");
  EXPECT_EQ(dead[0].Header("hallyu.schema"), "hallyu.dlq/1");
  EXPECT_EQ(dead[0].Header("hallyu.site"), "example");
  EXPECT_EQ(dead[0].Header("hallyu.dlq.topic"), topic);
  EXPECT_TRUE(ValidatesAgainst("schemas/dlq.json", {dead[0].ValueOr()}));
  nlohmann::json j = nlohmann::json::parse(dead[0].ValueOr());
  EXPECT_EQ(j["stage"], "produce");
  EXPECT_EQ(j["topic"], topic);
  EXPECT_EQ(j["key"], "c-too-big");
  EXPECT_EQ(j["error"]["code"], "too_large");
  EXPECT_EQ(j["error"]["kafka_error"], "MSG_SIZE_TOO_LARGE");
  EXPECT_FALSE(j["error"]["message"].get<std::string>().empty());
  EXPECT_EQ(j["value"], big);  // the original record, whole
  EXPECT_EQ(j["value_truncated"], false);
  EXPECT_EQ(j["headers"]["hallyu.schema"], "hallyu.casting/1");

  std::string text = registry.RenderText();
  EXPECT_NE(text.find("hallyu_kafka_dead_letters_total{topic=\"" + topic +
                      "\",error=\"MSG_SIZE_TOO_LARGE\"} 1"),
            std::string::npos)
      << text;
}

TEST_F(KafkaProducerTest, FailureOnTheDlqTopicItselfIsKeptInTheDeadLettersFile) {
  std::string dlq = kafka().CreateTopic(
      "tiny-dlq", {.partitions = 1, .configs = {{"max.message.bytes", "10000"}}});
  ASSERT_FALSE(dlq.empty());
  KafkaOptions o = Options(kafka().brokers());
  o.create_topics = false;
  o.topics.dlq = dlq;
  auto p = KafkaProducer::Start(o);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  const std::string big = Incompressible(30000);
  ASSERT_TRUE((*p)->Produce(dlq, "u-1", big).ok());
  ASSERT_TRUE((*p)->Flush(seconds(60)).ok());
  EXPECT_EQ((*p)->stats().failed, 1u);
  EXPECT_EQ((*p)->stats().dead_lettered, 0u);  // no loop through the DLQ
  ASSERT_TRUE((*p)->Close().ok());
  std::ifstream in(spool_dir_ + "/dead-letters.ndjson");
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  nlohmann::json j = nlohmann::json::parse(line);
  EXPECT_EQ(j["topic"], dlq);
  EXPECT_EQ(j["key"], "u-1");
  EXPECT_EQ(j["value"], big);
  EXPECT_EQ(j["kafka_error"], "MSG_SIZE_TOO_LARGE");
}

// Counts `name{labels} value` lines in Prometheus text; returns the value or -1.
double MetricValue(const std::string& text, const std::string& series) {
  size_t at = text.find("\n" + series + " ");
  if (at == std::string::npos) return -1;
  return std::stod(text.substr(at + series.size() + 2));
}

TEST_F(KafkaProducerTest, DeliveryLatencyHistogramCountsEveryPublishedEvent) {
  MetricsRegistry registry;
  CrawlMetrics metrics(registry);
  KafkaOptions o = Options(kafka().brokers());
  o.topics.casting = kafka().UniqueTopicName("casting-m");
  o.topics.ost = kafka().UniqueTopicName("ost-m");
  o.topics.documents = kafka().UniqueTopicName("docs-m");
  o.topics.dlq = kafka().UniqueTopicName("dlq-m");
  auto p = KafkaProducer::Start(o, &metrics);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  for (const auto& t : {o.topics.casting, o.topics.ost, o.topics.documents, o.topics.dlq}) {
    kafka().DeleteAfterwards(t);
  }
  auto base = EventFromJson(nlohmann::json::parse(kCasting));
  ASSERT_TRUE(base.ok()) << base.status().ToString();
  KafkaEventPublisher publisher(p->get(), o.topics);
  const int kN = 37;
  for (int i = 0; i < kN; ++i) {
    Event e = *base;
    e.event_id = "c-metrics-" + std::to_string(i);
    ASSERT_TRUE(publisher.PublishEvent(e).ok());
  }
  ASSERT_TRUE((*p)->Flush(seconds(30)).ok());
  std::string text = registry.RenderText();
  const std::string labels = "{topic=\"" + o.topics.casting + "\"}";
  EXPECT_EQ(MetricValue(text, "hallyu_kafka_delivery_latency_seconds_count" + labels), kN) << text;
  EXPECT_GT(MetricValue(text, "hallyu_kafka_delivery_latency_seconds_sum" + labels), 0) << text;
  EXPECT_EQ(MetricValue(text, "hallyu_spool_messages"), 0) << text;
  EXPECT_EQ(MetricValue(text, "hallyu_spool_bytes"),
            static_cast<double>((*p)->stats().spool_bytes));
  ASSERT_TRUE((*p)->Close().ok());
  EXPECT_EQ(kafka().ReadAll(o.topics.casting).size(), static_cast<size_t>(kN));
}

TEST_F(KafkaProducerTest, SpoolGaugesShowWhatWaitsWhileNoBrokerAnswers) {
  MetricsRegistry registry;
  CrawlMetrics metrics(registry);
  KafkaOptions o = Options("127.0.0.1:1");  // nothing listens there
  o.create_topics = false;
  auto p = KafkaProducer::Start(o, &metrics);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  for (int i = 0; i < 7; ++i) ASSERT_TRUE((*p)->Produce("t", "k", Payload(i)).ok());
  std::string text;
  for (int tries = 0; tries < 200; ++tries) {  // the poll thread refreshes them every few ms
    text = registry.RenderText();
    if (MetricValue(text, "hallyu_spool_messages") == 7) break;
    std::this_thread::sleep_for(milliseconds(10));
  }
  EXPECT_EQ(MetricValue(text, "hallyu_spool_messages"), 7) << text;
  EXPECT_EQ(MetricValue(text, "hallyu_spool_bytes"),
            static_cast<double>((*p)->stats().spool_bytes));
  EXPECT_GT((*p)->stats().spool_bytes, 7u * Payload(0).size());
  EXPECT_FALSE((*p)->Close(milliseconds(100)).ok());  // left in the spool
}

}  // namespace
}  // namespace hallyu
