#include "crawler/crawl/crawl_job.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <ctime>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "crawler/crawl/bounded_queue.h"
#include "crawler/crawl/frontier.h"
#include "crawler/crawl/packed_task_queue.h"
#include "crawler/crawl/processing_gate.h"
#include "crawler/fetch/fetcher.h"
#include "crawler/fetch/robots_fetch.h"
#include "crawler/ops/log_format.h"
#include "crawler/ops/metrics.h"
#include "crawler/sources/source_scheduler.h"
#include "extractors/text/charset.h"
#include "extractors/url/url.h"

namespace hallyu {
namespace {

enum class TaskKind { kSource, kPage, kRobots };

constexpr std::size_t kMaxLinksPerPost = 4;  // outbound links of one social post crawled

struct Task {
  TaskKind kind = TaskKind::kPage;
  std::string url;
  std::string origin;      // scheme://host[:port]
  std::string path_query;  // for the robots check
  std::size_t source = 0;  // index into sources_
  PageLink link;           // kPage: what the source said about the page
  int depth = 0;
  // kSource: the configured URL of the source (not a sitemap child or a next page).
  bool root = false;
  int page = 0;                   // kSource: result page within the poll (social paging)
  std::optional<EntryKey> entry;  // kPage: the entry it was listed as (seen-set key)
  // kPage: the source URL that listed it; kSource: the source URL that led to it
  // (a sitemap index, a previous result page), "" for a configured source URL.
  std::string from_url;
};

// A source URL (feed, sitemap, listing page, result page) read in this run. Its
// validators are stored only once everything it led to is settled: every entry
// page processed (events accepted by the publisher) and every child source URL
// settled in turn. Until then the store keeps the validators of the last time
// it was settled, so a crash at any moment makes the next poll read it in full
// (issue 19, window 1: validators stored at fetch time made the listing answer
// 304 after a SIGKILL and its unprocessed entries were never fetched).
struct Listing {
  std::optional<UrlState> validators;  // of its newest 2xx answer
  std::size_t open = 0;                // entries and child sources not settled, +1 while handled
  bool unsettled = false;              // something it led to was left unprocessed
  std::string parent;                  // the listing that led to it, "" for a configured URL
  std::size_t parent_refs = 0;         // holds it has on `parent` (one per read in a poll)
};

// Why Enqueue did not queue a task.
enum class EnqueueResult { kQueued, kDuplicate, kRefused };

// One poll of a source: its configured URL plus what that leads to (sitemap
// children, further result pages). Finished when no source fetch of it is open.
struct Poll {
  bool active = false;
  std::size_t open = 0;  // source fetches queued or in flight
  std::size_t new_entries = 0;
  bool failed = false;                      // the configured URL failed
  bool not_modified = false;                // the configured URL answered 304
  std::unordered_set<std::string> visited;  // source URLs of this poll (sitemap cycles)
};

std::string NowRfc3339() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

int64_t NowUnix() { return static_cast<int64_t>(std::time(nullptr)); }

// Frontier entries are packed (crawler/crawl/packed_task_queue.h): the URL, what the
// source said about the page (title, date) and the bookkeeping fields. The
// origin and path are recomputed when the task leaves the frontier.
QueuedTask Pack(const Task& t) {
  QueuedTask q;
  q.kind = static_cast<uint8_t>(t.kind);
  q.source = static_cast<uint32_t>(t.source);
  q.depth = static_cast<uint32_t>(t.depth);
  q.url = t.url;
  q.title = t.link.title;
  q.published_at = t.link.published_at;
  if (t.link.id != t.url) q.link_id = t.link.id;
  q.updated_at = t.link.updated_at;
  q.root = t.root;
  q.page = static_cast<uint32_t>(t.page);
  q.from_url = t.from_url;
  if (t.entry) {
    q.has_entry = true;
    q.entry_id = t.entry->id;
    q.entry_updated_at = t.entry->updated_at;
  }
  return q;
}

Task Unpack(QueuedTask q) {
  Task t;
  t.kind = static_cast<TaskKind>(q.kind);
  t.source = q.source;
  t.depth = static_cast<int>(q.depth);
  if (auto parts = ParseUrl(q.url); parts.ok()) {
    t.origin = parts->Origin();
    t.path_query = parts->PathAndQuery();
  }
  t.link.url = q.url;
  t.link.id = q.link_id.empty() ? q.url : std::move(q.link_id);
  t.link.title = std::move(q.title);
  t.link.published_at = std::move(q.published_at);
  t.link.updated_at = std::move(q.updated_at);
  t.root = q.root;
  t.page = static_cast<int>(q.page);
  t.from_url = std::move(q.from_url);
  if (q.has_entry) t.entry = EntryKey{std::move(q.entry_id), q.entry_updated_at};
  t.url = std::move(q.url);
  return t;
}

// Quarantined URLs loaded at the start of a run (skipped before they are fetched); more
// are only found when their page is fetched (CrawlStateStore::ProcessingOf).
constexpr std::size_t kQuarantinedLoadedAtStart = 100'000;

// The mutable state of one run, shared by the dispatcher, the fetcher callback
// and the workers. Everything below mu is guarded by it.
class Run {
 public:
  // `scheduler` (optional) records each finished poll; `seen` (optional) filters
  // entries; `continuous`: poll sources when due until stopped (else each once).
  Run(const CrawlJobOptions& options, const std::vector<CrawlSource>& sources,
      DocumentPipeline* pipeline, const std::atomic<bool>* stop, ProgressReporter* progress,
      SourceScheduler* scheduler, SourceStateStore* seen, const Clock* clock, bool continuous)
      : options_(options),
        sources_(sources),
        pipeline_(pipeline),
        stop_(stop),
        progress_(progress),
        metrics_(DefaultCrawlMetrics()),
        scheduler_(scheduler),
        seen_store_(seen),
        clock_(clock),
        continuous_(continuous),
        polls_(sources.size()),
        pending_(sources.size()),
        robots_(options.robots),
        results_(options.results_queue, options.results_queue_bytes,
                 [](const FetchResult& r) { return r.body.size() + r.url.size(); }) {
    for (std::size_t i = 0; i < sources_.size(); ++i) index_.emplace(sources_[i].name, i);
  }

