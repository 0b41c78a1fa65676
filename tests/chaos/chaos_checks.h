#pragma once
// Shared pieces of the crash checkers (tests/chaos, issue 19): broker faults through
// scripts/kafka-local.sh, a full-disk wrapper for a child process, and the store check
// (`hallyu sink` into SQLite, then every stored row compared with the event topics).

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "crawler/store/store.h"
#include "tests/support/child_process.h"
#include "tests/support/kafka_fixture.h"
#include "tests/support/paths.h"

namespace hallyu::testing {

// The first client port of a bootstrap list ("127.0.0.1:19192,..." -> 19192); 0 when the
// list does not start with host:port.
inline int FirstBrokerPort(const std::string& brokers) {
  const std::string first = brokers.substr(0, brokers.find(','));
  const size_t colon = first.rfind(':');
  return colon == std::string::npos ? 0 : std::atoi(first.c_str() + colon + 1);
}

// Runs `scripts/kafka-local.sh <verb> <node> --brokers <cluster_size>` for the cluster of
// scripts/kafka-local.sh whose first client port is the first port of `brokers` (the
// cluster the test talks to). Returns false after ADD_FAILURE (with the script's stderr)
// when the script fails; `start-node` waits until the node answers.
inline bool BrokerNodeScript(const std::string& brokers, int cluster_size, const std::string& verb,
                             int node, const std::string& log_path) {
  const std::string cmd = "KAFKA_BASE_PORT=" + std::to_string(FirstBrokerPort(brokers)) + " '" +
                          SourcePath("scripts/kafka-local.sh") + "' " + verb + " " +
                          std::to_string(node) + " --brokers " + std::to_string(cluster_size) +
                          " >>'" + log_path + "' 2>&1";
  const int rc = std::system(cmd.c_str());
  if (rc != 0) {
    std::string log;
    if (FILE* f = std::fopen(log_path.c_str(), "r")) {
      char buf[4096];
      size_t n;
      while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) log.append(buf, n);
      std::fclose(f);
    }
    ADD_FAILURE() << cmd << " failed (status " << rc << "):\n"
                  << log.substr(log.size() > 3000 ? log.size() - 3000 : 0);
    return false;
  }
  return true;
}

// `argv` run on a full disk: through /bin/sh, which ignores SIGXFSZ (kept across exec) and
// execs `prlimit --fsize=<max_file_bytes>`: a write that would grow any file past the limit
// fails with EFBIG, as a write to a full file system fails with ENOSPC.
inline std::vector<std::string> OnFullDisk(const std::vector<std::string>& argv,
                                           long max_file_bytes) {
  std::vector<std::string> out = {
      "/bin/sh", "-c",
      "trap '' XFSZ; exec prlimit --fsize=" + std::to_string(max_file_bytes) + " -- \"$0\" \"$@\""};
  out.insert(out.end(), argv.begin(), argv.end());
  return out;
}

// What the store check found.
struct StoreCheckResult {
  int events = 0;            // distinct event_ids on the topics
  int versions = 0;          // distinct (event_id, version) on the topics
  int missing_versions = 0;  // on a topic, not in event_versions
  int payload_mismatch = 0;  // stored version whose payload differs from the topic's
  int stale_latest = 0;      // events row not at the topic's highest version
  int extra_versions = 0;    // stored, never on a topic
  int sink_dlq = 0;          // records the sink sent to the DLQ topic
  bool sink_ok = false;      // the sink ran and exited 0
};

