#pragma once
// DownstreamConfig: what the downstream commands (`sink`, `events`, `watch`) take
// from the crawl configuration file, so that one `--config` names the store and
// the Kafka cluster for every command:
//
//   sink:  {store: sqlite:.hallyu/demo.db}
//   kafka: {brokers: "host:9092", topics: {casting: ..., ost: ..., release: ...,
//           collab: ..., dlq: ...},
//           producer: {security.protocol: SASL_SSL, sasl.*: ..., ssl.*: ...}}
//
// A command's own flags win over the file; the file wins over built-in defaults.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extractors/base/status.h"

namespace hallyu {

struct DownstreamConfig {
  std::optional<std::string> store;  // sink.store
  // kafka.brokers; unset when the file names the in-process "embedded" cluster,
  // which no other process can reach.
  std::optional<std::string> brokers;
  // kafka.topics.casting, .ost, .release and .collab
  std::vector<std::string> event_topics;
  std::string dlq_topic;  // kafka.topics.dlq
  // The connection properties of kafka.producer (security.protocol, sasl.*, ssl.*),
  // which a consumer of the same cluster needs too.
  std::map<std::string, std::string> client_properties;
};

// Reads `sink.store` and the `kafka:` section of the YAML file at `path`. When
// the file does not exist: empty settings if `required` is false, else
// kNotFound. Bad YAML gives kParse; a bad `kafka:` section kInvalidArgument
// naming the key.
Result<DownstreamConfig> LoadDownstreamConfig(const std::string& path, bool required);

// True when the environment variable `name` is set to a non-empty value (such as
// HALLYU_KAFKA_BROKERS, which wins over the configuration file).
bool EnvSetAndNotEmpty(const char* name);

}  // namespace hallyu