  Result<CrawlSummary> Execute(CrawlStateStore* state) {
    auto started = std::chrono::steady_clock::now();
    if (!continuous_ && options_.deadline.count() > 0) deadline_ = started + options_.deadline;
    state_ = state;
    if (state_ != nullptr) {
      Result<std::vector<std::string>> quarantined =
          state_->QuarantinedUrls(kQuarantinedLoadedAtStart);
      if (quarantined.ok()) {
        for (const std::string& url : *quarantined) quarantined_.insert(UrlHash(url));
        if (!quarantined_.empty()) {
          spdlog::info("{} quarantined pages are skipped (crash-loop protection)",
                       quarantined_.size());
        }
      } else {
        spdlog::warn("quarantined pages unreadable: {}", quarantined.status().ToString());
      }
    }
    FetcherOptions fetcher_options = options_.fetcher;
    // The workers inflate the bodies (DecodeBody in WorkerLoop): the fetch loop
    // only moves bytes.
    fetcher_options.defer_content_decoding = true;
    auto fetcher = Fetcher::Create(
        fetcher_options, [this](FetchResult r) { OnFetched(std::move(r)); }, nullptr, state);
    if (!fetcher.ok()) return fetcher.status();
    fetcher_ = fetcher->get();

    if (progress_ != nullptr) progress_->SetSourcesTotal(static_cast<int64_t>(sources_.size()));
    if (!continuous_) {  // scheduled mode: the dispatcher starts polls when they are due
      for (std::size_t i = 0; i < sources_.size(); ++i) {
        {
          std::lock_guard<std::mutex> lock(sources_mu_);
          StartPollLocked(i);
        }
        EnqueueSource(RootTask(i));
      }
    }
    std::size_t nworkers = options_.workers;
    if (nworkers == 0) nworkers = std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::thread> workers;
    for (std::size_t i = 0; i < nworkers; ++i) workers.emplace_back([this] { WorkerLoop(); });
    DispatchLoop();  // returns when everything is done or stop was raised
    results_.Close();
    for (auto& w : workers) w.join();
    (*fetcher)->Stop();
    fetcher_ = nullptr;
    DropValidatorsOfUnfinishedEntries();
    if (state_ != nullptr) (void)state_->Flush();
    if (seen_store_ != nullptr) {
      std::lock_guard<std::mutex> lock(sources_mu_);
      if (Status s = seen_store_->Flush(); !s.ok())
        spdlog::warn("seen ids not saved: {}", s.ToString());
    }

    const PipelineCounters& c = pipeline_->counters();
    summary_.documents = c.documents - documents_before_;
    summary_.extraction_failures = c.extraction_failures - extraction_failures_before_;
    summary_.events_published = c.events_published - events_before_;
    summary_.publish_failures = c.publish_failures - publish_failures_before_;
    summary_.events_bounded = c.events_bounded - events_bounded_before_;
    summary_.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    {
      std::lock_guard<std::mutex> lock(sources_mu_);
      summary_.polls = polls_finished_;
      summary_.entries_seen_before = entries_seen_before_;
    }
    return summary_;
  }

  void SnapshotCounters() {
    const PipelineCounters& c = pipeline_->counters();
    documents_before_ = c.documents;
    extraction_failures_before_ = c.extraction_failures;
    events_before_ = c.events_published;
    publish_failures_before_ = c.publish_failures;
    events_bounded_before_ = c.events_bounded;
  }

 private:
  bool Stopping() const { return stop_ != nullptr && stop_->load(); }

  // Adds a task to the frontier unless it was seen before (within one RunOnce; a
  // scheduled run fetches a source URL every poll and relies on the seen-set of
  // entries instead). Thread-safe; never call with sources_mu_ held.
  EnqueueResult Enqueue(Task t) {
    auto parts = ParseUrl(t.url);
    if (!parts.ok()) {
      spdlog::debug("skip invalid url {}: {}", t.url, parts.status().ToString());
      return EnqueueResult::kRefused;
    }
    t.url = parts->ToString();
    t.origin = parts->Origin();
    t.path_query = parts->PathAndQuery();
    std::lock_guard<std::mutex> lock(mu_);
    if (t.kind != TaskKind::kRobots) {
      if (!continuous_ && !seen_.Insert(UrlHash(t.url))) return EnqueueResult::kDuplicate;
      if (frontier_.size() >= options_.frontier_capacity) {
        summary_.frontier_refused++;
        return EnqueueResult::kRefused;
      }
    }
    frontier_.PushBack(Pack(t));
    cv_.notify_all();
    return EnqueueResult::kQueued;
  }

  // ---- polls, schedules and the seen-set (state guarded by sources_mu_) ----

  Task RootTask(std::size_t i) const {
    Task t;
    t.kind = TaskKind::kSource;
    t.url = sources_[i].url;
    t.source = i;
    t.root = true;
    return t;
  }

  // Starts a poll of source `i`; false when one is still running.
  bool StartPollLocked(std::size_t i) {
    Poll& p = polls_[i];
    if (p.active) return false;
    p = Poll{};
    p.active = true;
    p.open = 1;
    p.visited.insert(sources_[i].url);
    return true;
  }

  // Scheduled mode: starts a poll of every due source not being polled already.
  void EnqueueDueSources() {
    std::vector<std::size_t> start;
    {
      std::lock_guard<std::mutex> lock(sources_mu_);
      for (const std::string& name : scheduler_->DueSources()) {
        auto it = index_.find(name);
        if (it != index_.end() && StartPollLocked(it->second)) start.push_back(it->second);
      }
    }
    for (std::size_t i : start) {
      spdlog::debug("source {} due: polling {}", sources_[i].name, sources_[i].url);
      EnqueueSource(RootTask(i));
    }
  }

  // Queues a source fetch that belongs to the running poll (opened by the caller
  // for a root task, here for the others); ends it at once when not queued.
  void EnqueueSource(Task t) {
    if (!t.root) {
      std::lock_guard<std::mutex> lock(sources_mu_);
      Poll& p = polls_[t.source];
      if (!p.active || !p.visited.insert(t.url).second) return;  // a cycle: read once a poll
      p.open++;
      HoldListingLocked(t.from_url);
    }
    EnqueueResult r = Enqueue(t);
    if (r != EnqueueResult::kQueued) {
      PollOutcome o;
      o.failed = r == EnqueueResult::kRefused;
      ReleaseListing(t.from_url, /*settled=*/!o.failed);
      SourceTaskEnded(t, o);
    }
  }

