#pragma once
// Kafka test support: talks to the real Apache Kafka broker started by
// scripts/kafka-local.sh (no mocks). Bootstrap servers come from the environment
// variable HALLYU_KAFKA_BROKERS (scripts/test.sh sets it), else the script's 1-broker
// address 127.0.0.1:19092.
//
// Two ways to use it:
//   - derive a test fixture from KafkaTest (TEST_F): SetUp() FAILS the test (never skips)
//     when the broker does not answer a metadata request, TearDown() deletes the topics
//     the test created;
//   - or hold a KafkaTestClient yourself (e.g. inside your own fixture) and call Connect().
// Every helper reports problems with GoogleTest failures (ADD_FAILURE) naming the topic,
// the broker and librdkafka's error text, and returns an empty value then.
//
// Typical use:
//   class MyTest : public hallyu::testing::KafkaTest {};
//   TEST_F(MyTest, RoundTrip) {
//     std::string topic = kafka().CreateTopic("casting", {.partitions = 3});
//     ... produce to `topic` ...
//     std::vector<ConsumedRecord> got = kafka().ReadAll(topic);
//   }

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

typedef struct rd_kafka_s rd_kafka_t;

namespace hallyu::testing {

// The 1-broker address of scripts/kafka-local.sh.
inline constexpr std::string_view kDefaultKafkaBrokers = "127.0.0.1:19092";

// HALLYU_KAFKA_BROKERS when set and non-empty, else kDefaultKafkaBrokers.
std::string KafkaBrokersFromEnv();

// Shape of a topic to create.
struct TopicSpec {
  int partitions = 1;                            // >= 1
  int replication_factor = 1;                    // <= number of brokers
  std::map<std::string, std::string> configs{};  // e.g. {"cleanup.policy", "compact"}
};

// One record header; values may be absent (null) in Kafka.
struct RecordHeader {
  std::string name;
  std::optional<std::string> value;
};

// A record as read back from the broker.
struct ConsumedRecord {
  std::string topic;
  int32_t partition = -1;
  int64_t offset = -1;
  std::optional<std::string> key;    // nullopt for a null key
  std::optional<std::string> value;  // nullopt for a null value (tombstone)
  std::vector<RecordHeader> headers{};
  int64_t timestamp_ms = -1;

  // Value of the last header called `name`; nullopt if absent or null.
  std::optional<std::string> Header(std::string_view name) const;
  // value or "" for a tombstone, handy in EXPECT_EQ.
  std::string ValueOr(std::string_view fallback = "") const;
};

// A record to produce with ProduceOrFail.
struct ProducedRecord {
  std::optional<std::string> key;
  std::optional<std::string> value;
  std::vector<RecordHeader> headers{};
  int32_t partition = -1;  // -1: the partitioner picks (by key)
};

// Admin, produce and read-back helpers on one broker address. Not thread-safe.
class KafkaTestClient {
 public:
  // Default bounds (all overridable per call).
  static constexpr std::chrono::milliseconds kConnectTimeout{15000};
  static constexpr std::chrono::milliseconds kAdminTimeout{30000};
  static constexpr std::chrono::milliseconds kReadTimeout{30000};

  explicit KafkaTestClient(std::string brokers = KafkaBrokersFromEnv());
  ~KafkaTestClient();
  KafkaTestClient(const KafkaTestClient&) = delete;
  KafkaTestClient& operator=(const KafkaTestClient&) = delete;

  // Sends a metadata request and waits up to `timeout` for the answer. Returns an
  // AssertionFailure naming the brokers and how to start them when it does not come.
  ::testing::AssertionResult Connect(std::chrono::milliseconds timeout = kConnectTimeout);

  const std::string& brokers() const { return brokers_; }
  // Number of brokers in the last metadata answer (0 before Connect).
  int broker_count() const { return broker_count_; }

  // A topic name unique to this process and test ("hallyu.test.<Suite>.<Test>.<base>.<pid>.<n>",
  // sanitised to Kafka's legal characters). Does not create it.
  std::string UniqueTopicName(std::string_view base);

  // Creates a uniquely named topic through the Admin API and waits (bounded) until every
  // partition has a leader. Returns its name, or "" after ADD_FAILURE on error.
  // Created topics are deleted by DeleteCreatedTopics() (KafkaTest calls it).
  std::string CreateTopic(std::string_view base, const TopicSpec& spec = {},
                          std::chrono::milliseconds timeout = kAdminTimeout);

  // Creates exactly `name` (no uniquifying); same rules as CreateTopic. For code under
  // test that expects fixed names. Returns false after ADD_FAILURE on error.
  bool CreateTopicNamed(const std::string& name, const TopicSpec& spec = {},
                        std::chrono::milliseconds timeout = kAdminTimeout);

