#include "crawler/distributed/distributed_status.h"

#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

namespace hallyu {
namespace {

struct RkDeleter {
  void operator()(rd_kafka_t* rk) const { rd_kafka_destroy(rk); }
};
using RkPtr = std::unique_ptr<rd_kafka_t, RkDeleter>;

Result<RkPtr> NewConsumer(const KafkaOptions& kafka, const std::string& group) {
  char err[512];
  rd_kafka_conf_t* c = rd_kafka_conf_new();
  std::map<std::string, std::string> props = {{"bootstrap.servers", kafka.brokers},
                                              {"client.id", kafka.client_id + "-status"},
                                              {"group.id", group},
                                              {"enable.auto.commit", "false"},
                                              {"isolation.level", "read_committed"},
                                              {"enable.partition.eof", "true"}};
  for (const auto& [k, v] : kafka.producer) {
    if (k.rfind("security.", 0) == 0 || k.rfind("sasl.", 0) == 0 || k.rfind("ssl.", 0) == 0)
      props[k] = v;
  }
  for (const auto& [k, v] : props) {
    if (rd_kafka_conf_set(c, k.c_str(), v.c_str(), err, sizeof err) != RD_KAFKA_CONF_OK) {
      rd_kafka_conf_destroy(c);
      return InvalidArgument("kafka property " + k + ": " + err);
    }
  }
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_CONSUMER, c, err, sizeof err);
  if (rk == nullptr) return InvalidArgument(std::string("kafka: ") + err);
  return RkPtr(rk);
}

}  // namespace

Result<GroupStatus> DescribeDistributedGroup(const DistributedOptions& options,
                                             const KafkaOptions& kafka,
                                             std::chrono::milliseconds timeout) {
  GroupStatus out;
  out.group = options.group_id;
  auto rk = NewConsumer(kafka, options.group_id);
  if (!rk.ok()) return rk.status();
  const int tmo = static_cast<int>(timeout.count());

  // 1. Members and assignments.
  rd_kafka_queue_t* q = rd_kafka_queue_new(rk->get());
  rd_kafka_AdminOptions_t* ao =
      rd_kafka_AdminOptions_new(rk->get(), RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS);
  char err[512];
  rd_kafka_AdminOptions_set_request_timeout(ao, tmo, err, sizeof err);
  const char* groups[] = {options.group_id.c_str()};
  rd_kafka_DescribeConsumerGroups(rk->get(), groups, 1, ao, q);
  rd_kafka_event_t* ev = rd_kafka_queue_poll(q, tmo + 2000);
  Status status;
  if (ev == nullptr) {
    status = Timeout("describing group " + options.group_id + " timed out");
  } else if (rd_kafka_event_error(ev) != RD_KAFKA_RESP_ERR_NO_ERROR) {
    status = Unavailable(std::string("describe group: ") + rd_kafka_event_error_string(ev));
  } else {
    const rd_kafka_DescribeConsumerGroups_result_t* res =
        rd_kafka_event_DescribeConsumerGroups_result(ev);
    size_t n = 0;
    const rd_kafka_ConsumerGroupDescription_t** descs =
        rd_kafka_DescribeConsumerGroups_result_groups(res, &n);
    for (size_t g = 0; g < n; ++g) {
      const rd_kafka_ConsumerGroupDescription_t* d = descs[g];
      if (const rd_kafka_error_t* e = rd_kafka_ConsumerGroupDescription_error(d)) {
        status = Unavailable(std::string("describe group: ") + rd_kafka_error_string(e));
        break;
      }
      out.state = rd_kafka_consumer_group_state_name(rd_kafka_ConsumerGroupDescription_state(d));
      size_t members = rd_kafka_ConsumerGroupDescription_member_count(d);
      for (size_t i = 0; i < members; ++i) {
        const rd_kafka_MemberDescription_t* m = rd_kafka_ConsumerGroupDescription_member(d, i);
        WorkerStatus w;
        w.client_id = rd_kafka_MemberDescription_client_id(m);
        w.member_host = rd_kafka_MemberDescription_host(m);
        std::string prefix = kafka.client_id + "-";
        w.worker =
            w.client_id.rfind(prefix, 0) == 0 ? w.client_id.substr(prefix.size()) : w.client_id;
        const rd_kafka_topic_partition_list_t* parts =
            rd_kafka_MemberAssignment_partitions(rd_kafka_MemberDescription_assignment(m));
        for (int k = 0; parts != nullptr && k < parts->cnt; ++k) {
          if (options.frontier_topic == parts->elems[k].topic)
            w.partitions.push_back(parts->elems[k].partition);
        }
        std::sort(w.partitions.begin(), w.partitions.end());
        out.workers.push_back(std::move(w));
      }
    }
  }
  if (ev != nullptr) rd_kafka_event_destroy(ev);
  rd_kafka_AdminOptions_destroy(ao);
  rd_kafka_queue_destroy(q);
  if (!status.ok()) return status;

  // 2. Lag: end offset minus committed offset of each frontier partition.
  rd_kafka_topic_partition_list_t* list = rd_kafka_topic_partition_list_new(options.partitions);
  for (int p = 0; p < options.partitions; ++p) {
    rd_kafka_topic_partition_list_add(list, options.frontier_topic.c_str(), p);
  }
  rd_kafka_resp_err_t e = rd_kafka_committed(rk->get(), list, tmo);
  if (e != RD_KAFKA_RESP_ERR_NO_ERROR) {
    rd_kafka_topic_partition_list_destroy(list);
    return Unavailable(std::string("committed offsets: ") + rd_kafka_err2str(e));
  }
  for (int i = 0; i < list->cnt; ++i) {
    int64_t lo = 0, hi = 0;
    int32_t p = list->elems[i].partition;
    if (rd_kafka_query_watermark_offsets(rk->get(), options.frontier_topic.c_str(), p, &lo, &hi,
                                         tmo) != RD_KAFKA_RESP_ERR_NO_ERROR) {
      continue;
    }
    int64_t committed = list->elems[i].offset >= 0 ? list->elems[i].offset : lo;
    int64_t lag = std::max<int64_t>(0, hi - committed);
    out.partition_lag[p] = lag;
    out.total_lag += lag;
  }
  rd_kafka_topic_partition_list_destroy(list);
  for (WorkerStatus& w : out.workers) {
    for (int32_t p : w.partitions) w.lag += out.partition_lag[p];
  }

  // 3. The workers' own status records (latest per worker).
  auto reader = NewConsumer(kafka, options.group_id + ".status");
  if (!reader.ok()) return reader.status();
  rd_kafka_topic_partition_list_t* wl = rd_kafka_topic_partition_list_new(1);
  rd_kafka_topic_partition_list_add(wl, options.workers_topic.c_str(), 0)->offset =
      RD_KAFKA_OFFSET_BEGINNING;
  rd_kafka_assign(reader->get(), wl);
  rd_kafka_topic_partition_list_destroy(wl);
  std::map<std::string, nlohmann::json> latest;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    rd_kafka_message_t* m = rd_kafka_consumer_poll(reader->get(), 100);
    if (m == nullptr) continue;
    bool eof = m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF;
    if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR && m->payload != nullptr) {
      auto j = nlohmann::json::parse(std::string_view(static_cast<const char*>(m->payload), m->len),
                                     nullptr, false);
      if (j.is_object()) latest[j.value("worker", "")] = j;
    }
    bool fatal = m->err != RD_KAFKA_RESP_ERR_NO_ERROR && !eof;
    rd_kafka_message_destroy(m);
    if (eof || fatal) break;
  }
  rd_kafka_assign(reader->get(), nullptr);
  for (WorkerStatus& w : out.workers) {
    auto it = latest.find(w.worker);
    if (it == latest.end()) continue;
    const nlohmann::json& j = it->second;
    if (j.contains("hosts") && j["hosts"].is_array()) {
      for (const auto& h : j["hosts"]) {
        if (h.is_string()) w.hosts.push_back(h.get<std::string>());
      }
    }
    w.pages_fetched = j.value("pages_fetched", uint64_t{0});
    w.pages_per_s = j.value("pages_per_s", 0.0);
  }
  std::sort(out.workers.begin(), out.workers.end(),
            [](const WorkerStatus& a, const WorkerStatus& b) { return a.worker < b.worker; });
  return out;
}