  // Queues the page of an entry; an entry not queued is settled (another source
  // has the URL) or left for a later poll (frontier full).
  EnqueueResult EnqueuePage(Task t) {
    if (t.entry) {
      std::lock_guard<std::mutex> lock(sources_mu_);
      HoldListingLocked(t.from_url);
    }
    EnqueueResult r = Enqueue(t);
    if (r != EnqueueResult::kQueued) EntryDone(t, r == EnqueueResult::kDuplicate);
    return r;
  }

  // A source fetch of a poll ended (handled, refused or denied). The last one
  // finishes the poll and records it in the schedules. May be called with mu_ held.
  void SourceTaskEnded(const Task& t, const PollOutcome& outcome) {
    std::lock_guard<std::mutex> lock(sources_mu_);
    Poll& p = polls_[t.source];
    if (!p.active) return;
    p.new_entries += outcome.new_entries;
    if (t.root) {
      p.failed = outcome.failed;
      p.not_modified = outcome.not_modified;
    }
    if (p.open > 0) p.open--;
    if (p.open > 0) return;
    p.active = false;
    polls_finished_++;
    if (scheduler_ == nullptr) return;
    PollOutcome total;
    total.new_entries = p.new_entries;
    total.failed = p.failed;
    total.not_modified = p.not_modified;
    const std::string& name = sources_[t.source].name;
    Status s = scheduler_->RecordPoll(name, total);
    if (!s.ok()) spdlog::warn("source {}: schedule not saved: {}", name, s.ToString());
    const SourceSchedule& sch = scheduler_->Schedule(name);
    spdlog::debug("source {}: {} new, next poll in {} s", name, p.new_entries,
                  sch.next_due - scheduler_->Now());
  }

  // The entries of `keys` to process now: never seen (or updated) and not
  // already queued by an earlier poll. Marks the page entries as pending.
  std::vector<bool> Fresh(std::size_t source, const std::vector<EntryKey>& keys,
                          const std::string& from_url, bool pages) {
    std::vector<bool> take(keys.size(), true);
    if (seen_store_ == nullptr) return take;
    std::lock_guard<std::mutex> lock(sources_mu_);
    Result<std::vector<EntryKey>> fresh = seen_store_->FilterUnseen(sources_[source].name, keys);
    if (!fresh.ok()) {
      spdlog::warn("source {}: seen ids unreadable ({}); treating every entry as new",
                   sources_[source].name, fresh.status().ToString());
      return take;
    }
    std::set<std::pair<std::string, std::optional<int64_t>>> want;
    for (const EntryKey& k : *fresh) want.emplace(k.id, k.updated_at);
    auto& pending = pending_[source];
    for (std::size_t i = 0; i < keys.size(); ++i) {
      auto it = want.find({keys[i].id, keys[i].updated_at});
      take[i] = it != want.end() && !pending.count(keys[i].id);
      if (it != want.end()) want.erase(it);
      if (take[i] && pages) pending.emplace(keys[i].id, from_url);
      if (!take[i]) entries_seen_before_++;
    }
    return take;
  }

  // Records entries as seen (posts once processed).
  void MarkSeen(std::size_t source, const std::vector<EntryKey>& keys) {
    if (seen_store_ == nullptr || keys.empty()) return;
    std::lock_guard<std::mutex> lock(sources_mu_);
    Status s = seen_store_->MarkSeen(sources_[source].name, keys, WallUnixSeconds(*clock_));
    if (!s.ok())
      spdlog::warn("source {}: seen ids not saved: {}", sources_[source].name, s.ToString());
  }

  // The page of an entry is done with: `settled` marks the entry seen; otherwise
  // it stays new and the listing's validators are dropped, so the next poll reads
  // the listing in full and finds it again. May be called with mu_ held.
  void EntryDone(const Task& t, bool settled) {
    if (!t.entry) return;
    if (seen_store_ != nullptr) {
      {
        std::lock_guard<std::mutex> lock(sources_mu_);
        pending_[t.source].erase(t.entry->id);
      }
      if (settled) MarkSeen(t.source, {*t.entry});
    }
    ReleaseListing(t.from_url, settled);
  }

  // ---- listings whose validators wait for what they led to (guarded by sources_mu_) ----

  // Something queued from listing `url` ("" = none) is now open.
  void HoldListingLocked(const std::string& url) {
    if (url.empty()) return;
    listings_[url].open++;
  }

  // Something led to by listing `url` is done; `settled` false leaves the listing
  // to be read in full again. The last release stores (or drops) its validators
  // and releases its parent. May be called with mu_ held.
  void ReleaseListing(const std::string& url, bool settled) {
    std::lock_guard<std::mutex> lock(sources_mu_);
    ReleaseListingLocked(url, settled);
  }

  void ReleaseListingLocked(std::string url, bool settled) {
    std::size_t times = 1;
    while (!url.empty()) {
      auto it = listings_.find(url);
      if (it == listings_.end()) return;
      Listing& l = it->second;
      if (!settled) l.unsettled = true;
      l.open = l.open > times ? l.open - times : 0;
      if (l.open > 0) return;
      if (state_ != nullptr) {
        if (l.unsettled) {
          spdlog::info("{}: entries left unprocessed; its next poll is a full GET", url);
          (void)state_->Erase(url);
        } else if (l.validators) {
          (void)state_->Put(*l.validators);
        }
      }
      settled = !l.unsettled;
      times = l.parent_refs;
      url = times > 0 ? l.parent : std::string();
      listings_.erase(it);
    }
  }

  // HandleSource read listing `t.url`: it holds itself until its entries and child
  // sources are queued, and takes over the hold its task had on its parent.
  void OpenListing(const Task& t, const FetchResult& r) {
    std::lock_guard<std::mutex> lock(sources_mu_);
    Listing& l = listings_[t.url];
    l.open++;
    if (r.validators) l.validators = r.validators;
    if (t.from_url.empty()) return;
    if (l.parent.empty() || l.parent == t.from_url) {
      l.parent = t.from_url;
      l.parent_refs++;
    } else {
      ReleaseListingLocked(t.from_url, /*settled=*/true);  // reached from two parents
    }
  }

