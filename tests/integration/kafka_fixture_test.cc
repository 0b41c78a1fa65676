// Proves tests/support/kafka_fixture against the real broker from scripts/kafka-local.sh,
// and that Debian's librdkafka 2.0.2 does idempotent and transactional production against
// the Kafka release the script runs.

#include "tests/support/kafka_fixture.h"

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>
#include <librdkafka/rdkafka.h>

#include <cstdlib>
#include <cstring>
#include <thread>

namespace hallyu::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

class KafkaFixtureTest : public KafkaTest {};

TEST_F(KafkaFixtureTest, CreatesUniqueTopicsWithPartitionsAndConfigs) {
  std::string a = kafka().CreateTopic(
      "events", {.partitions = 3,
                 .replication_factor = 1,
                 .configs = {{"cleanup.policy", "compact"}, {"retention.ms", "3600000"}}});
  std::string b = kafka().CreateTopic("events");
  ASSERT_FALSE(a.empty());
  ASSERT_FALSE(b.empty());
  EXPECT_NE(a, b);
  EXPECT_NE(a.find("KafkaFixtureTest"), std::string::npos) << a;
  EXPECT_EQ(kafka().PartitionCount(a), 3);
  EXPECT_EQ(kafka().PartitionCount(b), 1);
  EXPECT_EQ(kafka().ReplicationFactor(a), 1);
  auto configs = kafka().DescribeTopicConfigs(a);
  EXPECT_EQ(configs["cleanup.policy"], "compact");
  EXPECT_EQ(configs["retention.ms"], "3600000");
  EXPECT_EQ(kafka().DescribeTopicConfigs(b)["cleanup.policy"], "delete");
}

TEST_F(KafkaFixtureTest, ReadsBackKeysValuesHeadersPartitionsAndOffsets) {
  std::string topic = kafka().CreateTopic("readback", {.partitions = 2});
  ASSERT_FALSE(topic.empty());
  std::vector<ProducedRecord> in = {
      {.key = "k1",
       .value = "{\"n\":1}",
       .headers = {{"schema", "hallyu.casting/1"}},
       .partition = 0},
      {.key = "k2",
       .value = "{\"n\":2}",
       .headers = {{"site", "example"}, {"empty", std::nullopt}},
       .partition = 1},
      {.key = std::nullopt, .value = "no key", .headers = {}, .partition = 0},
      {.key = "k1", .value = std::nullopt, .headers = {}, .partition = 0},  // tombstone
  };
  ASSERT_TRUE(kafka().ProduceOrFail(topic, in));

  std::vector<ConsumedRecord> got = kafka().ReadAll(topic, seconds(20));
  ASSERT_EQ(got.size(), 4u);
  // ordered by partition, then offset
  EXPECT_EQ(got[0].partition, 0);
  EXPECT_EQ(got[0].offset, 0);
  EXPECT_EQ(got[0].key, "k1");
  EXPECT_EQ(got[0].value, "{\"n\":1}");
  EXPECT_EQ(got[0].Header("schema"), "hallyu.casting/1");
  EXPECT_EQ(got[0].topic, topic);
  EXPECT_GT(got[0].timestamp_ms, 0);
  EXPECT_EQ(got[1].partition, 0);
  EXPECT_EQ(got[1].offset, 1);
  EXPECT_FALSE(got[1].key.has_value());
  EXPECT_EQ(got[1].ValueOr(), "no key");
  EXPECT_EQ(got[2].offset, 2);
  EXPECT_FALSE(got[2].value.has_value());
  EXPECT_EQ(got[3].partition, 1);
  EXPECT_EQ(got[3].offset, 0);
  EXPECT_EQ(got[3].key, "k2");
  ASSERT_EQ(got[3].headers.size(), 2u);
  EXPECT_EQ(got[3].headers[0].name, "site");
  EXPECT_EQ(got[3].Header("site"), "example");
  EXPECT_EQ(got[3].headers[1].name, "empty");
  EXPECT_FALSE(got[3].headers[1].value.has_value());

  // An empty topic reads back as empty, promptly.
  std::string empty = kafka().CreateTopic("empty", {.partitions = 3});
  EXPECT_TRUE(kafka().ReadAll(empty, seconds(20)).empty());
}

TEST_F(KafkaFixtureTest, ReadAtLeastWaitsForLateRecords) {
  std::string topic = kafka().CreateTopic("late");
  ASSERT_FALSE(topic.empty());
  std::string brokers = kafka().brokers();
  std::thread late([&] {
    std::this_thread::sleep_for(milliseconds(1500));
    KafkaTestClient other(brokers);
    other.ProduceOrFail(topic, {{.key = "a", .value = "1"}, {.key = "b", .value = "2"}});
  });
  std::vector<ConsumedRecord> got = kafka().ReadAtLeast(topic, 2, seconds(30));
  late.join();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].ValueOr(), "2");
}

