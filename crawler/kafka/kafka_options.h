#pragma once
// Options of the Kafka producer (the `kafka:` section of the config).

#include <yaml-cpp/yaml.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/kafka/kafka_spool.h"
#include "extractors/base/status.h"
#include "extractors/detect/event.h"

namespace hallyu {

// Special `brokers` value: run librdkafka's mock cluster inside the process.
inline constexpr const char* kEmbeddedBrokers = "embedded";

struct KafkaTopicNames {
  std::string casting = "hallyu.events.casting";  // compacted
  std::string ost = "hallyu.events.ost";          // compacted
  std::string release = "hallyu.events.release";  // compacted (issue 17)
  std::string collab = "hallyu.events.collab";    // compacted (issue 17)
  std::string documents = "hallyu.documents";
  std::string dlq = "hallyu.dlq";
};

// The topic events of `type` go to (compacted, key = event_id).
const std::string& EventTopic(const KafkaTopicNames& topics, EventType type);

// The four event topics: casting, ost, release, collab (in that order).
std::vector<std::string> EventTopics(const KafkaTopicNames& topics);

// The payload schema name of events of `type` ("hallyu.casting/1", "hallyu.ost/1",
// "hallyu.release/1", "hallyu.collab/1"), also the `hallyu.schema` record header.
std::string EventSchemaName(EventType type);

struct KafkaOptions {
  // "host:port,..." or "embedded" (librdkafka mock cluster in process, no Kafka needed).
  std::string brokers = kEmbeddedBrokers;
  std::string client_id = "hallyu";
  KafkaTopicNames topics;
  bool create_topics = true;   // create missing topics at start-up (admin API)
  int partitions = 6;          // for topics hallyu creates
  int replication_factor = 1;  // for topics hallyu creates; -1: broker default
  // Extra topic configs for the event topics (casting, ost, release, collab).
  std::map<std::string, std::string> event_topic_configs = {{"cleanup.policy", "compact"}};
  // Passed to librdkafka as-is (`kafka.producer.*`), after hallyu's defaults, so they win:
  // e.g. security.protocol, sasl.mechanisms, sasl.username, ssl.ca.location, linger.ms.
  // enable.idempotence and acks=all cannot be turned off (no-loss guarantee).
  std::map<std::string, std::string> producer;
  SpoolOptions spool;
  int spool_sync_interval_ms = 200;  // fsync + ack mark persisted at least this often; ms
  int shutdown_timeout_ms = 10000;   // Close() flushes at most this long; ms
  int topic_timeout_ms = 30000;      // admin operations at start-up; ms
  int embedded_brokers = 1;          // brokers of the mock cluster
};

// Parses the `kafka:` YAML section (a missing node gives the defaults). Keys:
// brokers, client_id, topics{casting,ost,release,collab,documents,dlq}, create_topics,
// partitions,
// replication_factor, event_topic_configs{}, producer{}, spool{dir,max_mb,segment_mb,
// fsync_every}, spool_sync_interval_ms, shutdown_timeout_ms, topic_timeout_ms,
// embedded_brokers. Strict (crawler/ops/config_keys.h): an unknown key is an error naming its
// line and the nearest valid key, a repeated key (also inside topics, spool, producer and
// event_topic_configs) is an error. Ranges: partitions 1..10000, replication_factor -1 or
// 1..100, spool_sync_interval_ms 1..60000, shutdown_timeout_ms 0..600000,
// topic_timeout_ms 1..600000, embedded_brokers 1..16, spool.max_mb 1..1048576,
// spool.segment_mb 1..max_mb, spool.fsync_every 0..1000000. Topic names must be legal
// Kafka names; brokers, client_id (1..255 bytes) and the producer / topic-config
// properties may hold no control characters. Returns kInvalidArgument naming the key
// (the caller adds the file name) on any of these.
Result<KafkaOptions> ParseKafkaOptions(const YAML::Node& node);

// OK when `name` is a legal Kafka topic name (1..249 of [A-Za-z0-9._-], not "." or
// ".."); kInvalidArgument saying why otherwise.
Status CheckKafkaTopicName(std::string_view name);

}  // namespace hallyu
