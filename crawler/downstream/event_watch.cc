#include "crawler/downstream/event_watch.h"

#include <algorithm>

#include <librdkafka/rdkafka.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "crawler/downstream/event_format.h"
#include "crawler/store/event_record.h"

namespace hallyu {

struct EventWatcher::Impl {
  WatchOptions options;
  rd_kafka_t* rk = nullptr;
  std::unordered_map<std::string, std::string> last_status;  // event_id -> status
  ~Impl() {
    if (rk != nullptr) {
      rd_kafka_consumer_close(rk);
      rd_kafka_destroy(rk);
    }
  }
};

Result<std::unique_ptr<EventWatcher>> EventWatcher::Create(const WatchOptions& o) {
  if (o.topics.empty()) return InvalidArgument("watch: no topics");
  std::unique_ptr<EventWatcher> w(new EventWatcher());
  w->impl_ = std::make_unique<Impl>();
  w->impl_->options = o;
  char err[512];
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  const std::string group = "hallyu-watch-" + std::to_string(getpid());
  for (const auto& [k, v] :
       std::vector<std::pair<std::string, std::string>>{{"bootstrap.servers", o.brokers},
                                                        {"group.id", group},
                                                        {"enable.auto.commit", "false"},
                                                        {"client.id", "hallyu-watch"}}) {
    if (rd_kafka_conf_set(conf, k.c_str(), v.c_str(), err, sizeof err) != RD_KAFKA_CONF_OK) {
      rd_kafka_conf_destroy(conf);
      return InvalidArgument("kafka config " + k + ": " + err);
    }
  }
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, err, sizeof err);
  if (rk == nullptr) {
    rd_kafka_conf_destroy(conf);
    return InvalidArgument(std::string("kafka consumer: ") + err);
  }
  w->impl_->rk = rk;
  rd_kafka_poll_set_consumer(rk);

  // Resolve every partition's end offset now, so nothing produced after Create()
  // returns is missed.
  rd_kafka_topic_partition_list_t* parts = rd_kafka_topic_partition_list_new(8);
  auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(o.metadata_timeout_ms);
  for (const auto& topic : o.topics) {
    int partitions = 0;
    while (partitions == 0) {
      rd_kafka_topic_t* t = rd_kafka_topic_new(rk, topic.c_str(), nullptr);
      const rd_kafka_metadata_t* md = nullptr;
      rd_kafka_resp_err_t e = rd_kafka_metadata(rk, 0, t, &md, 5000);
      if (e == RD_KAFKA_RESP_ERR_NO_ERROR && md->topic_cnt == 1 && md->topics[0].err == 0) {
        partitions = md->topics[0].partition_cnt;
      }
      if (md != nullptr) rd_kafka_metadata_destroy(md);
      rd_kafka_topic_destroy(t);
      if (partitions == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
          rd_kafka_topic_partition_list_destroy(parts);
          return Unavailable("watch: no metadata for topic " + topic + " from " + o.brokers);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
      }
    }
    for (int p = 0; p < partitions; ++p) {
      int64_t lo = 0, hi = 0;
      if (!o.from_beginning) {
        rd_kafka_resp_err_t e =
            rd_kafka_query_watermark_offsets(rk, topic.c_str(), p, &lo, &hi, 5000);
        if (e != RD_KAFKA_RESP_ERR_NO_ERROR) {
          rd_kafka_topic_partition_list_destroy(parts);
          return Unavailable("watch: watermarks of " + topic + ": " + rd_kafka_err2str(e));
        }
      }
      rd_kafka_topic_partition_list_add(parts, topic.c_str(), p)->offset =
          o.from_beginning ? RD_KAFKA_OFFSET_BEGINNING : hi;
    }
  }
  rd_kafka_resp_err_t e = rd_kafka_assign(rk, parts);
  int count = parts->cnt;
  rd_kafka_topic_partition_list_destroy(parts);
  if (e != RD_KAFKA_RESP_ERR_NO_ERROR) {
    return Unavailable(std::string("watch: assign: ") + rd_kafka_err2str(e));
  }
  spdlog::info("watch: following {} partitions of {} topics", count, o.topics.size());
  return w;
}

EventWatcher::~EventWatcher() = default;

Status EventWatcher::Run(std::ostream& out) {
  Impl& impl = *impl_;
  const WatchOptions& o = impl.options;
  while (!stop_.load()) {
    rd_kafka_message_t* m = rd_kafka_consumer_poll(impl.rk, o.poll_timeout_ms);
    if (m == nullptr) continue;
    if (m->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF) {
        spdlog::warn("watch: consumer error: {}", rd_kafka_message_errstr(m));
      }
      rd_kafka_message_destroy(m);
      continue;
    }
    std::string text(static_cast<const char*>(m->payload ? m->payload : ""),
                     m->payload ? m->len : 0);
    rd_kafka_message_destroy(m);
    auto rec = ParseEventRecord(text);
    if (!rec.ok()) {
      spdlog::warn("watch: skipping malformed message: {}", rec.status().ToString());
      continue;
    }
    if (o.crossover_only && !rec->crossover) continue;
    if (!o.types.empty() && std::find(o.types.begin(), o.types.end(), rec->type) == o.types.end()) {
      continue;
    }
    auto it = impl.last_status.find(rec->event_id);
    if (it != impl.last_status.end() && it->second == rec->status) continue;  // no change
    if (impl.last_status.size() >= o.max_tracked_events) impl.last_status.clear();
    impl.last_status[rec->event_id] = rec->status;
    out << FormatEventLine(*rec, static_cast<int64_t>(rec->sources.size())) << std::endl;
    if (!o.webhook_url.empty()) {
      Status s = PostWebhook(o.webhook_url, text, o.webhook);
      if (!s.ok()) spdlog::error("watch: {}", s.ToString());
    }
  }
  return Status::Ok();
}

}  // namespace hallyu
