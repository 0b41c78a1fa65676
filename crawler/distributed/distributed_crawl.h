#pragma once
// DistributedCrawl: one worker of `hallyu crawl --distributed` (DESIGN.md "Distributed mode").
//
//   hallyu.frontier (keyed by registrable domain) ──▶ consumer group (cooperative-sticky)
//        ▲                                               │ partitions owned = hosts owned
//        │ links found, source seeds                     ▼
//        └──────── transactional producer ◀── owner: dedup (crawl state) → robots.txt →
//                  events, crawl state, offsets         per-host queue → Fetcher → pipeline
//
// - A worker fetches only URLs of the frontier partitions it owns; politeness, robots.txt
//   and source scheduling therefore live with one worker per host at a time.
// - Everything a finished URL causes (events, links produced to the frontier, its crawl
//   state) and the frontier offsets of finished URLs are committed in ONE Kafka transaction
//   (send_offsets_to_transaction), every `commit_interval_ms`. A crash aborts the open
//   transaction: its URLs are fetched again by the next owner and its events never become
//   visible to read_committed consumers.
// - The crawl state of a URL goes to the compacted `hallyu.crawl-state` topic, into the
//   partition number of the URL's frontier partition; on assignment the new owner reads
//   those state partitions to their end before fetching (and waits one host delay, so the
//   previous owner's last request and its first one keep the per-host gap).
// - On revocation the worker finishes the in-flight requests of the revoked partitions,
//   commits, and only then lets the partitions go, so two workers never hit a host at once.
// - Backpressure: a partition is paused while one of its hosts has `host_queue_limit` URLs
//   queued, and resumed when all its hosts are below half of it.
//
// Invariants that keep every frontier URL processed exactly once (issue 19, windows 3, 4, 6):
// - A URL counts as crawled (crawl state with last_fetch_ms) only once its result is handled
//   in the open transaction. The fetcher hands validators back instead of storing them, and a
//   result that is dropped (partition gone, transaction aborted) has its local state undone,
//   so the re-read frontier record fetches the URL again.
// - A transient fetch failure (5xx, reset, timeout, ...) is never recorded as crawled: the
//   URL stays pending in its partition (its offset is not committed) and is fetched again
//   after the retry policy's backoff, at most `fetch_rounds` times; after that it is left
//   unrecorded, so the next time a source lists it, it is fetched again. A final failure
//   (4xx, policy refusal) is recorded.
// - Partitions that are leaving (revoked or lost) are removed BEFORE an abort rewinds the
//   rest: nothing fetched for them is redone, by this worker, in a later transaction.
// - A fatal transactional producer (fenced, INVALID_TXN_STATE after a broker failure) is
//   replaced: the open transaction is dropped, a new producer with the same transactional.id
//   fences the old epoch, and consumption restarts at the committed offsets.
//
// One owner per event version (issue 19, window 5). The versions of an event_id are made by
// exactly one worker at a time, the owner of its partition of the detections topic:
//
//   page handled ──▶ hallyu.frontier.detections (key event_id, partition FNV(event_id))
//   (raw detection, in the page's transaction)        │ same consumer group, same subscription
//                                                      ▼
//   owner of detection partition p: merge (state of p) ──▶ event topic (new version only)
//                                                     └──▶ merge-state topic, partition p
//   ... in ONE transaction with the detection offsets of p.
//
// - A worker never merges locally: its pipeline hands every detection unmerged to the
//   detections topic. Only the owner of the event_id's detection partition plans a version,
//   and it publishes that version, the merged state (compacted merge-state topic, keyed by
//   event_id, the SAME partition number p) and the offset of the detection in one
//   transaction: either all three become visible or none does.
// - On assignment of detection partition p the new owner reads merge-state partition p to
//   its high watermark (read_committed, so every earlier owner's transaction has ended)
//   before it merges anything of p; until that restore is complete the partition is paused
//   and its records are not merged. A version is therefore always planned from the last
//   committed version of the event, across workers, restarts, kills and lost assignments.
// - An abort undoes the merge state changed in the open transaction (before-images kept per
//   transaction) and rewinds the detection partitions to their committed offsets: the same
//   detection records are merged again from the same state and give the same versions,
//   byte for byte. So no (event_id, version) is ever committed with two payloads, and the
//   versions of an event_id in the event topic only grow.
// - A zombie owner (lost assignment) cannot commit: its offsets carry a stale group
//   generation (send_offsets_to_transaction fails) and its transaction aborts.

#include <yaml-cpp/yaml.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "crawler/crawl/crawl_job.h"
#include "crawler/fetch/crawl_state_store.h"
#include "crawler/kafka/kafka_options.h"
#include "crawler/sources/source_reader.h"
#include "extractors/base/status.h"
#include "extractors/detect/detector.h"

