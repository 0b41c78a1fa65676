#include "tests/support/kafka_fixture.h"

#include "tests/support/paths.h"

#include <librdkafka/rdkafka.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <set>
#include <sstream>

namespace hallyu::testing {
namespace {

using Clock = std::chrono::steady_clock;

int Ms(std::chrono::milliseconds d) { return static_cast<int>(d.count()); }

int MsLeft(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() > 0 ? static_cast<int>(left.count()) : 0;
}

struct ConfDeleter {
  void operator()(rd_kafka_conf_t* c) const { rd_kafka_conf_destroy(c); }
};
struct HandleDeleter {
  void operator()(rd_kafka_t* rk) const { rd_kafka_destroy(rk); }
};
struct QueueDeleter {
  void operator()(rd_kafka_queue_t* q) const { rd_kafka_queue_destroy(q); }
};
struct EventDeleter {
  void operator()(rd_kafka_event_t* e) const { rd_kafka_event_destroy(e); }
};
struct OptionsDeleter {
  void operator()(rd_kafka_AdminOptions_t* o) const { rd_kafka_AdminOptions_destroy(o); }
};
struct MetadataDeleter {
  void operator()(const rd_kafka_metadata_t* m) const { rd_kafka_metadata_destroy(m); }
};
using HandlePtr = std::unique_ptr<rd_kafka_t, HandleDeleter>;
using QueuePtr = std::unique_ptr<rd_kafka_queue_t, QueueDeleter>;
using EventPtr = std::unique_ptr<rd_kafka_event_t, EventDeleter>;
using OptionsPtr = std::unique_ptr<rd_kafka_AdminOptions_t, OptionsDeleter>;
using MetadataPtr = std::unique_ptr<const rd_kafka_metadata_t, MetadataDeleter>;

// Only warnings and errors from librdkafka reach stderr (connection refused while a test
// deliberately stops the broker is expected noise, but still useful in a failure log).
void QuietLogger(const rd_kafka_t*, int level, const char* fac, const char* buf) noexcept {
  if (level <= 4) fprintf(stderr, "librdkafka[%d] %s: %s\n", level, fac, buf);
}

// Builds a handle of `type` on `brokers` with `props`; nullptr and `error` on failure.
HandlePtr NewHandle(rd_kafka_type_t type, const std::string& brokers,
                    const std::vector<std::pair<std::string, std::string>>& props,
                    std::string* error, void* opaque = nullptr,
                    void (*dr_cb)(rd_kafka_t*, const rd_kafka_message_t*, void*) = nullptr) {
  std::unique_ptr<rd_kafka_conf_t, ConfDeleter> conf(rd_kafka_conf_new());
  char errstr[512];
  auto set = [&](const std::string& k, const std::string& v) {
    if (rd_kafka_conf_set(conf.get(), k.c_str(), v.c_str(), errstr, sizeof errstr) !=
        RD_KAFKA_CONF_OK) {
      *error = "config " + k + "=" + v + ": " + errstr;
      return false;
    }
    return true;
  };
  if (!set("bootstrap.servers", brokers)) return nullptr;
  for (const auto& [k, v] : props) {
    if (!set(k, v)) return nullptr;
  }
  rd_kafka_conf_set_log_cb(conf.get(), QuietLogger);
  if (opaque != nullptr) rd_kafka_conf_set_opaque(conf.get(), opaque);
  if (dr_cb != nullptr) rd_kafka_conf_set_dr_msg_cb(conf.get(), dr_cb);
  rd_kafka_t* rk = rd_kafka_new(type, conf.get(), errstr, sizeof errstr);
  if (rk == nullptr) {
    *error = std::string("rd_kafka_new: ") + errstr;
    return nullptr;
  }
  conf.release();  // owned by rk now
  return HandlePtr(rk);
}

std::string SanitizeTopicPart(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-';
    out.push_back(ok ? c : '_');
  }
  return out;
}

// Polls `queue` for an admin result event of `type` until `timeout`.
EventPtr WaitAdminResult(rd_kafka_queue_t* queue, rd_kafka_event_type_t type,
                         std::chrono::milliseconds timeout, std::string* error) {
  auto deadline = Clock::now() + timeout;
  while (true) {
    int left = MsLeft(deadline);
    EventPtr ev(rd_kafka_queue_poll(queue, left > 0 ? left : 1));
    if (ev == nullptr) {
      if (left == 0) {
        *error = "no admin result within " + std::to_string(timeout.count()) + " ms";
        return nullptr;
      }
      continue;
    }
    if (rd_kafka_event_type(ev.get()) != type) continue;
    if (rd_kafka_event_error(ev.get()) != RD_KAFKA_RESP_ERR_NO_ERROR) {
      *error = rd_kafka_event_error_string(ev.get());
      return nullptr;
    }
    return ev;
  }
}

// Finds `topic` in a full metadata answer (a full request never auto-creates topics).
const rd_kafka_metadata_topic_t* FindTopic(const rd_kafka_metadata_t* md,
                                           const std::string& topic) {
  for (int i = 0; i < md->topic_cnt; ++i) {
    if (topic == md->topics[i].topic) return &md->topics[i];
  }
  return nullptr;
}

struct DeliveryState {
  size_t delivered = 0;
  size_t failed = 0;
  std::string first_error;
};

void OnDelivery(rd_kafka_t*, const rd_kafka_message_t* m, void* opaque) noexcept {
  auto* st = static_cast<DeliveryState*>(opaque);
  if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
    ++st->delivered;
  } else {
    if (st->failed++ == 0) st->first_error = rd_kafka_err2str(m->err);
  }
}

}  // namespace