  // After the run: entries whose pages were never handled (stopped, cancelled)
  // must be found again by the next start, so their listings lose their validators.
  void DropValidatorsOfUnfinishedEntries() {
    std::lock_guard<std::mutex> lock(sources_mu_);
    std::set<std::string> urls;
    for (auto& pending : pending_) {
      for (auto& [id, from_url] : pending) urls.insert(from_url);
      pending.clear();
    }
    for (auto& [url, listing] : listings_) urls.insert(url);
    listings_.clear();
    if (state_ == nullptr) return;
    for (const std::string& url : urls) {
      spdlog::info("{}: entries left unfetched; its next poll is a full GET", url);
      (void)state_->Erase(url);
    }
  }

  // Moves tasks from the frontier to the fetcher, gating pages on robots.txt.
  void DispatchLoop() {
    std::unique_lock<std::mutex> lock(mu_);
    auto next_due_check = std::chrono::steady_clock::time_point();
    while (true) {
      if (Stopping()) return DrainLocked(lock);
      if (deadline_ && std::chrono::steady_clock::now() >= *deadline_) {
        summary_.deadline_hit = true;
        spdlog::warn(
            "deadline of {} ms reached: no new fetches; {} queued and {} in flight "
            "are left for the next run unless they finish within {} ms",
            options_.deadline.count(), frontier_.size() + ParkedCountLocked(), in_fetch_.size(),
            options_.stop_grace.count());
        // Requests the fetcher has not started (waiting for a host's slot or penalty) are
        // given back now; running transfers get stop_grace in DrainLocked.
        fetcher_->CancelWaiting();
        return DrainLocked(lock);
      }
      if (continuous_) {
        if (std::chrono::steady_clock::now() >= next_due_check) {
          lock.unlock();
          EnqueueDueSources();
          lock.lock();
          next_due_check = std::chrono::steady_clock::now() + std::chrono::milliseconds(50);
        }
      } else if (frontier_.empty() && in_fetch_.empty() && busy_workers_ == 0 &&
                 results_.size() == 0 && parked_.empty()) {
        return;  // all work done
      }
      metrics_.queue_depth.With({"frontier"}).Set(static_cast<double>(frontier_.size()));
      metrics_.queue_depth.With({"parse"}).Set(static_cast<double>(results_.size()));
      if (progress_ != nullptr) progress_->Tick();
      if (frontier_.empty()) {
        auto wait = std::chrono::milliseconds(50);
        if (deadline_) {
          wait = std::min(wait, std::max(std::chrono::milliseconds(1),
                                         std::chrono::duration_cast<std::chrono::milliseconds>(
                                             *deadline_ - std::chrono::steady_clock::now())));
        }
        cv_.wait_for(lock, wait);
        continue;
      }
      Task t = Unpack(*frontier_.PopFront());
      if (t.kind != TaskKind::kRobots && options_.respect_robots) {
        RobotsCache::Lookup found = robots_.Find(t.origin, t.path_query);
        if (found.rules != nullptr) {
          // Matched on the immutable snapshot without mu_: workers and Enqueue go on.
          lock.unlock();
          const bool allowed = RobotsAllow(*found.rules, t);
          lock.lock();
          if (!allowed) {
            DenyByRobotsLocked(t, found.failure);
            continue;
          }
        }
        const RobotsCache::Verdict v = found.verdict;
        if (found.rules == nullptr &&
            (v == RobotsCache::Verdict::kNeedsFetch || v == RobotsCache::Verdict::kPending)) {
          bool first = parked_.find(t.origin) == parked_.end();
          std::string origin = t.origin;
          parked_[origin].push_back(std::move(t));
          if (v == RobotsCache::Verdict::kNeedsFetch && first) {
            Task r;
            r.kind = TaskKind::kRobots;
            r.url = origin + "/robots.txt";
            r.origin = origin;
            // Its logs and metrics name the source that needed it (not the first source).
            r.source = parked_[origin].front().source;
            SubmitLocked(std::move(r), lock);
          }
          continue;
        }
      }
      if (t.kind == TaskKind::kPage && !quarantined_.empty() &&
          quarantined_.count(UrlHash(t.url)) > 0) {
        SkipQuarantinedLocked(t, "quarantined by an earlier run");
        continue;
      }
      if (t.kind == TaskKind::kPage && pages_submitted_ >= options_.max_pages) {
        TaskDropped(t, /*settled=*/false);
        continue;
      }
      if (!continuous_ && options_.max_requests_per_host > 0 && !HostBudgetLeftLocked(t)) {
        summary_.host_budget_deferred++;
        TaskDropped(t, /*settled=*/false);
        continue;
      }
      if (t.kind == TaskKind::kPage) pages_submitted_++;
      SubmitLocked(std::move(t), lock);
    }
  }

  // After stop (or the deadline): waits (at most options.stop_grace) for the fetches
  // already handed to the fetcher and for the workers; nothing new is dispatched. What
  // is still queued, parked or in flight afterwards is counted as left for the next run.
  void DrainLocked(std::unique_lock<std::mutex>& lock) {
    auto deadline = std::chrono::steady_clock::now() + options_.stop_grace;
    while (!(in_fetch_.empty() && busy_workers_ == 0 && results_.size() == 0) &&
           std::chrono::steady_clock::now() < deadline) {
      cv_.wait_for(lock, std::chrono::milliseconds(50));
    }
    if (!in_fetch_.empty()) {
      spdlog::warn("stopping: {} fetches still open after {} ms are cancelled", in_fetch_.size(),
                   options_.stop_grace.count());
    }
    summary_.left_for_next_run += frontier_.size() + ParkedCountLocked() + in_fetch_.size();
  }

  // Counts `t` against its host's request budget (RunOnce); false when the budget is
  // spent (logged once per host). Called with mu_ held.
  bool HostBudgetLeftLocked(const Task& t) {
    auto host = UrlHost(t.url);
    const std::string key = host.ok() ? *host : t.origin;
    std::size_t& used = host_requests_[key];
    if (used < options_.max_requests_per_host) {
      ++used;
      return true;
    }
    if (used == options_.max_requests_per_host) {
      ++used;  // logged once
      LogContext log_context(t.url, key, sources_[t.source].name);
      spdlog::warn(
          "host {}: request budget of {} for this run spent; its remaining URLs wait for the "
          "next run",
          key, options_.max_requests_per_host);
    }
    return false;
  }

