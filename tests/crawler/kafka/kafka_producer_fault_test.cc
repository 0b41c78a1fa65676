// The lossless producer against broker faults injected into librdkafka's mock cluster
// (issue 19, windows 7 and 8): a fatal or fenced producer is a dead client, not a bad
// record, and a dead letter nobody could write stays in the spool.
#include <gtest/gtest.h>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#include <filesystem>
#include <set>
#include <string>

#include "crawler/kafka/kafka_producer.h"
#include "crawler/kafka/kafka_spool.h"
#include "tests/support/child_process.h"
#include "tests/support/kafka_fixture.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;
using std::chrono::seconds;

constexpr int16_t kProduceApiKey = 0;

// A one-broker librdkafka mock cluster the test controls (request errors included).
class MockCluster {
 public:
  MockCluster() {
    char errstr[256];
    host_ = rd_kafka_new(RD_KAFKA_PRODUCER, rd_kafka_conf_new(), errstr, sizeof errstr);
    if (host_ != nullptr) cluster_ = rd_kafka_mock_cluster_new(host_, 1);
  }
  ~MockCluster() {
    if (cluster_ != nullptr) rd_kafka_mock_cluster_destroy(cluster_);
    if (host_ != nullptr) rd_kafka_destroy(host_);
  }
  MockCluster(const MockCluster&) = delete;
  MockCluster& operator=(const MockCluster&) = delete;

  bool ok() const { return cluster_ != nullptr; }
  std::string bootstrap() const { return rd_kafka_mock_cluster_bootstraps(cluster_); }
  bool CreateTopic(const std::string& name) {
    return rd_kafka_mock_topic_create(cluster_, name.c_str(), 1, 1) == RD_KAFKA_RESP_ERR_NO_ERROR;
  }
  // The next `count` Produce requests fail with `err`.
  void FailProduceRequests(size_t count, rd_kafka_resp_err_t err) {
    std::vector<rd_kafka_resp_err_t> errors(count, err);
    rd_kafka_mock_push_request_errors_array(cluster_, kProduceApiKey, count, errors.data());
  }

 private:
  rd_kafka_t* host_ = nullptr;
  rd_kafka_mock_cluster_t* cluster_ = nullptr;
};

class KafkaProducerFaultTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(mock_.ok());
    options_.brokers = mock_.bootstrap();
    options_.create_topics = false;
    options_.spool.dir = testing::MakeTempDir("spool-fault-");
    options_.producer["linger.ms"] = "5";
    for (const std::string* t : {&options_.topics.casting, &options_.topics.dlq}) {
      ASSERT_TRUE(mock_.CreateTopic(*t));
    }
  }
  void TearDown() override { fs::remove_all(options_.spool.dir); }

  std::set<std::string> Values(const std::string& topic) {
    testing::KafkaTestClient reader(mock_.bootstrap());
    EXPECT_TRUE(reader.Connect());
    std::set<std::string> out;
    for (const auto& r : reader.ReadAll(topic, seconds(20))) out.insert(r.ValueOr());
    return out;
  }

  // Produces one record, a fault, then `count` more (with `until_replaced`: keeps producing
  // until the client was replaced, so records also meet the dead client in produce()
  // itself); every record must reach the topic and nothing the DLQ.
  void ExpectProducerSurvives(rd_kafka_resp_err_t fault, int count, bool until_replaced = false) {
    auto p = KafkaProducer::Start(options_);
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    std::set<std::string> sent;
    auto produce = [&](int i) {
      std::string value = "{\"i\":" + std::to_string(i) + "}";
      sent.insert(value);
      return (*p)->Produce(options_.topics.casting, "c-" + std::to_string(i), value);
    };
    ASSERT_TRUE(produce(0).ok());
    ASSERT_TRUE((*p)->Flush(seconds(30)).ok());  // the producer id is established
    mock_.FailProduceRequests(1, fault);
    int i = 1;
    for (; i <= count; ++i) ASSERT_TRUE(produce(i).ok());
    const auto deadline = std::chrono::steady_clock::now() + seconds(30);
    while (until_replaced && (*p)->stats().client_restarts == 0 && i < 100000 &&
           std::chrono::steady_clock::now() < deadline) {
      ASSERT_TRUE(produce(i++).ok());
    }
    ASSERT_TRUE((*p)->Flush(seconds(60)).ok());
    KafkaProducerStats st = (*p)->stats();
    EXPECT_EQ(st.failed, 0u) << "a dead client's failure was taken for a bad record";
    EXPECT_EQ(st.dead_lettered, 0u);
    EXPECT_GE(st.client_restarts, 1u);
    EXPECT_EQ(st.pending, 0u);
    ASSERT_TRUE((*p)->Close().ok());
    std::set<std::string> got = Values(options_.topics.casting);
    for (const auto& v : sent) EXPECT_TRUE(got.count(v)) << v << " never reached the topic";
    EXPECT_TRUE(Values(options_.topics.dlq).empty());
    EXPECT_FALSE(fs::exists(options_.spool.dir + "/dead-letters.ndjson"));
  }

  MockCluster mock_;
  KafkaOptions options_;
};

