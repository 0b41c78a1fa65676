#include "crawler/downstream/event_sink.h"

#include <librdkafka/rdkafka.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <thread>

#include "crawler/ops/metrics.h"

namespace hallyu {

// A malformed message's copy for the DLQ topic, kept until its delivery is confirmed.
struct DlqCopy {
  std::optional<std::string> key, value;
  std::string reason, topic, partition, offset;
};

struct EventSink::Impl {
  SinkOptions options;
  Store* store = nullptr;
  rd_kafka_t* consumer = nullptr;
  rd_kafka_t* dlq = nullptr;
  // Delivery result of each DLQ copy of the current batch (index = the message opaque - 1);
  // kNoReport while no report arrived. Written by the delivery callback, which runs inside
  // rd_kafka_flush/poll on the Run() thread.
  static constexpr int kNoReport = INT32_MIN;
  std::vector<int> dlq_results;
  bool assigned = false;
  std::chrono::steady_clock::time_point assigned_at;
  Status rebalance_error;

  ~Impl() {
    if (consumer != nullptr) {
      rd_kafka_consumer_close(consumer);
      rd_kafka_destroy(consumer);
    }
    if (dlq != nullptr) {
      rd_kafka_flush(dlq, options.dlq_flush_timeout_ms);
      rd_kafka_destroy(dlq);
    }
  }

  // On assignment: start each partition at the offset stored in the database (or
  // the beginning when none is stored).
  void OnRebalance(rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t* parts) noexcept {
    if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
      auto stored = store->LoadOffsets(options.group);
      if (!stored.ok()) {
        rebalance_error = stored.status();
        rd_kafka_assign(consumer, nullptr);
        return;
      }
      for (int i = 0; i < parts->cnt; ++i) {
        auto& p = parts->elems[i];
        p.offset = RD_KAFKA_OFFSET_BEGINNING;
        for (const auto& o : *stored) {
          if (o.topic == p.topic && o.partition == p.partition) p.offset = o.next_offset;
        }
        spdlog::info("sink: {}[{}] starts at offset {}", p.topic, p.partition,
                     p.offset == RD_KAFKA_OFFSET_BEGINNING ? std::string("beginning")
                                                           : std::to_string(p.offset));
      }
      rd_kafka_assign(consumer, parts);
      assigned = true;
      assigned_at = std::chrono::steady_clock::now();
    } else {
      rd_kafka_assign(consumer, nullptr);
      assigned = false;
    }
  }
};

