#include "crawler/distributed/distributed_crawl_impl.h"

namespace hallyu {
namespace distributed_internal {

// A failure worth fetching again later (the server or the network may recover), as
// opposed to a final answer (4xx, a policy refusal) that is recorded as crawled.
bool IsTransientFailure(const FetchResult& r) {
  if (r.http_status >= 400 && r.http_status < 500 && r.http_status != 429) return false;
  switch (r.failure) {
    case FailureKind::kDns:
    case FailureKind::kConnect:
    case FailureKind::kTimeout:
    case FailureKind::kHttp5xx:
    case FailureKind::kReset:
    case FailureKind::kTruncated:
    case FailureKind::kTooManyRequests:
    case FailureKind::kCancelled:
    case FailureKind::kOther:
      return true;
    default:
      return false;
  }
}

}  // namespace distributed_internal

namespace {

std::string NowRfc3339() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

// --- frontier intake -----------------------------------------------------------------------

void DistributedCrawl::Impl::PollFrontier(milliseconds timeout) {
  for (int i = 0; i < 500; ++i) {
    rd_kafka_message_t* m =
        rd_kafka_consumer_poll(consumer_.get(), i == 0 ? static_cast<int>(timeout.count()) : 0);
    if (m == nullptr) return;
    if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
      std::string_view payload(static_cast<const char*>(m->payload), m->len);
      if (o_.detections_topic == rd_kafka_topic_name(m->rkt)) {
        HandleDetection(m->partition, m->offset, payload);
      } else {
        HandleRecord(m->partition, m->offset, payload);
      }
    } else if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF) {
      spdlog::warn("distributed: consumer: {}", rd_kafka_message_errstr(m));
    }
    rd_kafka_message_destroy(m);
  }
}

void DistributedCrawl::Impl::HandleRecord(int32_t partition, int64_t offset,
                                          std::string_view payload) {
  auto pit = partitions_.find(partition);
  if (pit == partitions_.end()) return;  // not ours (any more)
  PartitionState& ps = pit->second;
  if (offset < ps.next) return;  // already seen (redelivery after a seek)
  ps.next = offset + 1;
  last_activity_ = MonoClock::now();
  Result<FrontierRecord> rec = DecodeFrontierRecord(payload);
  if (!rec.ok()) {
    spdlog::warn("distributed: bad frontier record at {}:{}: {}", partition, offset,
                 rec.status().ToString());
    return;  // done: nothing to do for it
  }
  auto parts = ParseUrl(rec->url);
  if (!parts.ok()) return;
  Task t;
  t.kind = rec->kind == FrontierKind::kSource ? TaskKind::kSource : TaskKind::kPage;
  t.url = parts->ToString();
  t.origin = parts->Origin();
  t.path_query = parts->PathAndQuery();
  auto host = UrlHost(t.url);
  if (!host.ok()) return;
  t.host = *host;
  t.source = rec->source;
  t.title = rec->title;
  t.published_at = rec->published_at;
  t.partition = partition;
  t.offset = offset;
  if (queued_urls_.count(t.url) != 0 || AlreadyCrawled(t)) {
    summary_.skipped_seen++;
    return;
  }
  queued_urls_.insert(t.url);
  ps.pending.insert(offset);
  ps.hosts.insert(t.host);
  HostQueue& q = hosts_[t.host];
  q.partition = partition;
  if (q.queue.empty() && q.in_flight == 0 && q.ready_after < ps.ready_at) {
    q.ready_after = ps.ready_at;
  }
  q.queue.push_back(std::move(t));
}

