#include "crawler/crawl_config.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <set>

#include "crawler/fetcher_options.h"

namespace hallyu {
namespace {

Result<int64_t> ParseDurationSeconds(const std::string& text, const std::string& where) {
  // "90", "90s", "15m", "2h", "2d", "1w"
  if (text.empty()) return InvalidArgument(where + ": empty duration");
  std::size_t i = 0;
  int64_t n = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    n = n * 10 + (text[i] - '0');
    if (n > (int64_t{1} << 40)) return InvalidArgument(where + ": duration too large: " + text);
    ++i;
  }
  if (i == 0) return InvalidArgument(where + ": not a duration: " + text);
  std::string unit = text.substr(i);
  if (unit.empty() || unit == "s") return n;
  if (unit == "m") return n * 60;
  if (unit == "h") return n * 3600;
  if (unit == "d") return n * 86400;
  if (unit == "w") return n * 7 * 86400;
  return InvalidArgument(where + ": unknown duration unit '" + unit + "' in " + text);
}

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

Result<std::vector<CrawlSource>> ParseSources(const YAML::Node& list) {
  std::vector<CrawlSource> out;
  if (!list || list.IsNull()) return out;
  if (!list.IsSequence()) return InvalidArgument("sources: expected a list");
  std::set<std::string> names;
  std::size_t index = 0;
  for (const auto& node : list) {
    std::string where = "sources[" + std::to_string(index++) + "]";
    if (!node.IsMap()) return InvalidArgument(where + ": expected a mapping");
    CrawlSource s;
    for (const char* required : {"name", "kind", "url"}) {
      if (!node[required]) return InvalidArgument(where + ": missing '" + required + "'");
    }
    auto name = Scalar<std::string>(node["name"], where + ".name");
    if (!name.ok()) return name.status();
    s.name = *name;
    where = "source '" + s.name + "'";
    if (!names.insert(s.name).second) return InvalidArgument(where + ": duplicate name");
    auto kind = Scalar<std::string>(node["kind"], where + ".kind");
    if (!kind.ok()) return kind.status();
    auto k = SourceKindFromName(*kind);
    if (!k) return InvalidArgument(where + ": unknown kind '" + *kind + "'");
    s.kind = *k;
    auto url = Scalar<std::string>(node["url"], where + ".url");
    if (!url.ok()) return url.status();
    s.url = *url;
    if (s.url.rfind("http://", 0) != 0 && s.url.rfind("https://", 0) != 0) {
      return InvalidArgument(where + ": url must be http or https: " + s.url);
    }
    if (node["site"]) s.site = node["site"].as<std::string>();
    if (node["lang"]) {
      s.lang = node["lang"].as<std::string>();
      if (s.lang != "en" && s.lang != "ko" && s.lang != "auto") {
        return InvalidArgument(where + ": lang must be en, ko or auto");
      }
    }
    s.default_offset_minutes = s.lang == "ko" ? 540 : 0;
    if (node["timezone_offset_minutes"]) {
      auto off = Scalar<int>(node["timezone_offset_minutes"], where + ".timezone_offset_minutes");
      if (!off.ok()) return off.status();
      s.default_offset_minutes = *off;
    }
    if (node["horizon"]) {
      auto h = ParseDurationSeconds(node["horizon"].as<std::string>(), where + ".horizon");
      if (!h.ok()) return h.status();
      s.horizon_seconds = *h;
    }
    auto inc = StringList(node["include"], where + ".include");
    if (!inc.ok()) return inc.status();
    s.include = *inc;
    auto exc = StringList(node["exclude"], where + ".exclude");
    if (!exc.ok()) return exc.status();
    s.exclude = *exc;
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<CrawlSource>> LoadSourcesFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return NotFound("sources file not found: " + path);
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::Exception& e) {
    return ParseError(path + ": " + e.what());
  }
  auto sources = ParseSources(root.IsMap() ? root["sources"] : root);
  if (!sources.ok()) return sources.status().WithContext(path);
  return sources;
}

Result<CrawlConfig> LoadCrawlConfig(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return NotFound("config file not found: " + path);
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::Exception& e) {
    return ParseError(path + ": " + e.what());
  }
  CrawlConfig cfg;
  try {
    if (YAML::Node src = root["sources"]) {
      if (src.IsScalar()) {
        auto list = LoadSourcesFile(src.as<std::string>());
        if (!list.ok()) return list.status();
        cfg.sources = std::move(*list);
      } else {
        auto list = ParseSources(src);
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
    if (YAML::Node crawl = root["crawl"]) {
      if (crawl["workers"]) cfg.job.workers = crawl["workers"].as<std::size_t>();
      if (crawl["respect_robots"]) cfg.job.respect_robots = crawl["respect_robots"].as<bool>();
      if (crawl["frontier_capacity"]) {
        cfg.job.frontier_capacity = crawl["frontier_capacity"].as<std::size_t>();
      }
      if (crawl["max_pages"]) cfg.job.max_pages = crawl["max_pages"].as<std::size_t>();
      if (crawl["results_queue"]) cfg.job.results_queue = crawl["results_queue"].as<std::size_t>();
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
  if (cfg.job.results_queue == 0) return InvalidArgument(path + ": crawl.results_queue must be > 0");
  return cfg;
}

}  // namespace hallyu
