// LoadDownstreamConfig: what sink/events/watch take from the crawl config file.
#include "crawler/downstream/downstream_config.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/paths.h"

namespace hallyu {
namespace {

std::string WriteConfig(const std::string& text) {
  std::string path = testing::MakeTempDir("downstream") + "/c.yaml";
  std::ofstream(path) << text;
  return path;
}

TEST(DownstreamConfig, ReadsStoreBrokersTopicsAndClientSecurity) {
  auto c = LoadDownstreamConfig(WriteConfig(R"(
sink:
  store: postgresql://hallyu@db/hallyu
kafka:
  brokers: "k1:9092,k2:9092"
  topics: {casting: prod.casting, ost: prod.ost, dlq: prod.dlq}
  producer:
    security.protocol: SASL_SSL
    sasl.mechanism: PLAIN
    ssl.ca.location: /etc/ssl/ca.pem
    linger.ms: "5"
)"),
                                /*required=*/true);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->store, "postgresql://hallyu@db/hallyu");
  EXPECT_EQ(c->brokers, "k1:9092,k2:9092");
  EXPECT_EQ(c->event_topics,
            (std::vector<std::string>{"prod.casting", "prod.ost", "hallyu.events.release",
                                      "hallyu.events.collab"}));
  EXPECT_EQ(c->dlq_topic, "prod.dlq");
  // Connection settings carry over to consumers; producer tuning does not.
  EXPECT_EQ(c->client_properties.size(), 3u);
  EXPECT_EQ(c->client_properties.at("security.protocol"), "SASL_SSL");
  EXPECT_EQ(c->client_properties.count("linger.ms"), 0u);
}

TEST(DownstreamConfig, EmbeddedBrokersAreNotReachableFromAnotherProcess) {
  auto c = LoadDownstreamConfig(WriteConfig("kafka:\n  brokers: embedded\n"), true);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_FALSE(c->brokers.has_value());
  EXPECT_FALSE(c->store.has_value());
  EXPECT_EQ(c->event_topics,
            (std::vector<std::string>{"hallyu.events.casting", "hallyu.events.ost",
                                      "hallyu.events.release", "hallyu.events.collab"}));
}

TEST(DownstreamConfig, MissingFileIsAnErrorOnlyWhenRequired) {
  std::string path = testing::MakeTempDir("downstream") + "/absent.yaml";
  auto optional = LoadDownstreamConfig(path, false);
  ASSERT_TRUE(optional.ok());
  EXPECT_FALSE(optional->store.has_value());
  auto required = LoadDownstreamConfig(path, true);
  ASSERT_FALSE(required.ok());
  EXPECT_EQ(required.status().code(), ErrorCode::kNotFound);
}

TEST(DownstreamConfig, BadYamlAndBadKafkaSectionAreErrors) {
  auto bad = LoadDownstreamConfig(WriteConfig("sink: [store\n"), false);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kParse);
  auto bad_kafka = LoadDownstreamConfig(WriteConfig("kafka:\n  partitions: many\n"), false);
  ASSERT_FALSE(bad_kafka.ok());
  EXPECT_EQ(bad_kafka.status().code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace hallyu
