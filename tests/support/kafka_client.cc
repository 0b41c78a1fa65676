#include "tests/support/kafka_client.h"

#include <gtest/gtest.h>
#include <librdkafka/rdkafka.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <thread>

namespace hallyu::testing {
namespace {

rd_kafka_t* NewClient(rd_kafka_type_t type, const std::string& brokers,
                      std::vector<std::pair<std::string, std::string>> extra = {}) {
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  char err[512];
  extra.emplace(extra.begin(), "bootstrap.servers", brokers);
  for (const auto& [k, v] : extra) {
    if (rd_kafka_conf_set(conf, k.c_str(), v.c_str(), err, sizeof err) != RD_KAFKA_CONF_OK) {
      ADD_FAILURE() << k << ": " << err;
    }
  }
  rd_kafka_t* rk = rd_kafka_new(type, conf, err, sizeof err);
  if (rk == nullptr) ADD_FAILURE() << "rd_kafka_new: " << err;
  return rk;
}

int PartitionCount(rd_kafka_t* rk, const std::string& topic) {
  rd_kafka_topic_t* t = rd_kafka_topic_new(rk, topic.c_str(), nullptr);
  const rd_kafka_metadata_t* md = nullptr;
  int n = 0;
  if (rd_kafka_metadata(rk, 0, t, &md, 5000) == RD_KAFKA_RESP_ERR_NO_ERROR && md->topic_cnt == 1 &&
      md->topics[0].err == 0) {
    n = md->topics[0].partition_cnt;
  }
  if (md != nullptr) rd_kafka_metadata_destroy(md);
  rd_kafka_topic_destroy(t);
  return n;
}

}  // namespace

std::string KafkaBrokers() {
  const char* b = std::getenv("HALLYU_KAFKA_BROKERS");
  if (b == nullptr || *b == '\0') {
    ADD_FAILURE()
        << "HALLYU_KAFKA_BROKERS is not set: start a broker with scripts/kafka-local.sh start";
    return "127.0.0.1:1";
  }
  return b;
}

std::string UniqueTopicName(const std::string& prefix) {
  static std::atomic<int> n{0};
  return prefix + "." + std::to_string(getpid()) + "." + std::to_string(n++) + "." +
         std::to_string(std::chrono::system_clock::now().time_since_epoch().count() % 1000000007);
}

void CreateTopic(const std::string& brokers, const std::string& topic, int partitions) {
  rd_kafka_t* rk = NewClient(RD_KAFKA_PRODUCER, brokers);
  ASSERT_NE(rk, nullptr);
  char err[512];
  rd_kafka_NewTopic_t* nt = rd_kafka_NewTopic_new(topic.c_str(), partitions, 1, err, sizeof err);
  ASSERT_NE(nt, nullptr) << err;
  rd_kafka_queue_t* q = rd_kafka_queue_new(rk);
  rd_kafka_CreateTopics(rk, &nt, 1, nullptr, q);
  rd_kafka_event_t* ev = rd_kafka_queue_poll(q, 30000);
  ASSERT_NE(ev, nullptr) << "CreateTopics timed out";
  const rd_kafka_CreateTopics_result_t* res = rd_kafka_event_CreateTopics_result(ev);
  size_t cnt = 0;
  const rd_kafka_topic_result_t** results = rd_kafka_CreateTopics_result_topics(res, &cnt);
  for (size_t i = 0; i < cnt; ++i) {
    auto e = rd_kafka_topic_result_error(results[i]);
    EXPECT_TRUE(e == RD_KAFKA_RESP_ERR_NO_ERROR || e == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS)
        << topic << ": " << rd_kafka_err2str(e);
  }
  rd_kafka_event_destroy(ev);
  rd_kafka_queue_destroy(q);
  rd_kafka_NewTopic_destroy(nt);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (PartitionCount(rk, topic) != partitions && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(PartitionCount(rk, topic), partitions) << topic;
  rd_kafka_destroy(rk);
}

void ProduceAll(const std::string& brokers, const std::vector<KafkaRecord>& records) {
  std::atomic<int> failures{0};
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  char err[512];
  rd_kafka_conf_set(conf, "bootstrap.servers", brokers.c_str(), err, sizeof err);
  rd_kafka_conf_set(conf, "enable.idempotence", "true", err, sizeof err);
  rd_kafka_conf_set(conf, "linger.ms", "5", err, sizeof err);
  rd_kafka_conf_set_opaque(conf, &failures);
  rd_kafka_conf_set_dr_msg_cb(conf, [](rd_kafka_t*, const rd_kafka_message_t* m, void* opaque) {
    if (m->err) static_cast<std::atomic<int>*>(opaque)->fetch_add(1);
  });
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
  ASSERT_NE(rk, nullptr) << err;
  for (const auto& r : records) {
    rd_kafka_resp_err_t e;
    while ((e = rd_kafka_producev(
                rk, RD_KAFKA_V_TOPIC(r.topic.c_str()), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                RD_KAFKA_V_KEY(r.key.data(), r.key.size()),
                RD_KAFKA_V_VALUE(const_cast<char*>(r.value.data()), r.value.size()),
                RD_KAFKA_V_END)) == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
      rd_kafka_poll(rk, 50);
    }
    ASSERT_EQ(e, RD_KAFKA_RESP_ERR_NO_ERROR) << rd_kafka_err2str(e);
  }
  EXPECT_EQ(rd_kafka_flush(rk, 30000), RD_KAFKA_RESP_ERR_NO_ERROR);
  EXPECT_EQ(failures.load(), 0);
  rd_kafka_destroy(rk);
}

std::vector<KafkaRecord> ConsumeAll(const std::string& brokers, const std::string& topic,
                                    size_t count) {
  std::vector<KafkaRecord> out;
  rd_kafka_t* rk =
      NewClient(RD_KAFKA_CONSUMER, brokers,
                {{"group.id", UniqueTopicName("test-reader")}, {"enable.auto.commit", "false"}});
  if (rk == nullptr) return out;
  rd_kafka_poll_set_consumer(rk);
  int partitions = PartitionCount(rk, topic);
  rd_kafka_topic_partition_list_t* parts = rd_kafka_topic_partition_list_new(partitions);
  for (int p = 0; p < partitions; ++p) {
    rd_kafka_topic_partition_list_add(parts, topic.c_str(), p)->offset = RD_KAFKA_OFFSET_BEGINNING;
  }
  rd_kafka_assign(rk, parts);
  rd_kafka_topic_partition_list_destroy(parts);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (out.size() < count && std::chrono::steady_clock::now() < deadline) {
    rd_kafka_message_t* m = rd_kafka_consumer_poll(rk, 200);
    if (m == nullptr) continue;
    if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
      KafkaRecord r;
      r.topic = topic;
      r.partition = m->partition;
      r.offset = m->offset;
      if (m->key) r.key.assign(static_cast<const char*>(m->key), m->key_len);
      if (m->payload) r.value.assign(static_cast<const char*>(m->payload), m->len);
      rd_kafka_headers_t* hdrs = nullptr;
      if (rd_kafka_message_headers(m, &hdrs) == RD_KAFKA_RESP_ERR_NO_ERROR) {
        const char* name;
        const void* val;
        size_t size;
        for (size_t i = 0; rd_kafka_header_get_all(hdrs, i, &name, &val, &size) == 0; ++i) {
          r.headers[name] = std::string(static_cast<const char*>(val), size);
        }
      }
      out.push_back(std::move(r));
    }
    rd_kafka_message_destroy(m);
  }
  rd_kafka_consumer_close(rk);
  rd_kafka_destroy(rk);
  return out;
}

std::map<int, long long> HighWatermarks(const std::string& brokers, const std::string& topic) {
  std::map<int, long long> out;
  rd_kafka_t* rk = NewClient(RD_KAFKA_PRODUCER, brokers);
  if (rk == nullptr) return out;
  int partitions = PartitionCount(rk, topic);
  for (int p = 0; p < partitions; ++p) {
    int64_t lo = 0, hi = 0;
    EXPECT_EQ(rd_kafka_query_watermark_offsets(rk, topic.c_str(), p, &lo, &hi, 10000),
              RD_KAFKA_RESP_ERR_NO_ERROR);
    out[p] = hi;
  }
  rd_kafka_destroy(rk);
  return out;
}

}  // namespace hallyu::testing
