#pragma once
// Private to crawler/distributed/ (everything else includes distributed_crawl.h): the
// DistributedCrawl::Impl class and the types it holds. Its member functions are defined
// by idea in four files:
//   distributed_crawl.cc         construction, setup of the Kafka clients, the main loop
//                                (Run), seeds and status records, shutdown;
//   distributed_transactions.cc  the transactional producer: begin, produce, commit,
//                                abort and rewind, producer restarts;
//   distributed_fetch.cc         frontier intake, merging of owned detections, per-host
//                                dispatch to the fetcher, and handling of fetch results;
//   distributed_rebalance.cc     partition assignment and revocation, restore of the crawl
//                                and merge state from their compacted topics.

#include "crawler/distributed/distributed_crawl.h"

#include <librdkafka/rdkafka.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <ctime>
#include <deque>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "crawler/crawl/document_pipeline.h"
#include "crawler/crawl/event_bounds.h"
#include "crawler/distributed/frontier_topic.h"
#include "crawler/fetch/fetcher.h"
#include "crawler/fetch/retry_policy.h"
#include "crawler/fetch/robots.h"
#include "crawler/fetch/robots_fetch.h"
#include "crawler/kafka/kafka_producer.h"
#include "extractors/text/charset.h"
#include "extractors/url/url.h"

namespace hallyu {
namespace distributed_internal {

using MonoClock = std::chrono::steady_clock;
using MonoTime = MonoClock::time_point;
using std::chrono::milliseconds;

// Wall-clock time in milliseconds since the Unix epoch.
int64_t NowUnixMs();

struct RdKafkaDeleter {
  void operator()(rd_kafka_t* rk) const { rd_kafka_destroy(rk); }
};
using RdKafkaPtr = std::unique_ptr<rd_kafka_t, RdKafkaDeleter>;

struct PartitionListDeleter {
  void operator()(rd_kafka_topic_partition_list_t* l) const {
    rd_kafka_topic_partition_list_destroy(l);
  }
};
using PartitionListPtr = std::unique_ptr<rd_kafka_topic_partition_list_t, PartitionListDeleter>;

enum class TaskKind { kSource, kPage, kRobots };

struct Task {
  TaskKind kind = TaskKind::kPage;
  std::string url;
  std::string host;
  std::string origin;
  std::string path_query;
  std::string source;  // source name
  std::string title;
  std::string published_at;
  int32_t partition = -1;  // frontier partition (-1: robots.txt, not from the frontier)
  int64_t offset = -1;
  int fetch_round = 0;  // fetches of this URL that already failed transiently
};

// A failure worth fetching again later (the server or the network may recover), as
// opposed to a final answer (4xx, a policy refusal) that is recorded as crawled.
bool IsTransientFailure(const FetchResult& r);

// `ps` as a comma-separated list ("0,3,7"); empty for an empty set.
std::string JoinPartitions(const std::set<int32_t>& ps);

struct HostQueue {
  std::deque<Task> queue;
  int in_flight = 0;
  int32_t partition = -1;
  MonoTime ready_after{};
};

struct PartitionState {
  std::set<int64_t> pending;  // offsets received and not finished
  int64_t next = -1;          // highest offset received + 1
  int64_t committed = -1;     // last offset sent with a transaction
  int in_flight = 0;          // tasks of this partition at the fetcher
  bool paused = false;
  MonoTime ready_at{};
  std::set<std::string> hosts;
};

// The pipeline of a worker merges nothing: every detection comes out as a "new" event and
// goes, unmerged, to the detections topic (the owner of its event_id merges it).
class NoMergeState : public MergeStateBackend {
 public:
  Result<std::optional<Event>> Get(const std::string& /*event_id*/) override {
    return std::optional<Event>();
  }
  Status Put(const Event& /*event*/) override { return Status(); }
};

// The merge state of the events of one owned detection partition, with the before-images of
// what the open transaction changed, so an abort puts the committed state back.
class OwnedMergeState : public MergeStateBackend {
 public:
  Result<std::optional<Event>> Get(const std::string& event_id) override {
    auto it = events_.find(event_id);
    if (it == events_.end()) return std::optional<Event>();
    return std::optional<Event>(it->second);
  }
  Status Put(const Event& event) override {
    if (undo_.count(event.event_id) == 0) {
      auto it = events_.find(event.event_id);
      undo_[event.event_id] =
          it == events_.end() ? std::optional<Event>() : std::optional<Event>(it->second);
    }
    events_[event.event_id] = event;
    return Status();
  }
  // Stores `event` as committed state (restore from the merge-state topic).
  void Restore(Event event) { events_[event.event_id] = std::move(event); }
  // The open transaction committed: its changes are the committed state now.
  void Committed() { undo_.clear(); }
  // The open transaction aborted: puts back what it changed.
  void Undo() {
    for (auto& [id, before] : undo_) {
      if (before) {
        events_[id] = std::move(*before);
      } else {
        events_.erase(id);
      }
    }
    undo_.clear();
  }
  void Clear() {
    events_.clear();
    undo_.clear();
  }
  std::size_t size() const { return events_.size(); }

