#include "crawler/kafka_options.h"

#include <set>

namespace hallyu {
namespace {

Status Bad(const std::string& key, const std::string& why) {
  return InvalidArgument("kafka." + key + ": " + why);
}

template <typename T>
Status Read(const YAML::Node& n, const std::string& key, T* out) {
  if (!n[key]) return Status::Ok();
  try {
    *out = n[key].as<T>();
  } catch (const YAML::Exception& e) {
    return Bad(key, e.what());
  }
  return Status::Ok();
}

Status ReadMap(const YAML::Node& n, const std::string& key,
               std::map<std::string, std::string>* out) {
  if (!n[key]) return Status::Ok();
  if (!n[key].IsMap()) return Bad(key, "must be a map");
  for (const auto& kv : n[key]) {
    try {
      (*out)[kv.first.as<std::string>()] = kv.second.as<std::string>();
    } catch (const YAML::Exception& e) {
      return Bad(key, e.what());
    }
  }
  return Status::Ok();
}

}  // namespace

Result<KafkaOptions> ParseKafkaOptions(const YAML::Node& node) {
  KafkaOptions o;
  if (!node || node.IsNull()) return o;
  if (!node.IsMap()) return InvalidArgument("kafka: must be a map");
  static const std::set<std::string> kKeys = {"brokers",
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
  for (const auto& kv : node) {
    std::string k = kv.first.as<std::string>();
    if (!kKeys.count(k)) return Bad(k, "unknown key");
  }
  HALLYU_RETURN_IF_ERROR(Read(node, "brokers", &o.brokers));
  HALLYU_RETURN_IF_ERROR(Read(node, "client_id", &o.client_id));
  HALLYU_RETURN_IF_ERROR(Read(node, "create_topics", &o.create_topics));
  HALLYU_RETURN_IF_ERROR(Read(node, "partitions", &o.partitions));
  HALLYU_RETURN_IF_ERROR(Read(node, "replication_factor", &o.replication_factor));
  HALLYU_RETURN_IF_ERROR(Read(node, "spool_sync_interval_ms", &o.spool_sync_interval_ms));
  HALLYU_RETURN_IF_ERROR(Read(node, "shutdown_timeout_ms", &o.shutdown_timeout_ms));
  HALLYU_RETURN_IF_ERROR(Read(node, "topic_timeout_ms", &o.topic_timeout_ms));
  HALLYU_RETURN_IF_ERROR(Read(node, "embedded_brokers", &o.embedded_brokers));
  if (node["event_topic_configs"]) o.event_topic_configs.clear();
  HALLYU_RETURN_IF_ERROR(ReadMap(node, "event_topic_configs", &o.event_topic_configs));
  HALLYU_RETURN_IF_ERROR(ReadMap(node, "producer", &o.producer));
  if (const YAML::Node t = node["topics"]) {
    if (!t.IsMap()) return Bad("topics", "must be a map");
    HALLYU_RETURN_IF_ERROR(Read(t, "casting", &o.topics.casting));
    HALLYU_RETURN_IF_ERROR(Read(t, "ost", &o.topics.ost));
    HALLYU_RETURN_IF_ERROR(Read(t, "documents", &o.topics.documents));
    HALLYU_RETURN_IF_ERROR(Read(t, "dlq", &o.topics.dlq));
  }
  if (const YAML::Node s = node["spool"]) {
    if (!s.IsMap()) return Bad("spool", "must be a map");
    uint64_t max_mb = o.spool.max_bytes >> 20, segment_mb = o.spool.segment_bytes >> 20;
    HALLYU_RETURN_IF_ERROR(Read(s, "dir", &o.spool.dir));
    HALLYU_RETURN_IF_ERROR(Read(s, "max_mb", &max_mb));
    HALLYU_RETURN_IF_ERROR(Read(s, "segment_mb", &segment_mb));
    HALLYU_RETURN_IF_ERROR(Read(s, "fsync_every", &o.spool.fsync_every_records));
    if (max_mb < 1 || segment_mb < 1 || segment_mb > max_mb) {
      return Bad("spool", "need 1 <= segment_mb <= max_mb");
    }
    o.spool.max_bytes = max_mb << 20;
    o.spool.segment_bytes = segment_mb << 20;
  }
  if (o.brokers.empty()) return Bad("brokers", "empty");
  if (o.partitions < 1) return Bad("partitions", "must be >= 1");
  if (o.replication_factor == 0 || o.replication_factor < -1) {
    return Bad("replication_factor", "must be >= 1 or -1");
  }
  if (o.embedded_brokers < 1 || o.embedded_brokers > 16) {
    return Bad("embedded_brokers", "must be 1..16");
  }
  for (const char* k : {"enable.idempotence", "acks"}) {
    auto it = o.producer.find(k);
    if (it != o.producer.end() && it->second != (std::string(k) == "acks" ? "all" : "true") &&
        !(std::string(k) == "acks" && it->second == "-1")) {
      return Bad(std::string("producer.") + k, "cannot be changed (no-loss guarantee)");
    }
  }
  return o;
}

}  // namespace hallyu
