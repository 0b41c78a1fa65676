#include "crawler/crawl_job.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <ctime>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "crawler/bounded_queue.h"
#include "crawler/fetcher.h"
#include "crawler/frontier.h"
#include "crawler/log_format.h"
#include "crawler/metrics.h"
#include "crawler/packed_task_queue.h"
#include "extractors/charset.h"
#include "extractors/url.h"

namespace hallyu {
namespace {

enum class TaskKind { kSource, kPage, kRobots };

struct Task {
  TaskKind kind = TaskKind::kPage;
  std::string url;
  std::string origin;      // scheme://host[:port]
  std::string path_query;  // for the robots check
  std::size_t source = 0;  // index into sources_
  PageLink link;           // kPage: what the source said about the page
  int depth = 0;
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

// Frontier entries are packed (crawler/packed_task_queue.h): the URL, what the
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
  t.link.id = q.url;
  t.link.title = std::move(q.title);
  t.link.published_at = std::move(q.published_at);
  t.url = std::move(q.url);
  return t;
}

// The mutable state of one run, shared by the dispatcher, the fetcher callback
// and the workers. Everything below mu is guarded by it.
class Run {
 public:
  Run(const CrawlJobOptions& options, const std::vector<CrawlSource>& sources,
      DocumentPipeline* pipeline, const std::atomic<bool>* stop, ProgressReporter* progress)
      : options_(options),
        sources_(sources),
        pipeline_(pipeline),
        stop_(stop),
        progress_(progress),
        metrics_(DefaultCrawlMetrics()),
        robots_(options.robots),
        results_(options.results_queue) {}

  Result<CrawlSummary> Execute(CrawlStateStore* state) {
    auto started = std::chrono::steady_clock::now();
    auto fetcher = Fetcher::Create(
        options_.fetcher, [this](FetchResult r) { OnFetched(std::move(r)); }, nullptr, state);
    if (!fetcher.ok()) return fetcher.status();
    fetcher_ = fetcher->get();

    if (progress_ != nullptr) progress_->SetSourcesTotal(static_cast<int64_t>(sources_.size()));
    for (std::size_t i = 0; i < sources_.size(); ++i) {
      Task t;
      t.kind = TaskKind::kSource;
      t.url = sources_[i].url;
      t.source = i;
      Enqueue(std::move(t));
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

    const PipelineCounters& c = pipeline_->counters();
    summary_.documents = c.documents - documents_before_;
    summary_.extraction_failures = c.extraction_failures - extraction_failures_before_;
    summary_.events_published = c.events_published - events_before_;
    summary_.publish_failures = c.publish_failures - publish_failures_before_;
    summary_.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary_;
  }

  void SnapshotCounters() {
    const PipelineCounters& c = pipeline_->counters();
    documents_before_ = c.documents;
    extraction_failures_before_ = c.extraction_failures;
    events_before_ = c.events_published;
    publish_failures_before_ = c.publish_failures;
  }

 private:
  bool Stopping() const { return stop_ != nullptr && stop_->load(); }

  // Adds a task to the frontier unless it was seen before. Thread-safe.
  void Enqueue(Task t) {
    auto parts = ParseUrl(t.url);
    if (!parts.ok()) {
      spdlog::debug("skip invalid url {}: {}", t.url, parts.status().ToString());
      return;
    }
    t.url = parts->ToString();
    t.origin = parts->Origin();
    t.path_query = parts->PathAndQuery();
    std::lock_guard<std::mutex> lock(mu_);
    if (t.kind != TaskKind::kRobots) {
      if (!seen_.Insert(UrlHash(t.url))) return;
      if (frontier_.size() >= options_.frontier_capacity) {
        summary_.frontier_refused++;
        return;
      }
    }
    frontier_.PushBack(Pack(t));
    cv_.notify_all();
  }

  // Moves tasks from the frontier to the fetcher, gating pages on robots.txt.
  void DispatchLoop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
      if (Stopping()) return;
      if (frontier_.empty() && in_fetch_.empty() && busy_workers_ == 0 && results_.size() == 0 &&
          parked_.empty()) {
        return;  // all work done
      }
      metrics_.queue_depth.With({"frontier"}).Set(static_cast<double>(frontier_.size()));
      metrics_.queue_depth.With({"parse"}).Set(static_cast<double>(results_.size()));
      if (progress_ != nullptr) progress_->Tick();
      if (frontier_.empty()) {
        cv_.wait_for(lock, std::chrono::milliseconds(50));
        continue;
      }
      Task t = Unpack(*frontier_.PopFront());
      if (t.kind != TaskKind::kRobots && options_.respect_robots) {
        RobotsCache::Verdict v = robots_.Check(t.origin, t.path_query);
        if (v == RobotsCache::Verdict::kDisallowed) {
          summary_.robots_denied++;
          CountRobotsDenial(t.url);
          spdlog::info("robots.txt disallows {}", t.url);
          continue;
        }
        if (v == RobotsCache::Verdict::kNeedsFetch || v == RobotsCache::Verdict::kPending) {
          bool first = parked_.find(t.origin) == parked_.end();
          std::string origin = t.origin;
          parked_[origin].push_back(std::move(t));
          if (v == RobotsCache::Verdict::kNeedsFetch && first) {
            Task r;
            r.kind = TaskKind::kRobots;
            r.url = origin + "/robots.txt";
            r.origin = origin;
            SubmitLocked(std::move(r), lock);
          }
          continue;
        }
      }
      if (t.kind == TaskKind::kPage && pages_submitted_ >= options_.max_pages) continue;
      if (t.kind == TaskKind::kPage) pages_submitted_++;
      SubmitLocked(std::move(t), lock);
    }
  }