 private:
  std::unordered_map<std::string, Event> events_;
  std::unordered_map<std::string, std::optional<Event>> undo_;  // bounded by the txn's records
};

// An owned partition of the detections topic.
struct DetectionPartition {
  OwnedMergeState state;
  bool restored = false;   // merge state read to the end: records may be merged
  int64_t next = -1;       // highest offset merged + 1
  int64_t committed = -1;  // last offset sent with a transaction
};

}  // namespace distributed_internal

// The Impl below and its definitions use these names unqualified.
using distributed_internal::DetectionPartition;
using distributed_internal::HostQueue;
using distributed_internal::IsTransientFailure;
using distributed_internal::JoinPartitions;
using distributed_internal::milliseconds;
using distributed_internal::MonoClock;
using distributed_internal::MonoTime;
using distributed_internal::NoMergeState;
using distributed_internal::NowUnixMs;
using distributed_internal::PartitionListPtr;
using distributed_internal::PartitionState;
using distributed_internal::RdKafkaPtr;
using distributed_internal::Task;
using distributed_internal::TaskKind;

// ParseDistributedOptions: crawler/distributed/distributed_options.cc (with the other config
// readers).

class DistributedCrawl::Impl : public EventPublisher {
 public:
  Impl(DistributedOptions options, KafkaOptions kafka, CrawlJobOptions job,
       std::vector<CrawlSource> sources, const Detector* detector);

  ~Impl() override { Shutdown(); }

  Result<DistributedSummary> Run(const std::atomic<bool>* stop);

  // EventPublisher: every record goes into the open transaction. An "event" from this
  // worker's pipeline is one unmerged detection (NoMergeState): it goes to the detections
  // partition of its event_id, whose owner merges it (see the header).
  Status PublishEvent(const Event& detection) override;
  Status PublishFailure(const std::string& url, const Status& error) override;

  // Rebalance callback (on the main thread, inside consumer poll/close).
  void OnRebalance(rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t* parts);

 private:
  bool Stopping() const { return stop_ != nullptr && stop_->load(); }

  bool Idle() const;

  // --- setup -----------------------------------------------------------------------------

  // Creates the transactional producer (not yet initialised).
  Status CreateProducer();

  // init_transactions, retried (bounded) while the coordinator is unavailable; it fences
  // any older producer with the same transactional.id and aborts its open transaction.
  Status InitTransactions();

  Status Setup();

  Status NewPipeline();

  Status EnsureTopics();

  rd_kafka_resp_err_t Subscribe();

  static void RebalanceCb(rd_kafka_t* rk, rd_kafka_resp_err_t err,
                          rd_kafka_topic_partition_list_t* parts, void* opaque) noexcept;

  // --- transactions ------------------------------------------------------------------------

  Status BeginTxn();

  Status Produce(const std::string& topic, int32_t partition, const std::string& key,
                 const std::string& value, const std::string& schema, const std::string& site);

