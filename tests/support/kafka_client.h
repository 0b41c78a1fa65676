#pragma once
// Minimal librdkafka helpers for the sink / watch tests against the real broker
// (env HALLYU_KAFKA_BROKERS, started by scripts/kafka-local.sh).

#include <map>
#include <string>
#include <vector>

namespace hallyu::testing {

// The broker list from HALLYU_KAFKA_BROKERS; fails the test when unset.
std::string KafkaBrokers();

// A topic name unique to this process and call ("<prefix>.<pid>.<n>.<time>").
std::string UniqueTopicName(const std::string& prefix);

// Creates `topic` with `partitions` partitions (replication 1) and waits until its
// metadata is visible. Fails the test on error.
void CreateTopic(const std::string& brokers, const std::string& topic, int partitions);

struct KafkaRecord {
  std::string topic, key, value;
  std::map<std::string, std::string> headers;
  int partition = 0;
  long long offset = 0;
};

// Produces every record (key -> partition by librdkafka's default partitioner) and
// waits for all delivery reports. Fails the test on any delivery error.
void ProduceAll(const std::string& brokers, const std::vector<KafkaRecord>& records);

// Reads `topic` from the beginning until `count` records arrived or 30 s passed.
std::vector<KafkaRecord> ConsumeAll(const std::string& brokers, const std::string& topic,
                                    size_t count);

// The high watermark (next offset) of each partition of `topic`.
std::map<int, long long> HighWatermarks(const std::string& brokers, const std::string& topic);

}  // namespace hallyu::testing