namespace hallyu {

// Faults injected on purpose, for the fault tests only (config `distributed.test_faults`).
struct DistributedTestFaults {
  int fatal_producer_after_commits = 0;  // > 0: make the producer fatal after this many commits
  // the commit inside the first revocation of frontier partitions aborts
  bool abort_first_revoke_commit = false;
  // commit_transaction is first called with a 1 ms timeout, on each commit holding offsets,
  // until one such call times out (a retriable error the commit must resume from)
  bool time_out_a_commit = false;
};

struct DistributedOptions {
  std::string group_id = "hallyu.crawlers";        // consumer group of all workers
  std::string frontier_topic = "hallyu.frontier";  // keyed by registrable domain
  std::string state_topic = "hallyu.crawl-state";  // compacted, keyed by URL
  std::string workers_topic = "hallyu.workers";    // compacted, keyed by worker id (status)
  // Raw detections keyed by event_id, and the merged state of each event (compacted); both
  // with `detection_partitions` partitions. "" = "<frontier_topic>.detections" / ".merge-state".
  std::string detections_topic;
  std::string merge_state_topic;
  int partitions = 12;  // of frontier and crawl-state (same count)
  // Of detections and merge-state (same count). The group's assignor balances the partitions
  // of both subscribed topics together, so every detection partition takes the place of a
  // frontier partition in some worker's share: few (merging is cheap) keep the crawl spread.
  int detection_partitions = 1;
  int replication_factor = 1;  // for topics hallyu creates
  std::string worker_id;       // "" = <hostname>-<pid>; transactional.id is <group_id>.<worker_id>
  int commit_interval_ms = 200;         // transaction length at most; ms
  int transaction_timeout_ms = 10000;   // a dead worker's open txn aborts after; ms
  int session_timeout_ms = 10000;       // a dead worker leaves the group after; ms
  std::size_t host_queue_limit = 1000;  // URLs queued per host before pausing
  int status_interval_ms = 2000;        // worker status record period; ms
  int idle_exit_ms = 0;                 // > 0: exit after this long with no work; ms
  int reseed_seconds = 0;               // > 0: re-produce source seeds this often; s
  int restore_timeout_ms = 30000;       // reading crawl state on assignment; ms
  int fetch_rounds = 3;  // fetches (each with the fetcher's retries) of a transient failure
  int max_producer_restarts = 5;  // fatal producers replaced in a row before giving up
  DistributedTestFaults test_faults;
};

// Parses the `distributed:` YAML mapping (undefined node: defaults); defined in
// crawler/distributed_options.cc. Keys as the fields above (test_faults: a mapping with the
// keys of DistributedTestFaults). Strict (crawler/ops/config_keys.h): an unknown key names its
// line and the nearest valid key, a repeated key is an error. Ranges: partitions and
// detection_partitions 1..10000, replication_factor -1 or 1..100, commit_interval_ms 1..600000,
// transaction_timeout_ms 1..900000, session_timeout_ms, status_interval_ms and
// restore_timeout_ms 1..3600000, host_queue_limit 1..10000000, idle_exit_ms 0..86400000,
// reseed_seconds 0..31622400, fetch_rounds 1..100, max_producer_restarts 0..1000. Topics must be
// legal Kafka names; group_id (non-empty) and worker_id: at most 200 bytes, no spaces or control
// characters. kInvalidArgument naming the key for any of these or a wrong type.
Result<DistributedOptions> ParseDistributedOptions(const YAML::Node& node);

struct DistributedSummary {
  uint64_t pages_fetched = 0;    // 2xx pages processed
  uint64_t sources_fetched = 0;  // sources read
  uint64_t fetch_failures = 0;   // failed fetch results (each round counts)
  uint64_t fetch_retries = 0;    // transient failures queued for another round
  uint64_t fetch_given_up = 0;   // URLs left unrecorded after fetch_rounds transient failures
  uint64_t not_modified = 0;
  uint64_t skipped_seen = 0;  // frontier records dropped as already crawled or queued
  uint64_t robots_denied = 0;
  uint64_t detections = 0;         // raw detections handed to the detections topic
  uint64_t events_published = 0;   // versions published by this worker as an owner
  uint64_t transactions = 0;       // committed
  uint64_t aborts = 0;             // aborted and rewound
  uint64_t producer_restarts = 0;  // fatal transactional producers replaced
  uint64_t pauses = 0;             // partitions paused by backpressure
  uint64_t rebalances = 0;
  double seconds = 0;
};

class DistributedCrawl {
 public:
  // `detector` must outlive the crawl. `job` gives the fetcher, robots and worker settings;
  // `kafka` the brokers, event topic names and extra client properties (kafka.producer).
  DistributedCrawl(DistributedOptions options, KafkaOptions kafka, CrawlJobOptions job,
                   std::vector<CrawlSource> sources, const Detector* detector);
  ~DistributedCrawl();

  // Joins the group and crawls until `stop` is raised (or idle_exit_ms passes idle), then
  // finishes in-flight work, commits and leaves the group. Fails when Kafka cannot be set
  // up (kInvalidArgument: bad property; kUnavailable: no broker / init_transactions failed)
  // or when a fatal transactional producer could not be replaced `max_producer_restarts`
  // times in a row (kInternal; e.g. two workers running with the same id).
  Result<DistributedSummary> Run(const std::atomic<bool>* stop);

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace hallyu
