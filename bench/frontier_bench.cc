// Frontier memory per known URL and throughput (issue 10: <= 200 bytes per
// known URL at one million URLs).
//
// Memory is measured as the growth of glibc's in-use heap (mallinfo2), so it
// counts everything the frontier allocates (hash table, host table, queues,
// allocator overhead), not an estimate. URLs look like real Korean news URLs:
// ~2,000 hosts, paths of 30-110 bytes.
//
// Run: build/bench/frontier_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "crawler/crawl/frontier.h"

namespace hallyu {
namespace {

constexpr int kHosts = 2000;

// The i-th synthetic URL (deterministic, distinct for distinct i).
void MakeUrl(std::uint64_t i, std::string* out) {
  out->clear();
  std::uint64_t h = i % kHosts;
  out->append(h % 3 == 0 ? "https://www.news" : "https://ent.site");
  out->append(std::to_string(h));
  out->append(h % 2 == 0 ? ".co.kr" : ".com");
  switch (i % 4) {
    case 0:
      out->append("/news/articleView.html?idxno=");
      out->append(std::to_string(1000000 + i));
      break;
    case 1:
      out->append("/entertainment/2026/11/24/drama-casting-confirmed-lead-role-");
      out->append(std::to_string(i));
      break;
    case 2:
      out->append("/article/");
      out->append(std::to_string(i * 7919));
      break;
    default:
      out->append("/view.php?sc_section_code=S1N3&id=");
      out->append(std::to_string(i));
      out->append("&page=1");
      break;
  }
}

// In-use heap: small chunks (uordblks) plus mmap-ed large blocks (hblkhd).
std::size_t HeapInUse() {
  struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;
}

FrontierOptions BenchOptions() {
  FrontierOptions o;
  o.default_delay = std::chrono::milliseconds(0);
  o.max_queued_per_host = 1'000'000;
  return o;
}

// Bytes per URL with every URL queued (worst case), then with all of them
// handed out (only the dedup memory left), at state.range(0) URLs.
void BM_FrontierMemoryPerUrl(benchmark::State& state) {
  const auto n = static_cast<std::uint64_t>(state.range(0));
  std::string url;
  double queued_bytes = 0, known_bytes = 0, avg_url = 0;
  for (auto _ : state) {
    std::size_t before = HeapInUse();
    std::size_t url_bytes = 0;
    {
      Frontier f(BenchOptions());
      for (std::uint64_t i = 0; i < n; ++i) {
        MakeUrl(i, &url);
        url_bytes += url.size();
        if (f.Add(url, UrlPriority::kLink) != AddOutcome::kAdded) state.SkipWithError("refused");
      }
      queued_bytes = static_cast<double>(HeapInUse() - before) / static_cast<double>(n);
      while (auto item = f.Next()) benchmark::DoNotOptimize(item);
      known_bytes = static_cast<double>(HeapInUse() - before) / static_cast<double>(n);
    }
    avg_url = static_cast<double>(url_bytes) / static_cast<double>(n);
  }
  state.counters["bytes_per_url_queued"] = queued_bytes;
  state.counters["bytes_per_url_known"] = known_bytes;
  state.counters["avg_url_bytes"] = avg_url;
}
BENCHMARK(BM_FrontierMemoryPerUrl)->Arg(1'000'000)->Iterations(1)->Unit(benchmark::kMillisecond);

// Baseline measured side by side: the obvious structure (unordered_set of
// URL strings for dedup + a deque of URL strings per host).
void BM_NaiveMemoryPerUrl(benchmark::State& state) {
  const auto n = static_cast<std::uint64_t>(state.range(0));
  std::string url;
  double queued_bytes = 0;
  for (auto _ : state) {
    std::size_t before = HeapInUse();
    {
      std::unordered_set<std::string> seen;
      std::unordered_map<std::string, std::deque<std::string>> queues;
      for (std::uint64_t i = 0; i < n; ++i) {
        MakeUrl(i, &url);
        if (!seen.insert(url).second) continue;
        std::size_t slash = url.find('/', 8);
        queues[url.substr(0, slash)].push_back(url);
      }
      queued_bytes = static_cast<double>(HeapInUse() - before) / static_cast<double>(n);
    }
  }
  state.counters["bytes_per_url_queued"] = queued_bytes;
}
BENCHMARK(BM_NaiveMemoryPerUrl)->Arg(1'000'000)->Iterations(1)->Unit(benchmark::kMillisecond);

// Add throughput (new URLs, including hashing, dedup check and queueing).
void BM_FrontierAdd(benchmark::State& state) {
  const auto n = static_cast<std::uint64_t>(state.range(0));
  std::string url;
  for (auto _ : state) {
    state.PauseTiming();
    Frontier f(BenchOptions());
    state.ResumeTiming();
    for (std::uint64_t i = 0; i < n; ++i) {
      MakeUrl(i, &url);
      benchmark::DoNotOptimize(f.Add(url, UrlPriority::kLink));
    }
    state.PauseTiming();
    { Frontier discard = std::move(f); }
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
}
BENCHMARK(BM_FrontierAdd)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// Duplicate-check throughput: re-adding known URLs (the common case for links).
void BM_FrontierAddDuplicate(benchmark::State& state) {
  const std::uint64_t n = 1'000'000;
  Frontier f(BenchOptions());
  std::string url;
  for (std::uint64_t i = 0; i < n; ++i) {
    MakeUrl(i, &url);
    (void)f.Add(url, UrlPriority::kLink);
  }
  std::uint64_t i = 0;
  for (auto _ : state) {
    MakeUrl(i++ % n, &url);
    benchmark::DoNotOptimize(f.Add(url, UrlPriority::kLink));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_FrontierAddDuplicate);

// Next() throughput with 1M URLs over 2,000 ready hosts.
void BM_FrontierNext(benchmark::State& state) {
  const std::uint64_t n = 1'000'000;
  std::string url;
  Frontier f(BenchOptions());
  std::uint64_t added = 0;
  for (auto _ : state) {
    auto item = f.Next();
    if (!item) {
      state.PauseTiming();
      for (std::uint64_t k = 0; k < n; ++k) {
        MakeUrl(added++, &url);
        (void)f.Add(url, UrlPriority::kLink);
      }
      state.ResumeTiming();
      item = f.Next();
    }
    benchmark::DoNotOptimize(item);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_FrontierNext);

}  // namespace
}  // namespace hallyu

BENCHMARK_MAIN();
