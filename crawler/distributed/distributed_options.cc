// ParseDistributedOptions (declared in crawler/distributed/distributed_crawl.h): the `distributed:`
// section, strict like every other section (crawler/ops/config_keys.h).
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/distributed/distributed_crawl.h"
#include "crawler/kafka/kafka_options.h"
#include "crawler/ops/config_keys.h"

namespace hallyu {
namespace {

const std::vector<std::string_view> kDistributedKeys = {"group_id",
                                                        "frontier_topic",
                                                        "state_topic",
                                                        "workers_topic",
                                                        "detections_topic",
                                                        "merge_state_topic",
                                                        "worker_id",
                                                        "partitions",
                                                        "detection_partitions",
                                                        "replication_factor",
                                                        "commit_interval_ms",
                                                        "transaction_timeout_ms",
                                                        "session_timeout_ms",
                                                        "host_queue_limit",
                                                        "status_interval_ms",
                                                        "idle_exit_ms",
                                                        "reseed_seconds",
                                                        "restore_timeout_ms",
                                                        "fetch_rounds",
                                                        "max_producer_restarts",
                                                        "test_faults"};

// A whole number of `node[key]` within [min, max] into `out` (absent: unchanged).
template <typename T>
Status ReadInRange(const YAML::Node& node, const std::string& where, const char* key, T* out,
                   int64_t min, int64_t max) {
  const YAML::Node v = node[key];
  if (!v) return Status::Ok();
  const std::string name = where + key;
  const std::string line = " (line " + std::to_string(v.Mark().line + 1) + ")";
  int64_t x = 0;
  try {
    x = v.as<int64_t>();
  } catch (const YAML::Exception&) {
    return InvalidArgument(name + ": not a whole number" + line);
  }
  if (x < min || x > max) {
    return InvalidArgument(name + ": must be within [" + std::to_string(min) + ", " +
                           std::to_string(max) + "]" + line);
  }
  *out = static_cast<T>(x);
  return Status::Ok();
}

// A name that becomes a Kafka client, group or transactional id: 1..200 printable bytes.
Status ReadId(const YAML::Node& node, const char* key, std::string* out, bool may_be_empty) {
  const YAML::Node v = node[key];
  if (!v) return Status::Ok();
  const std::string name = std::string("distributed.") + key;
  try {
    *out = v.IsNull() ? std::string() : v.as<std::string>();
  } catch (const YAML::Exception& e) {
    return InvalidArgument(name + ": " + e.what());
  }
  if (out->empty() && !may_be_empty) return InvalidArgument(name + ": must not be empty");
  if (out->size() > 200) return InvalidArgument(name + ": longer than 200 bytes");
  for (char c : *out) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f) {
      return InvalidArgument(name + ": spaces and control characters are not allowed");
    }
  }
  return Status::Ok();
}

// `allow_empty`: "" keeps the derived default (detections and merge-state topics).
Status ReadTopic(const YAML::Node& node, const char* key, std::string* out,
                 bool allow_empty = false) {
  const YAML::Node v = node[key];
  if (!v) return Status::Ok();
  try {
    *out = v.as<std::string>();
  } catch (const YAML::Exception& e) {
    return InvalidArgument(std::string("distributed.") + key + ": " + e.what());
  }
  if (allow_empty && out->empty()) return Status::Ok();
  return CheckKafkaTopicName(*out).WithContext(std::string("distributed.") + key);
}

}  // namespace

