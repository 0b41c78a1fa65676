#pragma once
// KafkaProducer: a lossless, generic producer over librdkafka.
//
//   auto p = KafkaProducer::Start(options);            // opens the spool, creates topics,
//   Status s = (*p)->Produce(topic, key, json, hdrs);  // re-sends what an earlier run left
//   if (s.code() == ErrorCode::kTooLarge) { pause; (*p)->WaitForSpace(...); retry; }
//   (*p)->Close();                                     // bounded flush, rest stays spooled
//
// Every record is appended to the on-disk KafkaSpool before librdkafka sees it and trimmed
// after its delivery report (every report is checked). The librdkafka producer runs with
// enable.idempotence=true, acks=all, lz4 compression and throughput batching (overridable
// through KafkaOptions::producer except idempotence/acks) and message.timeout.ms=0 (retry
// until delivered): while the cluster is unreachable records wait in librdkafka's bounded
// queue and then in the spool; when it is back they go out in spool order. A background
// thread serves delivery reports (in batches, one lock per batch), feeds the spool backlog
// and fsyncs the spool in batches.
//
// A fatal librdkafka error (RD_KAFKA_RESP_ERR__FATAL) or a producer-state error (fenced,
// invalid epoch, lost sequence) says the CLIENT is dead, not the record: nothing is
// dead-lettered or acknowledged; the client is destroyed, the spool rewound and every
// unacknowledged record re-sent through a new client (stats().client_restarts).
//
// Permanent failures (the broker refuses the record: too large for the topic, not
// authorised, unknown topic, ...) are never silently dropped: the record is logged, counted
// (stats().failed, hallyu_kafka_dead_letters_total{topic,error}) and routed to the DLQ
// topic as a `hallyu.dlq/1` payload with stage "produce", the original topic, key, headers,
// value and the error. The DLQ record is spooled BEFORE the original is trimmed. What cannot
// go to the DLQ topic (a failure on the DLQ topic itself, or a value over 512 KiB) is also
// appended in full to `<spool dir>/dead-letters.ndjson`. When neither copy can be written
// the record is NOT acknowledged: it stays in the spool for the next start.
// Known limit: the broker refuses whole batches, so a record sharing a batch with one over
// the topic's max.message.bytes is refused too and also goes to the DLQ (whole, not lost).
// With the default limits (topic 1 MB, batch.size 1 MB, message.max.bytes 1 MB, which
// librdkafka checks per record before batching) this cannot happen; it can for topics
// configured below batch.size.
//
// With a CrawlMetrics given, every successful delivery feeds
// hallyu_kafka_delivery_latency_seconds{topic} (produce() to delivery report) and the poll
// thread keeps hallyu_spool_bytes / hallyu_spool_messages current.
// Thread-safe.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "crawler/kafka/kafka_options.h"
#include "crawler/kafka/kafka_spool.h"
#include "crawler/ops/metrics.h"
#include "extractors/base/status.h"

typedef struct rd_kafka_s rd_kafka_t;
typedef struct rd_kafka_mock_cluster_s rd_kafka_mock_cluster_t;

namespace hallyu {

using KafkaHeaders = std::vector<std::pair<std::string, std::optional<std::string>>>;

// Header names every hallyu record carries (see schemas/README.md).
inline constexpr const char* kHeaderSchema = "hallyu.schema";
inline constexpr const char* kHeaderSite = "hallyu.site";
inline constexpr const char* kHeaderVersion = "hallyu.version";

// {hallyu.schema: schema, hallyu.site: site, hallyu.version: HALLYU_VERSION}.
KafkaHeaders StandardHeaders(std::string_view schema, std::string_view site);

// A topic to create when missing.
struct KafkaTopicSpec {
  std::string name;
  int partitions = 1;
  int replication_factor = -1;  // -1: broker default
  std::map<std::string, std::string> configs{};
};

// The four topics of `options` with their partitions, RF and (event topics) compaction.
std::vector<KafkaTopicSpec> DefaultTopicSpecs(const KafkaOptions& options);

struct KafkaProducerStats {
  uint64_t produced = 0;           // records accepted by Produce()
  uint64_t delivered = 0;          // successful delivery reports
  uint64_t failed = 0;             // permanent delivery failures (logged, sent to the DLQ)
  uint64_t dead_lettered = 0;      // DLQ records spooled for those failures
  uint64_t dead_letters_kept = 0;  // failures kept in the spool: no DLQ copy could be written
  uint64_t client_restarts = 0;    // clients replaced after a fatal or producer-state error
  uint64_t pending = 0;            // in the spool, not yet acknowledged
  uint64_t spool_bytes = 0;        // live spool bytes
  uint64_t corrupt_records = 0;    // corrupt spool records reported and skipped
  // Time from handing a record to librdkafka to its successful delivery report
  // (rd_kafka_message_latency), 100 us resolution; 0 before the first delivery.
  uint64_t latency_p50_us = 0;
  uint64_t latency_p99_us = 0;
};

class KafkaProducer {
 public:
  // Opens the spool, starts librdkafka (or the embedded mock cluster), creates missing
  // topics (options.create_topics) and starts re-sending what the spool holds.
  // Returns kInvalidArgument for a bad librdkafka property, kIo for a spool failure,
  // kUnavailable/kTimeout when topics cannot be created. `metrics` (optional, must outlive
  // the producer) receives delivery latencies and spool gauges.
  static Result<std::unique_ptr<KafkaProducer>> Start(const KafkaOptions& options,
                                                      CrawlMetrics* metrics = nullptr);
  ~KafkaProducer();  // Close(shutdown_timeout_ms) if not closed yet
  KafkaProducer(const KafkaProducer&) = delete;
  KafkaProducer& operator=(const KafkaProducer&) = delete;

