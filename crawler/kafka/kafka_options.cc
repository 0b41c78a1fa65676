#include "crawler/kafka/kafka_options.h"

#include <cstdint>
#include <string_view>
#include <vector>

#include "crawler/ops/config_keys.h"

namespace hallyu {
namespace {

Status Bad(const std::string& key, const std::string& why) {
  return InvalidArgument("kafka." + key + ": " + why);
}

// " (line N)" for the value of `key` in `n`.
std::string LineOf(const YAML::Node& n, const std::string& key) {
  return " (line " + std::to_string(n[key].Mark().line + 1) + ")";
}

template <typename T>
Status Read(const YAML::Node& n, const std::string& key, T* out, const std::string& where = "") {
  if (!n[key]) return Status::Ok();
  try {
    *out = n[key].as<T>();
  } catch (const YAML::Exception& e) {
    return Bad(where + key, e.what());
  }
  return Status::Ok();
}

// Reads a whole number within [min, max] (out of range: an error naming the range and
// the line; values near INT64_MAX cannot wrap into something small).
template <typename T>
Status ReadInRange(const YAML::Node& n, const std::string& key, T* out, int64_t min, int64_t max,
                   const std::string& where = "") {
  if (!n[key]) return Status::Ok();
  int64_t v = 0;
  // A value past int64 (or no number at all) fails the conversion: the same message.
  const bool number = Read(n, key, &v, where).ok();
  if (!number || v < min || v > max) {
    return Bad(where + key, "must be within [" + std::to_string(min) + ", " + std::to_string(max) +
                                "], a whole number" + LineOf(n, key));
  }
  *out = static_cast<T>(v);
  return Status::Ok();
}

// A value sent to librdkafka or the broker: no control characters (CR/LF would end a
// property file line or a log line), at most `max_bytes`.
Status CheckPrintable(std::string_view value, const std::string& key, std::size_t max_bytes) {
  if (value.size() > max_bytes) {
    return Bad(key, "longer than " + std::to_string(max_bytes) + " bytes");
  }
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) return Bad(key, "control character (CR, LF, ...) not allowed");
  }
  return Status::Ok();
}

Status ReadMap(const YAML::Node& n, const std::string& key,
               std::map<std::string, std::string>* out) {
  if (!n[key] || n[key].IsNull()) return Status::Ok();
  if (!n[key].IsMap()) return Bad(key, "must be a map");
  HALLYU_RETURN_IF_ERROR(CheckKeys(n[key], "kafka." + key, {}));  // repeated keys only
  for (const auto& kv : n[key]) {
    try {
      const std::string name = kv.first.as<std::string>();
      const std::string value = kv.second.as<std::string>();
      HALLYU_RETURN_IF_ERROR(CheckPrintable(name, key + "." + name, 256));
      HALLYU_RETURN_IF_ERROR(CheckPrintable(value, key + "." + name, 4096));
      (*out)[name] = value;
    } catch (const YAML::Exception& e) {
      return Bad(key, e.what());
    }
  }
  return Status::Ok();
}

const std::vector<std::string_view> kKeys = {"brokers",
                                             "client_id",
                                             "topics",
                                             "create_topics",
                                             "partitions",
                                             "replication_factor",
                                             "event_topic_configs",
                                             "producer",
                                             "spool",
                                             "spool_sync_interval_ms",
                                             "shutdown_timeout_ms",
                                             "topic_timeout_ms",
                                             "embedded_brokers"};

}  // namespace

Status CheckKafkaTopicName(std::string_view name) {
  if (name.empty() || name.size() > 249 || name == "." || name == "..") {
    return InvalidArgument("topic name '" + std::string(name.substr(0, 300)) +
                           "' must be 1 to 249 characters, not '.' or '..'");
  }
  for (char c : name) {
    const bool legal = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '_' || c == '-';
    if (!legal) {
      return InvalidArgument("topic name '" + std::string(name) +
                             "' may only hold ASCII letters, digits, '.', '_' and '-'");
    }
  }
  return Status::Ok();
}