void DistributedCrawl::Impl::HandleDetection(int32_t partition, int64_t offset,
                                             std::string_view payload) {
  auto it = detection_parts_.find(partition);
  if (it == detection_parts_.end()) return;  // not ours (any more)
  DetectionPartition& dp = it->second;
  // Not merged before the partition's state is complete; read again after the restore.
  if (!dp.restored || offset < dp.next) return;
  dp.next = offset + 1;
  last_activity_ = MonoClock::now();
  auto j = nlohmann::json::parse(payload, nullptr, /*allow_exceptions=*/false);
  Result<Event> detection =
      j.is_discarded() ? Result<Event>(ParseError("not JSON")) : EventFromJson(j);
  if (!detection.ok()) {
    spdlog::warn("distributed: bad detection record at {}:{}: {}", partition, offset,
                 detection.status().ToString());
    return;  // done: nothing to merge
  }
  EventMerger merger(&dp.state);
  Result<MergeOutcome> merged = merger.Plan(*detection);
  if (!merged.ok()) {  // the in-memory state does not fail; be safe anyway
    txn_failed_ = true;
    return;
  }
  if (merged->kind == MergeKind::kDuplicate) return;
  (void)FitEventToMessage(merged->event, max_event_bytes_);
  const Event& e = merged->event;
  const std::string json = ToJson(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const std::string site = e.sources.empty() ? "" : e.sources.back().site;
  if (merged->publish()) {
    Status s = Produce(EventTopic(kafka_.topics, e.type), -1, e.event_id, json,
                       EventSchemaName(e.type), site);
    if (!s.ok()) {
      spdlog::warn("event {} v{}: {}", e.event_id, e.version, s.ToString());
      txn_failed_ = true;  // the version must not be lost: abort and merge it again
      return;
    }
    events_published_++;
  }
  Status s =
      Produce(o_.merge_state_topic, partition, e.event_id, json, "hallyu.merge-state/1", site);
  if (!s.ok()) {
    spdlog::warn("merge state {}: {}", e.event_id, s.ToString());
    txn_failed_ = true;
    return;
  }
  (void)merger.Commit(*merged);
}

bool DistributedCrawl::Impl::AlreadyCrawled(const Task& t) {
  Result<UrlState> st = state_->Get(t.url);
  if (!st.ok() || st->last_fetch_ms == 0) return false;
  if (t.kind == TaskKind::kPage) return true;
  auto it = source_index_.find(t.source);
  int64_t interval_ms = (it != source_index_.end() ? it->second->interval_seconds : 1800) * 1000;
  return NowUnixMs() - st->last_fetch_ms < interval_ms;
}

// --- dispatch ------------------------------------------------------------------------------

int DistributedCrawl::Impl::HostCap(const std::string& host) const {
  auto it = job_.fetcher.host_overrides.find(host);
  if (it != job_.fetcher.host_overrides.end() && it->second.max_in_flight > 0)
    return it->second.max_in_flight;
  return std::max(1, job_.fetcher.max_in_flight_per_host);
}

void DistributedCrawl::Impl::Dispatch() {
  if (Stopping()) return;
  MonoTime now = MonoClock::now();
  for (auto it = hosts_.begin(); it != hosts_.end();) {
    HostQueue& q = it->second;
    if (q.queue.empty() && q.in_flight == 0) {
      it = hosts_.erase(it);
      continue;
    }
    if (now < q.ready_after) {
      ++it;
      continue;
    }
    const int cap = HostCap(it->first);
    while (!q.queue.empty() && q.in_flight < cap) {
      Task& t = q.queue.front();
      if (job_.respect_robots) {
        RobotsCache::Verdict v = robots_.Check(t.origin, t.path_query);
        if (v == RobotsCache::Verdict::kDisallowed) {
          summary_.robots_denied++;
          spdlog::info("robots.txt disallows {}", t.url);
          UrlState st;
          st.url = t.url;
          st.last_fetch_ms = NowUnixMs();
          Task done = std::move(t);
          q.queue.pop_front();
          RecordState(done, st);
          Complete(done);
          continue;
        }
        if (v == RobotsCache::Verdict::kNeedsFetch) {
          Task r;
          r.kind = TaskKind::kRobots;
          r.url = t.origin + "/robots.txt";
          r.origin = t.origin;
          r.host = t.host;
          Submit(q, std::move(r));
          break;
        }
        if (v == RobotsCache::Verdict::kPending) break;
      }
      Task t2 = std::move(q.queue.front());
      q.queue.pop_front();
      Submit(q, std::move(t2));
    }
    ++it;
  }
}

void DistributedCrawl::Impl::Submit(HostQueue& q, Task t) {
  uint64_t id = next_id_++;
  FetchRequest req;
  req.url = t.url;
  req.id = id;
  req.conditional = t.kind != TaskKind::kRobots;
  // The crawl state of a URL changes only when its result is handled in a transaction.
  req.defer_validators = t.kind != TaskKind::kRobots;
  // an oversized robots.txt is read up to its first part (RFC 9309 §2.5)
  if (t.kind == TaskKind::kRobots) PrepareRobotsRequest(req);
  q.in_flight++;
  if (t.partition >= 0) {
    auto pit = partitions_.find(t.partition);
    if (pit != partitions_.end()) pit->second.in_flight++;
  }
  in_fetch_.emplace(id, std::move(t));
  Status s = fetcher_->TrySubmit(std::move(req));
  if (!s.ok()) {  // fetcher queue full: put it back
    Task back = std::move(in_fetch_[id]);
    in_fetch_.erase(id);
    q.in_flight--;
    if (back.partition >= 0) {
      auto pit = partitions_.find(back.partition);
      if (pit != partitions_.end()) pit->second.in_flight--;
    }
    if (back.kind != TaskKind::kRobots) q.queue.push_front(std::move(back));
  }
}

void DistributedCrawl::Impl::ApplyBackpressure() {
  for (auto& [p, ps] : partitions_) {
    std::size_t fullest = 0;
    for (const std::string& h : ps.hosts) {
      auto it = hosts_.find(h);
      if (it != hosts_.end()) fullest = std::max(fullest, it->second.queue.size());
    }
    bool want_pause = fullest >= o_.host_queue_limit;
    bool want_resume = ps.paused && fullest < o_.host_queue_limit / 2 + 1;
    if (!ps.paused && want_pause) {
      PartitionListPtr l(rd_kafka_topic_partition_list_new(1));
      rd_kafka_topic_partition_list_add(l.get(), o_.frontier_topic.c_str(), p);
      rd_kafka_pause_partitions(consumer_.get(), l.get());
      ps.paused = true;
      summary_.pauses++;
      spdlog::info("distributed: paused partition {} (a host queue holds {} URLs)", p, fullest);
    } else if (want_resume) {
      PartitionListPtr l(rd_kafka_topic_partition_list_new(1));
      rd_kafka_topic_partition_list_add(l.get(), o_.frontier_topic.c_str(), p);
      rd_kafka_resume_partitions(consumer_.get(), l.get());
      ps.paused = false;
      spdlog::info("distributed: resumed partition {}", p);
    }
  }
}

// --- results -------------------------------------------------------------------------------

void DistributedCrawl::Impl::ProcessResults(milliseconds wait, bool process) {
  std::deque<FetchResult> batch;
  {
    std::unique_lock<std::mutex> lock(results_mu_);
    if (results_.empty() && wait.count() > 0) results_cv_.wait_for(lock, wait);
    batch.swap(results_);
  }
  for (FetchResult& r : batch) {
    auto it = in_fetch_.find(r.id);
    if (it == in_fetch_.end()) continue;
    Task t = std::move(it->second);
    in_fetch_.erase(it);
    auto hit = hosts_.find(t.host);
    if (hit != hosts_.end()) hit->second.in_flight--;
    bool owned = false;
    if (t.partition >= 0) {
      auto pit = partitions_.find(t.partition);
      if (pit != partitions_.end()) {
        pit->second.in_flight--;
        owned = true;
      }
    }
    if (t.kind == TaskKind::kRobots) {
      if (process) HandleRobots(t, r);
    } else if (owned && !process && collect_ != nullptr) {
      collect_->emplace_back(std::move(t), std::move(r));
    } else if (owned && process) {
      if (Handle(t, r)) txn_results_.emplace_back(std::move(t), std::move(r));
    } else {
      ForgetFetch(t, r);
    }
  }
}

void DistributedCrawl::Impl::ForgetFetch(const Task& t, const FetchResult& r) {
  if (r.outcome != FetchOutcome::kNotModified) return;
  (void)state_->Erase(t.url);
  if (!r.final_url.empty() && r.final_url != t.url) (void)state_->Erase(r.final_url);
}

void DistributedCrawl::Impl::ScheduleRetry(const Task& t) {
  Task next = t;
  next.fetch_round++;
  RetryPolicy policy(job_.fetcher.retry);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  auto delay = policy.Backoff(next.fetch_round, unit(random_));
  summary_.fetch_retries++;
  spdlog::info("{}: fetched again in {} ms (round {} of {})", t.url,
               std::chrono::duration_cast<milliseconds>(delay).count(), next.fetch_round + 1,
               o_.fetch_rounds);
  retry_wait_.emplace(MonoClock::now() + delay, std::move(next));
}

void DistributedCrawl::Impl::RequeueDueRetries() {
  MonoTime now = MonoClock::now();
  while (!retry_wait_.empty() && retry_wait_.begin()->first <= now) {
    Task t = std::move(retry_wait_.begin()->second);
    retry_wait_.erase(retry_wait_.begin());
    if (partitions_.count(t.partition) == 0) {
      queued_urls_.erase(t.url);
      continue;
    }
    HostQueue& q = hosts_[t.host];
    q.partition = t.partition;
    q.queue.push_back(std::move(t));
  }
}

void DistributedCrawl::Impl::HandleRobots(const Task& t, const FetchResult& r) {
  RecordRobotsFetch(robots_, t.origin, r);
  if (std::string failure = robots_.FailureOf(t.origin); !failure.empty()) {
    spdlog::warn("robots.txt of {} unavailable ({})", t.origin, failure);
  } else if (const RobotsRules* rules = robots_.Rules(t.origin); rules && rules->crawl_delay()) {
    fetcher_->SetCrawlDelay(t.host,
                            milliseconds(static_cast<int64_t>(*rules->crawl_delay() * 1000)));
  }
}

bool DistributedCrawl::Impl::Handle(const Task& t, const FetchResult& r) {
  last_activity_ = MonoClock::now();
  if (r.outcome == FetchOutcome::kFailed) {
    summary_.fetch_failures++;
    spdlog::warn("{} {}: fetch failed ({}): {}", t.kind == TaskKind::kSource ? "source" : "page",
                 t.url, FailureKindName(r.failure), r.error);
    if (IsTransientFailure(r)) {
      // Not crawled: fetched again, or (after the last round) left unrecorded so that the
      // next listing of it brings it back (issue 19, window 4).
      if (t.fetch_round + 1 < o_.fetch_rounds) {
        ScheduleRetry(t);
        return false;
      }
      summary_.fetch_given_up++;
      spdlog::warn("{}: still failing after {} rounds; left for the next time it is listed", t.url,
                   o_.fetch_rounds);
      Complete(t);
      return true;
    }
  }
  UrlState st = state_->Get(t.url).value_or(UrlState{});
  st.url = t.url;
  st.last_fetch_ms = NowUnixMs();
  st.last_status = static_cast<int>(r.http_status);
  if (r.ok()) st.content_hash = ContentHash(r.body);
  if (r.validators) {
    if (r.validators->url == t.url) {
      st.etag = r.validators->etag;
      st.last_modified = r.validators->last_modified;
    } else {
      (void)state_->Put(*r.validators);  // of the redirect target (local only)
    }
  }
  if (r.outcome == FetchOutcome::kNotModified) summary_.not_modified++;
  if (r.ok()) {
    if (t.kind == TaskKind::kSource) {
      HandleSource(t, r);
    } else {
      HandlePage(t, r);
    }
  }
  RecordState(t, st);
  Complete(t);
  return true;
}

const CrawlSource* DistributedCrawl::Impl::SourceOf(const Task& t) const {
  auto it = source_index_.find(t.source);
  return it == source_index_.end() ? nullptr : it->second;
}

void DistributedCrawl::Impl::HandleSource(const Task& t, const FetchResult& r) {
  const CrawlSource* src = SourceOf(t);
  if (src == nullptr) {
    spdlog::warn("source {} is not in this worker's configuration; skipped", t.source);
    return;
  }
  summary_.sources_fetched++;
  Result<SourceItems> items =
      ReadSourceResponse(*src, r.body, r.final_url, r.content_type, NowUnixMs() / 1000);
  if (!items.ok()) {
    spdlog::warn("source {} ({}): {}", src->name, t.url, items.status().ToString());
    return;
  }
  std::string fetched_at = NowRfc3339();
  for (const SourcePost& post : items->posts) {
    PageOrigin origin;
    origin.url = post.url;
    origin.site = src->site.empty() ? src->name : src->site;
    origin.lang = src->lang;
    origin.published_at = post.published_at;
    origin.fetched_at = fetched_at;
    TextDocument doc{post.text, post.title, post.author};
    auto events = pipeline_->ProcessText(doc, origin);
    if (!events.ok()) spdlog::warn("post {}: {}", post.url, events.status().ToString());
  }
  for (const std::string& child : items->child_sources) {
    FrontierRecord c;
    c.kind = FrontierKind::kSource;
    c.url = child;
    c.source = src->name;
    Status s = ProduceFrontier(c);
    if (!s.ok()) spdlog::warn("frontier {}: {}", child, s.ToString());
  }
  for (const PageLink& link : items->pages) {
    FrontierRecord p;
    p.kind = FrontierKind::kPage;
    p.url = link.url;
    p.source = src->name;
    p.title = link.title;
    p.published_at = link.published_at;
    Status s = ProduceFrontier(p);
    if (!s.ok()) spdlog::warn("frontier {}: {}", link.url, s.ToString());
  }
}

void DistributedCrawl::Impl::HandlePage(const Task& t, const FetchResult& r) {
  summary_.pages_fetched++;
  const CrawlSource* src = SourceOf(t);
  PageOrigin origin;
  origin.url = r.final_url.empty() ? t.url : r.final_url;
  origin.site = src == nullptr ? t.host : (src->site.empty() ? src->name : src->site);
  origin.lang = src == nullptr ? "auto" : src->lang;
  origin.title_hint = t.title;
  origin.published_at = t.published_at;
  origin.fetched_at = NowRfc3339();
  auto events = pipeline_->ProcessPageBody(r.body, r.content_type, origin);
  if (!events.ok()) spdlog::warn("page {}: {}", origin.url, events.status().ToString());
}

void DistributedCrawl::Impl::RecordState(const Task& t, const UrlState& st) {
  (void)state_->Put(st);
  txn_urls_.push_back(t.url);
  Status s =
      Produce(o_.state_topic, t.partition, t.url, EncodeUrlState(st), "hallyu.crawl-state/1", "");
  if (!s.ok()) spdlog::warn("crawl state {}: {}", t.url, s.ToString());
}

void DistributedCrawl::Impl::Complete(const Task& t) {
  queued_urls_.erase(t.url);
  auto pit = partitions_.find(t.partition);
  if (pit != partitions_.end()) pit->second.pending.erase(t.offset);
}

void DistributedCrawl::Impl::DrainInFlight(bool process, const std::set<int32_t>* only) {
  auto busy = [&] {
    for (const auto& [id, t] : in_fetch_) {
      if (only == nullptr || only->count(t.partition) != 0) return true;
    }
    return false;
  };
  MonoTime deadline = MonoClock::now() + job_.fetcher.total_timeout * 2 +
                      job_.fetcher.retry.max_delay + std::chrono::seconds(5);
  while (busy() && MonoClock::now() < deadline) {
    ProcessResults(milliseconds(50), process);
    rd_kafka_poll(producer_.get(), 0);
  }
}

}  // namespace hallyu