  // Commits the open transaction with the offsets of finished URLs and merged detections.
  // A retriable error is retried at the step that failed (a timed-out commit_transaction is
  // resumed by calling it again, never by sending the offsets again). On an abortable or fatal
  // error (or when a record could not be added to it) aborts and rewinds to the committed offsets,
  // without redoing anything of the `leaving` frontier partitions and `leaving_detections`
  // detection partitions (being revoked; either may be null); returns an error only when the
  // producer could not be replaced.
  Status CommitTxn(bool force, const std::set<int32_t>* leaving = nullptr,
                   const std::set<int32_t>* leaving_detections = nullptr);

  // Replaces a fatal (or stuck) transactional producer: the new one, with the same
  // transactional.id, fences the old epoch and aborts its open transaction. kInternal after
  // max_producer_restarts replacements without a commit in between.
  Status RestartProducer();

  // Aborts the open transaction (replacing the producer when it is fatal or the abort
  // fails) and rewinds to the committed offsets. The `leaving` partitions (revoked or
  // lost; may be null) are dropped FIRST, so nothing of theirs is redone here: their next
  // owner redoes it (issue 19, window 6). So are the `leaving_detections` partitions; the
  // merge state of the others is put back as committed (window 5).
  Status AbortAndRewind(const std::set<int32_t>* leaving = nullptr,
                        const std::set<int32_t>* leaving_detections = nullptr);

  // --- seeds and status -------------------------------------------------------------------

  Status ProduceFrontier(const FrontierRecord& r);

  Status ProduceSeeds();

  void ProduceStatus();

  // --- frontier intake --------------------------------------------------------------------

  void PollFrontier(milliseconds timeout);

  void HandleRecord(int32_t partition, int64_t offset, std::string_view payload);

  // Merges one detection of an owned detection partition into the open transaction: the new
  // version (if any) to the event topic, the merged state to the merge-state topic. A
  // record that cannot be added to the transaction fails it (it aborts and is redone).
  void HandleDetection(int32_t partition, int64_t offset, std::string_view payload);

  bool AlreadyCrawled(const Task& t);

  // --- dispatch ----------------------------------------------------------------------------

  int HostCap(const std::string& host) const;

  void Dispatch();

  void Submit(HostQueue& q, Task t);

  void ApplyBackpressure();

  // --- results -----------------------------------------------------------------------------

  // Handles every fetch result waiting (or waits up to `wait` for one).
  void ProcessResults(milliseconds wait = milliseconds(0), bool process = true);

  // Undoes what the fetcher stored for a result that is dropped unhandled (a 304 stamps the
  // URL's last fetch), so the URL is not taken for crawled when its record is read again.
  void ForgetFetch(const Task& t, const FetchResult& r);

  // Queues `t` (failed transiently) for its next round after the retry policy's backoff.
  // It stays pending in its partition, so its offset is not committed meanwhile.
  void ScheduleRetry(const Task& t);

  // Moves the retries that are due back to their host queues.
  void RequeueDueRetries();

  // Records a robots.txt fetch: a 2xx whose body failed counts as unreachable (disallow
  // all, retried later), an oversized one is read up to its first part when the request
  // kept it (PrepareRobotsRequest), else unreachable as well.
  void HandleRobots(const Task& t, const FetchResult& r);

  // Handles one result in the open transaction. Returns false when the URL is not done yet
  // (a transient failure queued for another round): nothing is recorded for it.
  bool Handle(const Task& t, const FetchResult& r);

  const CrawlSource* SourceOf(const Task& t) const;

  void HandleSource(const Task& t, const FetchResult& r);

  void HandlePage(const Task& t, const FetchResult& r);

  void RecordState(const Task& t, const UrlState& st);

  void Complete(const Task& t);

  // Waits (bounded) until no request of `only` (all when null) is at the fetcher.
  void DrainInFlight(bool process, const std::set<int32_t>* only);

  // --- rebalancing -------------------------------------------------------------------------

  void OnAssign(rd_kafka_topic_partition_list_t* parts);

  void PauseDetections(const std::set<int32_t>& ps, bool pause);

