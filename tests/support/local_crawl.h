#pragma once
// Crawl settings shared by the tests that run a CrawlJob against a server on 127.0.0.1.

#include <string>

#include "crawler/crawl/crawl_job.h"

namespace hallyu::testing {

// Options for a crawl of a loopback test server: 127.0.0.0/8 allowed, no politeness delay,
// one attempt per URL, `workers` workers. Everything else keeps CrawlJobOptions' defaults.
CrawlJobOptions LoopbackCrawlOptions(int workers);

// An English source named "outlet" of `kind` at `url` that reads entries of any age (the
// test pages carry old or no dates).
CrawlSource AnyAgeSource(SourceKind kind, const std::string& url);

}  // namespace hallyu::testing
