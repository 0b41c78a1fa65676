#include "crawler/kafka/kafka_producer.h"

#include <fcntl.h>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <spdlog/spdlog.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <set>

namespace hallyu {
namespace {

using Clock = std::chrono::steady_clock;

constexpr size_t kFeedBatch = 512;
// Largest original value a DLQ record carries in full; longer ones are cut (and kept whole
// in the dead-letters file).
constexpr size_t kDlqValueMax = 512 * 1024;

// The record was taken back from librdkafka (purge, destroy): it stays in the spool.
bool IsRequeue(int err) {
  return err == RD_KAFKA_RESP_ERR__PURGE_QUEUE || err == RD_KAFKA_RESP_ERR__PURGE_INFLIGHT ||
         err == RD_KAFKA_RESP_ERR__DESTROY;
}

// The producer instance, not the record, is broken: a fatal error, or an idempotence /
// epoch / fencing state the client cannot continue from. The record stays in the spool and
// is re-sent by a new client; it never goes to the DLQ.
bool IsProducerStateError(int err) {
  switch (err) {
    case RD_KAFKA_RESP_ERR__FATAL:
    case RD_KAFKA_RESP_ERR__STATE:
    case RD_KAFKA_RESP_ERR__FENCED:
    case RD_KAFKA_RESP_ERR__INCONSISTENT:
    case RD_KAFKA_RESP_ERR__GAPLESS_GUARANTEE:
    case RD_KAFKA_RESP_ERR_OUT_OF_ORDER_SEQUENCE_NUMBER:
    case RD_KAFKA_RESP_ERR_DUPLICATE_SEQUENCE_NUMBER:
    case RD_KAFKA_RESP_ERR_INVALID_PRODUCER_EPOCH:
    case RD_KAFKA_RESP_ERR_INVALID_PRODUCER_ID_MAPPING:
    case RD_KAFKA_RESP_ERR_UNKNOWN_PRODUCER_ID:
    case RD_KAFKA_RESP_ERR_PRODUCER_FENCED:
    case RD_KAFKA_RESP_ERR_INVALID_TXN_STATE:
      return true;
    default:
      return false;
  }
}

std::string UtcNow() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char b[32];
  std::strftime(b, sizeof b, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return b;
}

// hallyu ErrorCode name for a librdkafka delivery error.
const char* HallyuCodeName(int err) {
  switch (err) {
    case RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE:
    case RD_KAFKA_RESP_ERR_RECORD_LIST_TOO_LARGE:
      return "too_large";
    case RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED:
    case RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED:
      return "denied";
    case RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC:
    case RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART:
    case RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION:
      return "not_found";
    case RD_KAFKA_RESP_ERR_INVALID_RECORD:
    case RD_KAFKA_RESP_ERR_INVALID_MSG:
      return "corrupt";
    default:
      return "unavailable";
  }
}

std::string DumpJson(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// librdkafka properties hallyu sets before the user's `kafka.producer.*` (user wins).
const std::vector<std::pair<std::string, std::string>>& DefaultProducerProperties() {
  static const std::vector<std::pair<std::string, std::string>> kProps = {
      {"compression.type", "lz4"},
      {"linger.ms", "20"},
      {"batch.num.messages", "10000"},
      {"batch.size", "1000000"},
      {"queue.buffering.max.messages", "200000"},
      {"queue.buffering.max.kbytes", "262144"},
      {"message.timeout.ms", "0"},  // never give up: the spool holds the record meanwhile
      {"socket.keepalive.enable", "true"},
      {"reconnect.backoff.max.ms", "1000"},
  };
  return kProps;
}

void LogFromLibrdkafka(const rd_kafka_t*, int level, const char* fac, const char* buf) noexcept {
  try {
    if (level <= 3) {
      spdlog::error("librdkafka {}: {}", fac, buf);
    } else if (level <= 4) {
      spdlog::warn("librdkafka {}: {}", fac, buf);
    } else {
      spdlog::debug("librdkafka {}: {}", fac, buf);
    }
  } catch (...) {
  }
}

}  // namespace

KafkaHeaders StandardHeaders(std::string_view schema, std::string_view site) {
  return {{kHeaderSchema, std::string(schema)},
          {kHeaderSite, std::string(site)},
          {kHeaderVersion, std::string(HALLYU_VERSION)}};
}

std::vector<KafkaTopicSpec> DefaultTopicSpecs(const KafkaOptions& o) {
  std::vector<KafkaTopicSpec> out;
  for (const std::string& t : EventTopics(o.topics)) {
    out.push_back({t, o.partitions, o.replication_factor, o.event_topic_configs});
  }
  for (const std::string* t : {&o.topics.documents, &o.topics.dlq}) {
    out.push_back({*t, o.partitions, o.replication_factor, {}});
  }
  return out;
}

KafkaProducer::KafkaProducer(KafkaOptions options, CrawlMetrics* metrics)
    : options_(std::move(options)), metrics_(metrics) {
  if (metrics_ != nullptr) {
    dead_letters_ = &metrics_->registry.AddCounter(
        "hallyu_kafka_dead_letters_total",
        "Records Kafka refused permanently, routed to the DLQ topic", {"topic", "error"});
  }
  deliveries_.reserve(1024);
}

Result<std::unique_ptr<KafkaProducer>> KafkaProducer::Start(const KafkaOptions& options,
                                                            CrawlMetrics* metrics) {
  std::unique_ptr<KafkaProducer> p(new KafkaProducer(options, metrics));
  auto spool = KafkaSpool::Open(options.spool);
  if (!spool.ok()) return spool.status();
  p->spool_ = std::move(spool).value();
  if (p->spool_->corrupt_records() > 0) {
    spdlog::error("kafka: {} corrupt spool record(s) skipped (see above)",
                  p->spool_->corrupt_records());
  }
  p->stats_.corrupt_records = p->spool_->corrupt_records();
  p->UpdateSpoolGaugesLocked();

  if (options.brokers == kEmbeddedBrokers) {
    char errstr[256];
    rd_kafka_conf_t* conf = rd_kafka_conf_new();
    rd_kafka_conf_set_log_cb(conf, LogFromLibrdkafka);
    p->mock_host_ = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
    if (p->mock_host_ == nullptr) {
      rd_kafka_conf_destroy(conf);
      return Internal(std::string("kafka: embedded cluster host: ") + errstr);
    }
    p->mock_ = rd_kafka_mock_cluster_new(p->mock_host_, options.embedded_brokers);
    if (p->mock_ == nullptr) return Internal("kafka: cannot start the embedded mock cluster");
    p->bootstrap_ = rd_kafka_mock_cluster_bootstraps(p->mock_);
    spdlog::info("kafka: embedded mock cluster at {}", p->bootstrap_);
  } else {
    p->bootstrap_ = options.brokers;
  }
  HALLYU_RETURN_IF_ERROR(p->CreateClient());
  if (options.create_topics) {
    HALLYU_RETURN_IF_ERROR(p->EnsureTopics(DefaultTopicSpecs(options),
                                           std::chrono::milliseconds(options.topic_timeout_ms)));
  }
  p->poller_ = std::thread([raw = p.get()] { raw->PollLoop(); });
  return p;
}

Status KafkaProducer::CreateClient() {
  char errstr[512];
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  auto set = [&](const std::string& k, const std::string& v) -> Status {
    if (rd_kafka_conf_set(conf, k.c_str(), v.c_str(), errstr, sizeof errstr) != RD_KAFKA_CONF_OK) {
      return InvalidArgument("kafka.producer." + k + "=" + v + ": " + errstr);
    }
    return Status::Ok();
  };
  Status st = set("bootstrap.servers", bootstrap_);
  if (st.ok()) st = set("client.id", options_.client_id);
  for (const auto& [k, v] : DefaultProducerProperties()) {
    if (st.ok()) st = set(k, v);
  }
  for (const auto& [k, v] : options_.producer) {
    if (st.ok()) st = set(k, v);
  }
  if (st.ok()) st = set("enable.idempotence", "true");
  if (st.ok()) st = set("acks", "all");
  if (!st.ok()) {
    rd_kafka_conf_destroy(conf);
    return st;
  }
  rd_kafka_conf_set_opaque(conf, this);
  rd_kafka_conf_set_log_cb(conf, LogFromLibrdkafka);
  rd_kafka_conf_set_dr_msg_cb(
      conf, [](rd_kafka_t* rk, const rd_kafka_message_t* m, void* op) { OnDelivery(rk, m, op); });
  rd_kafka_conf_set_error_cb(conf, [](rd_kafka_t* rk, int err, const char* reason, void* op) {
    auto* self = static_cast<KafkaProducer*>(op);
    if (err == RD_KAFKA_RESP_ERR__FATAL) {
      char buf[256];
      rd_kafka_fatal_error(rk, buf, sizeof buf);
      try {
        spdlog::error("kafka: fatal producer error: {}; recreating the client", buf);
      } catch (...) {
      }
      self->fatal_ = true;
    } else {
      try {
        spdlog::warn("kafka: {} ({})", reason,
                     rd_kafka_err2name(static_cast<rd_kafka_resp_err_t>(err)));
      } catch (...) {
      }
    }
  });
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
  if (rk == nullptr) {
    rd_kafka_conf_destroy(conf);
    return InvalidArgument(std::string("kafka: ") + errstr);
  }
  rk_ = rk;
  return Status::Ok();
}

void KafkaProducer::OnDelivery(rd_kafka_t* rk, const void* msg, void* opaque) noexcept {
  const auto* m = static_cast<const rd_kafka_message_t*>(msg);
  // A failure reported by a client in a fatal state is the client's, not the record's.
  const bool client_dead = m->err != RD_KAFKA_RESP_ERR_NO_ERROR &&
                           (IsProducerStateError(m->err) ||
                            rd_kafka_fatal_error(rk, nullptr, 0) != RD_KAFKA_RESP_ERR_NO_ERROR);
  static_cast<KafkaProducer*>(opaque)->CollectDelivery(msg, client_dead);
}

void KafkaProducer::CollectDelivery(const void* msg, bool client_dead) noexcept {
  const auto* m = static_cast<const rd_kafka_message_t*>(msg);
  try {
    Delivery d;
    d.seq = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(m->_private));
    d.err = m->err;
    d.client_dead = client_dead;
    d.latency_us = rd_kafka_message_latency(m);
    if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
      if (metrics_ != nullptr) {
        const char* topic = rd_kafka_topic_name(m->rkt);
        auto it = latency_by_topic_.find(std::string_view(topic));
        if (it == latency_by_topic_.end()) {
          it = latency_by_topic_.emplace(topic, &metrics_->kafka_delivery.With({topic})).first;
        }
        d.latency = it->second;
      }
    } else if (!IsRequeue(m->err) && !client_dead) {
      SpoolRecord r;  // what the DLQ record needs
      r.seq = d.seq;
      r.topic = rd_kafka_topic_name(m->rkt);
      if (m->key != nullptr) r.key.emplace(static_cast<const char*>(m->key), m->key_len);
      if (m->payload != nullptr) {
        r.value.emplace(static_cast<const char*>(m->payload), m->len);
      }
      rd_kafka_headers_t* hdrs = nullptr;
      if (rd_kafka_message_headers(m, &hdrs) == RD_KAFKA_RESP_ERR_NO_ERROR && hdrs != nullptr) {
        const char* name;
        const void* value;
        size_t size;
        for (size_t i = 0;
             rd_kafka_header_get_all(hdrs, i, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR;
             ++i) {
          std::optional<std::string> v;
          if (value != nullptr) v.emplace(static_cast<const char*>(value), size);
          r.headers.emplace_back(name, std::move(v));
        }
      }
      d.failed = std::move(r);
    }
    deliveries_.push_back(std::move(d));
  } catch (...) {
    // Out of memory: the record stays unacknowledged in the spool (resent by the next run).
  }
}

void KafkaProducer::ApplyDeliveries() {
  if (deliveries_.empty()) return;
  for (const Delivery& d : deliveries_) {
    if (d.latency != nullptr && d.latency_us >= 0) d.latency->Observe(d.latency_us / 1e6);
  }
  std::lock_guard<std::mutex> lock(mu_);
  if (spool_) {
    for (Delivery& d : deliveries_) {
      if (d.err == RD_KAFKA_RESP_ERR_NO_ERROR) {
        spool_->Ack(d.seq);
        ++stats_.delivered;
        if (d.latency_us >= 0) {
          ++latency_hist_[std::min<size_t>(static_cast<size_t>(d.latency_us / 100),
                                           latency_hist_.size() - 1)];
        }
      } else if (d.client_dead) {
        // Stays in the spool: the poll thread replaces the client and re-sends it.
        fatal_ = true;
      } else if (IsRequeue(d.err) || fatal_ || !d.failed) {
        // Stays in the spool; sent again by this run (fatal) or the next one.
      } else {
        // A permanent failure (e.g. record too large, not authorised): retrying cannot help.
        DeadLetterLocked(d.seq, *d.failed, d.err);
      }
    }
    UpdateSpoolGaugesLocked();
  }
  deliveries_.clear();
  if (deliveries_.capacity() > 65536) deliveries_.shrink_to_fit();
}

void KafkaProducer::UpdateSpoolGaugesLocked() {
  if (metrics_ == nullptr || !spool_) return;
  metrics_->spool_bytes.With({}).Set(static_cast<double>(spool_->bytes()));
  metrics_->spool_messages.With({}).Set(static_cast<double>(spool_->pending()));
}

void KafkaProducer::DeadLetterLocked(uint64_t seq, const SpoolRecord& r, int err) {
  const auto e = static_cast<rd_kafka_resp_err_t>(err);
  ++stats_.failed;
  if (dead_letters_ != nullptr) dead_letters_->With({r.topic, rd_kafka_err2name(e)}).Inc();
  const bool to_dlq = r.topic != options_.topics.dlq;
  try {
    spdlog::error("kafka: record seq {} to {} (key {}) failed permanently: {} ({}); {}", seq,
                  r.topic, r.key.value_or("<null>"), rd_kafka_err2str(e), rd_kafka_err2name(e),
                  to_dlq ? "routed to " + options_.topics.dlq : "kept in the dead-letters file");
  } catch (...) {
  }
  bool keep_file = !to_dlq;
  if (to_dlq) {
    std::optional<std::string> site;
    nlohmann::json headers = nlohmann::json::object();
    for (const auto& [name, value] : r.headers) {
      headers[name] = value ? nlohmann::json(*value) : nlohmann::json(nullptr);
      if (name == kHeaderSite && value) site = *value;
    }
    const size_t value_bytes = r.value ? r.value->size() : 0;
    const bool truncated = value_bytes > kDlqValueMax;
    nlohmann::json j = {{"schema", "hallyu.dlq/1"},
                        {"url", r.key && !r.key->empty() ? *r.key : "kafka:" + r.topic},
                        {"stage", "produce"},
                        {"error",
                         {{"code", HallyuCodeName(err)},
                          {"message", std::string(rd_kafka_err2str(e))},
                          {"kafka_error", std::string(rd_kafka_err2name(e))}}},
                        {"topic", r.topic},
                        {"key", r.key ? nlohmann::json(*r.key) : nlohmann::json(nullptr)},
                        {"headers", std::move(headers)},
                        {"value", r.value ? nlohmann::json(r.value->substr(0, kDlqValueMax))
                                          : nlohmann::json(nullptr)},
                        {"value_bytes", value_bytes},
                        {"value_truncated", truncated},
                        {"attempts", 1},
                        {"failed_at", UtcNow()}};
    if (site) j["site"] = *site;
    SpoolRecord dlq;
    dlq.topic = options_.topics.dlq;
    dlq.key = r.key;
    dlq.value = DumpJson(j);
    dlq.headers = StandardHeaders("hallyu.dlq/1", site.value_or(""));
    dlq.headers.emplace_back("hallyu.dlq.topic", r.topic);
    Result<uint64_t> appended = spool_->Append(dlq);
    if (appended.ok()) {
      ++stats_.dead_lettered;
    } else {
      spdlog::error("kafka: cannot spool the DLQ record for seq {}: {}", seq,
                    appended.status().ToString());
      keep_file = true;
    }
    keep_file = keep_file || truncated;
  }
  if (keep_file && !AppendDeadLetterFileLocked(r, err)) {
    // Neither the DLQ topic nor the dead-letters file has it: it stays in the spool
    // (unacknowledged) and is tried again by the next start.
    ++stats_.dead_letters_kept;
    spdlog::error("kafka: record seq {} to {} kept in the spool: no dead-letter copy was written",
                  seq, r.topic);
    return;
  }
  spool_->Ack(seq);
}

bool KafkaProducer::AppendDeadLetterFileLocked(const SpoolRecord& r, int err) {
  const auto e = static_cast<rd_kafka_resp_err_t>(err);
  nlohmann::json j = {{"topic", r.topic},
                      {"key", r.key ? nlohmann::json(*r.key) : nlohmann::json(nullptr)},
                      {"value", r.value ? nlohmann::json(*r.value) : nlohmann::json(nullptr)},
                      {"kafka_error", std::string(rd_kafka_err2name(e))},
                      {"message", std::string(rd_kafka_err2str(e))},
                      {"failed_at", UtcNow()}};
  nlohmann::json headers = nlohmann::json::array();
  for (const auto& [name, value] : r.headers) {
    headers.push_back({name, value ? nlohmann::json(*value) : nlohmann::json(nullptr)});
  }
  j["headers"] = std::move(headers);
  std::string line = DumpJson(j) + "\n";
  std::string path = options_.spool.dir + "/dead-letters.ndjson";
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  bool ok = fd >= 0 && write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
            fdatasync(fd) == 0;
  int saved = errno;
  if (fd >= 0) close(fd);
  if (!ok) spdlog::error("kafka: cannot write {}: {}", path, strerror(saved));
  return ok;
}

int KafkaProducer::ProduceToClientLocked(const SpoolRecord& r) {
  rd_kafka_headers_t* hdrs = rd_kafka_headers_new(r.headers.size());
  for (const auto& [name, value] : r.headers) {
    rd_kafka_header_add(hdrs, name.data(), static_cast<ssize_t>(name.size()),
                        value ? value->data() : nullptr,
                        value ? static_cast<ssize_t>(value->size()) : 0);
  }
  const char* key = r.key ? r.key->data() : nullptr;
  size_t key_len = r.key ? r.key->size() : 0;
  char* value = r.value ? const_cast<char*>(r.value->data()) : nullptr;
  size_t value_len = r.value ? r.value->size() : 0;
  void* opaque = reinterpret_cast<void*>(static_cast<uintptr_t>(r.seq));
  rd_kafka_resp_err_t err = rd_kafka_producev(
      rk_, RD_KAFKA_V_TOPIC(r.topic.c_str()), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
      RD_KAFKA_V_KEY(key, key_len), RD_KAFKA_V_VALUE(value, value_len), RD_KAFKA_V_HEADERS(hdrs),
      RD_KAFKA_V_OPAQUE(opaque), RD_KAFKA_V_END);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR) rd_kafka_headers_destroy(hdrs);
  return err;
}

