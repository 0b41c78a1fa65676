#include "crawler/distributed/distributed_crawl_impl.h"

namespace hallyu {
namespace distributed_internal {

int64_t NowUnixMs() {
  return std::chrono::duration_cast<milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace distributed_internal

namespace {

std::string DefaultWorkerId() {
  char host[256] = {0};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host[0] ? host : "worker") + "-" + std::to_string(getpid());
}

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

}  // namespace

// --- construction, the main loop, EventPublisher -------------------------------------------

DistributedCrawl::Impl::Impl(DistributedOptions options, KafkaOptions kafka, CrawlJobOptions job,
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

Result<DistributedSummary> DistributedCrawl::Impl::Run(const std::atomic<bool>* stop) {
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

Status DistributedCrawl::Impl::PublishEvent(const Event& detection) {
  std::string site = detection.sources.empty() ? "" : detection.sources.back().site;
  Status s =
      Produce(o_.detections_topic, PartitionForDomain(detection.event_id, o_.detection_partitions),
              detection.event_id,
              ToJson(detection).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
              "hallyu.detection/1", site);
  if (s.ok()) {
    detections_sent_++;
    txn_detections_++;
  }
  return s;
}

Status DistributedCrawl::Impl::PublishFailure(const std::string& url, const Status& error) {
  nlohmann::json j = {
      {"schema", "hallyu.dlq/1"},
      {"url", url},
      {"stage", "extract"},
      {"error", {{"code", std::string(ErrorCodeName(error.code()))}, {"message", error.message()}}},
      {"failed_at", UtcNowIso8601()}};
  return Produce(kafka_.topics.dlq, -1, url, j.dump(), "hallyu.dlq/1", "");
}

void DistributedCrawl::Impl::OnRebalance(rd_kafka_resp_err_t err,
                                         rd_kafka_topic_partition_list_t* parts) {
  summary_.rebalances++;
  synced_once_ = true;  // a SyncGroup answer comes before any rebalance callback
  last_activity_ = MonoClock::now();
  if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
    OnAssign(parts);
  } else {
    OnRevoke(parts, rd_kafka_assignment_lost(consumer_.get()) != 0);
  }
}

bool DistributedCrawl::Impl::Idle() const {
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

// --- setup ---------------------------------------------------------------------------------

Status DistributedCrawl::Impl::CreateProducer() {
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

Status DistributedCrawl::Impl::InitTransactions() {
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

Status DistributedCrawl::Impl::Setup() {
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

Status DistributedCrawl::Impl::NewPipeline() {
  pipeline_.reset();
  DocumentPipelineOptions options;
  options.max_event_bytes = max_event_bytes_;
  pipeline_ = std::make_unique<DocumentPipeline>(detector_, &no_merge_, this, options);
  return Status();
}

Status DistributedCrawl::Impl::EnsureTopics() {
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
      {kafka_.topics.release, kafka_.partitions, kafka_.event_topic_configs},
      {kafka_.topics.collab, kafka_.partitions, kafka_.event_topic_configs},
      {kafka_.topics.dlq, kafka_.partitions, {}},
  };
  char err[512];
  std::vector<rd_kafka_NewTopic_t*> topics;
  for (const Spec& s : specs) {
    rd_kafka_NewTopic_t* t =
        rd_kafka_NewTopic_new(s.name.c_str(), s.partitions, o_.replication_factor, err, sizeof err);
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

rd_kafka_resp_err_t DistributedCrawl::Impl::Subscribe() {
  PartitionListPtr topics(rd_kafka_topic_partition_list_new(2));
  rd_kafka_topic_partition_list_add(topics.get(), o_.frontier_topic.c_str(), RD_KAFKA_PARTITION_UA);
  rd_kafka_topic_partition_list_add(topics.get(), o_.detections_topic.c_str(),
                                    RD_KAFKA_PARTITION_UA);
  return rd_kafka_subscribe(consumer_.get(), topics.get());
}

void DistributedCrawl::Impl::RebalanceCb(rd_kafka_t* rk, rd_kafka_resp_err_t err,
                                         rd_kafka_topic_partition_list_t* parts,
                                         void* opaque) noexcept {
  (void)rk;
  static_cast<Impl*>(opaque)->OnRebalance(err, parts);
}

// --- seeds and status ----------------------------------------------------------------------

Status DistributedCrawl::Impl::ProduceFrontier(const FrontierRecord& r) {
  Result<std::string> key = FrontierKey(r.url);
  if (!key.ok()) return key.status();
  return Produce(o_.frontier_topic, PartitionForDomain(*key, o_.partitions), *key,
                 EncodeFrontierRecord(r), "hallyu.frontier/1", "");
}

Status DistributedCrawl::Impl::ProduceSeeds() {
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

void DistributedCrawl::Impl::ProduceStatus() {
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

// --- shutdown ------------------------------------------------------------------------------

Status DistributedCrawl::Impl::Finish() {
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

void DistributedCrawl::Impl::Shutdown() {
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