Result<DistributedOptions> ParseDistributedOptions(const YAML::Node& node) {
  DistributedOptions o;
  if (!node || node.IsNull()) return o;
  if (!node.IsMap()) return InvalidArgument("distributed: must be a mapping");
  HALLYU_RETURN_IF_ERROR(CheckKeys(node, "distributed", kDistributedKeys));
  HALLYU_RETURN_IF_ERROR(ReadId(node, "group_id", &o.group_id, false));
  HALLYU_RETURN_IF_ERROR(ReadId(node, "worker_id", &o.worker_id, true));
  HALLYU_RETURN_IF_ERROR(ReadTopic(node, "frontier_topic", &o.frontier_topic));
  HALLYU_RETURN_IF_ERROR(ReadTopic(node, "state_topic", &o.state_topic));
  HALLYU_RETURN_IF_ERROR(ReadTopic(node, "workers_topic", &o.workers_topic));
  HALLYU_RETURN_IF_ERROR(ReadTopic(node, "detections_topic", &o.detections_topic, true));
  HALLYU_RETURN_IF_ERROR(ReadTopic(node, "merge_state_topic", &o.merge_state_topic, true));
  const std::string d = "distributed.";
  HALLYU_RETURN_IF_ERROR(ReadInRange(node, d, "partitions", &o.partitions, 1, 10'000));
  HALLYU_RETURN_IF_ERROR(
      ReadInRange(node, d, "detection_partitions", &o.detection_partitions, 1, 10'000));
  HALLYU_RETURN_IF_ERROR(
      ReadInRange(node, d, "replication_factor", &o.replication_factor, -1, 100));
  if (o.replication_factor == 0) {
    return InvalidArgument("distributed.replication_factor: must be > 0 or -1");
  }
  HALLYU_RETURN_IF_ERROR(
      ReadInRange(node, d, "commit_interval_ms", &o.commit_interval_ms, 1, 600'000));
  HALLYU_RETURN_IF_ERROR(
      ReadInRange(node, d, "transaction_timeout_ms", &o.transaction_timeout_ms, 1, 900'000));
  HALLYU_RETURN_IF_ERROR(
      ReadInRange(node, d, "session_timeout_ms", &o.session_timeout_ms, 1, 3'600'000));
  HALLYU_RETURN_IF_ERROR(
      ReadInRange(node, d, "host_queue_limit", &o.host_queue_limit, 1, 10'000'000));
  HALLYU_RETURN_IF_ERROR(
      ReadInRange(node, d, "status_interval_ms", &o.status_interval_ms, 1, 3'600'000));
  HALLYU_RETURN_IF_ERROR(ReadInRange(node, d, "idle_exit_ms", &o.idle_exit_ms, 0, 86'400'000));
  HALLYU_RETURN_IF_ERROR(
      ReadInRange(node, d, "reseed_seconds", &o.reseed_seconds, 0, 366 * 86'400));
  HALLYU_RETURN_IF_ERROR(
      ReadInRange(node, d, "restore_timeout_ms", &o.restore_timeout_ms, 1, 3'600'000));
  HALLYU_RETURN_IF_ERROR(ReadInRange(node, d, "fetch_rounds", &o.fetch_rounds, 1, 100));
  HALLYU_RETURN_IF_ERROR(
      ReadInRange(node, d, "max_producer_restarts", &o.max_producer_restarts, 0, 1000));
  if (const YAML::Node f = node["test_faults"]; f && !f.IsNull()) {
    if (!f.IsMap()) return InvalidArgument("distributed.test_faults: must be a mapping");
    HALLYU_RETURN_IF_ERROR(CheckKeys(
        f, "distributed.test_faults",
        {"fatal_producer_after_commits", "abort_first_revoke_commit", "time_out_a_commit"}));
    HALLYU_RETURN_IF_ERROR(ReadInRange(f, d + "test_faults.", "fatal_producer_after_commits",
                                       &o.test_faults.fatal_producer_after_commits, 0, 1'000'000));
    if (f["abort_first_revoke_commit"]) {
      try {
        o.test_faults.abort_first_revoke_commit = f["abort_first_revoke_commit"].as<bool>();
      } catch (const YAML::Exception& e) {
        return InvalidArgument(std::string("distributed.test_faults.abort_first_revoke_commit: ") +
                               e.what());
      }
    }
    if (f["time_out_a_commit"]) {
      try {
        o.test_faults.time_out_a_commit = f["time_out_a_commit"].as<bool>();
      } catch (const YAML::Exception& e) {
        return InvalidArgument(std::string("distributed.test_faults.time_out_a_commit: ") +
                               e.what());
      }
    }
  }
  return o;
}

}  // namespace hallyu
