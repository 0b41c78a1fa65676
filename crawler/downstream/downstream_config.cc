#include "crawler/downstream/downstream_config.h"

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <exception>
#include <filesystem>

#include "crawler/kafka/kafka_options.h"

namespace hallyu {
namespace {

bool IsClientProperty(const std::string& key) {
  return key == "security.protocol" || key.rfind("sasl.", 0) == 0 || key.rfind("ssl.", 0) == 0;
}

}  // namespace

Result<DownstreamConfig> LoadDownstreamConfig(const std::string& path, bool required) {
  DownstreamConfig out;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    if (required) return NotFound(path + ": no such configuration file");
    return out;
  }
  if (std::filesystem::is_directory(path, ec)) {
    return InvalidArgument(path + ": is a directory, not a YAML configuration file");
  }
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
    if (YAML::Node sink = root["sink"]; sink && sink["store"]) {
      out.store = sink["store"].as<std::string>();
    }
  } catch (const YAML::Exception& e) {
    return ParseError(path + ": " + e.what());
  } catch (const std::exception& e) {  // a read error (std::ios_failure from the stream)
    return IoError(path + ": " + e.what());
  }
  auto kafka = ParseKafkaOptions(root["kafka"]);
  if (!kafka.ok()) return kafka.status().WithContext(path);
  if (root["kafka"] && root["kafka"]["brokers"] && kafka->brokers != kEmbeddedBrokers) {
    out.brokers = kafka->brokers;
  }
  out.event_topics = EventTopics(kafka->topics);
  out.dlq_topic = kafka->topics.dlq;
  for (const auto& [k, v] : kafka->producer) {
    if (IsClientProperty(k)) out.client_properties[k] = v;
  }
  return out;
}

bool EnvSetAndNotEmpty(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0';
}

}  // namespace hallyu
