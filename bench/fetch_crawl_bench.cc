// End-to-end crawl benchmark driver: fetches a whole site with the hallyu
// Fetcher plus simple href extraction, same host only, politeness off for that
// host. Links are resolved and normalised with hallyu's UrlResolver (one per page), as the
// crawl's extraction does. Not a Google Benchmark (one long run, measured from outside with
// /usr/bin/time -v by bench/fetch/run.sh); prints one summary line.
//
// usage: fetch_crawl_bench START_URL [--concurrency N] [--max-pages N]

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_set>

#include "crawler/fetch/fetcher.h"
#include "extractors/url/url.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s START_URL [--concurrency N] [--max-pages N]\n", argv[0]);
    return 2;
  }
  std::string start = argv[1];
  int concurrency = 16;
  size_t max_pages = 1000000;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--concurrency") concurrency = std::atoi(argv[i + 1]);
    if (a == "--max-pages") max_pages = std::strtoull(argv[i + 1], nullptr, 10);
  }
  auto start_parts = hallyu::ParseUrl(argv[1]);
  if (!start_parts.ok()) {
    std::fprintf(stderr, "start url: %s\n", start_parts.status().ToString().c_str());
    return 2;
  }
  start = start_parts->ToString();
  const std::string host = start_parts->host;
  const std::string origin = start_parts->Origin() + "/";  // same-host links start with it

  hallyu::FetcherOptions o;
  o.max_in_flight = concurrency;
  o.allowed_cidrs = {"127.0.0.0/8", "::1/128"};
  o.host_overrides[host] = hallyu::HostPolicy{concurrency, std::chrono::milliseconds(0)};
  o.queue_capacity = 1 << 20;
  o.defer_content_decoding = true;  // inflated below, on this thread, as the crawl's workers do

  std::mutex mu;
  std::condition_variable cv;
  std::deque<hallyu::FetchResult> done;
  // Results wait in a bounded queue, as in the crawl (BoundedQueue before the workers):
  // when the consumer falls behind, the fetch loop waits instead of buffering bodies.
  constexpr size_t kMaxQueued = 64;
  std::condition_variable room;
  auto fetcher = hallyu::Fetcher::Create(o, [&](hallyu::FetchResult r) {
    std::unique_lock<std::mutex> lock(mu);
    room.wait(lock, [&] { return done.size() < kMaxQueued; });
    done.push_back(std::move(r));
    cv.notify_one();
  });
  if (!fetcher.ok()) {
    std::fprintf(stderr, "fetcher: %s\n", fetcher.status().ToString().c_str());
    return 1;
  }
  auto t0 = std::chrono::steady_clock::now();
  std::unordered_set<std::string> seen{start};
  size_t submitted = 1, finished = 0, ok = 0, failed = 0;
  uint64_t bytes = 0, links = 0;
  (void)(*fetcher)->Submit({start, 0, {}, false});
  while (finished < submitted) {
    hallyu::FetchResult r;
    {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return !done.empty(); });
      r = std::move(done.front());
      done.pop_front();
    }
    room.notify_one();
    ++finished;
    (void)(*fetcher)->DecodeBody(r);
    if (!r.ok()) {
      ++failed;
      continue;
    }
    ++ok;
    bytes += r.body.size();
    // Simple href extraction: every href="..." / href='...'.
    const std::string& b = r.body;
    auto resolver = hallyu::UrlResolver::Create(r.final_url);
    if (!resolver.ok()) continue;
    for (size_t p = b.find("href="); p != std::string::npos; p = b.find("href=", p + 5)) {
      size_t q = p + 5;
      if (q >= b.size() || (b[q] != '"' && b[q] != '\'')) continue;
      char quote = b[q];
      size_t e = b.find(quote, q + 1);
      if (e == std::string::npos) break;
      ++links;
      auto next = resolver->Resolve(std::string_view(b).substr(q + 1, e - q - 1));
      if (!next.ok() || submitted >= max_pages) continue;
      if (next->compare(0, origin.size(), origin) != 0) continue;  // another host
      if (!seen.insert(*next).second) continue;
      ++submitted;
      (void)(*fetcher)->Submit({std::move(*next), submitted, {}, false});
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("pages_ok=%zu failed=%zu seconds=%.3f pages_per_s=%.1f body_mb=%.1f links=%llu\n", ok,
              failed, secs, ok / secs, bytes / 1048576.0, static_cast<unsigned long long>(links));
  return failed == 0 ? 0 : 1;
}
