#include "crawler/sources_options.h"

#include <set>

namespace hallyu {

Result<SourcesOptions> ParseSourcesOptions(const YAML::Node& node) {
  SourcesOptions o;
  if (!node || node.IsNull()) return o;
  if (!node.IsMap()) return InvalidArgument("sources: want a mapping");
  static const std::set<std::string> kKeys = {
      "file",           "state_path",        "max_seen_per_source",
      "feed_max_bytes", "sitemap_max_bytes", "max_entries_per_poll"};
  try {
    for (const auto& kv : node) {
      std::string key = kv.first.as<std::string>();
      if (!kKeys.count(key)) return InvalidArgument("sources: unknown key '" + key + "'");
    }
    if (node["file"]) o.file = node["file"].as<std::string>();
    if (node["state_path"]) o.state_path = node["state_path"].as<std::string>();
    for (auto [key, field] : {std::pair{"max_seen_per_source", &o.max_seen_per_source},
                              std::pair{"feed_max_bytes", &o.feed_max_bytes},
                              std::pair{"sitemap_max_bytes", &o.sitemap_max_bytes},
                              std::pair{"max_entries_per_poll", &o.max_entries_per_poll}}) {
      if (!node[key]) continue;
      *field = node[key].as<size_t>();
      if (*field == 0) return InvalidArgument(std::string("sources.") + key + " must be > 0");
    }
  } catch (const YAML::Exception& e) {
    return InvalidArgument(std::string("sources: ") + e.what());
  }
  return o;
}

}  // namespace hallyu