TEST_F(KafkaFixtureTest, MissingTopicIsReportedAsAFailure) {
  EXPECT_NONFATAL_FAILURE(
      kafka().ReadAll("hallyu.test.does-not-exist." + std::to_string(getpid()), seconds(5)),
      "not found");
}

TEST(KafkaFixtureUnreachableTest, ConnectFailsWithAClearMessage) {
  KafkaTestClient client("127.0.0.1:1");  // nothing listens on port 1
  ::testing::AssertionResult r = client.Connect(milliseconds(1500));
  EXPECT_FALSE(r);
  EXPECT_NE(std::string(r.message()).find("127.0.0.1:1"), std::string::npos) << r.message();
  EXPECT_NE(std::string(r.message()).find("scripts/kafka-local.sh start"), std::string::npos);
}

// A KafkaTest whose broker is unreachable: SetUp must FAIL (not skip) the test.
class UnreachableProbe : public KafkaTest {
 public:
  void TestBody() override {}
  void RunSetUp() { SetUp(); }

 protected:
  milliseconds ConnectTimeout() const override { return milliseconds(1500); }
};

void SetUpProbeAgainstPortOne() {
  const char* old = std::getenv("HALLYU_KAFKA_BROKERS");
  std::string saved = old ? old : "";
  setenv("HALLYU_KAFKA_BROKERS", "127.0.0.1:1", 1);
  UnreachableProbe probe;  // the client reads the env when constructed
  if (saved.empty()) {
    unsetenv("HALLYU_KAFKA_BROKERS");
  } else {
    setenv("HALLYU_KAFKA_BROKERS", saved.c_str(), 1);
  }
  probe.RunSetUp();
}

TEST(KafkaFixtureUnreachableTest, FixtureSetUpFailsInsteadOfSkipping) {
  EXPECT_FATAL_FAILURE(SetUpProbeAgainstPortOne(), "did not answer a metadata request");
  EXPECT_FALSE(::testing::Test::IsSkipped());
}

// librdkafka 2.0.2 against the broker: an idempotent producer and a transactional one
// (commit and abort); a read_committed reader sees only the committed records.
TEST_F(KafkaFixtureTest, Librdkafka202DoesIdempotenceAndTransactions) {
  std::string topic = kafka().CreateTopic("txn", {.partitions = 1});
  ASSERT_FALSE(topic.empty());
  char errstr[512];
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  ASSERT_EQ(rd_kafka_conf_set(conf, "bootstrap.servers", kafka().brokers().c_str(), errstr,
                              sizeof errstr),
            RD_KAFKA_CONF_OK);
  std::string txid = "hallyu-test-" + topic;
  ASSERT_EQ(rd_kafka_conf_set(conf, "transactional.id", txid.c_str(), errstr, sizeof errstr),
            RD_KAFKA_CONF_OK);
  ASSERT_EQ(rd_kafka_conf_set(conf, "enable.idempotence", "true", errstr, sizeof errstr),
            RD_KAFKA_CONF_OK);
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
  ASSERT_NE(rk, nullptr) << errstr;
  auto check = [](rd_kafka_error_t* e, const char* what) {
    if (e == nullptr) return true;
    ADD_FAILURE() << what << ": " << rd_kafka_error_string(e);
    rd_kafka_error_destroy(e);
    return false;
  };
  auto produce = [&](const char* v) {
    return rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(topic.c_str()), RD_KAFKA_V_KEY("k", 1),
                             RD_KAFKA_V_VALUE(const_cast<char*>(v), strlen(v)),
                             RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
  };
  bool ok = check(rd_kafka_init_transactions(rk, 30000), "init_transactions") &&
            check(rd_kafka_begin_transaction(rk), "begin") && produce("committed-1") == 0 &&
            produce("committed-2") == 0 &&
            check(rd_kafka_commit_transaction(rk, 30000), "commit") &&
            check(rd_kafka_begin_transaction(rk), "begin 2") && produce("aborted") == 0 &&
            check(rd_kafka_flush(rk, 10000) == 0
                      ? nullptr
                      : rd_kafka_error_new(RD_KAFKA_RESP_ERR__TIMED_OUT, "flush"),
                  "flush") &&
            check(rd_kafka_abort_transaction(rk, 30000), "abort");
  rd_kafka_destroy(rk);
  ASSERT_TRUE(ok);

  std::vector<ConsumedRecord> got = kafka().ReadAll(topic, seconds(20));
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].ValueOr(), "committed-1");
  EXPECT_EQ(got[1].ValueOr(), "committed-2");
}

}  // namespace
}  // namespace hallyu::testing