Result<KafkaOptions> ParseKafkaOptions(const YAML::Node& node) {
  KafkaOptions o;
  if (!node || node.IsNull()) return o;
  if (!node.IsMap()) return InvalidArgument("kafka: must be a map");
  HALLYU_RETURN_IF_ERROR(CheckKeys(node, "kafka", kKeys));
  HALLYU_RETURN_IF_ERROR(Read(node, "brokers", &o.brokers));
  HALLYU_RETURN_IF_ERROR(CheckPrintable(o.brokers, "brokers", 4096));
  for (char c : o.brokers) {
    if (c == ' ') return Bad("brokers", "no spaces: host:port,host:port" + LineOf(node, "brokers"));
  }
  HALLYU_RETURN_IF_ERROR(Read(node, "client_id", &o.client_id));
  if (o.client_id.empty()) return Bad("client_id", "must not be empty");
  HALLYU_RETURN_IF_ERROR(CheckPrintable(o.client_id, "client_id", 255));
  HALLYU_RETURN_IF_ERROR(Read(node, "create_topics", &o.create_topics));
  HALLYU_RETURN_IF_ERROR(ReadInRange(node, "partitions", &o.partitions, 1, 10000));
  HALLYU_RETURN_IF_ERROR(ReadInRange(node, "replication_factor", &o.replication_factor, -1, 100));
  if (o.replication_factor == 0) return Bad("replication_factor", "must be >= 1 or -1");
  HALLYU_RETURN_IF_ERROR(
      ReadInRange(node, "spool_sync_interval_ms", &o.spool_sync_interval_ms, 1, 60'000));
  HALLYU_RETURN_IF_ERROR(
      ReadInRange(node, "shutdown_timeout_ms", &o.shutdown_timeout_ms, 0, 600'000));
  HALLYU_RETURN_IF_ERROR(ReadInRange(node, "topic_timeout_ms", &o.topic_timeout_ms, 1, 600'000));
  HALLYU_RETURN_IF_ERROR(ReadInRange(node, "embedded_brokers", &o.embedded_brokers, 1, 16));
  if (node["event_topic_configs"]) o.event_topic_configs.clear();
  HALLYU_RETURN_IF_ERROR(ReadMap(node, "event_topic_configs", &o.event_topic_configs));
  HALLYU_RETURN_IF_ERROR(ReadMap(node, "producer", &o.producer));
  if (const YAML::Node t = node["topics"]; t && !t.IsNull()) {
    if (!t.IsMap()) return Bad("topics", "must be a map");
    HALLYU_RETURN_IF_ERROR(
        CheckKeys(t, "kafka.topics", {"casting", "ost", "release", "collab", "documents", "dlq"}));
    HALLYU_RETURN_IF_ERROR(Read(t, "casting", &o.topics.casting, "topics."));
    HALLYU_RETURN_IF_ERROR(Read(t, "ost", &o.topics.ost, "topics."));
    HALLYU_RETURN_IF_ERROR(Read(t, "release", &o.topics.release, "topics."));
    HALLYU_RETURN_IF_ERROR(Read(t, "collab", &o.topics.collab, "topics."));
    HALLYU_RETURN_IF_ERROR(Read(t, "documents", &o.topics.documents, "topics."));
    HALLYU_RETURN_IF_ERROR(Read(t, "dlq", &o.topics.dlq, "topics."));
    const std::pair<const char*, const std::string*> names[] = {
        {"casting", &o.topics.casting},     {"ost", &o.topics.ost},
        {"release", &o.topics.release},     {"collab", &o.topics.collab},
        {"documents", &o.topics.documents}, {"dlq", &o.topics.dlq}};
    for (const auto& [key, name] : names) {
      if (Status s = CheckKafkaTopicName(*name); !s.ok()) {
        return Bad(std::string("topics.") + key, s.message() + (t[key] ? LineOf(t, key) : ""));
      }
    }
  }
  if (const YAML::Node s = node["spool"]; s && !s.IsNull()) {
    if (!s.IsMap()) return Bad("spool", "must be a map");
    HALLYU_RETURN_IF_ERROR(
        CheckKeys(s, "kafka.spool", {"dir", "max_mb", "segment_mb", "fsync_every"}));
    uint64_t max_mb = o.spool.max_bytes >> 20, segment_mb = o.spool.segment_bytes >> 20;
    HALLYU_RETURN_IF_ERROR(Read(s, "dir", &o.spool.dir, "spool."));
    if (o.spool.dir.empty()) return Bad("spool.dir", "must not be empty");
    // Ranges: max_mb 1..1048576 (1 TiB), segment_mb 1..max_mb, fsync_every 0..1000000.
    HALLYU_RETURN_IF_ERROR(ReadInRange(s, "max_mb", &max_mb, 1, 1 << 20, "spool."));
    HALLYU_RETURN_IF_ERROR(ReadInRange(s, "segment_mb", &segment_mb, 1, 1 << 20, "spool."));
    HALLYU_RETURN_IF_ERROR(
        ReadInRange(s, "fsync_every", &o.spool.fsync_every_records, 0, 1'000'000, "spool."));
    if (segment_mb > max_mb) return Bad("spool", "need 1 <= segment_mb <= max_mb");
    o.spool.max_bytes = max_mb << 20;
    o.spool.segment_bytes = segment_mb << 20;
  }
  if (o.brokers.empty()) return Bad("brokers", "empty");
  for (const char* k : {"enable.idempotence", "acks"}) {
    auto it = o.producer.find(k);
    if (it != o.producer.end() && it->second != (std::string(k) == "acks" ? "all" : "true") &&
        !(std::string(k) == "acks" && it->second == "-1")) {
      return Bad(std::string("producer.") + k, "cannot be changed (no-loss guarantee)");
    }
  }
  return o;
}

const std::string& EventTopic(const KafkaTopicNames& topics, EventType type) {
  switch (type) {
    case EventType::kOst:
      return topics.ost;
    case EventType::kRelease:
      return topics.release;
    case EventType::kCollab:
      return topics.collab;
    case EventType::kCasting:
      break;
  }
  return topics.casting;
}

std::vector<std::string> EventTopics(const KafkaTopicNames& topics) {
  return {topics.casting, topics.ost, topics.release, topics.collab};
}

std::string EventSchemaName(EventType type) {
  return "hallyu." + std::string(EventTypeName(type)) + "/1";
}

}  // namespace hallyu
