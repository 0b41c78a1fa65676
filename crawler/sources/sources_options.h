#pragma once
// The `sources:` section of configs/default.yaml: where the source list and the
// source crawl state live, and the parsers' budgets.

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <string>

#include "extractors/base/status.h"

namespace hallyu {

struct SourcesOptions {
  std::string file = "configs/sources.yaml";            // the source list
  std::string state_path = "data/source_state.sqlite";  // schedules + seen ids (SQLite)
  size_t max_seen_per_source = 5000;                    // seen ids kept per source
  size_t feed_max_bytes = 16u << 20;                    // feeds larger are refused; 16 MiB
  size_t sitemap_max_bytes = 10u << 20;                 // inflated sitemap cap; 10 MiB
  size_t max_entries_per_poll = 5000;                   // feed / sitemap entries kept per poll
};

// Reads the `sources:` mapping (missing keys keep their defaults; a missing node
// gives all defaults). kInvalidArgument naming the key for a wrong type, an unknown
// key or a zero budget.
Result<SourcesOptions> ParseSourcesOptions(const YAML::Node& node);

}  // namespace hallyu
