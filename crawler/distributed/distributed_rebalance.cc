#include "crawler/distributed/distributed_crawl_impl.h"

namespace hallyu {
namespace distributed_internal {

std::string JoinPartitions(const std::set<int32_t>& ps) {
  std::string out;
  for (int32_t p : ps) out += (out.empty() ? "" : ",") + std::to_string(p);
  return out;
}

}  // namespace distributed_internal

// --- rebalancing ---------------------------------------------------------------------------

void DistributedCrawl::Impl::OnAssign(rd_kafka_topic_partition_list_t* parts) {
  std::vector<int32_t> ps, ds;
  for (int i = 0; i < parts->cnt; ++i) {
    (o_.detections_topic == parts->elems[i].topic ? ds : ps).push_back(parts->elems[i].partition);
  }
  Restore(ps);
  for (int32_t p : ds) detection_parts_[p] = DetectionPartition{};
  std::set<int32_t> unrestored = RestoreMergeState(ds);
  MonoTime ready = MonoClock::now() + job_.fetcher.min_host_delay;
  for (int32_t p : ps) {
    PartitionState& st = partitions_[p];
    st = PartitionState{};
    st.ready_at = ready;
  }
  if (rd_kafka_error_t* e = rd_kafka_incremental_assign(consumer_.get(), parts)) {
    spdlog::error("distributed: incremental_assign: {}", rd_kafka_error_string(e));
    rd_kafka_error_destroy(e);
  }
  if (!unrestored.empty()) {
    PauseDetections(unrestored, true);
    last_restore_try_ = MonoClock::now();
  }
  spdlog::info(
      "distributed: worker {} assigned {} frontier and {} detection partition(s), owns {} "
      "and {}",
      o_.worker_id, ps.size(), ds.size(), partitions_.size(), detection_parts_.size());
}

void DistributedCrawl::Impl::PauseDetections(const std::set<int32_t>& ps, bool pause) {
  PartitionListPtr l(rd_kafka_topic_partition_list_new(static_cast<int>(ps.size())));
  for (int32_t p : ps) rd_kafka_topic_partition_list_add(l.get(), o_.detections_topic.c_str(), p);
  if (pause) {
    rd_kafka_pause_partitions(consumer_.get(), l.get());
  } else {
    rd_kafka_resume_partitions(consumer_.get(), l.get());
  }
}

std::set<int32_t> DistributedCrawl::Impl::RestoreMergeState(const std::vector<int32_t>& ds) {
  std::set<int32_t> failed =
      ReadPartitionsToEnd(o_.merge_state_topic, ds, [this](int32_t p, std::string_view payload) {
        auto j = nlohmann::json::parse(payload, nullptr, /*allow_exceptions=*/false);
        if (j.is_discarded()) return false;
        Result<Event> e = EventFromJson(j);
        auto it = detection_parts_.find(p);
        if (!e.ok() || it == detection_parts_.end()) return false;
        it->second.state.Restore(std::move(*e));
        return true;
      });
  for (int32_t p : ds) {
    auto it = detection_parts_.find(p);
    if (it == detection_parts_.end()) continue;
    it->second.restored = failed.count(p) == 0;
    if (!it->second.restored) it->second.state.Clear();
  }
  return failed;
}

void DistributedCrawl::Impl::RetryMergeStateRestores() {
  MonoTime now = MonoClock::now();
  if (now - last_restore_try_ < std::chrono::seconds(1)) return;
  std::vector<int32_t> todo;
  for (const auto& [p, dp] : detection_parts_) {
    if (!dp.restored) todo.push_back(p);
  }
  if (todo.empty()) return;
  last_restore_try_ = now;
  std::set<int32_t> failed = RestoreMergeState(todo);
  std::set<int32_t> done;
  for (int32_t p : todo) {
    if (failed.count(p) == 0) done.insert(p);
  }
  if (done.empty()) return;
  PartitionListPtr l(rd_kafka_topic_partition_list_new(static_cast<int>(done.size())));
  for (int32_t p : done) rd_kafka_topic_partition_list_add(l.get(), o_.detections_topic.c_str(), p);
  if (rd_kafka_committed(consumer_.get(), l.get(), 30000) != RD_KAFKA_RESP_ERR_NO_ERROR) {
    for (int i = 0; i < l->cnt; ++i) l->elems[i].offset = RD_KAFKA_OFFSET_INVALID;
  }
  for (int i = 0; i < l->cnt; ++i) {
    // Unknown or none: from the beginning; merging a detection again is a duplicate.
    if (l->elems[i].offset < 0) l->elems[i].offset = RD_KAFKA_OFFSET_BEGINNING;
    DetectionPartition& dp = detection_parts_[l->elems[i].partition];
    dp.committed = l->elems[i].offset;
    dp.next = -1;
  }
  if (rd_kafka_error_t* e = rd_kafka_seek_partitions(consumer_.get(), l.get(), 30000)) {
    spdlog::warn("distributed: seek after restore: {}", rd_kafka_error_string(e));
    rd_kafka_error_destroy(e);
  }
  PauseDetections(done, false);
  spdlog::info("distributed: merge state of detection partition(s) [{}] restored late",
               JoinPartitions(done));
}

void DistributedCrawl::Impl::OnRevoke(rd_kafka_topic_partition_list_t* parts, bool lost) {
  std::set<int32_t> revoked, revoked_detections;
  for (int i = 0; i < parts->cnt; ++i) {
    (o_.detections_topic == parts->elems[i].topic ? revoked_detections : revoked)
        .insert(parts->elems[i].partition);
  }
  spdlog::info("distributed: worker {} {} partitions [{}] and detection partitions [{}]",
               o_.worker_id, lost ? "lost" : "releasing", JoinPartitions(revoked),
               JoinPartitions(revoked_detections));
  if (!lost) {
    // Finish what is at the fetcher for these hosts, so the next owner never overlaps.
    DrainInFlight(/*process=*/true, &revoked);
  }
  for (auto it = hosts_.begin(); it != hosts_.end();) {
    if (revoked.count(it->second.partition) != 0) {
      for (const Task& t : it->second.queue) queued_urls_.erase(t.url);
      it = hosts_.erase(it);
    } else {
      ++it;
    }
  }
  for (auto it = retry_wait_.begin(); it != retry_wait_.end();) {
    if (revoked.count(it->second.partition) != 0) {
      queued_urls_.erase(it->second.url);
      it = retry_wait_.erase(it);
    } else {
      ++it;
    }
  }
  Status s;
  if (!lost) {
    if (o_.test_faults.abort_first_revoke_commit && !revoke_fault_fired_ && !revoked.empty()) {
      revoke_fault_fired_ = true;
      spdlog::warn("distributed: test fault: aborting the commit of a revocation");
      s = AbortAndRewind(&revoked, &revoked_detections);
    } else {
      // Commits the revoked partitions' work with their offsets; if that aborts, they are
      // left out of the rewind and their next owner redoes them.
      s = CommitTxn(false, &revoked, &revoked_detections);
    }
  } else {
    // The group gave these partitions away already (this worker was deemed dead): the open
    // transaction may hold their results, which the next owner redoes. Abort it and
    // restart the partitions still owned at their committed offsets, redoing their
    // fetched results (never dropping them: issue 19, window 3).
    s = AbortAndRewind(&revoked, &revoked_detections);
  }
  if (!s.ok()) fatal_ = s;
  for (int32_t p : revoked) partitions_.erase(p);
  for (int32_t p : revoked_detections) detection_parts_.erase(p);
  if (rd_kafka_error_t* e = rd_kafka_incremental_unassign(consumer_.get(), parts)) {
    spdlog::error("distributed: incremental_unassign: {}", rd_kafka_error_string(e));
    rd_kafka_error_destroy(e);
  }
  spdlog::info("distributed: worker {} {} {} frontier and {} detection partition(s), owns {}",
               o_.worker_id, lost ? "lost" : "released", revoked.size(), revoked_detections.size(),
               partitions_.size());
}

void DistributedCrawl::Impl::Restore(const std::vector<int32_t>& ps) {
  if (ps.empty()) return;
  uint64_t n = 0;
  std::set<int32_t> open =
      ReadPartitionsToEnd(o_.state_topic, ps, [&](int32_t, std::string_view payload) {
        auto st = DecodeUrlState(payload);
        if (!st.ok()) return false;
        (void)state_->Put(*st);
        n++;
        return true;
      });
  if (!open.empty()) {
    // An incomplete crawl state only means pages fetched again.
    spdlog::warn("distributed: restore of {} partition(s) timed out", open.size());
  }
  spdlog::info("distributed: restored {} URL states of {} partition(s)", n, ps.size());
}

std::set<int32_t> DistributedCrawl::Impl::ReadPartitionsToEnd(
    const std::string& topic, const std::vector<int32_t>& ps,
    const std::function<bool(int32_t, std::string_view)>& record) {
  std::set<int32_t> open(ps.begin(), ps.end());
  if (ps.empty()) return open;
  PartitionListPtr l(rd_kafka_topic_partition_list_new(static_cast<int>(ps.size())));
  for (int32_t p : ps) {
    rd_kafka_topic_partition_list_add(l.get(), topic.c_str(), p)->offset =
        RD_KAFKA_OFFSET_BEGINNING;
  }
  // The end to reach for each partition: its high watermark as the first fetch response of
  // this read reported it (rd_kafka_get_watermark_offsets reads the value cached from the
  // fetch responses, without a request). Not rd_kafka_query_watermark_offsets: in
  // librdkafka 2.0.2 its ListOffsets request goes to the leader in the client's metadata
  // and, when that broker was just killed, blocks far past its timeout (a worker sat in this
  // rebalance callback until the dead broker came back, and its partitions were not crawled).
  // The fetches below follow a leader change like any consumer's, within the deadline.
  std::map<int32_t, int64_t> end;
  rd_kafka_assign(restorer_.get(), l.get());
  MonoTime deadline = MonoClock::now() + milliseconds(o_.restore_timeout_ms);
  while (!open.empty() && MonoClock::now() < deadline) {
    rd_kafka_message_t* m = rd_kafka_consumer_poll(restorer_.get(), 100);
    if (m == nullptr) continue;
    if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
      // The fetch response that brought this EOF has updated the cached watermark.
      auto e = end.find(m->partition);
      int64_t lo = 0, hi = -1;
      if (e == end.end() &&
          rd_kafka_get_watermark_offsets(restorer_.get(), topic.c_str(), m->partition, &lo, &hi) ==
              RD_KAFKA_RESP_ERR_NO_ERROR &&
          hi >= 0) {
        e = end.emplace(m->partition, hi).first;
      }
      if (e != end.end() && m->offset >= e->second) open.erase(m->partition);
    } else if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR && m->payload != nullptr) {
      (void)record(m->partition, std::string_view(static_cast<const char*>(m->payload), m->len));
    } else if (m->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      spdlog::warn("distributed: restore: {}", rd_kafka_message_errstr(m));
    }
    rd_kafka_message_destroy(m);
  }
  rd_kafka_assign(restorer_.get(), nullptr);
  return open;
}

}  // namespace hallyu