TEST_F(KafkaProducerFaultTest, FencedProducerIsReplacedAndItsRecordsResentNotDeadLettered) {
  ExpectProducerSurvives(RD_KAFKA_RESP_ERR_PRODUCER_FENCED, 20);
}

TEST_F(KafkaProducerFaultTest, InvalidEpochIsReplacedAndItsRecordsResentNotDeadLettered) {
  ExpectProducerSurvives(RD_KAFKA_RESP_ERR_INVALID_PRODUCER_EPOCH, 20);
}

TEST_F(KafkaProducerFaultTest, FatalErrorIsReplacedAndItsRecordsResentNotDeadLettered) {
  // An out-of-order sequence makes librdkafka's idempotent producer fatal (__FATAL):
  // records produced before the poll thread notices get __FATAL from produce() itself.
  ExpectProducerSurvives(RD_KAFKA_RESP_ERR_OUT_OF_ORDER_SEQUENCE_NUMBER, 20, true);
}

TEST_F(KafkaProducerFaultTest, DeadLetterIsKeptInTheSpoolWhenNoCopyCanBeWritten) {
  // The DLQ record (the value wrapped in JSON) does not fit the tiny spool next to the
  // original, and the dead-letters file cannot be opened (a directory has its name).
  options_.spool.max_bytes = 900;
  ASSERT_TRUE(fs::create_directories(options_.spool.dir + "/dead-letters.ndjson"));
  const std::string value(400, 'x');
  {
    auto p = KafkaProducer::Start(options_);
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    mock_.FailProduceRequests(1, RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE);
    ASSERT_TRUE((*p)->Produce(options_.topics.casting, "c-lost?", value).ok());
    ASSERT_TRUE(testing::WaitFor([&] { return (*p)->stats().failed == 1; }, seconds(30)));
    KafkaProducerStats st = (*p)->stats();
    EXPECT_EQ(st.dead_lettered, 0u);
    EXPECT_EQ(st.dead_letters_kept, 1u);
    EXPECT_EQ(st.pending, 1u) << "acknowledged without any dead-letter copy";
    (void)(*p)->Close(milliseconds(100));
  }
  auto spool = KafkaSpool::Open(options_.spool);
  ASSERT_TRUE(spool.ok()) << spool.status().ToString();
  auto left = (*spool)->PeekUnsent(10);
  ASSERT_TRUE(left.ok());
  ASSERT_EQ(left->size(), 1u) << "the record is gone";
  EXPECT_EQ((*left)[0].key, "c-lost?");
  EXPECT_EQ((*left)[0].value, value);
}

}  // namespace
}  // namespace hallyu
