#pragma once
// CrawlJob: one crawl of a set of sources, the way `hallyu crawl` runs it.
//
//   sources ──▶ Fetcher (libcurl multi, one thread) ──▶ results queue ──▶ workers
//                 ▲ robots.txt gate, per-host politeness        │  feeds, sitemaps, listings,
//                 │                                             │  social → new page URLs / posts
//             frontier (dedup, bounded) ◀───────────────────────┘  pages  → DocumentPipeline
//
// A dispatcher thread moves URLs from the frontier to the fetcher once their
// host's robots.txt allows them; workers (one per core by default) parse what
// comes back. The results queue is bounded, so slow workers slow the fetcher.
// RunOnce() returns when every source was fetched once and everything they
// linked to was processed (or `stop` was raised). RunScheduled() polls each
// source whenever the SourceScheduler says it is due (interval, cron, adaptive)
// until `stop` is raised.
//
// With a SourceStateStore (set_source_state) only entries whose id was never
// seen (or whose update time changed) become fetches / documents; an entry
// counts as seen once its page was handled (or, for a post, processed), so work
// cut short by a stop is found again after a restart (the listing source's
// validators are dropped so its next poll is a full GET). Social sources follow
// their result pages (reddit `after`, mastodon Link rel=next / max_id, bluesky
// `cursor`) up to the source's max_pages_per_poll, stopping at a page that holds
// an already-seen post.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "crawler/crawl/document_pipeline.h"
#include "crawler/crawl/progress.h"
#include "crawler/fetch/crawl_state_store.h"
#include "crawler/fetch/fetcher_options.h"
#include "crawler/fetch/robots.h"
#include "crawler/ops/clock.h"
#include "crawler/sources/source_reader.h"
#include "crawler/sources/source_state_store.h"
#include "extractors/base/status.h"

namespace hallyu {

struct CrawlJobOptions {
  FetcherOptions fetcher;
  RobotsCacheOptions robots;
  bool respect_robots = true;                 // false only for hosts you own (benchmarks)
  std::size_t workers = 0;                    // parse/extract/detect threads; 0 = one per core
  std::size_t frontier_capacity = 1'000'000;  // URLs waiting to be fetched; more are refused
  std::size_t results_queue = 256;            // fetched pages waiting for a worker
  // Body bytes those waiting pages may hold together (a count alone let 256 bodies of
  // 10 MiB wait at once); one larger page still passes alone. crawl.results_queue_mb.
  std::size_t results_queue_bytes = std::size_t{64} << 20;
  std::size_t max_pages = 1'000'000;  // pages fetched per run at most (a safety bound)
  // After `stop` is raised: longest wait for fetches already handed to the fetcher
  // (and their parsing) before the rest is cancelled; ms.
  std::chrono::milliseconds stop_grace{30'000};
  // RunOnce only: overall deadline from the start of the run; 0 = none. When it passes no
  // new fetch is handed to the fetcher, fetches already handed on get stop_grace to finish
  // and be processed, and what is left is not marked done (its entries stay new and their
  // listings lose their validators), so the next run picks it up.
  std::chrono::milliseconds deadline{0};
  // Crash-loop protection (needs the CrawlStateStore): a page whose processing did not
  // finish in this many earlier runs (the process died while it was in flight) is
  // quarantined: logged, counted (CrawlSummary::pages_quarantined, metric
  // hallyu_pages_quarantined_total), sent to the DLQ with its reason and skipped from then
  // on. A page with an unfinished earlier run is processed alone (no other page in
  // flight), so only the page that kills the process is blamed. Range 2..100.
  int quarantine_after_runs = 3;
  // RunOnce only: fetches handed to the fetcher per host in one run (sources and pages;
  // robots.txt, retries and redirects of a fetch not counted); 0 = no budget. When spent,
  // the host's remaining URLs are left for the next run (not marked done; counted in
  // CrawlSummary::host_budget_deferred). Range 0..100000000.
  std::size_t max_requests_per_host = 0;
  // Sitemaps (after inflating a gzipped one) larger than this fail as too large
  // (sources.sitemap_max_bytes; crawler/sources/source_reader.h).
  std::size_t sitemap_max_bytes = kDefaultSitemapMaxBytes;
  // Tests only: called with the origin and path of every robots.txt match, on the thread
  // that matches, without the crawl's lock held (a slow match must not stall the crawl).
  std::function<void(const std::string& origin, const std::string& path_and_query)> on_robots_match;
};

struct CrawlSummary {
  uint64_t sources_ok = 0;
  uint64_t sources_failed = 0;
  uint64_t pages_fetched = 0;  // 2xx pages handed to a worker
  uint64_t pages_not_modified = 0;
  uint64_t fetch_failures = 0;
  uint64_t robots_denied = 0;
  uint64_t frontier_refused = 0;     // URLs not queued because the frontier was full
  uint64_t posts = 0;                // social posts processed as documents
  uint64_t polls = 0;                // source polls finished (all their result pages read)
  uint64_t entries_seen_before = 0;  // entries / posts skipped: id already seen
  uint64_t documents = 0;
  uint64_t extraction_failures = 0;
  uint64_t events_published = 0;
  uint64_t publish_failures = 0;
  uint64_t events_bounded = 0;       // events cut or shrunk to fit a Kafka record (still published)
  bool deadline_hit = false;         // RunOnce stopped at CrawlJobOptions::deadline
  uint64_t left_for_next_run = 0;    // deadline/stop: tasks queued or in flight, not processed
  uint64_t pages_quarantined = 0;    // quarantined in this run (crash loop; sent to the DLQ)
  uint64_t quarantined_skipped = 0;  // pages not processed: quarantined by an earlier run
  uint64_t host_budget_deferred = 0;  // URLs left for the next run: their host's budget spent
  double seconds = 0;
};

class CrawlJob {
 public:
  // `pipeline` and `state` (optional: conditional GET and seen entries need it)
  // must outlive the job.
  CrawlJob(CrawlJobOptions options, std::vector<CrawlSource> sources, DocumentPipeline* pipeline,
           CrawlStateStore* state);