  // Spools the record, then hands it to librdkafka (or leaves it for the background thread
  // when a backlog exists). Returns OK once it is in the spool (a record librdkafka refuses
  // outright, e.g. over message.max.bytes, then goes to the DLQ like a failed delivery);
  // kTooLarge when the spool is full (pause and retry: nothing was dropped) or the record
  // exceeds the spool's max_record_bytes; kCancelled after Close(); kIo on a spool write
  // error.
  Status Produce(std::string topic, std::optional<std::string> key, std::string value,
                 KafkaHeaders headers = {});

  // Blocks until the spool has room again (pending below 90% of max bytes) or `timeout`.
  // Returns true when there is room.
  bool WaitForSpace(std::chrono::milliseconds timeout);

  // Waits until every produced record is acknowledged, at most `timeout`. Returns kTimeout
  // (records stay in the spool) when time runs out.
  Status Flush(std::chrono::milliseconds timeout);

  // Flushes for at most `timeout`, then stops; what is not delivered stays in the spool for
  // the next Start(). Idempotent. Returns kTimeout when records were left behind.
  Status Close(std::optional<std::chrono::milliseconds> timeout = std::nullopt);

  // Creates the topics in `specs` that do not exist yet (admin API; mock cluster: directly).
  Status EnsureTopics(const std::vector<KafkaTopicSpec>& specs, std::chrono::milliseconds timeout);

  KafkaProducerStats stats() const;
  // The bootstrap servers in use (the mock cluster's address when embedded).
  const std::string& bootstrap_servers() const { return bootstrap_; }

 private:
  // One delivery report, collected by the callback and applied in a batch.
  struct Delivery {
    uint64_t seq = 0;
    int err = 0;
    bool client_dead = false;  // failed because the client is dead: re-send, never DLQ
    int64_t latency_us = -1;
    Histogram* latency = nullptr;         // the topic's histogram (metrics only)
    std::optional<SpoolRecord> failed{};  // the record, for a permanent failure
  };

  explicit KafkaProducer(KafkaOptions options, CrawlMetrics* metrics);
  Status CreateClient();
  void PollLoop();
  void FeedBacklogLocked();
  static void OnDelivery(rd_kafka_t* rk, const void* msg, void* opaque) noexcept;
  // `client_dead`: the failure is the client's (fatal or producer-state error), not the
  // record's.
  void CollectDelivery(const void* msg, bool client_dead) noexcept;
  // Applies the collected delivery reports under one lock. Only the thread that polls.
  void ApplyDeliveries();
  void UpdateSpoolGaugesLocked();
  int ProduceToClientLocked(const SpoolRecord& r);
  // Routes record `seq` (already marked sent) that failed permanently with `err` to the
  // DLQ (or the dead-letters file) and trims it; when no copy could be written anywhere it
  // stays in the spool, unacknowledged.
  void DeadLetterLocked(uint64_t seq, const SpoolRecord& r, int err);
  // Appends `r` to <spool dir>/dead-letters.ndjson and fdatasyncs it. Returns false on
  // any failure (logged).
  bool AppendDeadLetterFileLocked(const SpoolRecord& r, int err);

  KafkaOptions options_;
  CrawlMetrics* metrics_ = nullptr;
  Family<Counter>* dead_letters_ = nullptr;  // hallyu_kafka_dead_letters_total{topic,error}
  std::string bootstrap_;
  rd_kafka_t* mock_host_ = nullptr;
  rd_kafka_mock_cluster_t* mock_ = nullptr;
  rd_kafka_t* rk_ = nullptr;

  mutable std::mutex mu_;
  std::condition_variable cv_;  // signalled on every delivery report batch
  std::unique_ptr<KafkaSpool> spool_;
  bool queue_full_ = false;  // librdkafka refused a record: backlog waits for the thread
  bool closed_ = false;
  std::atomic<bool> stop_{false};
  std::atomic<bool> fatal_{false};
  KafkaProducerStats stats_;
  std::vector<uint64_t> latency_hist_ = std::vector<uint64_t>(20001, 0);  // 100 us buckets
  std::thread poller_;
  // Touched only by the thread that calls rd_kafka_poll (the poller; Close after joining).
  std::vector<Delivery> deliveries_;
  std::map<std::string, Histogram*, std::less<>> latency_by_topic_;
};

}  // namespace hallyu
