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
namespace {

using MonoClock = std::chrono::steady_clock;
using MonoTime = MonoClock::time_point;
using std::chrono::milliseconds;

int64_t NowUnixMs() {
  return std::chrono::duration_cast<milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string NowRfc3339() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string DefaultWorkerId() {
  char host[256] = {0};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host[0] ? host : "worker") + "-" + std::to_string(getpid());
}

struct RdKafkaDeleter {
  void operator()(rd_kafka_t* rk) const { rd_kafka_destroy(rk); }
};
using RdKafkaPtr = std::unique_ptr<rd_kafka_t, RdKafkaDeleter>;

// librdkafka before 2.3.0 aborts in rd_kafka_destroy() when a cooperative-sticky consumer had
// its JoinGroup answered but never a SyncGroup (assertion `assignor_state` in
// rd_kafka_sticky_assignor_state_destroy, librdkafka issue 4312): e.g. a worker stopped while
// the group's leader is frozen. Such a consumer, already closed, is not destroyed but kept
// until the process exits (a global root, so leak checkers see it as reachable).
bool DestroyAbortsBeforeFirstAssignment() { return rd_kafka_version() < 0x020300ff; }

void KeepUntilExit(rd_kafka_t* rk) {
  static auto* kept = new std::vector<rd_kafka_t*>();
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  kept->push_back(rk);
}
struct PartitionListDeleter {
  void operator()(rd_kafka_topic_partition_list_t* l) const {
    rd_kafka_topic_partition_list_destroy(l);
  }
};
using PartitionListPtr = std::unique_ptr<rd_kafka_topic_partition_list_t, PartitionListDeleter>;

Status SetProp(rd_kafka_conf_t* conf, const std::string& k, const std::string& v) {
  char err[512];
  if (rd_kafka_conf_set(conf, k.c_str(), v.c_str(), err, sizeof err) != RD_KAFKA_CONF_OK) {
    return InvalidArgument("kafka property " + k + ": " + err);
  }
  return Status();
}

// Security/connection properties of kafka.producer that every client needs, and `debug`
// (librdkafka debug contexts, e.g. "cgrp": the group consumer is where they matter most).
bool IsSharedClientProperty(const std::string& k) {
  return k.rfind("security.", 0) == 0 || k.rfind("sasl.", 0) == 0 || k.rfind("ssl.", 0) == 0 ||
         k == "client.dns.lookup" || k == "broker.address.family" || k == "debug";
}

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
bool IsTransientFailure(const FetchResult& r) {
  if (r.http_status >= 400 && r.http_status < 500 && r.http_status != 429) return false;
  switch (r.failure) {
    case FailureKind::kDns:
    case FailureKind::kConnect:
    case FailureKind::kTimeout:
    case FailureKind::kHttp5xx:
    case FailureKind::kReset:
    case FailureKind::kTruncated:
    case FailureKind::kTooManyRequests:
    case FailureKind::kCancelled:
    case FailureKind::kOther:
      return true;
    default:
      return false;
  }
}

std::string JoinPartitions(const std::set<int32_t>& ps) {
  std::string out;
  for (int32_t p : ps) out += (out.empty() ? "" : ",") + std::to_string(p);
  return out;
}

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

}  // namespace

// ParseDistributedOptions: crawler/distributed/distributed_options.cc (with the other config
// readers).

class DistributedCrawl::Impl : public EventPublisher {
 public:
  Impl(DistributedOptions options, KafkaOptions kafka, CrawlJobOptions job,
       std::vector<CrawlSource> sources, const Detector* detector)
      : o_(std::move(options)),
        kafka_(std::move(kafka)),
        job_(std::move(job)),
        sources_(std::move(sources)),
        detector_(detector),
        robots_(job_.robots) {
    if (o_.worker_id.empty()) o_.worker_id = DefaultWorkerId();
    if (o_.detections_topic.empty()) o_.detections_topic = o_.frontier_topic + ".detections";
    if (o_.merge_state_topic.empty()) o_.merge_state_topic = o_.frontier_topic + ".merge-state";
    for (const CrawlSource& s : sources_) source_index_[s.name] = &s;
    auto max_message = kafka_.producer.find("message.max.bytes");
    max_event_bytes_ =
        MaxEventBytesForProducer(max_message == kafka_.producer.end() ? "" : max_message->second);
  }

  ~Impl() override { Shutdown(); }

  Result<DistributedSummary> Run(const std::atomic<bool>* stop) {
    stop_ = stop;
    started_ = MonoClock::now();
    HALLYU_RETURN_IF_ERROR(Setup());
    HALLYU_RETURN_IF_ERROR(ProduceSeeds());
    HALLYU_RETURN_IF_ERROR(CommitTxn(/*force=*/true));
    if (rd_kafka_resp_err_t e = Subscribe(); e != RD_KAFKA_RESP_ERR_NO_ERROR) {
      return Unavailable(std::string("subscribe: ") + rd_kafka_err2str(e));
    }
    MonoTime last_commit = MonoClock::now();
    MonoTime last_status = MonoTime{};
    MonoTime last_seed = MonoClock::now();
    last_activity_ = MonoClock::now();
    while (!Stopping() && fatal_.ok()) {
      PollFrontier(std::chrono::milliseconds(20));
      ProcessResults();
      RequeueDueRetries();
      RetryMergeStateRestores();
      Dispatch();
      ApplyBackpressure();
      MonoTime now = MonoClock::now();
      if (now - last_status >= milliseconds(o_.status_interval_ms)) {
        ProduceStatus();
        last_status = now;
      }
      if (o_.reseed_seconds > 0 && now - last_seed >= std::chrono::seconds(o_.reseed_seconds)) {
        (void)ProduceSeeds();
        last_seed = now;
      }
      if (now - last_commit >= milliseconds(o_.commit_interval_ms) ||
          txn_results_.size() >= kMaxTxnResults) {
        Status s = CommitTxn(false);
        if (!s.ok()) fatal_ = s;
        last_commit = MonoClock::now();
      }
      if (!Idle()) last_activity_ = now;
      // Idle exit counts only after a first assignment (joining takes seconds) and from the
      // last rebalance on.
      if (o_.idle_exit_ms > 0 && summary_.rebalances > 0 &&
          now - last_activity_ >= milliseconds(o_.idle_exit_ms)) {
        spdlog::info("distributed: idle for {} ms, leaving", o_.idle_exit_ms);
        break;
      }
    }
    Status end = Finish();
    if (!fatal_.ok()) return fatal_;
    if (!end.ok()) return end;
    summary_.events_published = events_published_;
    summary_.detections = detections_sent_;
    summary_.seconds = std::chrono::duration<double>(MonoClock::now() - started_).count();
    return summary_;
  }

  // EventPublisher: every record goes into the open transaction. An "event" from this
  // worker's pipeline is one unmerged detection (NoMergeState): it goes to the detections
  // partition of its event_id, whose owner merges it (see the header).
  Status PublishEvent(const Event& detection) override {
    std::string site = detection.sources.empty() ? "" : detection.sources.back().site;
    Status s =
        Produce(o_.detections_topic,
                PartitionForDomain(detection.event_id, o_.detection_partitions), detection.event_id,
                ToJson(detection).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                "hallyu.detection/1", site);
    if (s.ok()) {
      detections_sent_++;
      txn_detections_++;
    }
    return s;
  }
  Status PublishFailure(const std::string& url, const Status& error) override {
    nlohmann::json j = {
        {"schema", "hallyu.dlq/1"},
        {"url", url},
        {"stage", "extract"},
        {"error",
         {{"code", std::string(ErrorCodeName(error.code()))}, {"message", error.message()}}},
        {"failed_at", UtcNowIso8601()}};
    return Produce(kafka_.topics.dlq, -1, url, j.dump(), "hallyu.dlq/1", "");
  }

