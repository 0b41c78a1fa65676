#include "tests/support/local_crawl.h"

#include <chrono>
#include <cstdint>

namespace hallyu::testing {

CrawlJobOptions LoopbackCrawlOptions(int workers) {
  CrawlJobOptions o;
  o.fetcher.allowed_cidrs = {"127.0.0.0/8"};
  o.fetcher.min_host_delay = std::chrono::milliseconds(0);
  o.fetcher.retry.max_attempts = 1;
  o.workers = workers;
  return o;
}

CrawlSource AnyAgeSource(SourceKind kind, const std::string& url) {
  CrawlSource s;
  s.name = "outlet";
  s.kind = kind;
  s.url = url;
  s.lang = "en";
  s.horizon_seconds = int64_t{100000} * 86400;
  return s;
}

}  // namespace hallyu::testing