Status KafkaProducer::Produce(std::string topic, std::optional<std::string> key, std::string value,
                              KafkaHeaders headers) {
  SpoolRecord r;
  r.topic = std::move(topic);
  r.key = std::move(key);
  r.value = std::move(value);
  r.headers = std::move(headers);
  std::lock_guard<std::mutex> lock(mu_);
  if (closed_) return Cancelled("kafka producer closed");
  Result<uint64_t> seq = spool_->Append(r);
  if (!seq.ok()) return seq.status();
  r.seq = *seq;
  ++stats_.produced;
  // Straight to librdkafka when nothing older waits in the spool (keeps spool order).
  if (spool_->unsent() == 1 && rk_ != nullptr && !fatal_ && !queue_full_) {
    int err = ProduceToClientLocked(r);
    if (err == RD_KAFKA_RESP_ERR_NO_ERROR) {
      spool_->MarkSent(r.seq);
    } else if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
      queue_full_ = true;  // the poll thread takes it from the spool
    } else if (IsProducerStateError(err)) {
      fatal_ = true;  // left unsent: the poll thread re-sends it through a new client
    } else {
      spool_->MarkSent(r.seq);
      DeadLetterLocked(r.seq, r, err);
    }
  }
  return Status::Ok();
}

void KafkaProducer::FeedBacklogLocked() {
  if (fatal_) return;  // the client is being replaced
  if (rk_ == nullptr || spool_->unsent() == 0) {
    queue_full_ = false;
    return;
  }
  Result<std::vector<SpoolRecord>> batch = spool_->PeekUnsent(kFeedBatch);
  if (!batch.ok()) {
    spdlog::error("kafka: {}", batch.status().ToString());
    return;
  }
  for (const SpoolRecord& r : *batch) {
    int err = ProduceToClientLocked(r);
    if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
      queue_full_ = true;
      return;
    }
    if (IsProducerStateError(err)) {  // left unsent for the next client
      fatal_ = true;
      return;
    }
    spool_->MarkSent(r.seq);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) DeadLetterLocked(r.seq, r, err);
  }
  queue_full_ = spool_->unsent() > 0;
}

