#pragma once
// The state of a distributed crawl's worker group, for `hallyu status --distributed`:
// group members and their frontier partitions (Kafka's group description), the hosts each
// owns and its pages/s (the workers' own status records in `distributed.workers_topic`),
// and the lag of every frontier partition (end offset minus committed offset).

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "crawler/distributed/distributed_crawl.h"
#include "crawler/kafka/kafka_options.h"
#include "extractors/base/status.h"

namespace hallyu {

struct WorkerStatus {
  std::string worker;               // worker id ("" when it published no status yet)
  std::string client_id;            // Kafka client id of the member
  std::string member_host;          // where the member connects from
  std::vector<int32_t> partitions;  // frontier partitions assigned (group description)
  std::vector<std::string> hosts;   // hosts it owns (its last status record)
  uint64_t pages_fetched = 0;       // from its last status record
  double pages_per_s = 0;           // from its last status record
  int64_t lag = 0;                  // sum of the lag of its partitions
};

struct GroupStatus {
  std::string group;
  std::string state;  // "Stable", "PreparingRebalance", ... as Kafka reports it
  std::vector<WorkerStatus> workers;
  std::map<int32_t, int64_t> partition_lag;  // frontier partition -> records not done
  int64_t total_lag = 0;
};

// Asks the cluster of `kafka.brokers` about the group `options.group_id`. kUnavailable /
// kTimeout when the cluster does not answer within `timeout`.
Result<GroupStatus> DescribeDistributedGroup(const DistributedOptions& options,
                                             const KafkaOptions& kafka,
                                             std::chrono::milliseconds timeout);

// A table, one line per worker, then the total lag.
std::string FormatGroupStatus(const GroupStatus& s);
// The same as one JSON object.
std::string GroupStatusJson(const GroupStatus& s);

}  // namespace hallyu