std::string KafkaBrokersFromEnv() {
  const char* env = std::getenv("HALLYU_KAFKA_BROKERS");
  if (env != nullptr && *env != '\0') return env;
  return std::string(kDefaultKafkaBrokers);
}

std::optional<std::string> ConsumedRecord::Header(std::string_view name) const {
  std::optional<std::string> found;
  for (const auto& h : headers) {
    if (h.name == name) found = h.value;
  }
  return found;
}

std::string ConsumedRecord::ValueOr(std::string_view fallback) const {
  return value ? *value : std::string(fallback);
}

KafkaTestClient::KafkaTestClient(std::string brokers) : brokers_(std::move(brokers)) {}

KafkaTestClient::~KafkaTestClient() {
  if (admin_ != nullptr) rd_kafka_destroy(admin_);
}

rd_kafka_t* KafkaTestClient::Admin() {
  if (admin_ != nullptr) return admin_;
  std::string error;
  HandlePtr h = NewHandle(RD_KAFKA_PRODUCER, brokers_, {{"socket.timeout.ms", "10000"}}, &error);
  if (h == nullptr) {
    ADD_FAILURE() << "Kafka admin client for " << brokers_ << ": " << error;
    return nullptr;
  }
  admin_ = h.release();
  return admin_;
}

::testing::AssertionResult KafkaTestClient::Connect(std::chrono::milliseconds timeout) {
  rd_kafka_t* rk = Admin();
  if (rk == nullptr) return ::testing::AssertionFailure() << "cannot create a Kafka client";
  const rd_kafka_metadata_t* md = nullptr;
  rd_kafka_resp_err_t err = rd_kafka_metadata(rk, 0, nullptr, &md, Ms(timeout));
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    return ::testing::AssertionFailure()
           << "Kafka broker at " << brokers_ << " did not answer a metadata request within "
           << timeout.count() << " ms (" << rd_kafka_err2str(err)
           << "). Integration tests need a real broker: run "
              "`export HALLYU_KAFKA_BROKERS=\"$(scripts/kafka-local.sh start)\"` first.";
  }
  MetadataPtr hold(md);
  broker_count_ = md->broker_cnt;
  return ::testing::AssertionSuccess();
}