void KafkaProducer::PollLoop() {
  auto last_sync = Clock::now();
  int sync_fd = -1;
  uint64_t ack_mark = 0;  // 0: nothing to persist (marks start at 1)
  auto recreate_backoff = std::chrono::milliseconds(50);
  auto next_recreate = Clock::now();
  while (!stop_) {
    if (fatal_ && Clock::now() >= next_recreate) {
      if (Clock::now() - next_recreate > std::chrono::seconds(30)) {
        recreate_backoff = std::chrono::milliseconds(50);  // a fresh failure, not a loop
      }
      // The client is dead (fatal error, fenced or lost idempotence state): nothing it holds
      // was acknowledged, so drop it, rewind the spool and re-send through a new client.
      rd_kafka_t* old;
      {
        std::lock_guard<std::mutex> lock(mu_);
        old = rk_;
        rk_ = nullptr;
      }
      if (old != nullptr) {
        rd_kafka_purge(old, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
        rd_kafka_poll(old, 0);
        rd_kafka_destroy(old);
      }
      ApplyDeliveries();
      std::lock_guard<std::mutex> lock(mu_);
      spool_->RewindUnacked();
      queue_full_ = false;
      ++stats_.client_restarts;
      Status st = CreateClient();
      fatal_ = !st.ok();  // retried after the backoff when the new client cannot start
      if (!st.ok()) spdlog::error("kafka: recreating the client: {}", st.ToString());
      next_recreate = Clock::now() + recreate_backoff;
      recreate_backoff =
          std::min<std::chrono::milliseconds>(recreate_backoff * 2, std::chrono::seconds(5));
    }
    rd_kafka_t* rk = rk_;  // only this thread replaces rk_
    if (rk != nullptr) {
      rd_kafka_poll(rk, 5);
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));  // no client: do not spin
    }
    ApplyDeliveries();
    {
      std::lock_guard<std::mutex> lock(mu_);
      FeedBacklogLocked();
      UpdateSpoolGaugesLocked();
      if (Clock::now() - last_sync >= std::chrono::milliseconds(options_.spool_sync_interval_ms)) {
        sync_fd = spool_->SyncHandle();
        ack_mark = spool_->TakeAckMark().value_or(0);
        last_sync = Clock::now();
      }
    }
    // The batch fsync and the ack mark's write run without blocking Produce().
    if (sync_fd >= 0) {
      if (fdatasync(sync_fd) != 0) spdlog::error("kafka: spool fsync failed: {}", strerror(errno));
      close(sync_fd);
      sync_fd = -1;
    }
    if (ack_mark > 0) {
      Status st = KafkaSpool::WriteAckMark(options_.spool.dir, ack_mark);
      if (!st.ok()) spdlog::error("kafka: {}", st.ToString());
      ack_mark = 0;
    }
    cv_.notify_all();
  }
}