  // Hands `t` to the fetcher. Called with mu_ held; releases it while Submit
  // may block on the fetcher's bounded queue.
  void SubmitLocked(Task t, std::unique_lock<std::mutex>& lock) {
    uint64_t id = next_id_++;
    FetchRequest req;
    req.url = t.url;
    req.id = id;
    req.conditional = t.kind != TaskKind::kRobots;
    in_fetch_.emplace(id, std::move(t));
    lock.unlock();
    Status s = fetcher_->Submit(std::move(req));
    lock.lock();
    if (!s.ok()) {
      spdlog::warn("fetcher refused a request: {}", s.ToString());
      in_fetch_.erase(id);
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
      Handle(t, *r);
      std::lock_guard<std::mutex> lock(mu_);
      busy_workers_--;
      cv_.notify_all();
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
    CountFetch(t, r);
    switch (t.kind) {
      case TaskKind::kRobots:
        return HandleRobots(t, r);
      case TaskKind::kSource:
        return HandleSource(t, r);
      case TaskKind::kPage:
        return HandlePage(t, r);
    }
  }

  void HandleRobots(const Task& t, const FetchResult& r) {
    std::vector<Task> released;
    std::lock_guard<std::mutex> lock(mu_);
    if (r.http_status > 0) {
      robots_.RecordResponse(t.origin, static_cast<int>(r.http_status), r.body);
      if (const RobotsRules* rules = robots_.Rules(t.origin); rules && rules->crawl_delay()) {
        auto host = UrlHost(t.url);
        if (host.ok()) {
          fetcher_->SetCrawlDelay(
              *host, std::chrono::milliseconds(static_cast<int64_t>(*rules->crawl_delay() * 1000)));
        }
      }
    } else {
      robots_.RecordUnreachable(t.origin);
    }
    auto it = parked_.find(t.origin);
    if (it == parked_.end()) return;
    for (Task& p : it->second) {
      RobotsCache::Verdict v = robots_.Check(p.origin, p.path_query);
      if (v == RobotsCache::Verdict::kAllowed) {
        frontier_.PushFront(Pack(p));
      } else {
        summary_.robots_denied++;
        CountRobotsDenial(p.url);
        spdlog::info(
            "robots.txt disallows {} ({})", p.url,
            r.http_status >= 500 || r.http_status == 0 ? "robots.txt unavailable" : "rule");
      }
    }
    parked_.erase(it);
    cv_.notify_all();
  }

  void HandleSource(const Task& t, const FetchResult& r) {
    const CrawlSource& src = sources_[t.source];
    if (r.outcome == FetchOutcome::kNotModified) {
      SourceSucceeded(src);
      std::lock_guard<std::mutex> lock(mu_);
      summary_.sources_ok++;
      return;
    }
    if (!r.ok()) {
      if (progress_ != nullptr) progress_->AddErrors();
      std::lock_guard<std::mutex> lock(mu_);
      summary_.sources_failed++;
      spdlog::warn("source {} ({}): fetch failed: {}", src.name, t.url, r.error);
      return;
    }
    Result<SourceItems> items =
        ReadSourceResponse(src, r.body, r.final_url, r.content_type, NowUnix());
    if (!items.ok()) {
      if (progress_ != nullptr) progress_->AddErrors();
      std::lock_guard<std::mutex> lock(mu_);
      summary_.sources_failed++;
      spdlog::warn("source {} ({}): {}", src.name, t.url, items.status().ToString());
      return;
    }
    SourceSucceeded(src);
    {
      std::lock_guard<std::mutex> lock(mu_);
      summary_.sources_ok++;
      summary_.posts += items->posts.size();
    }
    std::string fetched_at = NowRfc3339();
    for (const SourcePost& post : items->posts) {
      PageOrigin origin;
      origin.url = post.url;
      origin.site = src.site.empty() ? src.name : src.site;
      origin.lang = src.lang;
      origin.published_at = post.published_at;
      origin.fetched_at = fetched_at;
      TextDocument doc{post.text, post.title, post.author};
      auto events = pipeline_->ProcessText(doc, origin);
      CountEvents(events);
      if (!events.ok()) spdlog::warn("post {}: {}", post.url, events.status().ToString());
    }
    for (const std::string& child : items->child_sources) {
      Task c;
      c.kind = TaskKind::kSource;
      c.url = child;
      c.source = t.source;
      Enqueue(std::move(c));
    }
    for (const PageLink& link : items->pages) {
      Task p;
      p.kind = TaskKind::kPage;
      p.url = link.url;
      p.source = t.source;
      p.link = link;
      Enqueue(std::move(p));
    }
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
      metrics_.events.With({e.type == EventType::kOst ? "ost" : "casting", e.status}).Inc();
    }
    if (progress_ != nullptr) progress_->AddEvents(static_cast<int64_t>(events->size()));
  }