namespace {

void RebalanceCb(rd_kafka_t*, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t* parts,
                 void* opaque) noexcept {
  static_cast<EventSink::Impl*>(opaque)->OnRebalance(err, parts);
}

Status SetConf(rd_kafka_conf_t* conf, const std::string& k, const std::string& v) {
  char err[512];
  if (rd_kafka_conf_set(conf, k.c_str(), v.c_str(), err, sizeof err) != RD_KAFKA_CONF_OK) {
    return InvalidArgument("kafka config " + k + ": " + err);
  }
  return Status::Ok();
}

std::string MessageText(const rd_kafka_message_t* m) {
  return m->payload ? std::string(static_cast<const char*>(m->payload), m->len) : std::string();
}

void DlqDeliveryCb(rd_kafka_t*, const rd_kafka_message_t* m, void* opaque) noexcept {
  auto* impl = static_cast<EventSink::Impl*>(opaque);
  const auto index = reinterpret_cast<uintptr_t>(m->_private);
  if (index >= 1 && index <= impl->dlq_results.size()) impl->dlq_results[index - 1] = m->err;
}

// Produces copies[i] (opaque i + 1). Returns librdkafka's immediate error, if any.
rd_kafka_resp_err_t ProduceDlqCopy(rd_kafka_t* dlq, const std::string& dlq_topic, const DlqCopy& c,
                                   size_t i) {
  void* key = c.key ? const_cast<char*>(c.key->data()) : nullptr;
  const size_t key_len = c.key ? c.key->size() : 0;
  void* value = c.value ? const_cast<char*>(c.value->data()) : nullptr;
  const size_t value_len = c.value ? c.value->size() : 0;
  return rd_kafka_producev(
      dlq, RD_KAFKA_V_TOPIC(dlq_topic.c_str()), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
      RD_KAFKA_V_KEY(key, key_len), RD_KAFKA_V_VALUE(value, value_len),
      RD_KAFKA_V_HEADER("hallyu.dlq.reason", c.reason.data(),
                        static_cast<ssize_t>(c.reason.size())),
      RD_KAFKA_V_HEADER("hallyu.dlq.topic", c.topic.data(), static_cast<ssize_t>(c.topic.size())),
      RD_KAFKA_V_HEADER("hallyu.dlq.partition", c.partition.data(),
                        static_cast<ssize_t>(c.partition.size())),
      RD_KAFKA_V_HEADER("hallyu.dlq.offset", c.offset.data(),
                        static_cast<ssize_t>(c.offset.size())),
      RD_KAFKA_V_OPAQUE(reinterpret_cast<void*>(static_cast<uintptr_t>(i + 1))), RD_KAFKA_V_END);
}

// Sends every copy to the DLQ topic and waits for each delivery report; failed copies are
// sent again (3 attempts). Returns kUnavailable naming the first copy that still failed:
// the caller must then NOT store the batch's offsets.
Status DeliverDlqCopies(EventSink::Impl& impl, const std::vector<DlqCopy>& copies) {
  constexpr int kAttempts = 3;
  impl.dlq_results.assign(copies.size(), EventSink::Impl::kNoReport);
  std::vector<size_t> todo(copies.size());
  for (size_t i = 0; i < copies.size(); ++i) todo[i] = i;
  std::string last_error;
  for (int attempt = 0; attempt < kAttempts && !todo.empty(); ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(200 << attempt));
    for (size_t i : todo) {
      impl.dlq_results[i] = EventSink::Impl::kNoReport;
      rd_kafka_resp_err_t e = ProduceDlqCopy(impl.dlq, impl.options.dlq_topic, copies[i], i);
      if (e != RD_KAFKA_RESP_ERR_NO_ERROR) impl.dlq_results[i] = e;
    }
    rd_kafka_resp_err_t fe = rd_kafka_flush(impl.dlq, impl.options.dlq_flush_timeout_ms);
    if (fe != RD_KAFKA_RESP_ERR_NO_ERROR) {
      return Unavailable(std::string("sink: DLQ flush: ") + rd_kafka_err2str(fe));
    }
    std::vector<size_t> failed;
    for (size_t i : todo) {
      if (impl.dlq_results[i] == RD_KAFKA_RESP_ERR_NO_ERROR) continue;
      failed.push_back(i);
      const auto e = static_cast<rd_kafka_resp_err_t>(impl.dlq_results[i]);
      last_error =
          copies[i].topic + "[" + copies[i].partition + "]@" + copies[i].offset + ": " +
          (impl.dlq_results[i] == EventSink::Impl::kNoReport ? std::string("no delivery report")
                                                             : std::string(rd_kafka_err2name(e)));
      spdlog::warn("sink: DLQ copy of {} not delivered (attempt {} of {})", last_error, attempt + 1,
                   kAttempts);
    }
    todo = std::move(failed);
  }
  if (!todo.empty()) {
    return Unavailable("sink: DLQ delivery failed for " + std::to_string(todo.size()) +
                       " message(s), last " + last_error +
                       "; offsets not moved past them (a restart retries)");
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<EventSink>> EventSink::Create(const SinkOptions& o, Store& store) {
  if (o.topics.empty()) return InvalidArgument("sink: no topics");
  if (o.max_batch < 1 || o.max_batch > 100000)
    return InvalidArgument("sink: max_batch out of range");
  std::unique_ptr<EventSink> sink(new EventSink());
  sink->impl_ = std::make_unique<Impl>();
  Impl& impl = *sink->impl_;
  impl.options = o;
  impl.store = &store;

  char err[512];
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  Status s = SetConf(conf, "bootstrap.servers", o.brokers);
  if (s.ok()) s = SetConf(conf, "group.id", o.group);
  if (s.ok()) s = SetConf(conf, "enable.auto.commit", "false");
  if (s.ok()) s = SetConf(conf, "enable.auto.offset.store", "false");
  if (s.ok()) s = SetConf(conf, "auto.offset.reset", "earliest");
  if (s.ok()) s = SetConf(conf, "client.id", "hallyu-sink");
  for (const auto& [k, v] : o.kafka) {
    if (s.ok()) s = SetConf(conf, k, v);
  }
  if (!s.ok()) {
    rd_kafka_conf_destroy(conf);
    return s;
  }
  rd_kafka_conf_set_rebalance_cb(conf, RebalanceCb);
  rd_kafka_conf_set_opaque(conf, &impl);
  impl.consumer = rd_kafka_new(RD_KAFKA_CONSUMER, conf, err, sizeof err);
  if (impl.consumer == nullptr) {
    rd_kafka_conf_destroy(conf);
    return InvalidArgument(std::string("kafka consumer: ") + err);
  }
  rd_kafka_poll_set_consumer(impl.consumer);

  rd_kafka_conf_t* pconf = rd_kafka_conf_new();
  s = SetConf(pconf, "bootstrap.servers", o.brokers);
  if (s.ok()) s = SetConf(pconf, "enable.idempotence", "true");
  if (s.ok()) s = SetConf(pconf, "client.id", "hallyu-sink-dlq");
  // A copy that cannot be delivered fails within the flush wait instead of lingering.
  if (s.ok()) {
    s = SetConf(pconf, "message.timeout.ms",
                std::to_string(std::max(o.dlq_flush_timeout_ms / 10 * 9, 1)));
  }
  if (!s.ok()) {
    rd_kafka_conf_destroy(pconf);
    return s;
  }
  rd_kafka_conf_set_opaque(pconf, &impl);
  rd_kafka_conf_set_dr_msg_cb(pconf, DlqDeliveryCb);
  impl.dlq = rd_kafka_new(RD_KAFKA_PRODUCER, pconf, err, sizeof err);
  if (impl.dlq == nullptr) {
    rd_kafka_conf_destroy(pconf);
    return InvalidArgument(std::string("kafka DLQ producer: ") + err);
  }

  rd_kafka_topic_partition_list_t* topics =
      rd_kafka_topic_partition_list_new(static_cast<int>(o.topics.size()));
  for (const auto& t : o.topics) {
    rd_kafka_topic_partition_list_add(topics, t.c_str(), RD_KAFKA_PARTITION_UA);
  }
  rd_kafka_resp_err_t e = rd_kafka_subscribe(impl.consumer, topics);
  rd_kafka_topic_partition_list_destroy(topics);
  if (e != RD_KAFKA_RESP_ERR_NO_ERROR) {
    return InvalidArgument(std::string("kafka subscribe: ") + rd_kafka_err2str(e));
  }
  return sink;
}

EventSink::~EventSink() = default;

Status EventSink::Run() {
  Impl& impl = *impl_;
  const SinkOptions& o = impl.options;
  CrawlMetrics& metrics = DefaultCrawlMetrics();
  auto idle_since = std::chrono::steady_clock::now();
  while (!stop_.load()) {
    std::vector<EventRecord> events;
    std::map<std::pair<std::string, int32_t>, int64_t> next;  // (topic, partition) -> offset
    int dlq_in_batch = 0;
    std::vector<DlqCopy> dlq_copies;
    int timeout = o.poll_timeout_ms;
    for (int n = 0; n < o.max_batch && !stop_.load(); ++n) {
      rd_kafka_message_t* m = rd_kafka_consumer_poll(impl.consumer, timeout);
      timeout = 0;  // the rest of the batch is what is already fetched
      if (!impl.rebalance_error.ok()) return impl.rebalance_error.WithContext("sink assignment");
      if (m == nullptr) break;
      if (m->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF) {
          spdlog::warn("sink: consumer error: {}", rd_kafka_message_errstr(m));
        }
        rd_kafka_message_destroy(m);
        continue;
      }
      std::string topic = rd_kafka_topic_name(m->rkt);
      next[{topic, m->partition}] = m->offset + 1;
      std::string text = MessageText(m);
      auto rec = ParseEventRecord(text);
      if (rec.ok()) {
        events.push_back(std::move(*rec));
      } else {
        DlqCopy c;
        c.reason = rec.status().ToString();
        spdlog::warn("sink: {}[{}]@{} to DLQ: {}", topic, m->partition, m->offset, c.reason);
        if (m->key != nullptr) c.key.emplace(static_cast<const char*>(m->key), m->key_len);
        if (m->payload != nullptr) c.value = std::move(text);
        c.topic = topic;
        c.partition = std::to_string(m->partition);
        c.offset = std::to_string(m->offset);
        dlq_copies.push_back(std::move(c));
        ++dlq_in_batch;
      }
      rd_kafka_message_destroy(m);
    }
    if (next.empty()) {
      if (o.idle_exit_ms > 0 && impl.assigned &&
          std::chrono::steady_clock::now() - std::max(idle_since, impl.assigned_at) >=
              std::chrono::milliseconds(o.idle_exit_ms)) {
        break;
      }
      continue;
    }
    idle_since = std::chrono::steady_clock::now();
    if (dlq_in_batch > 0) {
      // Every DLQ copy must be delivered (its delivery report checked) before the offsets
      // move past the bad message; otherwise nothing of this batch is stored.
      HALLYU_RETURN_IF_ERROR(DeliverDlqCopies(impl, dlq_copies));
    }
    std::vector<PartitionOffset> offsets;
    for (const auto& [tp, off] : next) offsets.push_back({tp.first, tp.second, off});
    Result<WriteStats> w = InvalidArgument("not written");
    for (int attempt = 0; attempt < 5; ++attempt) {
      w = impl.store->WriteBatch(events, offsets, o.group);
      if (w.ok()) break;
      spdlog::warn("sink: store write failed (attempt {}): {}", attempt + 1, w.status().ToString());
      std::this_thread::sleep_for(std::chrono::milliseconds(100 << attempt));
    }
    if (!w.ok()) return w.status().WithContext("sink: store");
    ++stats_.batches;
    stats_.stored += w->versions_added;
    stats_.duplicates += w->versions_ignored;
    stats_.dlq += dlq_in_batch;
    metrics.sink_messages.With({"stored"}).Inc(static_cast<double>(w->versions_added));
    metrics.sink_messages.With({"duplicate"}).Inc(static_cast<double>(w->versions_ignored));
    metrics.sink_messages.With({"dlq"}).Inc(dlq_in_batch);
    spdlog::debug("sink: batch of {} stored ({} new, {} repeated, {} to DLQ)", events.size(),
                  w->versions_added, w->versions_ignored, dlq_in_batch);
    // Informational commit for lag monitoring; the database offsets are authoritative.
    rd_kafka_topic_partition_list_t* list =
        rd_kafka_topic_partition_list_new(static_cast<int>(offsets.size()));
    for (const auto& p : offsets) {
      rd_kafka_topic_partition_list_add(list, p.topic.c_str(), p.partition)->offset = p.next_offset;
    }
    rd_kafka_commit(impl.consumer, list, /*async=*/1);
    rd_kafka_topic_partition_list_destroy(list);
    if (o.throttle_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(o.throttle_ms));
  }
  return Status::Ok();
}

}  // namespace hallyu