bool KafkaProducer::WaitForSpace(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  return cv_.wait_for(lock, timeout, [&] {
    return closed_ || spool_->bytes() < spool_->options().max_bytes / 10 * 9;
  });
}

Status KafkaProducer::Flush(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  if (!spool_) return Status::Ok();
  if (cv_.wait_for(lock, timeout, [&] { return spool_->pending() == 0; })) return Status::Ok();
  return Timeout("kafka: " + std::to_string(spool_->pending()) +
                 " record(s) not acknowledged after " + std::to_string(timeout.count()) +
                 " ms; they stay in the spool");
}

Status KafkaProducer::Close(std::optional<std::chrono::milliseconds> timeout) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (closed_ && !poller_.joinable() && rk_ == nullptr) return Status::Ok();
    closed_ = true;
  }
  Status result = Status::Ok();
  if (poller_.joinable()) {
    result = Flush(timeout.value_or(std::chrono::milliseconds(options_.shutdown_timeout_ms)));
    stop_ = true;
    poller_.join();
  }
  if (rk_ != nullptr) {
    rd_kafka_purge(rk_, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
    rd_kafka_poll(rk_, 0);
    ApplyDeliveries();
    rd_kafka_destroy(rk_);
    rk_ = nullptr;
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (spool_) {
      Status st = spool_->Sync();
      if (!st.ok()) spdlog::error("kafka: {}", st.ToString());
      if (spool_->pending() > 0) {
        spdlog::warn("kafka: {} record(s) left in the spool {} for the next start",
                     spool_->pending(), options_.spool.dir);
      }
      UpdateSpoolGaugesLocked();
    }
  }
  if (mock_host_ != nullptr) {
    rd_kafka_mock_cluster_destroy(mock_);
    rd_kafka_destroy(mock_host_);
    mock_ = nullptr;
    mock_host_ = nullptr;
  }
  cv_.notify_all();
  return result;
}