std::string KafkaTestClient::UniqueTopicName(std::string_view base) {
  std::string name = "hallyu.test.";
  if (const auto* info = ::testing::UnitTest::GetInstance()->current_test_info()) {
    name += SanitizeTopicPart(info->test_suite_name());
    name += ".";
    name += SanitizeTopicPart(info->name());
    name += ".";
  }
  static const unsigned salt = std::random_device{}() % 100000;
  name += SanitizeTopicPart(base) + "." + std::to_string(getpid()) + "-" + std::to_string(salt) +
          "." + std::to_string(++counter_);
  if (name.size() > 249) name = name.substr(name.size() - 249);  // Kafka's limit
  return name;
}

std::string KafkaTestClient::CreateTopic(std::string_view base, const TopicSpec& spec,
                                         std::chrono::milliseconds timeout) {
  std::string name = UniqueTopicName(base);
  return CreateTopicNamed(name, spec, timeout) ? name : "";
}

bool KafkaTestClient::CreateTopicNamed(const std::string& name, const TopicSpec& spec,
                                       std::chrono::milliseconds timeout) {
  rd_kafka_t* rk = Admin();
  if (rk == nullptr) return false;
  char errstr[512];
  rd_kafka_NewTopic_t* nt = rd_kafka_NewTopic_new(name.c_str(), spec.partitions,
                                                  spec.replication_factor, errstr, sizeof errstr);
  if (nt == nullptr) {
    ADD_FAILURE() << "CreateTopic " << name << ": " << errstr;
    return false;
  }
  for (const auto& [k, v] : spec.configs) {
    if (rd_kafka_NewTopic_set_config(nt, k.c_str(), v.c_str()) != RD_KAFKA_RESP_ERR_NO_ERROR) {
      rd_kafka_NewTopic_destroy(nt);
      ADD_FAILURE() << "CreateTopic " << name << ": bad config " << k;
      return false;
    }
  }
  OptionsPtr opts(rd_kafka_AdminOptions_new(rk, RD_KAFKA_ADMIN_OP_CREATETOPICS));
  rd_kafka_AdminOptions_set_request_timeout(opts.get(), Ms(timeout), errstr, sizeof errstr);
  rd_kafka_AdminOptions_set_operation_timeout(opts.get(), Ms(timeout), errstr, sizeof errstr);
  QueuePtr queue(rd_kafka_queue_new(rk));
  rd_kafka_CreateTopics(rk, &nt, 1, opts.get(), queue.get());
  rd_kafka_NewTopic_destroy(nt);
  std::string error;
  EventPtr ev = WaitAdminResult(queue.get(), RD_KAFKA_EVENT_CREATETOPICS_RESULT, timeout, &error);
  if (ev == nullptr) {
    ADD_FAILURE() << "CreateTopic " << name << " on " << brokers_ << ": " << error;
    return false;
  }
  size_t n = 0;
  const rd_kafka_topic_result_t** res =
      rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(ev.get()), &n);
  for (size_t i = 0; i < n; ++i) {
    if (rd_kafka_topic_result_error(res[i]) != RD_KAFKA_RESP_ERR_NO_ERROR) {
      ADD_FAILURE() << "CreateTopic " << name << " on " << brokers_ << ": "
                    << rd_kafka_err2name(rd_kafka_topic_result_error(res[i])) << " "
                    << (rd_kafka_topic_result_error_string(res[i])
                            ? rd_kafka_topic_result_error_string(res[i])
                            : "");
      return false;
    }
  }
  created_.push_back(name);

  // The controller has created it; wait until the metadata shows a leader per partition.
  auto deadline = Clock::now() + timeout;
  while (true) {
    const rd_kafka_metadata_t* md = nullptr;
    if (rd_kafka_metadata(rk, 1, nullptr, &md, std::max(1, MsLeft(deadline))) ==
        RD_KAFKA_RESP_ERR_NO_ERROR) {
      MetadataPtr hold(md);
      const rd_kafka_metadata_topic_t* t = FindTopic(md, name);
      if (t != nullptr && t->err == RD_KAFKA_RESP_ERR_NO_ERROR &&
          t->partition_cnt == spec.partitions) {
        bool all_led = true;
        for (int p = 0; p < t->partition_cnt; ++p) {
          if (t->partitions[p].leader < 0 || t->partitions[p].err) all_led = false;
        }
        if (all_led) return true;
      }
    }
    if (MsLeft(deadline) == 0) {
      ADD_FAILURE() << "CreateTopic " << name << ": partitions had no leader after "
                    << timeout.count() << " ms";
      return false;
    }
    usleep(100 * 1000);
  }
}

