#pragma once
// KafkaEventPublisher: the EventPublisher of a crawl. Events go to the casting, OST,
// release or collab topic (key = event_id, value = the event JSON of
// schemas/{casting,ost,release,collab}.json), documents to the documents topic (key = URL),
// extraction failures to the DLQ. Headers carry the schema name, the source site and the hallyu
// version. Every record goes through the producer's on-disk spool first, so nothing accepted is
// lost; when the spool is full, Publish* waits (the crawl pauses) instead of dropping.

#include <atomic>
#include <chrono>

#include "crawler/crawl/document_pipeline.h"
#include "crawler/kafka/kafka_producer.h"

namespace hallyu {

class KafkaEventPublisher : public EventPublisher {
 public:
  // `producer` must outlive the publisher. `stop` (optional) ends a wait for
  // spool space early, with kCancelled.
  KafkaEventPublisher(KafkaProducer* producer, KafkaTopicNames topics,
                      const std::atomic<bool>* stop = nullptr)
      : producer_(producer), topics_(std::move(topics)), stop_(stop) {}

  Status PublishEvent(const Event& event) override;
  Status PublishDocument(const Document& doc) override;
  Status PublishFailure(const std::string& url, const Status& error) override;

 private:
  // Produces, waiting for spool space while it is full.
  Status ProduceDurably(std::string topic, std::string key, std::string value,
                        KafkaHeaders headers);

  KafkaProducer* producer_;
  KafkaTopicNames topics_;
  const std::atomic<bool>* stop_;
};

}  // namespace hallyu