KafkaProducer::~KafkaProducer() {
  (void)Close();
  std::lock_guard<std::mutex> lock(mu_);
  spool_.reset();
}

KafkaProducerStats KafkaProducer::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  KafkaProducerStats s = stats_;
  if (spool_) {
    s.pending = spool_->pending();
    s.spool_bytes = spool_->bytes();
    s.corrupt_records = spool_->corrupt_records();
  }
  uint64_t total = 0;
  for (uint64_t c : latency_hist_) total += c;
  uint64_t seen = 0;
  for (size_t b = 0; b < latency_hist_.size() && total > 0; ++b) {
    seen += latency_hist_[b];
    if (s.latency_p50_us == 0 && seen * 2 >= total) s.latency_p50_us = (b + 1) * 100;
    if (seen * 100 >= total * 99) {
      s.latency_p99_us = (b + 1) * 100;
      break;
    }
  }
  return s;
}

Status KafkaProducer::EnsureTopics(const std::vector<KafkaTopicSpec>& specs,
                                   std::chrono::milliseconds timeout) {
  if (mock_ != nullptr) {
    for (const auto& s : specs) {
      rd_kafka_resp_err_t err = rd_kafka_mock_topic_create(
          mock_, s.name.c_str(), s.partitions,
          std::min(std::max(s.replication_factor, 1), options_.embedded_brokers));
      if (err != RD_KAFKA_RESP_ERR_NO_ERROR && err != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS) {
        return Internal("kafka: mock topic " + s.name + ": " + rd_kafka_err2str(err));
      }
    }
    return Status::Ok();
  }
  auto deadline = Clock::now() + timeout;
  auto ms_left = [&] {
    auto l = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    return static_cast<int>(std::max<int64_t>(l.count(), 1));
  };
  const rd_kafka_metadata_t* md = nullptr;
  rd_kafka_resp_err_t err = rd_kafka_metadata(rk_, 1, nullptr, &md, ms_left());
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    return Unavailable("kafka: no metadata from " + bootstrap_ + ": " + rd_kafka_err2str(err));
  }
  std::set<std::string> existing;
  for (int i = 0; i < md->topic_cnt; ++i) {
    if (md->topics[i].err == RD_KAFKA_RESP_ERR_NO_ERROR) existing.insert(md->topics[i].topic);
  }
  rd_kafka_metadata_destroy(md);
  std::vector<rd_kafka_NewTopic_t*> create;
  char errstr[512];
  for (const auto& s : specs) {
    if (existing.count(s.name)) continue;
    rd_kafka_NewTopic_t* nt = rd_kafka_NewTopic_new(s.name.c_str(), s.partitions,
                                                    s.replication_factor, errstr, sizeof errstr);
    if (nt == nullptr) {
      rd_kafka_NewTopic_destroy_array(create.data(), create.size());
      return InvalidArgument("kafka: topic " + s.name + ": " + errstr);
    }
    for (const auto& [k, v] : s.configs) rd_kafka_NewTopic_set_config(nt, k.c_str(), v.c_str());
    create.push_back(nt);
  }
  if (create.empty()) return Status::Ok();
  rd_kafka_AdminOptions_t* opts = rd_kafka_AdminOptions_new(rk_, RD_KAFKA_ADMIN_OP_CREATETOPICS);
  rd_kafka_AdminOptions_set_request_timeout(opts, ms_left(), errstr, sizeof errstr);
  rd_kafka_AdminOptions_set_operation_timeout(opts, ms_left(), errstr, sizeof errstr);
  rd_kafka_queue_t* q = rd_kafka_queue_new(rk_);
  rd_kafka_CreateTopics(rk_, create.data(), create.size(), opts, q);
  rd_kafka_NewTopic_destroy_array(create.data(), create.size());
  rd_kafka_AdminOptions_destroy(opts);
  Status result = Timeout("kafka: creating topics on " + bootstrap_ + " timed out");
  while (true) {
    rd_kafka_event_t* ev = rd_kafka_queue_poll(q, ms_left());
    if (ev == nullptr) {
      if (Clock::now() >= deadline) break;
      continue;
    }
    if (rd_kafka_event_type(ev) != RD_KAFKA_EVENT_CREATETOPICS_RESULT) {
      rd_kafka_event_destroy(ev);
      continue;
    }
    result = Status::Ok();
    if (rd_kafka_event_error(ev) != RD_KAFKA_RESP_ERR_NO_ERROR) {
      result = Unavailable(std::string("kafka: create topics: ") + rd_kafka_event_error_string(ev));
    } else {
      size_t n = 0;
      const rd_kafka_topic_result_t** res =
          rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(ev), &n);
      for (size_t i = 0; i < n && result.ok(); ++i) {
        rd_kafka_resp_err_t e = rd_kafka_topic_result_error(res[i]);
        if (e != RD_KAFKA_RESP_ERR_NO_ERROR && e != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS) {
          const char* msg = rd_kafka_topic_result_error_string(res[i]);
          result =
              Unavailable(std::string("kafka: create topic ") + rd_kafka_topic_result_name(res[i]) +
                          ": " + rd_kafka_err2name(e) + (msg ? std::string(" ") + msg : ""));
        } else if (e == RD_KAFKA_RESP_ERR_NO_ERROR) {
          spdlog::info("kafka: created topic {}", rd_kafka_topic_result_name(res[i]));
        }
      }
    }
    rd_kafka_event_destroy(ev);
    break;
  }
  rd_kafka_queue_destroy(q);
  if (!result.ok()) return result;
  // Created on the controller; wait until the metadata shows a leader for every partition
  // so the first records do not race the propagation.
  while (true) {
    const rd_kafka_metadata_t* m = nullptr;
    bool ready = false;
    if (rd_kafka_metadata(rk_, 1, nullptr, &m, ms_left()) == RD_KAFKA_RESP_ERR_NO_ERROR) {
      ready = true;
      for (const auto& s : specs) {
        bool found = false;
        for (int i = 0; i < m->topic_cnt && !found; ++i) {
          const rd_kafka_metadata_topic_t& t = m->topics[i];
          if (s.name != t.topic || t.err != RD_KAFKA_RESP_ERR_NO_ERROR) continue;
          found = t.partition_cnt >= 1;
          for (int pi = 0; pi < t.partition_cnt; ++pi) {
            if (t.partitions[pi].leader < 0) found = false;
          }
        }
        if (!found) ready = false;
      }
      rd_kafka_metadata_destroy(m);
    }
    if (ready) return Status::Ok();
    if (Clock::now() >= deadline) {
      return Timeout("kafka: topics created on " + bootstrap_ + " but not ready in time");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

}  // namespace hallyu
