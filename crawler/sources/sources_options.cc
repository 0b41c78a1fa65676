#include "crawler/sources/sources_options.h"

#include <cstdint>
#include <string>

#include "crawler/ops/config_keys.h"

namespace hallyu {

Result<SourcesOptions> ParseSourcesOptions(const YAML::Node& node) {
  SourcesOptions o;
  if (!node || node.IsNull()) return o;
  if (!node.IsMap()) return InvalidArgument("sources: want a mapping");
  HALLYU_RETURN_IF_ERROR(CheckKeys(node, "sources",
                                   {"file", "state_path", "max_seen_per_source", "feed_max_bytes",
                                    "sitemap_max_bytes", "max_entries_per_poll"}));
  try {
    if (node["file"]) o.file = node["file"].as<std::string>();
    if (node["state_path"]) o.state_path = node["state_path"].as<std::string>();
    // Ranges: max_seen_per_source 1..1000000, feed_max_bytes 1..1 GiB, sitemap_max_bytes
    // 1..50 MiB (the protocol's limit), max_entries_per_poll 1..100000.
    struct Field {
      const char* key;
      size_t* field;
      int64_t max;
    };
    for (const Field& f : {Field{"max_seen_per_source", &o.max_seen_per_source, 1'000'000},
                           Field{"feed_max_bytes", &o.feed_max_bytes, int64_t{1} << 30},
                           Field{"sitemap_max_bytes", &o.sitemap_max_bytes, int64_t{50} << 20},
                           Field{"max_entries_per_poll", &o.max_entries_per_poll, 100'000}}) {
      if (!node[f.key]) continue;
      const int64_t v = node[f.key].as<int64_t>();
      if (v < 1 || v > f.max) {
        return InvalidArgument(std::string("sources.") + f.key + ": must be within [1, " +
                               std::to_string(f.max) + "]");
      }
      *f.field = static_cast<size_t>(v);
    }
  } catch (const YAML::Exception& e) {
    return InvalidArgument(std::string("sources: ") + e.what());
  }
  return o;
}

}  // namespace hallyu