  // A page quarantined by crash-loop protection: not fetched or processed, its entry
  // settled (the DLQ has it). Called with mu_ held.
  void SkipQuarantinedLocked(const Task& t, const std::string& why) {
    summary_.quarantined_skipped++;
    spdlog::info("page {} skipped: {}", t.url, why);
    EntryDone(t, /*settled=*/true);
  }

  std::size_t ParkedCountLocked() const {
    std::size_t n = 0;
    for (const auto& [origin, tasks] : parked_) n += tasks.size();
    return n + robots_matching_;
  }

  // A task that will never be fetched (robots.txt, page budget, fetcher refusal).
  void TaskDropped(const Task& t, bool settled) {
    if (t.kind == TaskKind::kSource) {
      ReleaseListing(t.from_url, settled);
      PollOutcome o;
      o.failed = true;
      SourceTaskEnded(t, o);
    } else if (t.kind == TaskKind::kPage) {
      EntryDone(t, settled);
    }
  }

  // Hands `t` to the fetcher. Called with mu_ held; releases it while Submit
  // may block on the fetcher's bounded queue.
  void SubmitLocked(Task t, std::unique_lock<std::mutex>& lock) {
    uint64_t id = next_id_++;
    FetchRequest req;
    req.url = t.url;
    req.id = id;
    // Validators are stored by this job once the page or listing is settled.
    req.defer_validators = true;
    if (t.kind == TaskKind::kRobots) PrepareRobotsRequest(req);
    in_fetch_.emplace(id, std::move(t));
    lock.unlock();
    Status s = fetcher_->Submit(std::move(req));
    lock.lock();
    if (!s.ok()) {
      spdlog::warn("fetcher refused a request: {}", s.ToString());
      auto it = in_fetch_.find(id);
      if (it != in_fetch_.end()) {
        Task dropped = std::move(it->second);
        in_fetch_.erase(it);
        TaskDropped(dropped, /*settled=*/false);
      }
    }
  }

  // Fetcher loop thread: hand the result to the workers (blocks when they lag).
  void OnFetched(FetchResult r) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      busy_workers_++;  // counted as in progress until a worker finishes it
    }
    if (!results_.Push(std::move(r))) {
      std::lock_guard<std::mutex> lock(mu_);
      busy_workers_--;
    }
  }

  void WorkerLoop() {
    while (true) {
      std::optional<FetchResult> r = results_.Pop(std::chrono::milliseconds(100));
      if (!r) {
        if (results_.closed()) return;
        continue;
      }
      Task t;
      {
        std::lock_guard<std::mutex> lock(mu_);
        auto it = in_fetch_.find(r->id);
        if (it != in_fetch_.end()) {
          t = std::move(it->second);
          in_fetch_.erase(it);
        }
      }
      (void)fetcher_->DecodeBody(*r);  // a failure turns *r into a failed result
      Handle(t, *r);
      std::lock_guard<std::mutex> lock(mu_);
      // The dispatcher and the drain wait on cv_ for "no worker busy" (new frontier
      // entries notify on their own): waking them after every page cost a context
      // switch per page for nothing.
      if (--busy_workers_ == 0) cv_.notify_all();
    }
  }

  void CountRobotsDenial(const std::string& url) {
    auto host = UrlHost(url);
    metrics_.robots_denials.With({host.ok() ? *host : std::string()}).Inc();
  }

  // Fetch metrics of one finished request.
  void CountFetch(const Task& t, const FetchResult& r) {
    const std::string& source = sources_[t.source].name;
    if (r.http_status > 0)
      metrics_.pages_fetched.With({StatusClass(static_cast<int>(r.http_status))}).Inc();
    if (r.outcome == FetchOutcome::kFailed) {
      metrics_.fetch_failures.With({std::string(FailureKindName(r.failure))}).Inc();
    }
    metrics_.bytes_fetched.With({source}).Inc(static_cast<double>(r.body.size()));
    if (!r.attempt_starts.empty()) {
      std::chrono::duration<double> took =
          std::chrono::steady_clock::now() - r.attempt_starts.front();
      metrics_.fetch_latency.With({source}).Observe(took.count());
    }
  }

  void Handle(const Task& t, const FetchResult& r) {
    auto host = UrlHost(t.url);
    LogContext log_context(t.url, host.ok() ? *host : std::string(), sources_[t.source].name);
    if (r.failure == FailureKind::kCancelled) {
      // Never fetched (deadline or stop): not a failure of the site, not done either. A
      // robots.txt fetch leaves its pages parked (counted when the run ends).
      if (t.kind == TaskKind::kRobots) return;
      {
        std::lock_guard<std::mutex> lock(mu_);
        summary_.left_for_next_run++;
      }
      TaskDropped(t, /*settled=*/false);
      return;
    }
    CountFetch(t, r);
    if (t.kind == TaskKind::kPage) return HandlePage(t, r);  // takes the gate itself
    // Parsing a robots.txt, feed or sitemap shares the gate with pages: a page suspected
    // of killing the process runs alone, and a crash then cannot come from here.
    gate_.EnterShared();
    if (t.kind == TaskKind::kRobots) {
      HandleRobots(t, r);
    } else {
      HandleSource(t, r);
    }
    gate_.LeaveShared();
  }