void KafkaTestClient::DeleteCreatedTopics(std::chrono::milliseconds timeout) {
  if (created_.empty() || admin_ == nullptr) return;
  std::vector<rd_kafka_DeleteTopic_t*> dts;
  for (const auto& t : created_) dts.push_back(rd_kafka_DeleteTopic_new(t.c_str()));
  OptionsPtr opts(rd_kafka_AdminOptions_new(admin_, RD_KAFKA_ADMIN_OP_DELETETOPICS));
  char errstr[256];
  rd_kafka_AdminOptions_set_request_timeout(opts.get(), Ms(timeout), errstr, sizeof errstr);
  QueuePtr queue(rd_kafka_queue_new(admin_));
  rd_kafka_DeleteTopics(admin_, dts.data(), dts.size(), opts.get(), queue.get());
  rd_kafka_DeleteTopic_destroy_array(dts.data(), dts.size());
  std::string error;
  // Best effort: a broker the test deliberately stopped must not fail the teardown.
  (void)WaitAdminResult(queue.get(), RD_KAFKA_EVENT_DELETETOPICS_RESULT, timeout, &error);
  created_.clear();
}

int KafkaTestClient::PartitionCount(const std::string& topic, std::chrono::milliseconds timeout) {
  rd_kafka_t* rk = Admin();
  if (rk == nullptr) return -1;
  const rd_kafka_metadata_t* md = nullptr;
  rd_kafka_resp_err_t err = rd_kafka_metadata(rk, 1, nullptr, &md, Ms(timeout));
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    ADD_FAILURE() << "metadata from " << brokers_ << ": " << rd_kafka_err2str(err);
    return -1;
  }
  MetadataPtr hold(md);
  const rd_kafka_metadata_topic_t* t = FindTopic(md, topic);
  if (t == nullptr || t->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    ADD_FAILURE() << "topic " << topic << " not found on " << brokers_;
    return -1;
  }
  return t->partition_cnt;
}

std::map<int32_t, int32_t> KafkaTestClient::PartitionLeaders(const std::string& topic,
                                                             std::chrono::milliseconds timeout) {
  std::map<int32_t, int32_t> out;
  rd_kafka_t* rk = Admin();
  if (rk == nullptr) return out;
  const rd_kafka_metadata_t* md = nullptr;
  rd_kafka_resp_err_t err = rd_kafka_metadata(rk, 1, nullptr, &md, Ms(timeout));
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    ADD_FAILURE() << "metadata from " << brokers_ << ": " << rd_kafka_err2str(err);
    return out;
  }
  MetadataPtr hold(md);
  const rd_kafka_metadata_topic_t* t = FindTopic(md, topic);
  if (t == nullptr || t->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    ADD_FAILURE() << "topic " << topic << " not found on " << brokers_;
    return out;
  }
  for (int i = 0; i < t->partition_cnt; ++i) out[t->partitions[i].id] = t->partitions[i].leader;
  return out;
}

int KafkaTestClient::ReplicationFactor(const std::string& topic,
                                       std::chrono::milliseconds timeout) {
  rd_kafka_t* rk = Admin();
  if (rk == nullptr) return -1;
  const rd_kafka_metadata_t* md = nullptr;
  rd_kafka_resp_err_t err = rd_kafka_metadata(rk, 1, nullptr, &md, Ms(timeout));
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    ADD_FAILURE() << "metadata from " << brokers_ << ": " << rd_kafka_err2str(err);
    return -1;
  }
  MetadataPtr hold(md);
  const rd_kafka_metadata_topic_t* t = FindTopic(md, topic);
  if (t == nullptr || t->partition_cnt < 1) {
    ADD_FAILURE() << "topic " << topic << " not found on " << brokers_;
    return -1;
  }
  return t->partitions[0].replica_cnt;
}

