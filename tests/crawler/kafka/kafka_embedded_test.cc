// kafka.brokers: embedded runs librdkafka's mock cluster in process: no Kafka installed.
#include <gtest/gtest.h>

#include <filesystem>

#include "crawler/kafka/kafka_producer.h"
#include "tests/support/kafka_fixture.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

TEST(KafkaEmbeddedTest, ProducesToTheInProcessMockCluster) {
  KafkaOptions o;  // brokers defaults to "embedded"
  o.spool.dir = testing::MakeTempDir("spool-embedded-");
  o.partitions = 2;
  auto p = KafkaProducer::Start(o);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_NE((*p)->bootstrap_servers().find("127.0.0.1"), std::string::npos)
      << (*p)->bootstrap_servers();
  for (int i = 0; i < 50; ++i) {
    ASSERT_TRUE((*p)->Produce(o.topics.casting, "c-" + std::to_string(i),
                              "{\"i\":" + std::to_string(i) + "}",
                              StandardHeaders("hallyu.casting/1", "example"))
                    .ok());
  }
  ASSERT_TRUE((*p)->Flush(std::chrono::seconds(30)).ok());
  EXPECT_EQ((*p)->stats().delivered, 50u);
  EXPECT_EQ((*p)->stats().pending, 0u);

  testing::KafkaTestClient reader((*p)->bootstrap_servers());
  ASSERT_TRUE(reader.Connect());
  auto got = reader.ReadAll(o.topics.casting, std::chrono::seconds(20));
  ASSERT_EQ(got.size(), 50u);
  EXPECT_EQ(got[0].Header("hallyu.schema"), "hallyu.casting/1");
  EXPECT_EQ(got[0].Header("hallyu.version"), HALLYU_VERSION);
  ASSERT_TRUE((*p)->Close().ok());
  std::filesystem::remove_all(o.spool.dir);
}

}  // namespace
}  // namespace hallyu