  // Progress of RunOnce goes to `progress` too (optional; must outlive the job).
  // Metrics always go to DefaultCrawlMetrics() (crawler/ops/metrics.h).
  void set_progress(ProgressReporter* progress) { progress_ = progress; }

  // Seen entry ids and per-source schedules (optional; must outlive the job).
  // Without it every entry is new and polls are not recorded.
  void set_source_state(SourceStateStore* store) { source_state_ = store; }
  // Time of the schedules (default: SteadyClock::Default()); tests inject a
  // ManualClock. Must outlive the job.
  void set_clock(const Clock* clock) { clock_ = clock; }

  // Fetches every source once and processes what it leads to. Fails only when
  // the crawl cannot start (bad fetcher options, libcurl setup); failures of
  // single sources and pages are counted in the summary and logged. Each poll is
  // recorded in the schedules (so a later RunScheduled knows when it was polled).
  // With options.deadline the run ends soon after it (CrawlSummary::deadline_hit): fetches
  // not started are given back, running ones get stop_grace, nothing unprocessed is
  // marked done.
  Result<CrawlSummary> RunOnce(const std::atomic<bool>* stop = nullptr);

  // Polls each source whenever it is due (crawler/sources/source_scheduler.h; schedules
  // restored from the source state, so a source due while we were down is polled
  // at once) until `stop` is raised, then lets in-flight work finish (at most
  // options.stop_grace) and returns the totals. Fails when the crawl cannot start
  // or the source state cannot be read (kIo).
  Result<CrawlSummary> RunScheduled(const std::atomic<bool>& stop);

 private:
  CrawlJobOptions options_;
  std::vector<CrawlSource> sources_;
  DocumentPipeline* pipeline_;
  CrawlStateStore* state_;
  SourceStateStore* source_state_ = nullptr;
  const Clock* clock_ = nullptr;
  ProgressReporter* progress_ = nullptr;
};

}  // namespace hallyu
