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
// thread serves delivery reports, feeds the spool backlog and fsyncs the spool in batches.
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

#include "crawler/kafka_options.h"
#include "crawler/kafka_spool.h"
#include "extractors/status.h"

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
  uint64_t produced = 0;         // records accepted by Produce()
  uint64_t delivered = 0;        // successful delivery reports
  uint64_t failed = 0;           // permanent delivery failures (logged, then trimmed)
  uint64_t pending = 0;          // in the spool, not yet acknowledged
  uint64_t spool_bytes = 0;      // live spool bytes
  uint64_t corrupt_records = 0;  // corrupt spool records reported and skipped
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
  // kUnavailable/kTimeout when topics cannot be created.
  static Result<std::unique_ptr<KafkaProducer>> Start(const KafkaOptions& options);
  ~KafkaProducer();  // Close(shutdown_timeout_ms) if not closed yet
  KafkaProducer(const KafkaProducer&) = delete;
  KafkaProducer& operator=(const KafkaProducer&) = delete;

  // Spools the record, then hands it to librdkafka (or leaves it for the background thread
  // when a backlog exists). Returns OK once it is in the spool; kTooLarge when the spool is
  // full (pause and retry: nothing was dropped) or the record is too big; kCancelled after
  // Close(); kIo on a spool write error.
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
  explicit KafkaProducer(KafkaOptions options);
  Status CreateClient();
  void PollLoop();
  void FeedBacklogLocked();
  static void OnDelivery(rd_kafka_t* rk, const void* msg, void* opaque) noexcept;
  void HandleDelivery(uint64_t seq, int err, int64_t latency_us) noexcept;
  int ProduceToClientLocked(const SpoolRecord& r);

  KafkaOptions options_;
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
};

}  // namespace hallyu