std::string FormatGroupStatus(const GroupStatus& s) {
  std::ostringstream o;
  o << "group " << s.group << ": " << s.state << ", " << s.workers.size() << " worker(s), lag "
    << s.total_lag << "\n";
  o << "WORKER                 PARTITIONS            HOSTS  PAGES    PAGES/S  LAG\n";
  for (const WorkerStatus& w : s.workers) {
    std::string parts;
    for (int32_t p : w.partitions) parts += (parts.empty() ? "" : ",") + std::to_string(p);
    char line[512];
    std::snprintf(line, sizeof line, "%-22s %-21s %5zu  %-8llu %7.1f  %lld\n", w.worker.c_str(),
                  parts.c_str(), w.hosts.size(), static_cast<unsigned long long>(w.pages_fetched),
                  w.pages_per_s, static_cast<long long>(w.lag));
    o << line;
    for (const std::string& h : w.hosts) o << "    " << h << "\n";
  }
  return o.str();
}

std::string GroupStatusJson(const GroupStatus& s) {
  nlohmann::json workers = nlohmann::json::array();
  for (const WorkerStatus& w : s.workers) {
    workers.push_back({{"worker", w.worker},
                       {"client_id", w.client_id},
                       {"member_host", w.member_host},
                       {"partitions", w.partitions},
                       {"hosts", w.hosts},
                       {"pages_fetched", w.pages_fetched},
                       {"pages_per_s", w.pages_per_s},
                       {"lag", w.lag}});
  }
  nlohmann::json lag = nlohmann::json::object();
  for (const auto& [p, l] : s.partition_lag) lag[std::to_string(p)] = l;
  nlohmann::json j = {{"group", s.group},
                      {"state", s.state},
                      {"workers", workers},
                      {"partition_lag", lag},
                      {"total_lag", s.total_lag}};
  return j.dump();
}

}  // namespace hallyu