// Runs `hallyu sink` from `topics` of `kafka`'s brokers (read_committed, librdkafka's default) into
// sqlite:<dir>/chaos-store.db, diverting malformed records to `dlq_topic`, until it has been
// idle for 3 s; then compares the store with `records` (every event record of the topics,
// read_committed): every (event_id, version) stored with the same payload, each events row
// at its highest version, nothing stored that no topic holds. Problems are ADD_FAILUREs.
inline StoreCheckResult CheckSinkStore(KafkaTestClient& kafka,
                                       const std::vector<std::string>& topics,
                                       const std::string& dlq_topic,
                                       const std::vector<std::string>& records,
                                       const std::string& dir, const std::string& group) {
  StoreCheckResult r;
  const std::string brokers = kafka.brokers();
  std::map<std::string, std::map<int64_t, nlohmann::json>> by_id;  // event_id -> version -> payload
  for (const std::string& text : records) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.contains("event_id")) continue;
    by_id[j.value("event_id", "")].emplace(j.value("version", int64_t{0}), j);
  }
  r.events = static_cast<int>(by_id.size());
  for (const auto& [id, versions] : by_id) r.versions += static_cast<int>(versions.size());

  const std::string store_url = "sqlite:" + dir + "/chaos-store.db";
  std::string topic_list;
  for (const std::string& t : topics) topic_list += (topic_list.empty() ? "" : ",") + t;
  const size_t dlq_before = kafka.ReadAll(dlq_topic).size();
  ChildProcess sink(
      {HallyuBinary(), "sink", "--store", store_url, "--brokers", brokers, "--topics", topic_list,
       "--dlq-topic", dlq_topic, "--group", group, "--idle-exit-ms", "3000"},
      dir);
  const int rc = sink.Wait(std::chrono::seconds(180));
  r.sink_ok = rc == 0;
  EXPECT_EQ(rc, 0) << "hallyu sink:\n" << sink.Stderr();
  r.sink_dlq = static_cast<int>(kafka.ReadAll(dlq_topic).size() - dlq_before);

  auto store = OpenStore(store_url);
  if (!store.ok()) {
    ADD_FAILURE() << "cannot open " << store_url << ": " << store.status().ToString();
    return r;
  }
  int64_t stored_rows = 0;
  for (const auto& [id, versions] : by_id) {
    auto stored = (*store)->EventVersions(id);
    if (!stored.ok()) {
      ADD_FAILURE() << id << ": " << stored.status().ToString();
      r.missing_versions += static_cast<int>(versions.size());
      continue;
    }
    std::map<int64_t, nlohmann::json> have;
    for (const EventRecord& e : *stored) {
      have.emplace(e.version, nlohmann::json::parse(e.payload, nullptr, false));
    }
    stored_rows += static_cast<int64_t>(have.size());
    for (const auto& [v, payload] : versions) {
      auto it = have.find(v);
      if (it == have.end()) {
        r.missing_versions++;
        ADD_FAILURE() << "store lacks " << id << " v" << v;
      } else if (it->second != payload) {
        r.payload_mismatch++;
        ADD_FAILURE() << "store holds another payload for " << id << " v" << v << ":\n"
                      << it->second.dump() << "\n"
                      << payload.dump();
      }
    }
    for (const auto& [v, payload] : have) {
      if (!versions.count(v)) {
        r.extra_versions++;
        ADD_FAILURE() << "store holds " << id << " v" << v << ", no topic does";
      }
    }
  }
  // The events rows: one per event, each at the highest version of its topic records.
  EventQuery all;
  all.limit = 100000;
  auto rows = (*store)->QueryEvents(all);
  if (!rows.ok()) {
    ADD_FAILURE() << rows.status().ToString();
    return r;
  }
  std::map<std::string, int64_t> latest;
  for (const StoredEvent& e : *rows) latest[e.event.event_id] = e.event.version;
  for (const auto& [id, versions] : by_id) {
    const int64_t top = versions.rbegin()->first;
    if (latest[id] != top) {
      r.stale_latest++;
      ADD_FAILURE() << "events row of " << id << " at v" << latest[id] << ", topic top v" << top;
    }
  }
  if (latest.size() > by_id.size()) {
    r.extra_versions += static_cast<int>(latest.size() - by_id.size());
    ADD_FAILURE() << latest.size() << " events rows for " << by_id.size() << " events";
  }
  auto counted = (*store)->CountRows("event_versions");
  if (counted.ok() && *counted != stored_rows) {
    r.extra_versions += static_cast<int>(*counted - stored_rows);
    ADD_FAILURE() << *counted << " event_versions rows, " << stored_rows << " of known events";
  }
  return r;
}

}  // namespace hallyu::testing
