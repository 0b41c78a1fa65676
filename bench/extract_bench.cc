// Page -> Document throughput on ~45 KB news pages with ~35-40 KB inline script
// (bench/out/extract-pages, built by bench/extract/make_bench_pages.py), and a
// plain gumbo_parse of the same pages for reference. Reports bytes/s of the
// original page and pages/s (items).
#include <benchmark/benchmark.h>
#include <gumbo.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extractors/html/article_extractor.h"
#include "extractors/html/html_prescan.h"

namespace {

struct BenchPage {
  std::string html;
  std::string url;
};

const std::vector<BenchPage>& Pages() {
  static const std::vector<BenchPage> pages = [] {
    std::vector<BenchPage> out;
    const char* env = std::getenv("HALLYU_EXTRACT_PAGES");
    const std::string dir = env ? env : std::string(HALLYU_SOURCE_DIR) + "/bench/out/extract-pages";
    std::vector<std::filesystem::path> files;
    if (std::filesystem::exists(dir)) {
      for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (e.path().extension() == ".html") files.push_back(e.path());
      }
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      auto read = [](const std::filesystem::path& p) {
        std::ifstream in(p, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
      };
      std::filesystem::path u = f;
      u.replace_extension(".url");
      out.push_back({read(f), read(u)});
    }
    return out;
  }();
  return pages;
}

std::size_t TotalBytes() {
  std::size_t n = 0;
  for (const auto& p : Pages()) n += p.html.size();
  return n;
}

void BM_ExtractArticle(benchmark::State& state) {
  const auto& pages = Pages();
  if (pages.empty()) {
    state.SkipWithError("no pages: run python3 bench/extract/make_bench_pages.py");
    return;
  }
  for (auto _ : state) {
    for (const auto& p : pages) {
      auto doc = hallyu::ExtractArticle(p.html, p.url);
      benchmark::DoNotOptimize(doc);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pages.size()));
}
BENCHMARK(BM_ExtractArticle)->Unit(benchmark::kMillisecond);

void BM_GumboParseRaw(benchmark::State& state) {
  const auto& pages = Pages();
  if (pages.empty()) {
    state.SkipWithError("no pages");
    return;
  }
  for (auto _ : state) {
    for (const auto& p : pages) {
      GumboOutput* out =
          gumbo_parse_with_options(&kGumboDefaultOptions, p.html.data(), p.html.size());
      benchmark::DoNotOptimize(out);
      gumbo_destroy_output(&kGumboDefaultOptions, out);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pages.size()));
}
BENCHMARK(BM_GumboParseRaw)->Unit(benchmark::kMillisecond);

void BM_PrescanOnly(benchmark::State& state) {
  const auto& pages = Pages();
  for (auto _ : state) {
    for (const auto& p : pages) {
      auto r = hallyu::internal::PrescanHtml(p.html, {});
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pages.size()));
}
BENCHMARK(BM_PrescanOnly)->Unit(benchmark::kMillisecond);

void BM_PrescanPlusGumbo(benchmark::State& state) {
  const auto& pages = Pages();
  for (auto _ : state) {
    for (const auto& p : pages) {
      auto r = hallyu::internal::PrescanHtml(p.html, {});
      GumboOptions o = kGumboDefaultOptions;
      o.max_errors = 0;
      GumboOutput* out = gumbo_parse_with_options(&o, r.html.data(), r.html.size());
      benchmark::DoNotOptimize(out);
      gumbo_destroy_output(&o, out);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pages.size()));
}
BENCHMARK(BM_PrescanPlusGumbo)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
