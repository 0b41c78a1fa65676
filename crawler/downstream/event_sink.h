#pragma once
// EventSink: the `hallyu sink` consumer. Reads the event topics as a Kafka consumer
// group (librdkafka high-level consumer, enable.auto.commit=false) and writes each
// poll batch to a Store in ONE transaction together with the batch's next offsets.
// On every partition assignment it seeks to the offsets stored in the database, so a
// crash (even SIGKILL) neither loses nor doubles an event; a repeated (event_id,
// version) is ignored by the store. A malformed message (not JSON, wrong schema)
// is produced to the DLQ topic with the reason in headers and skipped — only once its
// delivery report confirms the DLQ copy: a failed DLQ delivery is retried, then stops the
// sink without storing the batch (offsets never move past an undelivered bad message).
//
// Thread safety: Run() is called from one thread; RequestStop() from any thread or a
// signal handler.

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "crawler/store/store.h"
#include "extractors/base/status.h"

namespace hallyu {

struct SinkOptions {
  std::string brokers = "127.0.0.1:9092";  // bootstrap servers
  std::vector<std::string> topics = {"hallyu.events.casting", "hallyu.events.ost",
                                     "hallyu.events.release", "hallyu.events.collab"};
  std::string dlq_topic = "hallyu.dlq";
  std::string group = "hallyu-sink";         // consumer group; also the key of stored offsets
  int max_batch = 500;                       // messages per transaction (1..100000)
  int poll_timeout_ms = 200;                 // wait for the first message of a batch, ms
  int throttle_ms = 0;                       // pause after each written batch, ms (load shedding)
  int idle_exit_ms = 0;                      // >0: return once assigned and idle this long, ms
  int dlq_flush_timeout_ms = 10000;          // wait for DLQ delivery before committing, ms
  std::map<std::string, std::string> kafka;  // extra librdkafka properties
};

struct SinkStats {
  int64_t batches = 0;
  int64_t stored = 0;      // new (event_id, version) rows
  int64_t duplicates = 0;  // repeated (event_id, version), ignored
  int64_t dlq = 0;         // malformed messages sent to the DLQ
};

class EventSink {
 public:
  // Creates the consumer and DLQ producer. `store` must outlive the sink. Returns
  // kInvalidArgument for bad options / librdkafka configuration.
  static Result<std::unique_ptr<EventSink>> Create(const SinkOptions& options, Store& store);
  ~EventSink();
  EventSink(const EventSink&) = delete;
  EventSink& operator=(const EventSink&) = delete;

  // Consumes until RequestStop() (or idle_exit_ms). Returns OK on a clean stop,
  // kUnavailable when the store or the DLQ keeps failing (nothing of the failed
  // batch is committed, so a restart resumes from the last stored offsets).
  Status Run();
  // Makes Run() return after the current batch. Async-signal-safe.
  void RequestStop() { stop_.store(true); }

  SinkStats stats() const { return stats_; }

  struct Impl;

 private:
  EventSink() = default;
  std::unique_ptr<Impl> impl_;
  std::atomic<bool> stop_{false};
  SinkStats stats_;
};

}  // namespace hallyu