  // Reads the merge-state partitions `ds` (owned detection partitions) to their end into
  // their OwnedMergeState and marks them restored; returns the partitions whose restore did
  // not complete (their state is incomplete: they must not merge yet).
  std::set<int32_t> RestoreMergeState(const std::vector<int32_t>& ds);

  // Restores (again) the detection partitions whose merge state is incomplete, at most once
  // a second; once complete they are read again from their committed offsets and resumed.
  void RetryMergeStateRestores();

  void OnRevoke(rd_kafka_topic_partition_list_t* parts, bool lost);

  // Reads crawl-state partitions `ps` to their (committed) end into the local store.
  void Restore(const std::vector<int32_t>& ps);

  // Reads partitions `ps` of `topic` from their beginning to their end, calling
  // `record(partition, value)` for each record (read_committed). The end to reach is the
  // high watermark of the read's first fetch: reaching the read_committed end (EOF at the
  // last stable offset) is not enough, the previous owner's last commit may still be writing
  // its markers, and until they land its records sit above the LSO. Never blocks past
  // restore_timeout_ms, also when a partition's leader just died. Returns the partitions not
  // read to that end by then.
  std::set<int32_t> ReadPartitionsToEnd(
      const std::string& topic, const std::vector<int32_t>& ps,
      const std::function<bool(int32_t, std::string_view)>& record);

  // --- shutdown ----------------------------------------------------------------------------

  Status Finish();

  void Shutdown();

  DistributedOptions o_;
  KafkaOptions kafka_;
  CrawlJobOptions job_;
  std::vector<CrawlSource> sources_;
  std::map<std::string, const CrawlSource*> source_index_;
  const Detector* detector_;
  const std::atomic<bool>* stop_ = nullptr;
  Status fatal_;
  MonoTime started_{};
  MonoTime last_activity_{};
  DistributedSummary summary_;
  uint64_t events_published_ = 0;

  RdKafkaPtr producer_, consumer_, restorer_;
  bool synced_once_ = false;  // the group consumer had a rebalance callback (see Shutdown)
  std::unique_ptr<CrawlStateStore> state_;
  NoMergeState no_merge_;  // the pipeline's: detections leave unmerged
  // Owned partitions of the detections topic, each with the merge state of its events.
  std::map<int32_t, DetectionPartition> detection_parts_;
  MonoTime last_restore_try_{};
  std::size_t max_event_bytes_ = MaxEventBytesForProducer("");
  uint64_t detections_sent_ = 0;
  uint64_t txn_detections_ = 0;  // detections in the open transaction
  std::unique_ptr<DocumentPipeline> pipeline_;
  std::unique_ptr<Fetcher> fetcher_;
  RobotsCache robots_;

  std::map<int32_t, PartitionState> partitions_;
  std::unordered_map<std::string, HostQueue> hosts_;
  std::unordered_set<std::string> queued_urls_;
  std::unordered_map<uint64_t, Task> in_fetch_;
  uint64_t next_id_ = 1;
  std::vector<std::string> txn_urls_;
  // Responses handled in the open transaction, kept to redo it after an abort.
  static constexpr std::size_t kMaxTxnResults = 512;  // commit early beyond this
  std::vector<std::pair<Task, FetchResult>> txn_results_;
  std::vector<std::pair<Task, FetchResult>>* collect_ = nullptr;  // set while rewinding
  uint64_t txn_records_ = 0;
  bool txn_failed_ = false;  // a record could not be produced into the open transaction
  int producer_restarts_in_a_row_ = 0;
  bool fatal_fault_fired_ = false, revoke_fault_fired_ = false;  // test_faults
  bool commit_timeout_fault_fired_ = false;                      // test_faults
  // Transient failures waiting for their next round, by due time; each is also pending in
  // its partition and in queued_urls_ (so bounded by the URLs taken from the frontier).
  std::multimap<MonoTime, Task> retry_wait_;
  std::mt19937_64 random_{std::random_device{}()};

  std::mutex results_mu_;
  std::condition_variable results_cv_;
  std::deque<FetchResult> results_;  // bounded by the tasks at the fetcher
};

}  // namespace hallyu