  void HandleRobots(const Task& t, const FetchResult& r) {
    // Parsed and compiled outside mu_ (a 500 KiB file takes a while).
    RobotsCache::Outcome outcome = InterpretRobotsFetch(r, options_.robots.user_agent);
    std::vector<Task> parked;
    std::shared_ptr<const RobotsRules> rules;
    std::string failure;
    {
      std::lock_guard<std::mutex> lock(mu_);
      robots_.Record(t.origin, std::move(outcome));
      // Pages denied because robots.txt could not be read are left for a later run.
      failure = robots_.FailureOf(t.origin);
      rules = robots_.Snapshot(t.origin);
      if (!failure.empty()) {
        spdlog::warn("robots.txt of {} unavailable ({}): its pages wait for a later run", t.origin,
                     failure);
      } else if (rules != nullptr && rules->crawl_delay()) {
        auto host = UrlHost(t.url);
        if (host.ok()) {
          fetcher_->SetCrawlDelay(
              *host, std::chrono::milliseconds(static_cast<int64_t>(*rules->crawl_delay() * 1000)));
        }
      }
      auto it = parked_.find(t.origin);
      if (it == parked_.end()) return;
      parked = std::move(it->second);
      parked_.erase(it);
      // Still counted as parked (ParkedCountLocked) while they are matched below.
      robots_matching_ += parked.size();
    }
    // Matched without mu_: a file of many wildcard rules must not stall the dispatcher.
    // Rules already expired again (a zero retry delay) allow nothing, as before.
    std::vector<char> allowed(parked.size(), 0);
    for (std::size_t i = 0; i < parked.size(); ++i) {
      allowed[i] = rules != nullptr && RobotsAllow(*rules, parked[i]);
    }
    std::lock_guard<std::mutex> lock(mu_);
    robots_matching_ -= parked.size();
    for (std::size_t i = 0; i < parked.size(); ++i) {
      if (allowed[i]) {
        frontier_.PushFront(Pack(parked[i]));
      } else {
        DenyByRobotsLocked(parked[i], failure);
      }
    }
    cv_.notify_all();
  }

  // Whether origin's `rules` allow task `t`. Called WITHOUT mu_ held (the rules are an
  // immutable snapshot); a match that spends the matcher's step budget is a denial.
  bool RobotsAllow(const RobotsRules& rules, const Task& t) {
    if (options_.on_robots_match) options_.on_robots_match(t.origin, t.path_query);
    const RobotsRules::Decision d = rules.Decide(t.path_query);
    if (d.over_budget) {
      spdlog::warn("robots.txt of {}: matching {} spent its step budget ({} steps): disallowed",
                   t.origin, t.url, d.steps);
    }
    return d.allowed;
  }

  // `t` may not be fetched: its origin's robots.txt disallows it, or could not be read
  // (then it stays new for a later run: an unreachable robots.txt may come back).
  // `failure` is origin's robots.txt failure when the decision was taken (FailureOf).
  // Called with mu_ held.
  void DenyByRobotsLocked(const Task& t, const std::string& failure) {
    summary_.robots_denied++;
    CountRobotsDenial(t.url);
    auto host = UrlHost(t.url);
    // Called for parked tasks while a robots.txt result is handled: the log line names
    // the denied URL's own source, not the robots.txt fetch's.
    LogContext log_context(t.url, host.ok() ? *host : std::string(), sources_[t.source].name);
    if (t.kind == TaskKind::kSource) {
      // A source URL robots.txt denies is a failed source (it was counted as neither).
      summary_.sources_failed++;
      spdlog::warn("source {} ({}): denied by robots.txt ({})", sources_[t.source].name, t.url,
                   failure.empty() ? "rule" : "robots.txt unavailable: " + failure);
    } else {
      spdlog::info("robots.txt disallows {} ({})", t.url,
                   failure.empty() ? "rule" : "robots.txt unavailable: " + failure);
    }
    TaskDropped(t, /*settled=*/failure.empty());
  }

  void HandleSource(const Task& t, const FetchResult& r) {
    const CrawlSource& src = sources_[t.source];
    if (r.outcome == FetchOutcome::kNotModified) {
      // Its validators were stored only once all it led to was settled.
      ReleaseListing(t.from_url, /*settled=*/true);
      SourceSucceeded(src);
      {
        std::lock_guard<std::mutex> lock(mu_);
        summary_.sources_ok++;
      }
      PollOutcome o;
      o.not_modified = true;
      return SourceTaskEnded(t, o);
    }
    PollOutcome failed;
    failed.failed = true;
    if (!r.ok()) {
      if (progress_ != nullptr) progress_->AddErrors();
      {
        std::lock_guard<std::mutex> lock(mu_);
        summary_.sources_failed++;
      }
      spdlog::warn("source {} ({}): fetch failed: {}", src.name, t.url, r.error);
      ReleaseListing(t.from_url, /*settled=*/false);
      return SourceTaskEnded(t, failed);
    }
    Result<SourceItems> items =
        ReadSourceResponse(src, r.body, r.final_url, r.content_type, NowUnix(), r.Header("Link"),
                           SourceReadLimits{options_.sitemap_max_bytes});
    if (!items.ok()) {
      if (progress_ != nullptr) progress_->AddErrors();
      {
        std::lock_guard<std::mutex> lock(mu_);
        summary_.sources_failed++;
      }
      spdlog::warn("source {} ({}): {}", src.name, t.url, items.status().ToString());
      // The same bytes would fail again: nothing is left to process.
      if (state_ != nullptr && r.validators) (void)state_->Put(*r.validators);
      ReleaseListing(t.from_url, /*settled=*/true);
      return SourceTaskEnded(t, failed);
    }
    SourceSucceeded(src);
    OpenListing(t, r);
    std::vector<EntryKey> post_keys, page_keys;
    for (const SourcePost& post : items->posts) post_keys.push_back(EntryKeyOf(post));
    for (const PageLink& link : items->pages) page_keys.push_back(EntryKeyOf(link));
    std::vector<bool> new_posts = Fresh(t.source, post_keys, t.url, /*pages=*/false);
    std::vector<bool> new_pages = Fresh(t.source, page_keys, t.url, /*pages=*/true);
    std::size_t fresh_posts = 0, fresh_pages = 0;
    for (bool b : new_posts) fresh_posts += b;
    for (bool b : new_pages) fresh_pages += b;
    {
      std::lock_guard<std::mutex> lock(mu_);
      summary_.sources_ok++;
      summary_.posts += fresh_posts;
    }
    std::string fetched_at = NowRfc3339();
    std::vector<EntryKey> processed;
    for (std::size_t i = 0; i < items->posts.size(); ++i) {
      if (!new_posts[i]) continue;
      const SourcePost& post = items->posts[i];
      PageOrigin origin;
      origin.url = post.url;
      origin.site = src.site.empty() ? src.name : src.site;
      origin.lang = src.lang;
      origin.published_at = post.published_at;
      origin.fetched_at = fetched_at;
      TextDocument doc{post.text, post.title, post.author};
      bool settled = true;
      auto events = pipeline_->ProcessText(doc, origin, &settled);
      CountEvents(events);
      if (!events.ok()) spdlog::warn("post {}: {}", post.url, events.status().ToString());
      if (settled) {
        processed.push_back(post_keys[i]);
      } else {
        std::lock_guard<std::mutex> lock(sources_mu_);
        listings_[t.url].unsettled = true;  // the post stays new: read the page again
      }
      // A link the post shares (an article, a video page) is crawled like a feed
      // entry; the post itself is the seen entry, so the link has no key of its own.
      std::size_t queued = 0;
      for (const std::string& url : post.links) {
        if (queued == kMaxLinksPerPost) break;
        Task p;
        p.kind = TaskKind::kPage;
        p.url = url;
        p.source = t.source;
        p.link.url = url;
        p.link.published_at = post.published_at;
        if (EnqueuePage(std::move(p)) == EnqueueResult::kQueued) ++queued;
      }
    }
    MarkSeen(t.source, processed);
    for (const std::string& child : items->child_sources) {
      Task c;
      c.kind = TaskKind::kSource;
      c.url = child;
      c.source = t.source;
      c.from_url = t.url;
      EnqueueSource(std::move(c));
    }
    // Social paging: the next result page while every post of this one was new,
    // up to the source's page budget.
    if (!items->next_page_url.empty() && !items->posts.empty() &&
        fresh_posts == items->posts.size() && t.page + 1 < src.max_pages_per_poll) {
      Task next;
      next.kind = TaskKind::kSource;
      next.url = items->next_page_url;
      next.source = t.source;
      next.page = t.page + 1;
      next.from_url = t.url;
      EnqueueSource(std::move(next));
    }
    for (std::size_t i = 0; i < items->pages.size(); ++i) {
      if (!new_pages[i]) continue;
      Task p;
      p.kind = TaskKind::kPage;
      p.url = items->pages[i].url;
      p.source = t.source;
      p.link = items->pages[i];
      p.entry = page_keys[i];
      p.from_url = t.url;
      EnqueuePage(std::move(p));
    }
    ReleaseListing(t.url, /*settled=*/true);  // its own hold: all it leads to is queued
    PollOutcome o;
    o.new_entries = fresh_posts + fresh_pages;
    SourceTaskEnded(t, o);
  }

