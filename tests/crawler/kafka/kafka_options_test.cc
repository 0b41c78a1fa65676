#include "crawler/kafka/kafka_options.h"

#include <gtest/gtest.h>

#include "tests/support/paths.h"

namespace hallyu {
namespace {

TEST(KafkaOptionsTest, ParsesSectionAndPassesProducerPropertiesThrough) {
  auto o = ParseKafkaOptions(YAML::Load(R"(
brokers: "k1:9092,k2:9092"
topics: {casting: my.casting, dlq: my.dlq}
partitions: 12
replication_factor: 3
producer:
  security.protocol: SASL_SSL
  sasl.mechanisms: SCRAM-SHA-512
  linger.ms: 50
spool: {dir: /var/spool/hallyu, max_mb: 64, segment_mb: 8, fsync_every: 10}
)"));
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_EQ(o->brokers, "k1:9092,k2:9092");
  EXPECT_EQ(o->topics.casting, "my.casting");
  EXPECT_EQ(o->topics.ost, "hallyu.events.ost");
  EXPECT_EQ(o->topics.dlq, "my.dlq");
  EXPECT_EQ(o->partitions, 12);
  EXPECT_EQ(o->replication_factor, 3);
  EXPECT_EQ(o->producer.at("security.protocol"), "SASL_SSL");
  EXPECT_EQ(o->producer.at("linger.ms"), "50");
  EXPECT_EQ(o->spool.dir, "/var/spool/hallyu");
  EXPECT_EQ(o->spool.max_bytes, 64ull << 20);
  EXPECT_EQ(o->spool.fsync_every_records, 10u);
  EXPECT_EQ(o->event_topic_configs.at("cleanup.policy"), "compact");
}

TEST(KafkaOptionsTest, DefaultsToEmbeddedAndRejectsBadValues) {
  auto d = ParseKafkaOptions(YAML::Node());
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->brokers, "embedded");
  EXPECT_FALSE(ParseKafkaOptions(YAML::Load("partitions: 0")).ok());
  EXPECT_FALSE(ParseKafkaOptions(YAML::Load("nope: 1")).ok());
  EXPECT_FALSE(ParseKafkaOptions(YAML::Load("producer: {acks: '1'}")).ok());
  EXPECT_FALSE(ParseKafkaOptions(YAML::Load("producer: {enable.idempotence: 'false'}")).ok());
  EXPECT_FALSE(ParseKafkaOptions(YAML::Load("spool: {max_mb: 1, segment_mb: 2}")).ok());
}

TEST(KafkaOptionsTest, DefaultConfigFileParses) {
  YAML::Node root = YAML::LoadFile(testing::SourcePath("configs/default.yaml"));
  auto o = ParseKafkaOptions(root["kafka"]);
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_EQ(o->brokers, "embedded");
  EXPECT_EQ(o->topics.casting, "hallyu.events.casting");
  EXPECT_EQ(o->topics.release, "hallyu.events.release");
  EXPECT_EQ(o->topics.collab, "hallyu.events.collab");
}

TEST(KafkaOptionsTest, ReleaseAndCollabTopics) {
  auto o = ParseKafkaOptions(YAML::Load("topics: {release: my.release, collab: my.collab}"));
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_EQ(EventTopic(o->topics, EventType::kRelease), "my.release");
  EXPECT_EQ(EventTopic(o->topics, EventType::kCollab), "my.collab");
  EXPECT_EQ(EventTopic(o->topics, EventType::kOst), "hallyu.events.ost");
  EXPECT_EQ(EventTopic(o->topics, EventType::kCasting), "hallyu.events.casting");
  EXPECT_EQ(EventTopics(o->topics),
            (std::vector<std::string>{"hallyu.events.casting", "hallyu.events.ost", "my.release",
                                      "my.collab"}));
  EXPECT_EQ(EventSchemaName(EventType::kRelease), "hallyu.release/1");
  EXPECT_EQ(EventSchemaName(EventType::kCollab), "hallyu.collab/1");
  EXPECT_FALSE(ParseKafkaOptions(YAML::Load("topics: {collab: 'a b'}")).ok());
  EXPECT_FALSE(ParseKafkaOptions(YAML::Load("topics: {releases: x}")).ok());
}

}  // namespace
}  // namespace hallyu
