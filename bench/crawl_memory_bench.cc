// Memory per known URL in the crawl job's frontier and crawl state (issue 10:
// <= 200 bytes per known URL at one million URLs), measured as the growth of
// glibc's in-use heap (mallinfo2), so allocator overhead counts.
//
// The crawl job (crawler/crawl/crawl_job.cc) keeps, per URL it knows: a 64-bit hash in
// a UrlHashSet (dedup, for the whole run) and, while the URL waits, one packed
// entry in a PackedTaskQueue (URL, title and date from the sitemap/feed, source,
// kind, depth). Per-URL crawl state (validators, content hash) is in SQLite on
// disk, not in memory. The baseline is the layout the job had before issue 10:
// std::unordered_set<uint64_t> plus a std::deque of task structs.
//
// Run: build/bench/crawl_memory_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <cstdint>
#include <deque>
#include <string>
#include <unordered_set>

#include "crawler/crawl/frontier.h"
#include "crawler/crawl/packed_task_queue.h"

namespace hallyu {
namespace {

std::size_t HeapInUse() {
  struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;
}

// A sitemap entry of a Korean news site: URL, news title, date.
void MakeTask(std::uint64_t i, QueuedTask* t) {
  t->kind = 1;
  t->source = static_cast<std::uint32_t>(i % 40);
  t->depth = 0;
  t->url = "https://www.news" + std::to_string(i % 40) +
           ".co.kr/news/articleView.html?idxno=" + std::to_string(1000000 + i);
  t->title = i % 2 ? "" : "배우 캐스팅 소식 " + std::to_string(i);
  t->published_at = "2026-11-24T09:00:00Z";
}

// The crawl job's layout since issue 10.
void BM_CrawlFrontierPerUrl(benchmark::State& state) {
  const auto n = static_cast<std::uint64_t>(state.range(0));
  double queued = 0, known = 0;
  QueuedTask t;
  for (auto _ : state) {
    std::size_t before = HeapInUse();
    {
      UrlHashSet seen;
      PackedTaskQueue queue;
      for (std::uint64_t i = 0; i < n; ++i) {
        MakeTask(i, &t);
        if (seen.Insert(UrlHash(t.url))) queue.PushBack(t);
      }
      queued = static_cast<double>(HeapInUse() - before) / static_cast<double>(n);
      while (auto popped = queue.PopFront()) benchmark::DoNotOptimize(popped);
      known = static_cast<double>(HeapInUse() - before) / static_cast<double>(n);
    }
  }
  state.counters["bytes_per_url_queued"] = queued;
  state.counters["bytes_per_url_known"] = known;
}
BENCHMARK(BM_CrawlFrontierPerUrl)->Arg(1'000'000)->Iterations(1)->Unit(benchmark::kMillisecond);

// The layout before issue 10 (crawl_job.cc's Task and containers).
struct OldPageLink {
  std::string url, id, title, published_at, updated_at;
};
struct OldTask {
  int kind = 0;
  std::string url, origin, path_query;
  std::size_t source = 0;
  OldPageLink link;
  int depth = 0;
};

void BM_OldCrawlFrontierPerUrl(benchmark::State& state) {
  const auto n = static_cast<std::uint64_t>(state.range(0));
  double queued = 0;
  QueuedTask t;
  for (auto _ : state) {
    std::size_t before = HeapInUse();
    {
      std::unordered_set<std::uint64_t> seen;
      std::deque<OldTask> frontier;
      for (std::uint64_t i = 0; i < n; ++i) {
        MakeTask(i, &t);
        if (!seen.insert(UrlHash(t.url)).second) continue;
        OldTask o;
        o.kind = t.kind;
        o.url = t.url;
        o.origin = t.url.substr(0, t.url.find('/', 8));
        o.path_query = t.url.substr(o.origin.size());
        o.source = t.source;
        o.link = {t.url, t.url, t.title, t.published_at, ""};
        frontier.push_back(std::move(o));
      }
      queued = static_cast<double>(HeapInUse() - before) / static_cast<double>(n);
    }
  }
  state.counters["bytes_per_url_queued"] = queued;
}
BENCHMARK(BM_OldCrawlFrontierPerUrl)->Arg(1'000'000)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace hallyu

BENCHMARK_MAIN();