  void SourceSucceeded(const CrawlSource& src) {
    if (progress_ != nullptr) progress_->SourceDone();
    metrics_.source_last_success.With({src.name}).Set(static_cast<double>(NowUnix()));
  }

  void CountEvents(const Result<std::vector<Event>>& events) {
    if (!events.ok()) {
      if (progress_ != nullptr) progress_->AddErrors();
      return;
    }
    for (const Event& e : *events) {
      metrics_.events.With({std::string(EventTypeName(e.type)), e.status}).Inc();
    }
    if (progress_ != nullptr) progress_->AddEvents(static_cast<int64_t>(events->size()));
  }

  void HandlePage(const Task& t, const FetchResult& r) {
    if (r.outcome == FetchOutcome::kNotModified) {
      EntryDone(t, /*settled=*/true);
      std::lock_guard<std::mutex> lock(mu_);
      summary_.pages_not_modified++;
      return;
    }
    if (!r.ok()) {
      if (progress_ != nullptr) progress_->AddErrors();
      // A 4xx is final; a transport failure or 5xx may pass: try again next poll.
      EntryDone(t, /*settled=*/r.http_status >= 400 && r.http_status < 500);
      std::lock_guard<std::mutex> lock(mu_);
      summary_.fetch_failures++;
      spdlog::warn("page {}: fetch failed ({}): {}", t.url, FailureKindName(r.failure), r.error);
      return;
    }
    if (progress_ != nullptr) progress_->AddPages();
    {
      std::lock_guard<std::mutex> lock(mu_);
      summary_.pages_fetched++;
    }
    const CrawlSource& src = sources_[t.source];
    PageOrigin origin;
    origin.url = r.final_url.empty() ? t.url : r.final_url;
    origin.site = src.site.empty() ? src.name : src.site;
    origin.lang = src.lang;
    origin.title_hint = t.link.title;
    origin.published_at = t.link.published_at;
    origin.fetched_at = NowRfc3339();
    // Crash-loop protection: the start is recorded (durably) before the page is parsed and
    // cleared once it is processed, so a page that kills the process is found by the next
    // runs; one that did so quarantine_after_runs times is quarantined instead.
    Result<ProcessingStart> before = ProcessingStart{};
    if (state_ != nullptr) before = state_->ProcessingOf(t.url);
    if (!before.ok()) {
      spdlog::warn("page {}: crash-loop state unreadable ({}); processing it anyway", t.url,
                   before.status().ToString());
      before = ProcessingStart{};
    }
    if (before->quarantined) {
      std::lock_guard<std::mutex> lock(mu_);
      return SkipQuarantinedLocked(t, "quarantined: " + before->reason);
    }
    if (before->unfinished_runs >= options_.quarantine_after_runs) {
      return QuarantinePage(t, before->unfinished_runs);
    }
    const bool alone = before->unfinished_runs > 0;
    if (alone) {
      spdlog::info("page {}: processing did not finish in {} earlier run(s); processing it alone",
                   t.url, before->unfinished_runs);
      gate_.EnterExclusive();
    } else {
      gate_.EnterShared();
    }
    if (state_ != nullptr) {
      if (Status s = state_->MarkProcessing(t.url); !s.ok())
        spdlog::warn("page {}: processing start not recorded: {}", t.url, s.ToString());
    }
    bool settled = true;
    Result<std::vector<Event>> events =
        pipeline_->ProcessPageBody(r.body, r.content_type, origin, &settled);
    if (state_ != nullptr) {
      if (Status s = state_->EndProcessing(t.url); !s.ok())
        spdlog::warn("page {}: processing end not recorded: {}", t.url, s.ToString());
    }
    if (alone) {
      gate_.LeaveExclusive();
    } else {
      gate_.LeaveShared();
    }
    CountEvents(events);
    if (!events.ok()) spdlog::warn("page {}: {}", origin.url, events.status().ToString());
    // The page's validators only once its events are accepted (spooled): stored
    // earlier, a crash would leave a page that answers 304 and was never processed.
    if (settled && state_ != nullptr && r.validators) (void)state_->Put(*r.validators);
    EntryDone(t, settled);
  }