  // Adds `topic` (created by the code under test) to the topics DeleteCreatedTopics removes.
  void DeleteAfterwards(const std::string& topic) { created_.push_back(topic); }

  // Deletes the topics created through this client (best effort, bounded).
  void DeleteCreatedTopics(std::chrono::milliseconds timeout = std::chrono::seconds(10));

  // Number of partitions of `topic` per a fresh metadata request; -1 (and ADD_FAILURE) when
  // the topic does not exist or the broker does not answer.
  int PartitionCount(const std::string& topic, std::chrono::milliseconds timeout = kAdminTimeout);

  // Replication factor (replicas of partition 0) of `topic`; -1 on error (ADD_FAILURE).
  int ReplicationFactor(const std::string& topic,
                        std::chrono::milliseconds timeout = kAdminTimeout);

  // The leader (broker id) of each partition of `topic` per a fresh metadata request;
  // empty (and ADD_FAILURE) when the topic does not exist or the broker does not answer.
  std::map<int32_t, int32_t> PartitionLeaders(const std::string& topic,
                                              std::chrono::milliseconds timeout = kAdminTimeout);

  // Every config entry of `topic` as the broker reports it (DescribeConfigs: name -> value,
  // defaults included). Empty map after ADD_FAILURE on error.
  std::map<std::string, std::string> DescribeTopicConfigs(
      const std::string& topic, std::chrono::milliseconds timeout = kAdminTimeout);

  // Produces `records` with an idempotent producer (acks=all) and waits for every delivery
  // report. Returns false after ADD_FAILURE naming the first failed record.
  bool ProduceOrFail(const std::string& topic, const std::vector<ProducedRecord>& records,
                     std::chrono::milliseconds timeout = kReadTimeout);

  // Reads everything in `topic` from the beginning of each partition up to its end as of
  // this call (read_committed: aborted transactional records are not returned). Records are
  // ordered by partition, then offset. ADD_FAILURE (and returns what it got) on timeout.
  std::vector<ConsumedRecord> ReadAll(const std::string& topic,
                                      std::chrono::milliseconds timeout = kReadTimeout);

  // Waits until `topic` holds at least `min_count` records (read_committed) and returns
  // everything up to the end at that moment. For producers that deliver asynchronously.
  // ADD_FAILURE (and returns what it got) when `timeout` passes first.
  std::vector<ConsumedRecord> ReadAtLeast(const std::string& topic, size_t min_count,
                                          std::chrono::milliseconds timeout = kReadTimeout);

 private:
  rd_kafka_t* Admin();  // lazily created; nullptr after ADD_FAILURE
  std::vector<ConsumedRecord> ReadInternal(const std::string& topic, size_t min_count,
                                           std::chrono::milliseconds timeout);

  std::string brokers_;
  int broker_count_ = 0;
  rd_kafka_t* admin_ = nullptr;
  int counter_ = 0;
  std::vector<std::string> created_;
};

// A private cluster run through scripts/kafka-local.sh (own state dir
// .kafka-local/test-<base_port> and own ports), for tests
// that stop, kill or restart brokers without disturbing the shared one. Each method runs the
// script and returns false after ADD_FAILURE (with the script's stderr) on failure.
// Stop() is called by the destructor.
class KafkaLocalCluster {
 public:
  // `base_port`: first client port (node n: base+10(n-1)); pick one per test, distinct from
  // the script's defaults 19092/19192 when those clusters may be running.
  KafkaLocalCluster(int brokers, int base_port);
  ~KafkaLocalCluster();
  KafkaLocalCluster(const KafkaLocalCluster&) = delete;
  KafkaLocalCluster& operator=(const KafkaLocalCluster&) = delete;

  bool Start();              // format + start; bootstrap() is set on success
  bool Stop();               // every node (SIGTERM)
  bool Kill(int node);       // SIGKILL one node
  bool StartNode(int node);  // restart a stopped/killed node, wait until it answers
  const std::string& bootstrap() const { return bootstrap_; }

 private:
  bool Run(const std::string& args, std::string* out);
  int brokers_;
  int base_port_;
  std::string state_dir_;
  std::string bootstrap_;
  bool started_ = false;
};

// GoogleTest fixture: one KafkaTestClient per test; SetUp() fails the test when the broker
// is unreachable, TearDown() deletes the topics the test created.
class KafkaTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;
  KafkaTestClient& kafka() { return client_; }
  // How long SetUp waits for the broker's metadata answer (default 15 s).
  virtual std::chrono::milliseconds ConnectTimeout() const {
    return KafkaTestClient::kConnectTimeout;
  }

 private:
  KafkaTestClient client_;
};

}  // namespace hallyu::testing