  void HandlePage(const Task& t, const FetchResult& r) {
    if (r.outcome == FetchOutcome::kNotModified) {
      std::lock_guard<std::mutex> lock(mu_);
      summary_.pages_not_modified++;
      return;
    }
    if (!r.ok()) {
      if (progress_ != nullptr) progress_->AddErrors();
      std::lock_guard<std::mutex> lock(mu_);
      summary_.fetch_failures++;
      spdlog::warn("page {}: fetch failed ({}): {}", t.url, static_cast<int>(r.failure), r.error);
      return;
    }
    if (progress_ != nullptr) progress_->AddPages();
    {
      std::lock_guard<std::mutex> lock(mu_);
      summary_.pages_fetched++;
    }
    const CrawlSource& src = sources_[t.source];
    std::string html = std::move(DecodeToUtf8(r.body, r.content_type).text);
    PageOrigin origin;
    origin.url = r.final_url.empty() ? t.url : r.final_url;
    origin.site = src.site.empty() ? src.name : src.site;
    origin.lang = src.lang;
    origin.title_hint = t.link.title;
    origin.published_at = t.link.published_at;
    origin.fetched_at = NowRfc3339();
    auto events = pipeline_->ProcessPage(html, origin);
    CountEvents(events);
    if (!events.ok()) spdlog::warn("page {}: {}", origin.url, events.status().ToString());
  }

  const CrawlJobOptions& options_;
  const std::vector<CrawlSource>& sources_;
  DocumentPipeline* pipeline_;
  const std::atomic<bool>* stop_;
  ProgressReporter* progress_;
  CrawlMetrics& metrics_;
  Fetcher* fetcher_ = nullptr;

  std::mutex mu_;
  std::condition_variable cv_;
  RobotsCache robots_;                               // guarded by mu_
  PackedTaskQueue frontier_;                         // guarded by mu_
  UrlHashSet seen_;                                  // guarded by mu_; 8-byte URL hashes
  std::unordered_map<uint64_t, Task> in_fetch_;      // guarded by mu_
  std::map<std::string, std::vector<Task>> parked_;  // waiting for robots.txt
  std::size_t busy_workers_ = 0;                     // results not yet handled
  std::size_t pages_submitted_ = 0;
  uint64_t next_id_ = 1;
  CrawlSummary summary_;
  BoundedQueue<FetchResult> results_;

  uint64_t documents_before_ = 0, extraction_failures_before_ = 0, events_before_ = 0,
           publish_failures_before_ = 0;
};

}  // namespace

CrawlJob::CrawlJob(CrawlJobOptions options, std::vector<CrawlSource> sources,
                   DocumentPipeline* pipeline, CrawlStateStore* state)
    : options_(std::move(options)),
      sources_(std::move(sources)),
      pipeline_(pipeline),
      state_(state) {}

Result<CrawlSummary> CrawlJob::RunOnce(const std::atomic<bool>* stop) {
  Run run(options_, sources_, pipeline_, stop, progress_);
  run.SnapshotCounters();
  Result<CrawlSummary> summary = run.Execute(state_);
  return summary;
}

}  // namespace hallyu
