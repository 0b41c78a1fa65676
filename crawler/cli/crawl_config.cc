#include "crawler/cli/crawl_config.h"

#include <yaml-cpp/yaml.h>

#include <exception>
#include <filesystem>
#include <functional>
#include <set>
#include <string_view>
#include <utility>

#include "crawler/distributed/distributed_crawl.h"
#include "crawler/fetch/fetcher_options.h"
#include "crawler/kafka/kafka_options.h"
#include "crawler/ops/config_keys.h"
#include "crawler/ops/monitoring_options.h"
#include "crawler/sources/source_config.h"
#include "crawler/sources/sources_options.h"
#include "extractors/url/url.h"

namespace hallyu {
namespace {

template <typename T>
Result<T> Scalar(const YAML::Node& node, const std::string& where) {
  try {
    return node.as<T>();
  } catch (const YAML::Exception& e) {
    return InvalidArgument(where + ": " + e.what());
  }
}

Result<std::vector<std::string>> StringList(const YAML::Node& node, const std::string& where) {
  std::vector<std::string> out;
  if (!node) return out;
  if (node.IsScalar()) {
    out.push_back(node.as<std::string>());
    return out;
  }
  if (!node.IsSequence()) return InvalidArgument(where + ": expected a list of strings");
  for (const auto& item : node) {
    auto s = Scalar<std::string>(item, where);
    if (!s.ok()) return s.status();
    out.push_back(*s);
  }
  return out;
}

// Keys of the sections read here (the others check their own: fetcher_options.cc).
const std::pair<const char*, std::vector<std::string_view>> kSectionKeys[] = {
    {"state", {"path"}},
    {"detect", {"rules", "gazetteer", "extra_gazetteer"}},
    {"sink", {"store"}},
    {"crawl",
     {"workers", "respect_robots", "frontier_capacity", "max_pages", "results_queue",
      "results_queue_mb", "stop_grace_ms", "quarantine_after_runs", "max_requests_per_host"}},
    // Read by extractors/url/url.cc (ParseUrlNormalizeOptions), which cannot include this.
    {"urls", {"extra_tracking_params", "max_length"}},
};

}  // namespace

Result<CrawlConfig> LoadCrawlConfig(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return NotFound("config file not found: " + path);
  if (std::filesystem::is_directory(path, ec)) {
    return InvalidArgument(path + ": is a directory, not a YAML configuration file");
  }
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::Exception& e) {
    return ParseError(path + ": " + e.what());
  } catch (const std::exception& e) {  // a read error (std::ios_failure from the stream)
    return IoError(path + ": " + e.what());
  }
  CrawlConfig cfg;
  // Every section any command reads; a misspelt one (`fetchr:`) is an error, not ignored.
  HALLYU_RETURN_IF_ERROR(CheckKeys(root, "",
                                   {"urls", "state", "detect", "crawl", "kafka", "monitoring",
                                    "fetcher", "sources", "sink", "distributed"})
                             .WithContext(path));
  for (const auto& [section, keys] : kSectionKeys) {
    HALLYU_RETURN_IF_ERROR(CheckKeys(root[section], section, keys).WithContext(path));
  }
  try {
    if (YAML::Node src = root["sources"]) {
      if (src.IsMap()) {  // the sources: options mapping (crawler/sources/sources_options.h)
        auto so = ParseSourcesOptions(src);
        if (!so.ok()) return so.status().WithContext(path + ": sources");
        auto list = LoadSourceConfigs(so->file);
        if (!list.ok()) return list.status();
        cfg.sources = std::move(*list);
        if (src["state_path"]) cfg.source_state_path = so->state_path;
        cfg.max_seen_per_source = so->max_seen_per_source;
        cfg.job.sitemap_max_bytes = so->sitemap_max_bytes;
      } else if (src.IsScalar()) {
        auto list = LoadSourceConfigs(src.as<std::string>());
        if (!list.ok()) return list.status();
        cfg.sources = std::move(*list);
      } else {
        auto list = ParseSourceConfigs(src);
        if (!list.ok()) return list.status().WithContext(path);
        cfg.sources = std::move(*list);
      }
    }
    if (YAML::Node state = root["state"]) {
      if (state["path"]) cfg.state_path = state["path"].as<std::string>();
    }
    if (YAML::Node detect = root["detect"]) {
      if (detect["rules"]) cfg.rules_dir = detect["rules"].as<std::string>();
      if (detect["gazetteer"]) cfg.gazetteer_dir = detect["gazetteer"].as<std::string>();
      auto extra = StringList(detect["extra_gazetteer"], "detect.extra_gazetteer");
      if (!extra.ok()) return extra.status().WithContext(path);
      cfg.extra_gazetteer_dirs = *extra;
    }
    if (YAML::Node sink = root["sink"]) {
      if (sink["store"]) cfg.sink_store = sink["store"].as<std::string>();
    }
    if (YAML::Node crawl = root["crawl"]) {
      // Ranges: workers 0..256 (0 = one per core), frontier_capacity 1..100000000,
      // max_pages 1..100000000, results_queue 1..65536, results_queue_mb 1..4096,
      // stop_grace_ms 0..3600000, quarantine_after_runs 2..100, max_requests_per_host
      // 0..100000000 (0 = no budget).
      auto in_range = [&](const char* key, int64_t min, int64_t max) -> Result<int64_t> {
        const int64_t v = crawl[key].as<int64_t>();
        if (v < min || v > max) {
          return InvalidArgument(path + ": crawl." + key + ": must be within [" +
                                 std::to_string(min) + ", " + std::to_string(max) + "] (line " +
                                 std::to_string(crawl[key].Mark().line + 1) + ")");
        }
        return v;
      };
      struct Field {
        const char* key;
        int64_t min, max;
        std::function<void(int64_t)> set;
      };
      const Field fields[] = {
          {"workers", 0, 256, [&](int64_t v) { cfg.job.workers = static_cast<std::size_t>(v); }},
          {"frontier_capacity", 1, 100'000'000,
           [&](int64_t v) { cfg.job.frontier_capacity = static_cast<std::size_t>(v); }},
          {"max_pages", 1, 100'000'000,
           [&](int64_t v) { cfg.job.max_pages = static_cast<std::size_t>(v); }},
          {"results_queue", 1, 65536,
           [&](int64_t v) { cfg.job.results_queue = static_cast<std::size_t>(v); }},
          {"stop_grace_ms", 0, 3'600'000,
           [&](int64_t v) { cfg.job.stop_grace = std::chrono::milliseconds(v); }},
          {"results_queue_mb", 1, 4096,
           [&](int64_t v) { cfg.job.results_queue_bytes = static_cast<std::size_t>(v) << 20; }},
          {"quarantine_after_runs", 2, 100,
           [&](int64_t v) { cfg.job.quarantine_after_runs = static_cast<int>(v); }},
          {"max_requests_per_host", 0, 100'000'000,
           [&](int64_t v) { cfg.job.max_requests_per_host = static_cast<std::size_t>(v); }},
      };
      for (const Field& field : fields) {
        if (!crawl[field.key]) continue;
        Result<int64_t> v = in_range(field.key, field.min, field.max);
        if (!v.ok()) return v.status();
        field.set(*v);
      }
      if (crawl["respect_robots"]) cfg.job.respect_robots = crawl["respect_robots"].as<bool>();
    }
  } catch (const YAML::Exception& e) {
    return InvalidArgument(path + ": " + e.what());
  }
  if (YAML::Node fetcher = root["fetcher"]) {
    auto fo = ParseFetcherOptions(fetcher);
    if (!fo.ok()) return fo.status().WithContext(path + ": fetcher");
    cfg.job.fetcher = std::move(*fo);
  }
  // Sections other commands read (the producer, the distributed workers, the URL rules,
  // logs and metrics) are checked here too, so any command loading this file refuses a
  // bad one with the file name.
  HALLYU_RETURN_IF_ERROR(ParseKafkaOptions(root["kafka"]).status().WithContext(path));
  HALLYU_RETURN_IF_ERROR(ParseDistributedOptions(root["distributed"]).status().WithContext(path));
  HALLYU_RETURN_IF_ERROR(ParseMonitoringOptions(root["monitoring"]).status().WithContext(path));
  try {
    HALLYU_RETURN_IF_ERROR(ParseUrlNormalizeOptions(root["urls"]).status().WithContext(path));
  } catch (const YAML::Exception& e) {
    return InvalidArgument(path + ": urls: " + e.what());
  }
  cfg.job.robots.user_agent = cfg.job.fetcher.user_agent;
  if (cfg.source_state_path.empty()) cfg.source_state_path = cfg.state_path + ".sources";
  if (cfg.job.results_queue == 0)
    return InvalidArgument(path + ": crawl.results_queue must be > 0");
  return cfg;
}

}  // namespace hallyu