std::map<std::string, std::string> KafkaTestClient::DescribeTopicConfigs(
    const std::string& topic, std::chrono::milliseconds timeout) {
  std::map<std::string, std::string> out;
  rd_kafka_t* rk = Admin();
  if (rk == nullptr) return out;
  rd_kafka_ConfigResource_t* res =
      rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_TOPIC, topic.c_str());
  OptionsPtr opts(rd_kafka_AdminOptions_new(rk, RD_KAFKA_ADMIN_OP_DESCRIBECONFIGS));
  char errstr[256];
  rd_kafka_AdminOptions_set_request_timeout(opts.get(), Ms(timeout), errstr, sizeof errstr);
  QueuePtr queue(rd_kafka_queue_new(rk));
  rd_kafka_DescribeConfigs(rk, &res, 1, opts.get(), queue.get());
  rd_kafka_ConfigResource_destroy(res);
  std::string error;
  EventPtr ev =
      WaitAdminResult(queue.get(), RD_KAFKA_EVENT_DESCRIBECONFIGS_RESULT, timeout, &error);
  if (ev == nullptr) {
    ADD_FAILURE() << "DescribeConfigs " << topic << " on " << brokers_ << ": " << error;
    return out;
  }
  size_t n = 0;
  const rd_kafka_ConfigResource_t** rs = rd_kafka_DescribeConfigs_result_resources(
      rd_kafka_event_DescribeConfigs_result(ev.get()), &n);
  for (size_t i = 0; i < n; ++i) {
    if (rd_kafka_ConfigResource_error(rs[i]) != RD_KAFKA_RESP_ERR_NO_ERROR) {
      ADD_FAILURE() << "DescribeConfigs " << topic << ": "
                    << rd_kafka_err2name(rd_kafka_ConfigResource_error(rs[i]));
      return out;
    }
    size_t cnt = 0;
    const rd_kafka_ConfigEntry_t** entries = rd_kafka_ConfigResource_configs(rs[i], &cnt);
    for (size_t j = 0; j < cnt; ++j) {
      const char* v = rd_kafka_ConfigEntry_value(entries[j]);
      out[rd_kafka_ConfigEntry_name(entries[j])] = v ? v : "";
    }
  }
  return out;
}

bool KafkaTestClient::ProduceOrFail(const std::string& topic,
                                    const std::vector<ProducedRecord>& records,
                                    std::chrono::milliseconds timeout) {
  DeliveryState st;
  std::string error;
  HandlePtr rk = NewHandle(RD_KAFKA_PRODUCER, brokers_,
                           {{"enable.idempotence", "true"},
                            {"acks", "all"},
                            {"linger.ms", "5"},
                            {"message.timeout.ms", std::to_string(timeout.count())}},
                           &error, &st, OnDelivery);
  if (rk == nullptr) {
    ADD_FAILURE() << "producer for " << brokers_ << ": " << error;
    return false;
  }
  for (size_t i = 0; i < records.size(); ++i) {
    const ProducedRecord& r = records[i];
    rd_kafka_headers_t* hdrs = rd_kafka_headers_new(r.headers.size());
    for (const auto& h : r.headers) {
      rd_kafka_header_add(hdrs, h.name.data(), static_cast<ssize_t>(h.name.size()),
                          h.value ? h.value->data() : nullptr,
                          h.value ? static_cast<ssize_t>(h.value->size()) : 0);
    }
    const char* key = r.key ? r.key->data() : nullptr;
    size_t key_len = r.key ? r.key->size() : 0;
    char* value = r.value ? const_cast<char*>(r.value->data()) : nullptr;
    size_t value_len = r.value ? r.value->size() : 0;
    rd_kafka_resp_err_t err = rd_kafka_producev(
        rk.get(), RD_KAFKA_V_TOPIC(topic.c_str()), RD_KAFKA_V_PARTITION(r.partition),
        RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_KEY(key, key_len),
        RD_KAFKA_V_VALUE(value, value_len), RD_KAFKA_V_HEADERS(hdrs), RD_KAFKA_V_END);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      rd_kafka_headers_destroy(hdrs);  // not taken over on failure
      ADD_FAILURE() << "produce record " << i << " to " << topic << ": " << rd_kafka_err2str(err);
      return false;
    }
    rd_kafka_poll(rk.get(), 0);
  }
  rd_kafka_flush(rk.get(), Ms(timeout));
  if (st.failed > 0 || st.delivered != records.size()) {
    ADD_FAILURE() << "produce to " << topic << " on " << brokers_ << ": " << st.delivered << "/"
                  << records.size() << " delivered, " << st.failed << " failed"
                  << (st.first_error.empty() ? "" : " (first error: " + st.first_error + ")");
    return false;
  }
  return true;
}

