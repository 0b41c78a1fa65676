#pragma once
// CrawlConfig: everything `hallyu crawl` reads from its YAML configuration
// (configs/default.yaml; configs/demo.yaml for the demo). Relative paths in the
// file are resolved against the current directory, like the CLI's own paths.
//
//   sources: configs/sources.yaml   # or an inline list of sources
//   state:   {path: hallyu-state.db}
//   detect:  {rules: configs/rules, gazetteer: configs/gazetteer, extra_gazetteer: [...]}
//   crawl:   {workers: 0, respect_robots: true, frontier_capacity: 1000000, max_pages: ...}
//   fetcher: {...}   (crawler/fetch/fetcher_options.h)
//   kafka:   {...}   (crawler/kafka/kafka_options.h)
//   distributed: {...}  (crawler/distributed/distributed_crawl.h), monitoring: {...}, urls: {...}

#include <string>
#include <vector>

#include "crawler/crawl/crawl_job.h"
#include "crawler/sources/source_reader.h"
#include "extractors/base/status.h"

namespace YAML {
class Node;
}

namespace hallyu {

struct CrawlConfig {
  std::vector<CrawlSource> sources;
  std::string state_path = "hallyu-state.db";  // SQLite: crawl state and merged events
  // SQLite: per-source schedules and seen entry ids (crawler/sources/source_state_store.h).
  // `sources.state_path` when the sources mapping sets it, else `<state_path>.sources`.
  std::string source_state_path;
  std::size_t max_seen_per_source = 5000;  // seen entry ids kept per source
  std::string rules_dir = "configs/rules";
  std::string gazetteer_dir = "configs/gazetteer";
  std::vector<std::string> extra_gazetteer_dirs;  // e.g. the demo's fictional names
  // `sink.store` (sqlite:PATH or postgresql://...): when set, `crawl` also runs the
  // sink in process after each round, so events land in the store without a
  // separate `hallyu sink` (what the demo does with the embedded Kafka).
  std::string sink_store;
  CrawlJobOptions job;
};

// Loads the crawl configuration from `path`. Fails with kNotFound (no file),
// kParse (bad YAML) or kInvalidArgument (a bad value, named with its key). Every section
// is strict, including those only other commands use (kafka, distributed, monitoring,
// urls): an unknown or repeated key is an error naming the file, the line and the nearest
// valid key; a number outside its documented range is an error.
Result<CrawlConfig> LoadCrawlConfig(const std::string& path);

}  // namespace hallyu