  // Rebalance callback (on the main thread, inside consumer poll/close).
  void OnRebalance(rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t* parts) {
    summary_.rebalances++;
    synced_once_ = true;  // a SyncGroup answer comes before any rebalance callback
    last_activity_ = MonoClock::now();
    if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
      OnAssign(parts);
    } else {
      OnRevoke(parts, rd_kafka_assignment_lost(consumer_.get()) != 0);
    }
  }

 private:
  bool Stopping() const { return stop_ != nullptr && stop_->load(); }

  bool Idle() const {
    if (!in_fetch_.empty() || !retry_wait_.empty()) return false;
    if (txn_detections_ > 0) return false;  // they still have to reach their owner
    for (const auto& [p, dp] : detection_parts_) {
      if (!dp.restored) return false;  // its detections wait for the merge state
    }
    for (const auto& [host, q] : hosts_) {
      if (!q.queue.empty()) return false;
    }
    for (const auto& [p, ps] : partitions_) {
      if (!ps.pending.empty()) return false;
    }
    return true;
  }

  // --- setup -----------------------------------------------------------------------------

  // Creates the transactional producer (not yet initialised).
  Status CreateProducer() {
    char err[512];
    rd_kafka_conf_t* pc = rd_kafka_conf_new();
    std::map<std::string, std::string> props = {
        {"bootstrap.servers", kafka_.brokers},
        {"client.id", kafka_.client_id + "-" + o_.worker_id},
        {"transactional.id", o_.group_id + "." + o_.worker_id},
        {"enable.idempotence", "true"},
        {"acks", "all"},
        {"linger.ms", "5"},
        {"transaction.timeout.ms", std::to_string(o_.transaction_timeout_ms)},
        {"message.timeout.ms", std::to_string(o_.transaction_timeout_ms)},
    };
    for (const auto& [k, v] : kafka_.producer) {
      if (k != "enable.idempotence" && k != "acks" && k != "transactional.id") props[k] = v;
    }
    for (const auto& [k, v] : props) {
      Status s = SetProp(pc, k, v);
      if (!s.ok()) {
        rd_kafka_conf_destroy(pc);
        return s;
      }
    }
    producer_.reset(rd_kafka_new(RD_KAFKA_PRODUCER, pc, err, sizeof err));
    if (!producer_) return InvalidArgument(std::string("kafka producer: ") + err);
    return Status();
  }

  // init_transactions, retried (bounded) while the coordinator is unavailable; it fences
  // any older producer with the same transactional.id and aborts its open transaction.
  Status InitTransactions() {
    MonoTime deadline = MonoClock::now() + std::chrono::seconds(90);
    for (;;) {
      rd_kafka_error_t* e = rd_kafka_init_transactions(producer_.get(), 30000);
      if (e == nullptr) return Status();
      std::string m = rd_kafka_error_string(e);
      bool retriable = rd_kafka_error_is_retriable(e);
      rd_kafka_error_destroy(e);
      if (!retriable || MonoClock::now() >= deadline) {
        return Unavailable("init_transactions: " + m);
      }
      spdlog::warn("distributed: init_transactions retried: {}", m);
    }
  }

  Status Setup() {
    char err[512];
    HALLYU_RETURN_IF_ERROR(CreateProducer());
    HALLYU_RETURN_IF_ERROR(EnsureTopics());
    HALLYU_RETURN_IF_ERROR(InitTransactions());
    HALLYU_RETURN_IF_ERROR(BeginTxn());

    // Group consumer of the frontier.
    rd_kafka_conf_t* cc = rd_kafka_conf_new();
    std::map<std::string, std::string> cprops = {
        {"bootstrap.servers", kafka_.brokers},
        {"client.id", kafka_.client_id + "-" + o_.worker_id},
        {"group.id", o_.group_id},
        {"group.instance.id", ""},
        {"enable.auto.commit", "false"},
        {"enable.auto.offset.store", "false"},
        {"auto.offset.reset", "earliest"},
        {"isolation.level", "read_committed"},
        {"partition.assignment.strategy", "cooperative-sticky"},
        {"session.timeout.ms", std::to_string(o_.session_timeout_ms)},
        {"heartbeat.interval.ms", std::to_string(std::max(100, o_.session_timeout_ms / 5))},
        {"max.poll.interval.ms", "300000"},
    };
    cprops.erase("group.instance.id");
    for (const auto& [k, v] : kafka_.producer) {
      if (IsSharedClientProperty(k)) cprops[k] = v;
    }
    for (const auto& [k, v] : cprops) {
      Status s = SetProp(cc, k, v);
      if (!s.ok()) {
        rd_kafka_conf_destroy(cc);
        return s;
      }
    }
    rd_kafka_conf_set_opaque(cc, this);
    rd_kafka_conf_set_rebalance_cb(cc, &Impl::RebalanceCb);
    consumer_.reset(rd_kafka_new(RD_KAFKA_CONSUMER, cc, err, sizeof err));
    if (!consumer_) return InvalidArgument(std::string("kafka consumer: ") + err);
    rd_kafka_poll_set_consumer(consumer_.get());

    // Reader of the crawl-state topic (assign only, no group).
    rd_kafka_conf_t* rc = rd_kafka_conf_new();
    std::map<std::string, std::string> rprops = {
        {"bootstrap.servers", kafka_.brokers},
        {"client.id", kafka_.client_id + "-" + o_.worker_id + "-restore"},
        {"group.id", o_.group_id + ".restore"},
        {"enable.auto.commit", "false"},
        {"isolation.level", "read_committed"},
        {"enable.partition.eof", "true"},
    };
    for (const auto& [k, v] : kafka_.producer) {
      if (IsSharedClientProperty(k)) rprops[k] = v;
    }
    for (const auto& [k, v] : rprops) {
      Status s = SetProp(rc, k, v);
      if (!s.ok()) {
        rd_kafka_conf_destroy(rc);
        return s;
      }
    }
    restorer_.reset(rd_kafka_new(RD_KAFKA_CONSUMER, rc, err, sizeof err));
    if (!restorer_) return InvalidArgument(std::string("kafka restore consumer: ") + err);

    auto store = CrawlStateStore::Open(":memory:");
    if (!store.ok()) return store.status();
    state_ = std::move(*store);
    HALLYU_RETURN_IF_ERROR(NewPipeline());

    FetcherOptions fo = job_.fetcher;
    fo.user_agent += " worker/" + o_.worker_id;
    auto fetcher = Fetcher::Create(
        fo,
        [this](FetchResult r) {
          std::lock_guard<std::mutex> lock(results_mu_);
          results_.push_back(std::move(r));
          results_cv_.notify_all();
        },
        nullptr, state_.get());
    if (!fetcher.ok()) return fetcher.status();
    fetcher_ = std::move(*fetcher);
    spdlog::info("distributed: worker {} joining group {} on {}", o_.worker_id, o_.group_id,
                 kafka_.brokers);
    return Status();
  }

  Status NewPipeline() {
    pipeline_.reset();
    DocumentPipelineOptions options;
    options.max_event_bytes = max_event_bytes_;
    pipeline_ = std::make_unique<DocumentPipeline>(detector_, &no_merge_, this, options);
    return Status();
  }

  Status EnsureTopics() {
    if (!kafka_.create_topics) return Status();
    struct Spec {
      std::string name;
      int partitions;
      std::map<std::string, std::string> configs;
    };
    std::vector<Spec> specs = {
        {o_.frontier_topic, o_.partitions, {}},
        {o_.state_topic, o_.partitions, {{"cleanup.policy", "compact"}}},
        {o_.workers_topic, 1, {{"cleanup.policy", "compact"}}},
        {o_.detections_topic, o_.detection_partitions, {}},
        {o_.merge_state_topic, o_.detection_partitions, {{"cleanup.policy", "compact"}}},
        {kafka_.topics.casting, kafka_.partitions, kafka_.event_topic_configs},
        {kafka_.topics.ost, kafka_.partitions, kafka_.event_topic_configs},
        {kafka_.topics.dlq, kafka_.partitions, {}},
    };
    char err[512];
    std::vector<rd_kafka_NewTopic_t*> topics;
    for (const Spec& s : specs) {
      rd_kafka_NewTopic_t* t = rd_kafka_NewTopic_new(s.name.c_str(), s.partitions,
                                                     o_.replication_factor, err, sizeof err);
      if (t == nullptr) {
        for (auto* x : topics) rd_kafka_NewTopic_destroy(x);
        return InvalidArgument("topic " + s.name + ": " + err);
      }
      for (const auto& [k, v] : s.configs) rd_kafka_NewTopic_set_config(t, k.c_str(), v.c_str());
      topics.push_back(t);
    }
    rd_kafka_queue_t* q = rd_kafka_queue_new(producer_.get());
    rd_kafka_AdminOptions_t* ao = rd_kafka_AdminOptions_new(producer_.get(), RD_KAFKA_ADMIN_OP_ANY);
    rd_kafka_AdminOptions_set_operation_timeout(ao, kafka_.topic_timeout_ms, err, sizeof err);
    rd_kafka_CreateTopics(producer_.get(), topics.data(), topics.size(), ao, q);
    Status result;
    rd_kafka_event_t* ev = rd_kafka_queue_poll(q, kafka_.topic_timeout_ms + 5000);
    if (ev == nullptr) {
      result = Timeout("creating topics timed out");
    } else {
      const rd_kafka_CreateTopics_result_t* res = rd_kafka_event_CreateTopics_result(ev);
      if (res == nullptr) {
        result = Unavailable(std::string("creating topics: ") + rd_kafka_event_error_string(ev));
      } else {
        size_t n = 0;
        const rd_kafka_topic_result_t** tr = rd_kafka_CreateTopics_result_topics(res, &n);
        for (size_t i = 0; i < n; ++i) {
          rd_kafka_resp_err_t e = rd_kafka_topic_result_error(tr[i]);
          if (e != RD_KAFKA_RESP_ERR_NO_ERROR && e != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS) {
            result = Unavailable(std::string("topic ") + rd_kafka_topic_result_name(tr[i]) + ": " +
                                 rd_kafka_err2str(e));
          }
        }
      }
      rd_kafka_event_destroy(ev);
    }
    rd_kafka_AdminOptions_destroy(ao);
    rd_kafka_queue_destroy(q);
    for (auto* x : topics) rd_kafka_NewTopic_destroy(x);
    return result;
  }

  rd_kafka_resp_err_t Subscribe() {
    PartitionListPtr topics(rd_kafka_topic_partition_list_new(2));
    rd_kafka_topic_partition_list_add(topics.get(), o_.frontier_topic.c_str(),
                                      RD_KAFKA_PARTITION_UA);
    rd_kafka_topic_partition_list_add(topics.get(), o_.detections_topic.c_str(),
                                      RD_KAFKA_PARTITION_UA);
    return rd_kafka_subscribe(consumer_.get(), topics.get());
  }

  static void RebalanceCb(rd_kafka_t* rk, rd_kafka_resp_err_t err,
                          rd_kafka_topic_partition_list_t* parts, void* opaque) noexcept {
    (void)rk;
    static_cast<Impl*>(opaque)->OnRebalance(err, parts);
  }

  // --- transactions ------------------------------------------------------------------------

  Status BeginTxn() {
    if (rd_kafka_error_t* e = rd_kafka_begin_transaction(producer_.get())) {
      std::string m = rd_kafka_error_string(e);
      rd_kafka_error_destroy(e);
      return Internal("begin_transaction: " + m);
    }
    txn_records_ = 0;
    txn_detections_ = 0;
    txn_failed_ = false;
    return Status();
  }

  Status Produce(const std::string& topic, int32_t partition, const std::string& key,
                 const std::string& value, const std::string& schema, const std::string& site) {
    KafkaHeaders headers = StandardHeaders(schema, site);
    for (int attempt = 0; attempt < 1000; ++attempt) {
      rd_kafka_headers_t* hdrs = rd_kafka_headers_new(headers.size());
      for (const auto& [name, v] : headers) {
        if (v) rd_kafka_header_add(hdrs, name.c_str(), -1, v->data(), v->size());
      }
      rd_kafka_resp_err_t e = rd_kafka_producev(
          producer_.get(), RD_KAFKA_V_TOPIC(topic.c_str()),
          RD_KAFKA_V_PARTITION(partition < 0 ? RD_KAFKA_PARTITION_UA : partition),
          RD_KAFKA_V_KEY(key.data(), key.size()),
          RD_KAFKA_V_VALUE(const_cast<char*>(value.data()), value.size()),
          RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_HEADERS(hdrs), RD_KAFKA_V_END);
      if (e == RD_KAFKA_RESP_ERR_NO_ERROR) {
        txn_records_++;
        return Status();
      }
      rd_kafka_headers_destroy(hdrs);
      if (e != RD_KAFKA_RESP_ERR__QUEUE_FULL) {
        if (e == RD_KAFKA_RESP_ERR__FATAL || e == RD_KAFKA_RESP_ERR__STATE ||
            rd_kafka_fatal_error(producer_.get(), nullptr, 0) != RD_KAFKA_RESP_ERR_NO_ERROR) {
          // The transaction cannot hold what this URL caused: it must not commit.
          txn_failed_ = true;
        }
        return Unavailable("produce to " + topic + ": " + rd_kafka_err2str(e));
      }
      rd_kafka_poll(producer_.get(), 10);
    }
    return Unavailable("produce to " + topic + ": queue stayed full");
  }

  // Commits the open transaction with the offsets of finished URLs and merged detections.
  // On an abortable or fatal error (or when a record could not be added to it) aborts and
  // rewinds to the committed offsets, without redoing anything of the `leaving` frontier
  // partitions and `leaving_detections` detection partitions (being revoked; either may be
  // null); returns an error only when the producer could not be replaced.
  Status CommitTxn(bool force, const std::set<int32_t>* leaving = nullptr,
                   const std::set<int32_t>* leaving_detections = nullptr) {
    rd_kafka_poll(producer_.get(), 0);
    if (txn_failed_) {
      spdlog::warn("distributed: a record could not join the transaction; aborting it");
      return AbortAndRewind(leaving, leaving_detections);
    }
    PartitionListPtr offsets(rd_kafka_topic_partition_list_new(
        static_cast<int>(partitions_.size() + detection_parts_.size())));
    for (auto& [p, ps] : partitions_) {
      int64_t commit = ps.pending.empty() ? ps.next : *ps.pending.begin();
      if (commit >= 0 && commit != ps.committed) {
        rd_kafka_topic_partition_list_add(offsets.get(), o_.frontier_topic.c_str(), p)->offset =
            commit;
      }
    }
    for (auto& [p, dp] : detection_parts_) {
      if (dp.next >= 0 && dp.next != dp.committed) {
        rd_kafka_topic_partition_list_add(offsets.get(), o_.detections_topic.c_str(), p)->offset =
            dp.next;
      }
    }
    if (!force && offsets->cnt == 0 && txn_records_ == 0) return Status();
    for (int attempt = 0;; ++attempt) {
      rd_kafka_error_t* e = nullptr;
      if (offsets->cnt > 0) {
        rd_kafka_consumer_group_metadata_t* md = rd_kafka_consumer_group_metadata(consumer_.get());
        e = rd_kafka_send_offsets_to_transaction(producer_.get(), offsets.get(), md, 30000);
        rd_kafka_consumer_group_metadata_destroy(md);
      }
      if (e == nullptr) e = rd_kafka_commit_transaction(producer_.get(), 30000);
      if (e == nullptr) break;
      std::string m = rd_kafka_error_string(e);
      bool retriable = rd_kafka_error_is_retriable(e);
      bool abort = rd_kafka_error_txn_requires_abort(e);
      bool fatal = rd_kafka_error_is_fatal(e);
      rd_kafka_error_destroy(e);
      if (!fatal && retriable && !abort && attempt < 20) {
        spdlog::warn("distributed: commit retried: {}", m);
        continue;
      }
      spdlog::warn("distributed: transaction aborted{}: {}", fatal ? " (fatal)" : "", m);
      return AbortAndRewind(leaving, leaving_detections);
    }
    for (int i = 0; i < offsets->cnt; ++i) {
      const rd_kafka_topic_partition_t& e = offsets->elems[i];
      if (o_.detections_topic == e.topic) {
        auto it = detection_parts_.find(e.partition);
        if (it != detection_parts_.end()) it->second.committed = e.offset;
        continue;
      }
      auto it = partitions_.find(e.partition);
      if (it != partitions_.end()) it->second.committed = e.offset;
    }
    for (auto& [p, dp] : detection_parts_) dp.state.Committed();
    txn_urls_.clear();
    txn_results_.clear();
    summary_.transactions++;
    producer_restarts_in_a_row_ = 0;
    if (Status b = BeginTxn(); !b.ok()) {
      spdlog::warn("distributed: {}", b.ToString());
      return AbortAndRewind(leaving, leaving_detections);  // replaces the producer
    }
    const int fatal_after = o_.test_faults.fatal_producer_after_commits;
    if (fatal_after > 0 && !fatal_fault_fired_ &&
        summary_.transactions >= static_cast<uint64_t>(fatal_after)) {
      fatal_fault_fired_ = true;
      spdlog::warn("distributed: test fault: making the transactional producer fatal");
      rd_kafka_test_fatal_error(producer_.get(), RD_KAFKA_RESP_ERR_INVALID_TXN_STATE,
                                "distributed.test_faults");
    }
    return Status();
  }

  // Replaces a fatal (or stuck) transactional producer: the new one, with the same
  // transactional.id, fences the old epoch and aborts its open transaction. kInternal after
  // max_producer_restarts replacements without a commit in between.
  Status RestartProducer() {
    if (++producer_restarts_in_a_row_ > o_.max_producer_restarts) {
      return Internal("transactional producer failed " +
                      std::to_string(producer_restarts_in_a_row_) + " times in a row");
    }
    summary_.producer_restarts++;
    char reason[512] = {0};
    rd_kafka_fatal_error(producer_.get(), reason, sizeof reason);
    spdlog::warn("distributed: recreating the transactional producer ({})",
                 reason[0] != '\0' ? reason : "abort failed");
    rd_kafka_purge(producer_.get(), RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
    producer_.reset();
    HALLYU_RETURN_IF_ERROR(CreateProducer());
    if (Status s = InitTransactions(); !s.ok()) return Internal(s.message());
    if (Status s = BeginTxn(); !s.ok()) return Internal(s.message());
    spdlog::warn("distributed: recreated the transactional producer");
    return Status();
  }

  // Aborts the open transaction (replacing the producer when it is fatal or the abort
  // fails) and rewinds to the committed offsets. The `leaving` partitions (revoked or
  // lost; may be null) are dropped FIRST, so nothing of theirs is redone here: their next
  // owner redoes it (issue 19, window 6). So are the `leaving_detections` partitions; the
  // merge state of the others is put back as committed (window 5).
  Status AbortAndRewind(const std::set<int32_t>* leaving = nullptr,
                        const std::set<int32_t>* leaving_detections = nullptr) {
    summary_.aborts++;
    if (leaving != nullptr) {
      for (int32_t p : *leaving) partitions_.erase(p);
    }
    if (leaving_detections != nullptr) {
      for (int32_t p : *leaving_detections) detection_parts_.erase(p);
    }
    for (auto& [p, dp] : detection_parts_) {
      dp.state.Undo();
      dp.next = -1;
    }
    bool restart = rd_kafka_fatal_error(producer_.get(), nullptr, 0) != RD_KAFKA_RESP_ERR_NO_ERROR;
    if (!restart) {
      if (rd_kafka_error_t* e = rd_kafka_abort_transaction(producer_.get(), 30000)) {
        spdlog::warn("distributed: abort_transaction: {}", rd_kafka_error_string(e));
        rd_kafka_error_destroy(e);
        restart = true;
      }
    }
    // Everything since the last commit is undone: in-flight results are dropped, queues
    // emptied, local state of this transaction forgotten, and consumption restarts at
    // the committed offsets.
    std::vector<std::pair<Task, FetchResult>> replay;
    replay.swap(txn_results_);
    collect_ = &replay;  // responses still arriving are redone too, not dropped
    DrainInFlight(/*process=*/false, nullptr);
    collect_ = nullptr;
    for (auto& [host, q] : hosts_) q.queue.clear();
    retry_wait_.clear();
    queued_urls_.clear();
    for (const std::string& url : txn_urls_) (void)state_->Erase(url);
    txn_urls_.clear();
    HALLYU_RETURN_IF_ERROR(NewPipeline());
    PartitionListPtr list(rd_kafka_topic_partition_list_new(
        static_cast<int>(partitions_.size() + detection_parts_.size())));
    for (auto& [p, ps] : partitions_) {
      ps.pending.clear();
      ps.next = -1;
      rd_kafka_topic_partition_list_add(list.get(), o_.frontier_topic.c_str(), p);
    }
    for (auto& [p, dp] : detection_parts_) {
      if (dp.restored)
        rd_kafka_topic_partition_list_add(list.get(), o_.detections_topic.c_str(), p);
    }
    if (list->cnt > 0) {
      rd_kafka_resp_err_t ce = RD_KAFKA_RESP_ERR_NO_ERROR;
      for (int attempt = 0; attempt < 3; ++attempt) {
        ce = rd_kafka_committed(consumer_.get(), list.get(), 30000);
        if (ce == RD_KAFKA_RESP_ERR_NO_ERROR) break;
        spdlog::warn("distributed: reading committed offsets: {}", rd_kafka_err2str(ce));
      }
      if (ce != RD_KAFKA_RESP_ERR_NO_ERROR) {
        // Unknown: start over from each partition's beginning; what was crawled is skipped.
        for (int i = 0; i < list->cnt; ++i) list->elems[i].offset = RD_KAFKA_OFFSET_INVALID;
      }
      for (int i = 0; i < list->cnt; ++i) {
        if (list->elems[i].offset < 0) list->elems[i].offset = RD_KAFKA_OFFSET_BEGINNING;
        if (o_.detections_topic == list->elems[i].topic) {
          detection_parts_[list->elems[i].partition].committed = list->elems[i].offset;
        } else {
          partitions_[list->elems[i].partition].committed = list->elems[i].offset;
        }
      }
      if (rd_kafka_error_t* e = rd_kafka_seek_partitions(consumer_.get(), list.get(), 30000)) {
        spdlog::warn("distributed: seek after abort: {}", rd_kafka_error_string(e));
        rd_kafka_error_destroy(e);
      }
    }
    if (restart) {
      HALLYU_RETURN_IF_ERROR(RestartProducer());
    } else if (Status b = BeginTxn(); !b.ok()) {
      spdlog::warn("distributed: {}", b.ToString());
      HALLYU_RETURN_IF_ERROR(RestartProducer());
    }
    // Most aborts come from a rebalance starting under a commit (stale generation), not from
    // lost work: redo what the aborted transaction held from the responses already fetched,
    // for the partitions still owned, instead of fetching those URLs again. Their frontier
    // records come back after the seek and are skipped as crawled. Responses of partitions
    // no longer owned are forgotten (their local crawl state undone).
    size_t replayed = 0;
    std::set<int32_t> replayed_partitions;
    for (auto& [t, r] : replay) {
      // A transient failure is not redone from its result: its record comes back after the
      // seek and is fetched afresh (a retry queued from here would run beside it).
      if (partitions_.count(t.partition) == 0 ||
          (r.outcome == FetchOutcome::kFailed && IsTransientFailure(r))) {
        ForgetFetch(t, r);
        continue;
      }
      replayed_partitions.insert(t.partition);
      if (Handle(t, r)) txn_results_.emplace_back(std::move(t), std::move(r));
      replayed++;
    }
    spdlog::info(
        "distributed: rewound to the committed offsets; {} fetched URL(s) replayed "
        "(partitions [{}])",
        replayed, JoinPartitions(replayed_partitions));
    return Status();
  }

  // --- seeds and status -------------------------------------------------------------------

  Status ProduceFrontier(const FrontierRecord& r) {
    Result<std::string> key = FrontierKey(r.url);
    if (!key.ok()) return key.status();
    return Produce(o_.frontier_topic, PartitionForDomain(*key, o_.partitions), *key,
                   EncodeFrontierRecord(r), "hallyu.frontier/1", "");
  }

  Status ProduceSeeds() {
    for (const CrawlSource& s : sources_) {
      FrontierRecord r;
      r.kind = FrontierKind::kSource;
      r.url = s.url;
      r.source = s.name;
      Status st = ProduceFrontier(r);
      if (!st.ok()) spdlog::warn("distributed: seed {}: {}", s.name, st.ToString());
    }
    return Status();
  }

  void ProduceStatus() {
    nlohmann::json parts = nlohmann::json::array();
    nlohmann::json hosts = nlohmann::json::array();
    for (const auto& [p, ps] : partitions_) {
      parts.push_back(p);
      for (const std::string& h : ps.hosts) hosts.push_back(h);
    }
    double secs = std::chrono::duration<double>(MonoClock::now() - started_).count();
    nlohmann::json j = {{"worker", o_.worker_id},
                        {"partitions", parts},
                        {"hosts", hosts},
                        {"pages_fetched", summary_.pages_fetched},
                        {"pages_per_s", secs > 0 ? summary_.pages_fetched / secs : 0.0},
                        {"updated_ms", NowUnixMs()}};
    (void)Produce(o_.workers_topic, 0, o_.worker_id, j.dump(), "hallyu.worker/1", "");
  }

  // --- frontier intake --------------------------------------------------------------------

  void PollFrontier(milliseconds timeout) {
    for (int i = 0; i < 500; ++i) {
      rd_kafka_message_t* m =
          rd_kafka_consumer_poll(consumer_.get(), i == 0 ? static_cast<int>(timeout.count()) : 0);
      if (m == nullptr) return;
      if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
        std::string_view payload(static_cast<const char*>(m->payload), m->len);
        if (o_.detections_topic == rd_kafka_topic_name(m->rkt)) {
          HandleDetection(m->partition, m->offset, payload);
        } else {
          HandleRecord(m->partition, m->offset, payload);
        }
      } else if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF) {
        spdlog::warn("distributed: consumer: {}", rd_kafka_message_errstr(m));
      }
      rd_kafka_message_destroy(m);
    }
  }

  void HandleRecord(int32_t partition, int64_t offset, std::string_view payload) {
    auto pit = partitions_.find(partition);
    if (pit == partitions_.end()) return;  // not ours (any more)
    PartitionState& ps = pit->second;
    if (offset < ps.next) return;  // already seen (redelivery after a seek)
    ps.next = offset + 1;
    last_activity_ = MonoClock::now();
    Result<FrontierRecord> rec = DecodeFrontierRecord(payload);
    if (!rec.ok()) {
      spdlog::warn("distributed: bad frontier record at {}:{}: {}", partition, offset,
                   rec.status().ToString());
      return;  // done: nothing to do for it
    }
    auto parts = ParseUrl(rec->url);
    if (!parts.ok()) return;
    Task t;
    t.kind = rec->kind == FrontierKind::kSource ? TaskKind::kSource : TaskKind::kPage;
    t.url = parts->ToString();
    t.origin = parts->Origin();
    t.path_query = parts->PathAndQuery();
    auto host = UrlHost(t.url);
    if (!host.ok()) return;
    t.host = *host;
    t.source = rec->source;
    t.title = rec->title;
    t.published_at = rec->published_at;
    t.partition = partition;
    t.offset = offset;
    if (queued_urls_.count(t.url) != 0 || AlreadyCrawled(t)) {
      summary_.skipped_seen++;
      return;
    }
    queued_urls_.insert(t.url);
    ps.pending.insert(offset);
    ps.hosts.insert(t.host);
    HostQueue& q = hosts_[t.host];
    q.partition = partition;
    if (q.queue.empty() && q.in_flight == 0 && q.ready_after < ps.ready_at) {
      q.ready_after = ps.ready_at;
    }
    q.queue.push_back(std::move(t));
  }

  // Merges one detection of an owned detection partition into the open transaction: the new
  // version (if any) to the event topic, the merged state to the merge-state topic. A
  // record that cannot be added to the transaction fails it (it aborts and is redone).
  void HandleDetection(int32_t partition, int64_t offset, std::string_view payload) {
    auto it = detection_parts_.find(partition);
    if (it == detection_parts_.end()) return;  // not ours (any more)
    DetectionPartition& dp = it->second;
    // Not merged before the partition's state is complete; read again after the restore.
    if (!dp.restored || offset < dp.next) return;
    dp.next = offset + 1;
    last_activity_ = MonoClock::now();
    auto j = nlohmann::json::parse(payload, nullptr, /*allow_exceptions=*/false);
    Result<Event> detection =
        j.is_discarded() ? Result<Event>(ParseError("not JSON")) : EventFromJson(j);
    if (!detection.ok()) {
      spdlog::warn("distributed: bad detection record at {}:{}: {}", partition, offset,
                   detection.status().ToString());
      return;  // done: nothing to merge
    }
    EventMerger merger(&dp.state);
    Result<MergeOutcome> merged = merger.Plan(*detection);
    if (!merged.ok()) {  // the in-memory state does not fail; be safe anyway
      txn_failed_ = true;
      return;
    }
    if (merged->kind == MergeKind::kDuplicate) return;
    (void)FitEventToMessage(merged->event, max_event_bytes_);
    const Event& e = merged->event;
    const std::string json =
        ToJson(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    const std::string site = e.sources.empty() ? "" : e.sources.back().site;
    if (merged->publish()) {
      const bool ost = e.type == EventType::kOst;
      Status s = Produce(ost ? kafka_.topics.ost : kafka_.topics.casting, -1, e.event_id, json,
                         ost ? "hallyu.ost/1" : "hallyu.casting/1", site);
      if (!s.ok()) {
        spdlog::warn("event {} v{}: {}", e.event_id, e.version, s.ToString());
        txn_failed_ = true;  // the version must not be lost: abort and merge it again
        return;
      }
      events_published_++;
    }
    Status s =
        Produce(o_.merge_state_topic, partition, e.event_id, json, "hallyu.merge-state/1", site);
    if (!s.ok()) {
      spdlog::warn("merge state {}: {}", e.event_id, s.ToString());
      txn_failed_ = true;
      return;
    }
    (void)merger.Commit(*merged);
  }

  bool AlreadyCrawled(const Task& t) {
    Result<UrlState> st = state_->Get(t.url);
    if (!st.ok() || st->last_fetch_ms == 0) return false;
    if (t.kind == TaskKind::kPage) return true;
    auto it = source_index_.find(t.source);
    int64_t interval_ms = (it != source_index_.end() ? it->second->interval_seconds : 1800) * 1000;
    return NowUnixMs() - st->last_fetch_ms < interval_ms;
  }

  // --- dispatch ----------------------------------------------------------------------------

  int HostCap(const std::string& host) const {
    auto it = job_.fetcher.host_overrides.find(host);
    if (it != job_.fetcher.host_overrides.end() && it->second.max_in_flight > 0)
      return it->second.max_in_flight;
    return std::max(1, job_.fetcher.max_in_flight_per_host);
  }

  void Dispatch() {
    if (Stopping()) return;
    MonoTime now = MonoClock::now();
    for (auto it = hosts_.begin(); it != hosts_.end();) {
      HostQueue& q = it->second;
      if (q.queue.empty() && q.in_flight == 0) {
        it = hosts_.erase(it);
        continue;
      }
      if (now < q.ready_after) {
        ++it;
        continue;
      }
      const int cap = HostCap(it->first);
      while (!q.queue.empty() && q.in_flight < cap) {
        Task& t = q.queue.front();
        if (job_.respect_robots) {
          RobotsCache::Verdict v = robots_.Check(t.origin, t.path_query);
          if (v == RobotsCache::Verdict::kDisallowed) {
            summary_.robots_denied++;
            spdlog::info("robots.txt disallows {}", t.url);
            UrlState st;
            st.url = t.url;
            st.last_fetch_ms = NowUnixMs();
            Task done = std::move(t);
            q.queue.pop_front();
            RecordState(done, st);
            Complete(done);
            continue;
          }
          if (v == RobotsCache::Verdict::kNeedsFetch) {
            Task r;
            r.kind = TaskKind::kRobots;
            r.url = t.origin + "/robots.txt";
            r.origin = t.origin;
            r.host = t.host;
            Submit(q, std::move(r));
            break;
          }
          if (v == RobotsCache::Verdict::kPending) break;
        }
        Task t2 = std::move(q.queue.front());
        q.queue.pop_front();
        Submit(q, std::move(t2));
      }
      ++it;
    }
  }

  void Submit(HostQueue& q, Task t) {
    uint64_t id = next_id_++;
    FetchRequest req;
    req.url = t.url;
    req.id = id;
    req.conditional = t.kind != TaskKind::kRobots;
    // The crawl state of a URL changes only when its result is handled in a transaction.
    req.defer_validators = t.kind != TaskKind::kRobots;
    // an oversized robots.txt is read up to its first part (RFC 9309 §2.5)
    if (t.kind == TaskKind::kRobots) PrepareRobotsRequest(req);
    q.in_flight++;
    if (t.partition >= 0) {
      auto pit = partitions_.find(t.partition);
      if (pit != partitions_.end()) pit->second.in_flight++;
    }
    in_fetch_.emplace(id, std::move(t));
    Status s = fetcher_->TrySubmit(std::move(req));
    if (!s.ok()) {  // fetcher queue full: put it back
      Task back = std::move(in_fetch_[id]);
      in_fetch_.erase(id);
      q.in_flight--;
      if (back.partition >= 0) {
        auto pit = partitions_.find(back.partition);
        if (pit != partitions_.end()) pit->second.in_flight--;
      }
      if (back.kind != TaskKind::kRobots) q.queue.push_front(std::move(back));
    }
  }

  void ApplyBackpressure() {
    for (auto& [p, ps] : partitions_) {
      std::size_t fullest = 0;
      for (const std::string& h : ps.hosts) {
        auto it = hosts_.find(h);
        if (it != hosts_.end()) fullest = std::max(fullest, it->second.queue.size());
      }
      bool want_pause = fullest >= o_.host_queue_limit;
      bool want_resume = ps.paused && fullest < o_.host_queue_limit / 2 + 1;
      if (!ps.paused && want_pause) {
        PartitionListPtr l(rd_kafka_topic_partition_list_new(1));
        rd_kafka_topic_partition_list_add(l.get(), o_.frontier_topic.c_str(), p);
        rd_kafka_pause_partitions(consumer_.get(), l.get());
        ps.paused = true;
        summary_.pauses++;
        spdlog::info("distributed: paused partition {} (a host queue holds {} URLs)", p, fullest);
      } else if (want_resume) {
        PartitionListPtr l(rd_kafka_topic_partition_list_new(1));
        rd_kafka_topic_partition_list_add(l.get(), o_.frontier_topic.c_str(), p);
        rd_kafka_resume_partitions(consumer_.get(), l.get());
        ps.paused = false;
        spdlog::info("distributed: resumed partition {}", p);
      }
    }
  }

  // --- results -----------------------------------------------------------------------------

  // Handles every fetch result waiting (or waits up to `wait` for one).
  void ProcessResults(milliseconds wait = milliseconds(0), bool process = true) {
    std::deque<FetchResult> batch;
    {
      std::unique_lock<std::mutex> lock(results_mu_);
      if (results_.empty() && wait.count() > 0) results_cv_.wait_for(lock, wait);
      batch.swap(results_);
    }
    for (FetchResult& r : batch) {
      auto it = in_fetch_.find(r.id);
      if (it == in_fetch_.end()) continue;
      Task t = std::move(it->second);
      in_fetch_.erase(it);
      auto hit = hosts_.find(t.host);
      if (hit != hosts_.end()) hit->second.in_flight--;
      bool owned = false;
      if (t.partition >= 0) {
        auto pit = partitions_.find(t.partition);
        if (pit != partitions_.end()) {
          pit->second.in_flight--;
          owned = true;
        }
      }
      if (t.kind == TaskKind::kRobots) {
        if (process) HandleRobots(t, r);
      } else if (owned && !process && collect_ != nullptr) {
        collect_->emplace_back(std::move(t), std::move(r));
      } else if (owned && process) {
        if (Handle(t, r)) txn_results_.emplace_back(std::move(t), std::move(r));
      } else {
        ForgetFetch(t, r);
      }
    }
  }

  // Undoes what the fetcher stored for a result that is dropped unhandled (a 304 stamps the
  // URL's last fetch), so the URL is not taken for crawled when its record is read again.
  void ForgetFetch(const Task& t, const FetchResult& r) {
    if (r.outcome != FetchOutcome::kNotModified) return;
    (void)state_->Erase(t.url);
    if (!r.final_url.empty() && r.final_url != t.url) (void)state_->Erase(r.final_url);
  }

  // Queues `t` (failed transiently) for its next round after the retry policy's backoff.
  // It stays pending in its partition, so its offset is not committed meanwhile.
  void ScheduleRetry(const Task& t) {
    Task next = t;
    next.fetch_round++;
    RetryPolicy policy(job_.fetcher.retry);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    auto delay = policy.Backoff(next.fetch_round, unit(random_));
    summary_.fetch_retries++;
    spdlog::info("{}: fetched again in {} ms (round {} of {})", t.url,
                 std::chrono::duration_cast<milliseconds>(delay).count(), next.fetch_round + 1,
                 o_.fetch_rounds);
    retry_wait_.emplace(MonoClock::now() + delay, std::move(next));
  }

  // Moves the retries that are due back to their host queues.
  void RequeueDueRetries() {
    MonoTime now = MonoClock::now();
    while (!retry_wait_.empty() && retry_wait_.begin()->first <= now) {
      Task t = std::move(retry_wait_.begin()->second);
      retry_wait_.erase(retry_wait_.begin());
      if (partitions_.count(t.partition) == 0) {
        queued_urls_.erase(t.url);
        continue;
      }
      HostQueue& q = hosts_[t.host];
      q.partition = t.partition;
      q.queue.push_back(std::move(t));
    }
  }

  // Records a robots.txt fetch: a 2xx whose body failed counts as unreachable (disallow
  // all, retried later), an oversized one is read up to its first part when the request
  // kept it (PrepareRobotsRequest), else unreachable as well.
  void HandleRobots(const Task& t, const FetchResult& r) {
    RecordRobotsFetch(robots_, t.origin, r);
    if (std::string failure = robots_.FailureOf(t.origin); !failure.empty()) {
      spdlog::warn("robots.txt of {} unavailable ({})", t.origin, failure);
    } else if (const RobotsRules* rules = robots_.Rules(t.origin); rules && rules->crawl_delay()) {
      fetcher_->SetCrawlDelay(t.host,
                              milliseconds(static_cast<int64_t>(*rules->crawl_delay() * 1000)));
    }
  }

  // Handles one result in the open transaction. Returns false when the URL is not done yet
  // (a transient failure queued for another round): nothing is recorded for it.
  bool Handle(const Task& t, const FetchResult& r) {
    last_activity_ = MonoClock::now();
    if (r.outcome == FetchOutcome::kFailed) {
      summary_.fetch_failures++;
      spdlog::warn("{} {}: fetch failed ({}): {}", t.kind == TaskKind::kSource ? "source" : "page",
                   t.url, FailureKindName(r.failure), r.error);
      if (IsTransientFailure(r)) {
        // Not crawled: fetched again, or (after the last round) left unrecorded so that the
        // next listing of it brings it back (issue 19, window 4).
        if (t.fetch_round + 1 < o_.fetch_rounds) {
          ScheduleRetry(t);
          return false;
        }
        summary_.fetch_given_up++;
        spdlog::warn("{}: still failing after {} rounds; left for the next time it is listed",
                     t.url, o_.fetch_rounds);
        Complete(t);
        return true;
      }
    }
    UrlState st = state_->Get(t.url).value_or(UrlState{});
    st.url = t.url;
    st.last_fetch_ms = NowUnixMs();
    st.last_status = static_cast<int>(r.http_status);
    if (r.ok()) st.content_hash = ContentHash(r.body);
    if (r.validators) {
      if (r.validators->url == t.url) {
        st.etag = r.validators->etag;
        st.last_modified = r.validators->last_modified;
      } else {
        (void)state_->Put(*r.validators);  // of the redirect target (local only)
      }
    }
    if (r.outcome == FetchOutcome::kNotModified) summary_.not_modified++;
    if (r.ok()) {
      if (t.kind == TaskKind::kSource) {
        HandleSource(t, r);
      } else {
        HandlePage(t, r);
      }
    }
    RecordState(t, st);
    Complete(t);
    return true;
  }

  const CrawlSource* SourceOf(const Task& t) const {
    auto it = source_index_.find(t.source);
    return it == source_index_.end() ? nullptr : it->second;
  }

  void HandleSource(const Task& t, const FetchResult& r) {
    const CrawlSource* src = SourceOf(t);
    if (src == nullptr) {
      spdlog::warn("source {} is not in this worker's configuration; skipped", t.source);
      return;
    }
    summary_.sources_fetched++;
    Result<SourceItems> items =
        ReadSourceResponse(*src, r.body, r.final_url, r.content_type, NowUnixMs() / 1000);
    if (!items.ok()) {
      spdlog::warn("source {} ({}): {}", src->name, t.url, items.status().ToString());
      return;
    }
    std::string fetched_at = NowRfc3339();
    for (const SourcePost& post : items->posts) {
      PageOrigin origin;
      origin.url = post.url;
      origin.site = src->site.empty() ? src->name : src->site;
      origin.lang = src->lang;
      origin.published_at = post.published_at;
      origin.fetched_at = fetched_at;
      TextDocument doc{post.text, post.title, post.author};
      auto events = pipeline_->ProcessText(doc, origin);
      if (!events.ok()) spdlog::warn("post {}: {}", post.url, events.status().ToString());
    }
    for (const std::string& child : items->child_sources) {
      FrontierRecord c;
      c.kind = FrontierKind::kSource;
      c.url = child;
      c.source = src->name;
      Status s = ProduceFrontier(c);
      if (!s.ok()) spdlog::warn("frontier {}: {}", child, s.ToString());
    }
    for (const PageLink& link : items->pages) {
      FrontierRecord p;
      p.kind = FrontierKind::kPage;
      p.url = link.url;
      p.source = src->name;
      p.title = link.title;
      p.published_at = link.published_at;
      Status s = ProduceFrontier(p);
      if (!s.ok()) spdlog::warn("frontier {}: {}", link.url, s.ToString());
    }
  }

  void HandlePage(const Task& t, const FetchResult& r) {
    summary_.pages_fetched++;
    const CrawlSource* src = SourceOf(t);
    PageOrigin origin;
    origin.url = r.final_url.empty() ? t.url : r.final_url;
    origin.site = src == nullptr ? t.host : (src->site.empty() ? src->name : src->site);
    origin.lang = src == nullptr ? "auto" : src->lang;
    origin.title_hint = t.title;
    origin.published_at = t.published_at;
    origin.fetched_at = NowRfc3339();
    auto events = pipeline_->ProcessPageBody(r.body, r.content_type, origin);
    if (!events.ok()) spdlog::warn("page {}: {}", origin.url, events.status().ToString());
  }

  void RecordState(const Task& t, const UrlState& st) {
    (void)state_->Put(st);
    txn_urls_.push_back(t.url);
    Status s =
        Produce(o_.state_topic, t.partition, t.url, EncodeUrlState(st), "hallyu.crawl-state/1", "");
    if (!s.ok()) spdlog::warn("crawl state {}: {}", t.url, s.ToString());
  }

  void Complete(const Task& t) {
    queued_urls_.erase(t.url);
    auto pit = partitions_.find(t.partition);
    if (pit != partitions_.end()) pit->second.pending.erase(t.offset);
  }

  // Waits (bounded) until no request of `only` (all when null) is at the fetcher.
  void DrainInFlight(bool process, const std::set<int32_t>* only) {
    auto busy = [&] {
      for (const auto& [id, t] : in_fetch_) {
        if (only == nullptr || only->count(t.partition) != 0) return true;
      }
      return false;
    };
    MonoTime deadline = MonoClock::now() + job_.fetcher.total_timeout * 2 +
                        job_.fetcher.retry.max_delay + std::chrono::seconds(5);
    while (busy() && MonoClock::now() < deadline) {
      ProcessResults(milliseconds(50), process);
      rd_kafka_poll(producer_.get(), 0);
    }
  }

  // --- rebalancing -------------------------------------------------------------------------

  void OnAssign(rd_kafka_topic_partition_list_t* parts) {
    std::vector<int32_t> ps, ds;
    for (int i = 0; i < parts->cnt; ++i) {
      (o_.detections_topic == parts->elems[i].topic ? ds : ps).push_back(parts->elems[i].partition);
    }
    Restore(ps);
    for (int32_t p : ds) detection_parts_[p] = DetectionPartition{};
    std::set<int32_t> unrestored = RestoreMergeState(ds);
    MonoTime ready = MonoClock::now() + job_.fetcher.min_host_delay;
    for (int32_t p : ps) {
      PartitionState& st = partitions_[p];
      st = PartitionState{};
      st.ready_at = ready;
    }
    if (rd_kafka_error_t* e = rd_kafka_incremental_assign(consumer_.get(), parts)) {
      spdlog::error("distributed: incremental_assign: {}", rd_kafka_error_string(e));
      rd_kafka_error_destroy(e);
    }
    if (!unrestored.empty()) {
      PauseDetections(unrestored, true);
      last_restore_try_ = MonoClock::now();
    }
    spdlog::info(
        "distributed: worker {} assigned {} frontier and {} detection partition(s), owns {} "
        "and {}",
        o_.worker_id, ps.size(), ds.size(), partitions_.size(), detection_parts_.size());
  }

  void PauseDetections(const std::set<int32_t>& ps, bool pause) {
    PartitionListPtr l(rd_kafka_topic_partition_list_new(static_cast<int>(ps.size())));
    for (int32_t p : ps) rd_kafka_topic_partition_list_add(l.get(), o_.detections_topic.c_str(), p);
    if (pause) {
      rd_kafka_pause_partitions(consumer_.get(), l.get());
    } else {
      rd_kafka_resume_partitions(consumer_.get(), l.get());
    }
  }

  // Reads the merge-state partitions `ds` (owned detection partitions) to their end into
  // their OwnedMergeState and marks them restored; returns the partitions whose restore did
  // not complete (their state is incomplete: they must not merge yet).
  std::set<int32_t> RestoreMergeState(const std::vector<int32_t>& ds) {
    std::set<int32_t> failed =
        ReadPartitionsToEnd(o_.merge_state_topic, ds, [this](int32_t p, std::string_view payload) {
          auto j = nlohmann::json::parse(payload, nullptr, /*allow_exceptions=*/false);
          if (j.is_discarded()) return false;
          Result<Event> e = EventFromJson(j);
          auto it = detection_parts_.find(p);
          if (!e.ok() || it == detection_parts_.end()) return false;
          it->second.state.Restore(std::move(*e));
          return true;
        });
    for (int32_t p : ds) {
      auto it = detection_parts_.find(p);
      if (it == detection_parts_.end()) continue;
      it->second.restored = failed.count(p) == 0;
      if (!it->second.restored) it->second.state.Clear();
    }
    return failed;
  }

  // Restores (again) the detection partitions whose merge state is incomplete, at most once
  // a second; once complete they are read again from their committed offsets and resumed.
  void RetryMergeStateRestores() {
    MonoTime now = MonoClock::now();
    if (now - last_restore_try_ < std::chrono::seconds(1)) return;
    std::vector<int32_t> todo;
    for (const auto& [p, dp] : detection_parts_) {
      if (!dp.restored) todo.push_back(p);
    }
    if (todo.empty()) return;
    last_restore_try_ = now;
    std::set<int32_t> failed = RestoreMergeState(todo);
    std::set<int32_t> done;
    for (int32_t p : todo) {
      if (failed.count(p) == 0) done.insert(p);
    }
    if (done.empty()) return;
    PartitionListPtr l(rd_kafka_topic_partition_list_new(static_cast<int>(done.size())));
    for (int32_t p : done)
      rd_kafka_topic_partition_list_add(l.get(), o_.detections_topic.c_str(), p);
    if (rd_kafka_committed(consumer_.get(), l.get(), 30000) != RD_KAFKA_RESP_ERR_NO_ERROR) {
      for (int i = 0; i < l->cnt; ++i) l->elems[i].offset = RD_KAFKA_OFFSET_INVALID;
    }
    for (int i = 0; i < l->cnt; ++i) {
      // Unknown or none: from the beginning; merging a detection again is a duplicate.
      if (l->elems[i].offset < 0) l->elems[i].offset = RD_KAFKA_OFFSET_BEGINNING;
      DetectionPartition& dp = detection_parts_[l->elems[i].partition];
      dp.committed = l->elems[i].offset;
      dp.next = -1;
    }
    if (rd_kafka_error_t* e = rd_kafka_seek_partitions(consumer_.get(), l.get(), 30000)) {
      spdlog::warn("distributed: seek after restore: {}", rd_kafka_error_string(e));
      rd_kafka_error_destroy(e);
    }
    PauseDetections(done, false);
    spdlog::info("distributed: merge state of detection partition(s) [{}] restored late",
                 JoinPartitions(done));
  }

  void OnRevoke(rd_kafka_topic_partition_list_t* parts, bool lost) {
    std::set<int32_t> revoked, revoked_detections;
    for (int i = 0; i < parts->cnt; ++i) {
      (o_.detections_topic == parts->elems[i].topic ? revoked_detections : revoked)
          .insert(parts->elems[i].partition);
    }
    spdlog::info("distributed: worker {} {} partitions [{}] and detection partitions [{}]",
                 o_.worker_id, lost ? "lost" : "releasing", JoinPartitions(revoked),
                 JoinPartitions(revoked_detections));
    if (!lost) {
      // Finish what is at the fetcher for these hosts, so the next owner never overlaps.
      DrainInFlight(/*process=*/true, &revoked);
    }
    for (auto it = hosts_.begin(); it != hosts_.end();) {
      if (revoked.count(it->second.partition) != 0) {
        for (const Task& t : it->second.queue) queued_urls_.erase(t.url);
        it = hosts_.erase(it);
      } else {
        ++it;
      }
    }
    for (auto it = retry_wait_.begin(); it != retry_wait_.end();) {
      if (revoked.count(it->second.partition) != 0) {
        queued_urls_.erase(it->second.url);
        it = retry_wait_.erase(it);
      } else {
        ++it;
      }
    }
    Status s;
    if (!lost) {
      if (o_.test_faults.abort_first_revoke_commit && !revoke_fault_fired_ && !revoked.empty()) {
        revoke_fault_fired_ = true;
        spdlog::warn("distributed: test fault: aborting the commit of a revocation");
        s = AbortAndRewind(&revoked, &revoked_detections);
      } else {
        // Commits the revoked partitions' work with their offsets; if that aborts, they are
        // left out of the rewind and their next owner redoes them.
        s = CommitTxn(false, &revoked, &revoked_detections);
      }
    } else {
      // The group gave these partitions away already (this worker was deemed dead): the open
      // transaction may hold their results, which the next owner redoes. Abort it and
      // restart the partitions still owned at their committed offsets, redoing their
      // fetched results (never dropping them: issue 19, window 3).
      s = AbortAndRewind(&revoked, &revoked_detections);
    }
    if (!s.ok()) fatal_ = s;
    for (int32_t p : revoked) partitions_.erase(p);
    for (int32_t p : revoked_detections) detection_parts_.erase(p);
    if (rd_kafka_error_t* e = rd_kafka_incremental_unassign(consumer_.get(), parts)) {
      spdlog::error("distributed: incremental_unassign: {}", rd_kafka_error_string(e));
      rd_kafka_error_destroy(e);
    }
    spdlog::info("distributed: worker {} {} {} frontier and {} detection partition(s), owns {}",
                 o_.worker_id, lost ? "lost" : "released", revoked.size(),
                 revoked_detections.size(), partitions_.size());
  }

  // Reads crawl-state partitions `ps` to their (committed) end into the local store.
  void Restore(const std::vector<int32_t>& ps) {
    if (ps.empty()) return;
    uint64_t n = 0;
    std::set<int32_t> open =
        ReadPartitionsToEnd(o_.state_topic, ps, [&](int32_t, std::string_view payload) {
          auto st = DecodeUrlState(payload);
          if (!st.ok()) return false;
          (void)state_->Put(*st);
          n++;
          return true;
        });
    if (!open.empty()) {
      // An incomplete crawl state only means pages fetched again.
      spdlog::warn("distributed: restore of {} partition(s) timed out", open.size());
    }
    spdlog::info("distributed: restored {} URL states of {} partition(s)", n, ps.size());
  }

  // Reads partitions `ps` of `topic` from their beginning to their end, calling
  // `record(partition, value)` for each record (read_committed). The end to reach is the
  // high watermark now: reaching the read_committed end (EOF at the last stable offset) is
  // not enough, the previous owner's last commit may still be writing its markers, and until
  // they land its records sit above the LSO. Returns the partitions not read to that end
  // (watermark unknown, or restore_timeout_ms passed).
  std::set<int32_t> ReadPartitionsToEnd(
      const std::string& topic, const std::vector<int32_t>& ps,
      const std::function<bool(int32_t, std::string_view)>& record) {
    std::set<int32_t> open(ps.begin(), ps.end());
    if (ps.empty()) return open;
    PartitionListPtr l(rd_kafka_topic_partition_list_new(static_cast<int>(ps.size())));
    for (int32_t p : ps) {
      rd_kafka_topic_partition_list_add(l.get(), topic.c_str(), p)->offset =
          RD_KAFKA_OFFSET_BEGINNING;
    }
    std::map<int32_t, int64_t> end;
    std::set<int32_t> unknown;
    for (int32_t p : ps) {
      int64_t lo = 0, hi = 0;
      rd_kafka_resp_err_t e = RD_KAFKA_RESP_ERR_NO_ERROR;
      for (int attempt = 0; attempt < 3; ++attempt) {
        e = rd_kafka_query_watermark_offsets(restorer_.get(), topic.c_str(), p, &lo, &hi, 5000);
        if (e == RD_KAFKA_RESP_ERR_NO_ERROR) break;
      }
      if (e == RD_KAFKA_RESP_ERR_NO_ERROR) {
        end[p] = hi;
      } else {
        spdlog::warn("distributed: end of {} [{}] unknown: {}", topic, p, rd_kafka_err2str(e));
        unknown.insert(p);
      }
    }
    rd_kafka_assign(restorer_.get(), l.get());
    MonoTime deadline = MonoClock::now() + milliseconds(o_.restore_timeout_ms);
    while (!open.empty() && MonoClock::now() < deadline) {
      rd_kafka_message_t* m = rd_kafka_consumer_poll(restorer_.get(), 100);
      if (m == nullptr) continue;
      if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
        if (m->offset >= end[m->partition]) open.erase(m->partition);
      } else if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR && m->payload != nullptr) {
        (void)record(m->partition, std::string_view(static_cast<const char*>(m->payload), m->len));
      } else if (m->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        spdlog::warn("distributed: restore: {}", rd_kafka_message_errstr(m));
      }
      rd_kafka_message_destroy(m);
    }
    rd_kafka_assign(restorer_.get(), nullptr);
    open.insert(unknown.begin(), unknown.end());
    return open;
  }

  // --- shutdown ----------------------------------------------------------------------------

  Status Finish() {
    DrainInFlight(/*process=*/true, nullptr);
    Status s = fatal_.ok() ? CommitTxn(false) : Status();
    if (consumer_) {
      rd_kafka_consumer_close(consumer_.get());  // revokes: commits what is left
    }
    if (producer_ && fatal_.ok()) {
      rd_kafka_error_t* e = rd_kafka_commit_transaction(producer_.get(), 30000);
      if (e != nullptr) rd_kafka_error_destroy(e);
      rd_kafka_flush(producer_.get(), 10000);
    }
    Shutdown();
    return s;
  }

  void Shutdown() {
    if (fetcher_) fetcher_->Stop();
    fetcher_.reset();
    if (consumer_ && !synced_once_ && DestroyAbortsBeforeFirstAssignment()) {
      spdlog::info(
          "distributed: group consumer never got an assignment: kept open until exit "
          "(librdkafka {} aborts when it is destroyed now)",
          rd_kafka_version_str());
      KeepUntilExit(consumer_.release());
    }
    consumer_.reset();
    restorer_.reset();
    producer_.reset();
  }

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
  // Transient failures waiting for their next round, by due time; each is also pending in
  // its partition and in queued_urls_ (so bounded by the URLs taken from the frontier).
  std::multimap<MonoTime, Task> retry_wait_;
  std::mt19937_64 random_{std::random_device{}()};

  std::mutex results_mu_;
  std::condition_variable results_cv_;
  std::deque<FetchResult> results_;  // bounded by the tasks at the fetcher
};

DistributedCrawl::DistributedCrawl(DistributedOptions options, KafkaOptions kafka,
                                   CrawlJobOptions job, std::vector<CrawlSource> sources,
                                   const Detector* detector)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(kafka), std::move(job),
                                   std::move(sources), detector)) {}

DistributedCrawl::~DistributedCrawl() = default;

Result<DistributedSummary> DistributedCrawl::Run(const std::atomic<bool>* stop) {
  return impl_->Run(stop);
}

}  // namespace hallyu