std::vector<ConsumedRecord> KafkaTestClient::ReadAll(const std::string& topic,
                                                     std::chrono::milliseconds timeout) {
  return ReadInternal(topic, 0, timeout);
}

std::vector<ConsumedRecord> KafkaTestClient::ReadAtLeast(const std::string& topic, size_t min_count,
                                                         std::chrono::milliseconds timeout) {
  return ReadInternal(topic, min_count, timeout);
}

std::vector<ConsumedRecord> KafkaTestClient::ReadInternal(const std::string& topic,
                                                          size_t min_count,
                                                          std::chrono::milliseconds timeout) {
  std::vector<ConsumedRecord> out;
  auto deadline = Clock::now() + timeout;
  int partitions = PartitionCount(topic, timeout);
  if (partitions < 1) return out;

  std::string error;
  HandlePtr rk = NewHandle(RD_KAFKA_CONSUMER, brokers_,
                           {{"group.id", UniqueTopicName("reader")},
                            {"enable.auto.commit", "false"},
                            {"enable.partition.eof", "true"},
                            {"auto.offset.reset", "earliest"},
                            {"isolation.level", "read_committed"},
                            {"fetch.wait.max.ms", "100"}},
                           &error);
  if (rk == nullptr) {
    ADD_FAILURE() << "consumer for " << brokers_ << ": " << error;
    return out;
  }
  rd_kafka_topic_partition_list_t* parts = rd_kafka_topic_partition_list_new(partitions);
  for (int p = 0; p < partitions; ++p) {
    rd_kafka_topic_partition_list_add(parts, topic.c_str(), p)->offset = RD_KAFKA_OFFSET_BEGINNING;
  }
  rd_kafka_resp_err_t aerr = rd_kafka_assign(rk.get(), parts);
  rd_kafka_topic_partition_list_destroy(parts);
  if (aerr != RD_KAFKA_RESP_ERR_NO_ERROR) {
    ADD_FAILURE() << "assign " << topic << ": " << rd_kafka_err2str(aerr);
    return out;
  }

  std::set<int32_t> at_end;  // partitions whose end was reached since their last record
  std::string last_error;
  // One buffer per partition, concatenated at the end (ordered by partition, then offset).
  std::vector<std::vector<ConsumedRecord>> per_part(partitions);
  size_t count = 0;
  while (true) {
    if (static_cast<int>(at_end.size()) == partitions && count >= min_count) break;
    int left = MsLeft(deadline);
    if (left == 0) {
      ADD_FAILURE() << "reading " << topic << " from " << brokers_ << ": got " << count
                    << " record(s)"
                    << (min_count ? ", wanted at least " + std::to_string(min_count) : "") << ", "
                    << at_end.size() << "/" << partitions << " partitions read to the end after "
                    << timeout.count() << " ms"
                    << (last_error.empty() ? "" : " (last error: " + last_error + ")");
      break;
    }
    rd_kafka_message_t* m = rd_kafka_consumer_poll(rk.get(), std::min(left, 200));
    if (m == nullptr) continue;
    std::unique_ptr<rd_kafka_message_t, void (*)(rd_kafka_message_t*)> hold(
        m, rd_kafka_message_destroy);
    if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
      at_end.insert(m->partition);
      continue;
    }
    if (m->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      last_error = rd_kafka_message_errstr(m);
      continue;
    }
    at_end.erase(m->partition);
    ConsumedRecord r;
    r.topic = topic;
    r.partition = m->partition;
    r.offset = m->offset;
    if (m->key != nullptr) r.key.emplace(static_cast<const char*>(m->key), m->key_len);
    if (m->payload != nullptr) r.value.emplace(static_cast<const char*>(m->payload), m->len);
    rd_kafka_timestamp_type_t tstype;
    r.timestamp_ms = rd_kafka_message_timestamp(m, &tstype);
    rd_kafka_headers_t* hdrs = nullptr;
    if (rd_kafka_message_headers(m, &hdrs) == RD_KAFKA_RESP_ERR_NO_ERROR) {
      const char* name;
      const void* val;
      size_t size;
      for (size_t i = 0;
           rd_kafka_header_get_all(hdrs, i, &name, &val, &size) == RD_KAFKA_RESP_ERR_NO_ERROR;
           ++i) {
        RecordHeader h{name, std::nullopt};
        if (val != nullptr) h.value.emplace(static_cast<const char*>(val), size);
        r.headers.push_back(std::move(h));
      }
    }
    if (m->partition >= 0 && m->partition < partitions) {
      per_part[m->partition].push_back(std::move(r));
      ++count;
    }
  }
  rd_kafka_consumer_close(rk.get());
  for (auto& v : per_part) {
    for (auto& r : v) out.push_back(std::move(r));
  }
  return out;
}

