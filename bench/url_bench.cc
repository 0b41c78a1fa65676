// URL normalisation / resolution throughput (link extraction resolves every
// href of every page through these).
//
// Run: build/bench/url_bench
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "extractors/url/url.h"

namespace hallyu {
namespace {

const std::vector<std::string>& Refs() {
  static const std::vector<std::string> refs = {
      "/news/articleView.html?idxno=123456",
      "articleView.html?idxno=654321&utm_source=naver",
      "https://www.example.co.kr/entertainment/2026/11/24/drama-casting-1?fbclid=x#top",
      "../list.html?page=2",
      "//cdn.example.com/img/a.jpg",
      "/%EC%97%B0%EC%98%88/%EB%89%B4%EC%8A%A4?id=7",
  };
  return refs;
}

void BM_NormalizeUrl(benchmark::State& state) {
  const std::string url =
      "HTTPS://WWW.Example.co.kr:443/news/./articleView.html?idxno=123456&utm_source=naver#c";
  for (auto _ : state) benchmark::DoNotOptimize(NormalizeUrl(url));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_NormalizeUrl);

void BM_ResolveUrl(benchmark::State& state) {
  const std::string base = "https://www.example.co.kr/news/list.html?sc=S1N3";
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(ResolveUrl(base, Refs()[i++ % Refs().size()]));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_ResolveUrl);

// One resolver per page, reused for every link (how link extraction should call it).
void BM_UrlResolverReused(benchmark::State& state) {
  auto resolver = UrlResolver::Create("https://www.example.co.kr/news/list.html?sc=S1N3");
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(resolver->Resolve(Refs()[i++ % Refs().size()]));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_UrlResolverReused);

// The same references resolved by libcurl alone (previous implementation), side by side.
void BM_ResolveUrlWithCurl(benchmark::State& state) {
  const std::string base = "https://www.example.co.kr/news/list.html?sc=S1N3";
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(internal::ResolveUrlWithCurl(base, Refs()[i++ % Refs().size()]));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_ResolveUrlWithCurl);

}  // namespace
}  // namespace hallyu

BENCHMARK_MAIN();
