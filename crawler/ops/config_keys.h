#pragma once
// Strict YAML mappings for the configuration files: a key the program does not read is
// an error, not silently ignored (a misspelt `alowed_cidrs:` used to leave the default
// in force), and so is a key given twice (yaml-cpp answers lookups with the first one).
// Messages name the line and the nearest valid key:
//   "fetcher: unknown key 'alowed_cidrs' at line 12 (did you mean 'allowed_cidrs'?)"
// The caller adds the file name (Status::WithContext).

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/base/status.h"

namespace hallyu {

namespace config_keys_internal {

inline std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace config_keys_internal

// The valid key closest to `key` (edit distance), or "" when none is within half the
// key's length.
inline std::string NearestKey(std::string_view key, const std::vector<std::string_view>& known) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, key.size() / 2) + 1;
  for (std::string_view k : known) {
    const std::size_t d = config_keys_internal::EditDistance(key, k);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(k);
    }
  }
  return best;
}

// Checks the keys of the mapping `node` (anything else passes: the caller checks the
// type). `where` names the section in messages ("fetcher", "fetcher.retry", "" for the
// top level). An empty `known` accepts any key (a mapping of names, e.g. fetcher.hosts)
// and only refuses repeated ones.
inline Status CheckKeys(const YAML::Node& node, std::string_view where,
                        const std::vector<std::string_view>& known) {
  if (!node.IsMap()) return Status::Ok();
  const std::string prefix = where.empty() ? std::string() : std::string(where) + ": ";
  std::vector<std::pair<std::string, int>> seen;
  for (const auto& kv : node) {
    const int line = kv.first.Mark().line + 1;
    const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string("?");
    for (const auto& [k, first_line] : seen) {
      if (k == key) {
        return InvalidArgument(prefix + "duplicate key '" + key + "' at line " +
                               std::to_string(line) + " (first at line " +
                               std::to_string(first_line) + ")");
      }
    }
    seen.emplace_back(key, line);
    if (known.empty() || std::find(known.begin(), known.end(), key) != known.end()) continue;
    const std::string nearest = NearestKey(key, known);
    std::string message = prefix + "unknown key '" + key + "' at line " + std::to_string(line);
    if (!nearest.empty()) message += " (did you mean '" + nearest + "'?)";
    return InvalidArgument(message);
  }
  return Status::Ok();
}

}  // namespace hallyu
