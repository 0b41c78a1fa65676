#include "crawler/distributed/distributed_crawl_impl.h"

namespace hallyu {

// --- transactions --------------------------------------------------------------------------

Status DistributedCrawl::Impl::BeginTxn() {
  if (rd_kafka_error_t* e = rd_kafka_begin_transaction(producer_.get())) {
    std::string m = rd_kafka_error_string(e);
    rd_kafka_error_destroy(e);
    return Internal("begin_transaction: " + m);
  }
  txn_records_ = 0;
  txn_detections_ = 0;
  txn_failed_ = false;
  return Status();
}

Status DistributedCrawl::Impl::Produce(const std::string& topic, int32_t partition,
                                       const std::string& key, const std::string& value,
                                       const std::string& schema, const std::string& site) {
  KafkaHeaders headers = StandardHeaders(schema, site);
  for (int attempt = 0; attempt < 1000; ++attempt) {
    rd_kafka_headers_t* hdrs = rd_kafka_headers_new(headers.size());
    for (const auto& [name, v] : headers) {
      if (v) rd_kafka_header_add(hdrs, name.c_str(), -1, v->data(), v->size());
    }
    rd_kafka_resp_err_t e = rd_kafka_producev(
        producer_.get(), RD_KAFKA_V_TOPIC(topic.c_str()),
        RD_KAFKA_V_PARTITION(partition < 0 ? RD_KAFKA_PARTITION_UA : partition),
        RD_KAFKA_V_KEY(key.data(), key.size()),
        RD_KAFKA_V_VALUE(const_cast<char*>(value.data()), value.size()),
        RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_HEADERS(hdrs), RD_KAFKA_V_END);
    if (e == RD_KAFKA_RESP_ERR_NO_ERROR) {
      txn_records_++;
      return Status();
    }
    rd_kafka_headers_destroy(hdrs);
    if (e != RD_KAFKA_RESP_ERR__QUEUE_FULL) {
      if (e == RD_KAFKA_RESP_ERR__FATAL || e == RD_KAFKA_RESP_ERR__STATE ||
          rd_kafka_fatal_error(producer_.get(), nullptr, 0) != RD_KAFKA_RESP_ERR_NO_ERROR) {
        // The transaction cannot hold what this URL caused: it must not commit.
        txn_failed_ = true;
      }
      return Unavailable("produce to " + topic + ": " + rd_kafka_err2str(e));
    }
    rd_kafka_poll(producer_.get(), 10);
  }
  return Unavailable("produce to " + topic + ": queue stayed full");
}

Status DistributedCrawl::Impl::CommitTxn(bool force, const std::set<int32_t>* leaving,
                                         const std::set<int32_t>* leaving_detections) {
  rd_kafka_poll(producer_.get(), 0);
  if (txn_failed_) {
    spdlog::warn("distributed: a record could not join the transaction; aborting it");
    return AbortAndRewind(leaving, leaving_detections);
  }
  PartitionListPtr offsets(rd_kafka_topic_partition_list_new(
      static_cast<int>(partitions_.size() + detection_parts_.size())));
  for (auto& [p, ps] : partitions_) {
    int64_t commit = ps.pending.empty() ? ps.next : *ps.pending.begin();
    if (commit >= 0 && commit != ps.committed) {
      rd_kafka_topic_partition_list_add(offsets.get(), o_.frontier_topic.c_str(), p)->offset =
          commit;
    }
  }
  for (auto& [p, dp] : detection_parts_) {
    if (dp.next >= 0 && dp.next != dp.committed) {
      rd_kafka_topic_partition_list_add(offsets.get(), o_.detections_topic.c_str(), p)->offset =
          dp.next;
    }
  }
  if (!force && offsets->cnt == 0 && txn_records_ == 0) return Status();
  // Each step is retried on its own retriable error, and never a step that succeeded: a
  // commit_transaction that timed out goes on in the background, and only calling
  // commit_transaction again resumes it (librdkafka's contract); send_offsets_to_transaction
  // called then fails ("Conflicting commit_transaction API call is already in progress"),
  // which aborted a transaction that was being committed and replaced the producer.
  bool offsets_sent = offsets->cnt == 0;
  for (int attempt = 0;; ++attempt) {
    rd_kafka_error_t* e = nullptr;
    if (!offsets_sent) {
      rd_kafka_consumer_group_metadata_t* md = rd_kafka_consumer_group_metadata(consumer_.get());
      e = rd_kafka_send_offsets_to_transaction(producer_.get(), offsets.get(), md, 30000);
      rd_kafka_consumer_group_metadata_destroy(md);
      offsets_sent = e == nullptr;
    }
    const bool fault = e == nullptr && offsets->cnt > 0 && o_.test_faults.time_out_a_commit &&
                       !commit_timeout_fault_fired_ && attempt == 0;
    if (e == nullptr) e = rd_kafka_commit_transaction(producer_.get(), fault ? 1 : 30000);
    if (e == nullptr) break;
    std::string m = rd_kafka_error_string(e);
    bool retriable = rd_kafka_error_is_retriable(e);
    bool abort = rd_kafka_error_txn_requires_abort(e);
    bool fatal = rd_kafka_error_is_fatal(e);
    rd_kafka_error_destroy(e);
    if (fault && retriable) {
      commit_timeout_fault_fired_ = true;
      spdlog::warn("distributed: test fault: commit_transaction timed out after 1 ms");
    }
    if (!fatal && retriable && !abort && attempt < 20) {
      spdlog::warn("distributed: commit retried: {}", m);
      continue;
    }
    spdlog::warn("distributed: transaction aborted{}: {}", fatal ? " (fatal)" : "", m);
    return AbortAndRewind(leaving, leaving_detections);
  }
  for (int i = 0; i < offsets->cnt; ++i) {
    const rd_kafka_topic_partition_t& e = offsets->elems[i];
    if (o_.detections_topic == e.topic) {
      auto it = detection_parts_.find(e.partition);
      if (it != detection_parts_.end()) it->second.committed = e.offset;
      continue;
    }
    auto it = partitions_.find(e.partition);
    if (it != partitions_.end()) it->second.committed = e.offset;
  }
  for (auto& [p, dp] : detection_parts_) dp.state.Committed();
  txn_urls_.clear();
  txn_results_.clear();
  summary_.transactions++;
  producer_restarts_in_a_row_ = 0;
  if (Status b = BeginTxn(); !b.ok()) {
    spdlog::warn("distributed: {}", b.ToString());
    return AbortAndRewind(leaving, leaving_detections);  // replaces the producer
  }
  const int fatal_after = o_.test_faults.fatal_producer_after_commits;
  if (fatal_after > 0 && !fatal_fault_fired_ &&
      summary_.transactions >= static_cast<uint64_t>(fatal_after)) {
    fatal_fault_fired_ = true;
    spdlog::warn("distributed: test fault: making the transactional producer fatal");
    rd_kafka_test_fatal_error(producer_.get(), RD_KAFKA_RESP_ERR_INVALID_TXN_STATE,
                              "distributed.test_faults");
  }
  return Status();
}

Status DistributedCrawl::Impl::RestartProducer() {
  if (++producer_restarts_in_a_row_ > o_.max_producer_restarts) {
    return Internal("transactional producer failed " + std::to_string(producer_restarts_in_a_row_) +
                    " times in a row");
  }
  summary_.producer_restarts++;
  char reason[512] = {0};
  rd_kafka_fatal_error(producer_.get(), reason, sizeof reason);
  spdlog::warn("distributed: recreating the transactional producer ({})",
               reason[0] != '\0' ? reason : "abort failed");
  rd_kafka_purge(producer_.get(), RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
  producer_.reset();
  HALLYU_RETURN_IF_ERROR(CreateProducer());
  if (Status s = InitTransactions(); !s.ok()) return Internal(s.message());
  if (Status s = BeginTxn(); !s.ok()) return Internal(s.message());
  spdlog::warn("distributed: recreated the transactional producer");
  return Status();
}

Status DistributedCrawl::Impl::AbortAndRewind(const std::set<int32_t>* leaving,
                                              const std::set<int32_t>* leaving_detections) {
  summary_.aborts++;
  if (leaving != nullptr) {
    for (int32_t p : *leaving) partitions_.erase(p);
  }
  if (leaving_detections != nullptr) {
    for (int32_t p : *leaving_detections) detection_parts_.erase(p);
  }
  for (auto& [p, dp] : detection_parts_) {
    dp.state.Undo();
    dp.next = -1;
  }
  bool restart = rd_kafka_fatal_error(producer_.get(), nullptr, 0) != RD_KAFKA_RESP_ERR_NO_ERROR;
  if (!restart) {
    if (rd_kafka_error_t* e = rd_kafka_abort_transaction(producer_.get(), 30000)) {
      spdlog::warn("distributed: abort_transaction: {}", rd_kafka_error_string(e));
      rd_kafka_error_destroy(e);
      restart = true;
    }
  }
  // Everything since the last commit is undone: in-flight results are dropped, queues
  // emptied, local state of this transaction forgotten, and consumption restarts at
  // the committed offsets.
  std::vector<std::pair<Task, FetchResult>> replay;
  replay.swap(txn_results_);
  collect_ = &replay;  // responses still arriving are redone too, not dropped
  DrainInFlight(/*process=*/false, nullptr);
  collect_ = nullptr;
  for (auto& [host, q] : hosts_) q.queue.clear();
  retry_wait_.clear();
  queued_urls_.clear();
  for (const std::string& url : txn_urls_) (void)state_->Erase(url);
  txn_urls_.clear();
  HALLYU_RETURN_IF_ERROR(NewPipeline());
  PartitionListPtr list(rd_kafka_topic_partition_list_new(
      static_cast<int>(partitions_.size() + detection_parts_.size())));
  for (auto& [p, ps] : partitions_) {
    ps.pending.clear();
    ps.next = -1;
    rd_kafka_topic_partition_list_add(list.get(), o_.frontier_topic.c_str(), p);
  }
  for (auto& [p, dp] : detection_parts_) {
    if (dp.restored) rd_kafka_topic_partition_list_add(list.get(), o_.detections_topic.c_str(), p);
  }
  if (list->cnt > 0) {
    rd_kafka_resp_err_t ce = RD_KAFKA_RESP_ERR_NO_ERROR;
    for (int attempt = 0; attempt < 3; ++attempt) {
      ce = rd_kafka_committed(consumer_.get(), list.get(), 30000);
      if (ce == RD_KAFKA_RESP_ERR_NO_ERROR) break;
      spdlog::warn("distributed: reading committed offsets: {}", rd_kafka_err2str(ce));
    }
    if (ce != RD_KAFKA_RESP_ERR_NO_ERROR) {
      // Unknown: start over from each partition's beginning; what was crawled is skipped.
      for (int i = 0; i < list->cnt; ++i) list->elems[i].offset = RD_KAFKA_OFFSET_INVALID;
    }
    for (int i = 0; i < list->cnt; ++i) {
      if (list->elems[i].offset < 0) list->elems[i].offset = RD_KAFKA_OFFSET_BEGINNING;
      if (o_.detections_topic == list->elems[i].topic) {
        detection_parts_[list->elems[i].partition].committed = list->elems[i].offset;
      } else {
        partitions_[list->elems[i].partition].committed = list->elems[i].offset;
      }
    }
    if (rd_kafka_error_t* e = rd_kafka_seek_partitions(consumer_.get(), list.get(), 30000)) {
      spdlog::warn("distributed: seek after abort: {}", rd_kafka_error_string(e));
      rd_kafka_error_destroy(e);
    }
  }
  if (restart) {
    HALLYU_RETURN_IF_ERROR(RestartProducer());
  } else if (Status b = BeginTxn(); !b.ok()) {
    spdlog::warn("distributed: {}", b.ToString());
    HALLYU_RETURN_IF_ERROR(RestartProducer());
  }
  // Most aborts come from a rebalance starting under a commit (stale generation), not from
  // lost work: redo what the aborted transaction held from the responses already fetched,
  // for the partitions still owned, instead of fetching those URLs again. Their frontier
  // records come back after the seek and are skipped as crawled. Responses of partitions
  // no longer owned are forgotten (their local crawl state undone).
  size_t replayed = 0;
  std::set<int32_t> replayed_partitions;
  for (auto& [t, r] : replay) {
    // A transient failure is not redone from its result: its record comes back after the
    // seek and is fetched afresh (a retry queued from here would run beside it).
    if (partitions_.count(t.partition) == 0 ||
        (r.outcome == FetchOutcome::kFailed && IsTransientFailure(r))) {
      ForgetFetch(t, r);
      continue;
    }
    replayed_partitions.insert(t.partition);
    if (Handle(t, r)) txn_results_.emplace_back(std::move(t), std::move(r));
    replayed++;
  }
  spdlog::info(
      "distributed: rewound to the committed offsets; {} fetched URL(s) replayed "
      "(partitions [{}])",
      replayed, JoinPartitions(replayed_partitions));
  return Status();
}

}  // namespace hallyu
