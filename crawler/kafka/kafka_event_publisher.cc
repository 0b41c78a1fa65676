#include "crawler/kafka/kafka_event_publisher.h"

#include <nlohmann/json.hpp>

#include "extractors/detect/detector.h"

namespace hallyu {
namespace {

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

Status KafkaEventPublisher::ProduceDurably(std::string topic, std::string key, std::string value,
                                           KafkaHeaders headers) {
  bool had_space = false;
  for (;;) {
    Status s = producer_->Produce(topic, key, value, headers);
    if (s.ok() || s.code() != ErrorCode::kTooLarge) return s;
    // kTooLarge right after the spool reported room: the record itself is too big.
    if (had_space) return s;
    // The spool is full: the crawl pauses here until Kafka takes records again.
    while (!producer_->WaitForSpace(std::chrono::milliseconds(500))) {
      if (stop_ != nullptr && stop_->load()) return Cancelled("stopping while the spool is full");
    }
    had_space = true;
  }
}

Status KafkaEventPublisher::PublishEvent(const Event& event) {
  std::string site = event.sources.empty() ? "" : event.sources.back().site;
  return ProduceDurably(EventTopic(topics_, event.type), event.event_id, Dump(ToJson(event)),
                        StandardHeaders(EventSchemaName(event.type), site));
}

Status KafkaEventPublisher::PublishDocument(const Document& doc) {
  nlohmann::json j = ToJson(doc);
  j["schema"] = "hallyu.document/1";
  j["site"] = doc.site_name;
  j["fetched_at"] = UtcNowIso8601();
  return ProduceDurably(topics_.documents, doc.url, Dump(j),
                        StandardHeaders("hallyu.document/1", doc.site_name));
}

Status KafkaEventPublisher::PublishFailure(const std::string& url, const Status& error) {
  nlohmann::json j = {
      {"schema", "hallyu.dlq/1"},
      {"url", url},
      {"stage", "extract"},
      {"error", {{"code", std::string(ErrorCodeName(error.code()))}, {"message", error.message()}}},
      {"failed_at", UtcNowIso8601()}};
  return ProduceDurably(topics_.dlq, url, Dump(j), StandardHeaders("hallyu.dlq/1", ""));
}

}  // namespace hallyu
