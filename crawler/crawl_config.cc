#include "crawler/crawl_config.h"

#include <yaml-cpp/yaml.h>

#include <exception>
#include <filesystem>
#include <set>

#include "crawler/fetcher_options.h"
#include "crawler/source_config.h"
#include "crawler/sources_options.h"

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
  try {
    if (YAML::Node src = root["sources"]) {
      if (src.IsMap()) {  // the sources: options mapping (crawler/sources_options.h)
        auto so = ParseSourcesOptions(src);
        if (!so.ok()) return so.status().WithContext(path + ": sources");
        auto list = LoadSourceConfigs(so->file);
        if (!list.ok()) return list.status();
        cfg.sources = std::move(*list);
        if (src["state_path"]) cfg.source_state_path = so->state_path;
        cfg.max_seen_per_source = so->max_seen_per_source;
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
      if (crawl["workers"]) cfg.job.workers = crawl["workers"].as<std::size_t>();
      if (crawl["respect_robots"]) cfg.job.respect_robots = crawl["respect_robots"].as<bool>();
      if (crawl["frontier_capacity"]) {
        cfg.job.frontier_capacity = crawl["frontier_capacity"].as<std::size_t>();
      }
      if (crawl["max_pages"]) cfg.job.max_pages = crawl["max_pages"].as<std::size_t>();
      if (crawl["results_queue"]) cfg.job.results_queue = crawl["results_queue"].as<std::size_t>();
      if (crawl["stop_grace_ms"]) {
        cfg.job.stop_grace = std::chrono::milliseconds(crawl["stop_grace_ms"].as<int64_t>());
      }
    }
  } catch (const YAML::Exception& e) {
    return InvalidArgument(path + ": " + e.what());
  }
  if (YAML::Node fetcher = root["fetcher"]) {
    auto fo = ParseFetcherOptions(fetcher);
    if (!fo.ok()) return fo.status().WithContext(path + ": fetcher");
    cfg.job.fetcher = std::move(*fo);
  }
  cfg.job.robots.user_agent = cfg.job.fetcher.user_agent;
  if (cfg.source_state_path.empty()) cfg.source_state_path = cfg.state_path + ".sources";
  if (cfg.job.results_queue == 0)
    return InvalidArgument(path + ": crawl.results_queue must be > 0");
  return cfg;
}

}  // namespace hallyu