KafkaLocalCluster::KafkaLocalCluster(int brokers, int base_port)
    : brokers_(brokers),
      base_port_(base_port),
      // Fixed per port (git-ignored): a cluster leaked by a killed test run is stopped by
      // the next Start(), which stops whatever that state dir still runs.
      state_dir_(SourcePath(".kafka-local/test-" + std::to_string(base_port))) {
  std::error_code ec;
  std::filesystem::create_directories(state_dir_, ec);
}

KafkaLocalCluster::~KafkaLocalCluster() {
  if (started_) Stop();
  std::error_code ec;
  std::filesystem::remove_all(state_dir_, ec);
}

bool KafkaLocalCluster::Run(const std::string& args, std::string* out) {
  std::string err_file = state_dir_ + "/script.err";
  std::string cmd = "KAFKA_STATE_DIR='" + state_dir_ +
                    "' KAFKA_BASE_PORT=" + std::to_string(base_port_) + " '" +
                    SourcePath("scripts/kafka-local.sh") + "' " + args + " --brokers " +
                    std::to_string(brokers_) + " 2>'" + err_file + "'";
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) {
    ADD_FAILURE() << "cannot run " << cmd;
    return false;
  }
  std::string text;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
  int rc = pclose(p);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  if (out) *out = text;
  if (rc != 0) {
    ADD_FAILURE() << "scripts/kafka-local.sh " << args << " --brokers " << brokers_
                  << " failed (status " << rc << "):\n"
                  << ReadFileOrFail(err_file);
    return false;
  }
  return true;
}

bool KafkaLocalCluster::Start() {
  started_ = true;
  return Run("start", &bootstrap_) && !bootstrap_.empty();
}
bool KafkaLocalCluster::Stop() { return Run("stop", nullptr); }
bool KafkaLocalCluster::Kill(int node) { return Run("kill " + std::to_string(node), nullptr); }
bool KafkaLocalCluster::StartNode(int node) {
  return Run("start-node " + std::to_string(node), nullptr);
}

void KafkaTest::SetUp() {
  ::testing::AssertionResult ok = client_.Connect(ConnectTimeout());
  ASSERT_TRUE(ok) << "(HALLYU_KAFKA_BROKERS=" << client_.brokers() << ")";
}

void KafkaTest::TearDown() { client_.DeleteCreatedTopics(); }

}  // namespace hallyu::testing