  // Quarantines page `t`, whose processing did not finish in `unfinished_runs` earlier
  // runs: reported (log, summary, metric), sent to the DLQ with its reason and then
  // marked quarantined and settled. When the DLQ refuses it nothing is marked: the next
  // run tries again.
  void QuarantinePage(const Task& t, int unfinished_runs) {
    const std::string reason = "processing did not finish in " + std::to_string(unfinished_runs) +
                               " earlier runs (the process died while the page was in flight)";
    spdlog::error("page {} quarantined: {}; sent to the DLQ and skipped from now on", t.url,
                  reason);
    Status dlq =
        pipeline_->ReportFailure(t.url, Status(ErrorCode::kInternal, "quarantined: " + reason));
    if (!dlq.ok()) {
      spdlog::warn("page {}: quarantine not reported to the DLQ ({}); tried again next run", t.url,
                   dlq.ToString());
      return EntryDone(t, /*settled=*/false);
    }
    if (Status q = state_->Quarantine(t.url, reason); !q.ok()) {
      spdlog::warn("page {}: quarantine not recorded ({}); tried again next run", t.url,
                   q.ToString());
      return EntryDone(t, /*settled=*/false);
    }
    metrics_.pages_quarantined.With({}).Inc();
    {
      std::lock_guard<std::mutex> lock(mu_);
      summary_.pages_quarantined++;
    }
    EntryDone(t, /*settled=*/true);
  }

  const CrawlJobOptions& options_;
  const std::vector<CrawlSource>& sources_;
  DocumentPipeline* pipeline_;
  const std::atomic<bool>* stop_;
  ProgressReporter* progress_;
  CrawlMetrics& metrics_;
  Fetcher* fetcher_ = nullptr;
  CrawlStateStore* state_ = nullptr;  // validators (optional)

  // Polls, schedules and the seen-set. Lock order: mu_ before sources_mu_.
  SourceScheduler* scheduler_;    // optional; guarded by sources_mu_
  SourceStateStore* seen_store_;  // optional; guarded by sources_mu_
  const Clock* clock_;
  const bool continuous_;
  std::mutex sources_mu_;
  std::unordered_map<std::string, std::size_t> index_;  // source name → index (const)
  std::vector<Poll> polls_;                             // guarded by sources_mu_
  // Per source: entries whose page is queued or in flight (id → listing URL).
  std::vector<std::map<std::string, std::string>> pending_;  // guarded by sources_mu_
  std::map<std::string, Listing> listings_;                  // guarded by sources_mu_
  uint64_t polls_finished_ = 0;                              // guarded by sources_mu_
  uint64_t entries_seen_before_ = 0;                         // guarded by sources_mu_

  std::mutex mu_;
  std::condition_variable cv_;
  RobotsCache robots_;                               // guarded by mu_
  PackedTaskQueue frontier_;                         // guarded by mu_
  UrlHashSet seen_;                                  // guarded by mu_; 8-byte URL hashes
  std::unordered_map<uint64_t, Task> in_fetch_;      // guarded by mu_
  std::map<std::string, std::vector<Task>> parked_;  // waiting for robots.txt
  std::size_t robots_matching_ = 0;  // guarded by mu_; taken from parked_, being matched
  std::size_t busy_workers_ = 0;     // results not yet handled
  std::size_t pages_submitted_ = 0;
  uint64_t next_id_ = 1;
  CrawlSummary summary_;
  BoundedQueue<FetchResult> results_;
  std::unordered_map<std::string, std::size_t> host_requests_;  // guarded by mu_; RunOnce
  std::unordered_set<uint64_t> quarantined_;  // URL hashes; filled before the run starts
  ProcessingGate gate_;                       // crash-loop protection: suspects go alone

  uint64_t documents_before_ = 0, extraction_failures_before_ = 0, events_before_ = 0,
           publish_failures_before_ = 0, events_bounded_before_ = 0;
  // RunOnce with CrawlJobOptions::deadline: when it passes (steady clock).
  std::optional<std::chrono::steady_clock::time_point> deadline_;
};

}  // namespace

CrawlJob::CrawlJob(CrawlJobOptions options, std::vector<CrawlSource> sources,
                   DocumentPipeline* pipeline, CrawlStateStore* state)
    : options_(std::move(options)),
      sources_(std::move(sources)),
      pipeline_(pipeline),
      state_(state) {}

Result<CrawlSummary> CrawlJob::RunOnce(const std::atomic<bool>* stop) {
  const Clock* clock = clock_ != nullptr ? clock_ : SteadyClock::Default();
  std::unique_ptr<SourceScheduler> scheduler;
  if (source_state_ != nullptr) {
    scheduler = std::make_unique<SourceScheduler>(sources_, source_state_, clock);
    HALLYU_RETURN_IF_ERROR(scheduler->Restore());
  }
  Run run(options_, sources_, pipeline_, stop, progress_, scheduler.get(), source_state_, clock,
          /*continuous=*/false);
  run.SnapshotCounters();
  Result<CrawlSummary> summary = run.Execute(state_);
  return summary;
}

Result<CrawlSummary> CrawlJob::RunScheduled(const std::atomic<bool>& stop) {
  const Clock* clock = clock_ != nullptr ? clock_ : SteadyClock::Default();
  SourceScheduler scheduler(sources_, source_state_, clock);
  HALLYU_RETURN_IF_ERROR(scheduler.Restore());
  std::vector<std::string> due = scheduler.DueSources();
  spdlog::info("scheduled crawl of {} sources: {} due now, next poll in {} s", sources_.size(),
               due.size(), std::max<int64_t>(0, scheduler.NextDueTime() - scheduler.Now()));
  Run run(options_, sources_, pipeline_, &stop, progress_, &scheduler, source_state_, clock,
          /*continuous=*/true);
  run.SnapshotCounters();
  return run.Execute(state_);
}

}  // namespace hallyu
