// robots.txt matching per URL (issue 20, case 5): the compiled matcher (RobotsRules::IsAllowed)
// beside the rule-by-rule loop main used before it (RobotsRules::IsAllowedTryingEveryRule:
// every rule in precedence order, each matched in one pass over the path), on a typical
// news-site file and on the hostile file of issue 20 (11,364 wildcard rules, an 8,000-byte
// path). Counter "steps" is the matcher's own work count per URL.
//
// Run: build/bench/robots_bench
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "crawler/fetch/robots.h"

namespace hallyu {
namespace {

// A typical large news-site robots.txt: a few groups, ~40 rules for everyone, wildcards
// for query parameters and file types.
const RobotsRules& TypicalRules() {
  static const RobotsRules rules = RobotsRules::Parse(
      "User-agent: Googlebot\nDisallow: /search\n\n"
      "User-agent: *\n"
      "Disallow: /search\nDisallow: /login\nDisallow: /member/\nDisallow: /admin/\n"
      "Disallow: /api/\nDisallow: /print/\nDisallow: /amp/\nDisallow: /tag/*?page=\n"
      "Disallow: /*?utm_source=\nDisallow: /*&utm_source=\nDisallow: /*?fbclid=\n"
      "Disallow: /*sessionid=\nDisallow: /*.json$\nDisallow: /*.xml$\nDisallow: /*/comments/\n"
      "Disallow: /news/articleList.html?*sc_section_code=\nDisallow: /news/*/preview\n"
      "Disallow: /photo/*?mode=\nDisallow: /video/embed/\nDisallow: /cgi-bin/\n"
      "Disallow: /ads/\nDisallow: /banner/\nDisallow: /popup/\nDisallow: /*/print$\n"
      "Disallow: /entertainment/*/draft\nDisallow: /*?sort=\nDisallow: /*&sort=\n"
      "Allow: /news/articleView.html\nAllow: /entertainment/\nAllow: /photo/$\n"
      "Allow: /search/about\nAllow: /member/join$\nAllow: /*.css$\nAllow: /*.js$\n"
      "Disallow: /temp/\nDisallow: /test/\nDisallow: /old/*\nDisallow: /rss/private\n"
      "Crawl-delay: 1\nSitemap: https://news.example/sitemap.xml\n",
      "hallyu");
  return rules;
}

const std::vector<std::string>& TypicalPaths() {
  static const std::vector<std::string> paths = {
      "/news/articleView.html?idxno=123456",
      "/entertainment/2026/11/24/drama-casting-1",
      "/news/articleList.html?sc_section_code=S1N3&view_type=sm",
      "/tag/%EB%93%9C%EB%9D%BC%EB%A7%88?page=2",
      "/photo/gallery/991?mode=full&utm_source=naver",
      "/video/clip/ost-teaser-42",
  };
  return paths;
}

// Issue 20's file: 11,363 wildcard rules that match no ordinary path but name segments to
// look for, and one that denies the long path; the path is 8,000 bytes.
const RobotsRules& HostileRules() {
  static const RobotsRules rules = [] {
    std::string body = "User-agent: *\n";
    for (int i = 0; i < 11363; ++i) body += "Disallow: /*a*a*a*zq" + std::to_string(i) + "\n";
    body += "Disallow: /*/deny$\n";
    return RobotsRules::Parse(body, "hallyu");
  }();
  return rules;
}

const std::string& HostilePath() {
  static const std::string path = "/wild/" + std::string(8000, 'a') + "/good";
  return path;
}

void BM_RobotsTypical_Compiled(benchmark::State& state) {
  const RobotsRules& rules = TypicalRules();
  std::size_t i = 0;
  uint64_t steps = 0;
  for (auto _ : state) {
    const RobotsRules::Decision d = rules.Decide(TypicalPaths()[i++ % TypicalPaths().size()]);
    steps += d.steps;
    benchmark::DoNotOptimize(d.allowed);
  }
  state.counters["steps"] =
      benchmark::Counter(static_cast<double>(steps), benchmark::Counter::kAvgIterations);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_RobotsTypical_Compiled);

void BM_RobotsTypical_EveryRule(benchmark::State& state) {
  const RobotsRules& rules = TypicalRules();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        rules.IsAllowedTryingEveryRule(TypicalPaths()[i++ % TypicalPaths().size()]));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_RobotsTypical_EveryRule);

void BM_RobotsHostile_Compiled(benchmark::State& state) {
  const RobotsRules& rules = HostileRules();
  uint64_t steps = 0;
  for (auto _ : state) {
    const RobotsRules::Decision d = rules.Decide(HostilePath());
    steps += d.steps;
    benchmark::DoNotOptimize(d.allowed);
  }
  state.counters["steps"] =
      benchmark::Counter(static_cast<double>(steps), benchmark::Counter::kAvgIterations);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_RobotsHostile_Compiled)->Unit(benchmark::kMicrosecond);

void BM_RobotsHostile_EveryRule(benchmark::State& state) {
  const RobotsRules& rules = HostileRules();
  uint64_t steps = 0;
  for (auto _ : state) {
    uint64_t s = 0;
    benchmark::DoNotOptimize(rules.IsAllowedTryingEveryRule(HostilePath(), &s));
    steps += s;
  }
  state.counters["steps"] =
      benchmark::Counter(static_cast<double>(steps), benchmark::Counter::kAvgIterations);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_RobotsHostile_EveryRule)->Unit(benchmark::kMillisecond);

// Compiling the hostile file (once per host per TTL, outside the crawl's lock).
void BM_RobotsHostile_ParseAndCompile(benchmark::State& state) {
  std::string body = "User-agent: *\n";
  for (int i = 0; i < 11363; ++i) body += "Disallow: /*a*a*a*zq" + std::to_string(i) + "\n";
  body += "Disallow: /*/deny$\n";
  for (auto _ : state) benchmark::DoNotOptimize(RobotsRules::Parse(body, "hallyu"));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_RobotsHostile_ParseAndCompile)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace hallyu

BENCHMARK_MAIN();
