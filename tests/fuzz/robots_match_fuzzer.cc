// libFuzzer target: the robots.txt pattern matchers against a plain reference. The input
// is lines "pattern\n...pattern\npath" (used as given, as if normalised).
// RobotsPatternMatches, which searches each literal segment once, must agree on the first
// pattern with a dynamic-programming matcher over every (pattern prefix, path prefix) pair;
// the compiled RobotsMatcher over all the patterns (rank = line) must name the first line
// the reference matches (or spend its step budget, which it reports). Neither may crash or
// hang.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/fetch/robots.h"
#include "crawler/fetch/robots_matcher.h"

namespace {

// '*' matches any run, a trailing '$' anchors the end, anything else matches itself;
// without '$' the pattern only has to match a prefix of the path.
bool ReferenceMatches(std::string_view pattern, std::string_view path) {
  const bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  // can[j]: pattern[0, i) matches path[0, j).
  std::vector<char> can(path.size() + 1, 0), next(path.size() + 1, 0);
  can[0] = 1;
  for (char c : pattern) {
    if (c == '*') {
      next[0] = can[0];
      for (std::size_t j = 1; j <= path.size(); ++j) next[j] = can[j] || next[j - 1];
    } else {
      next[0] = 0;
      for (std::size_t j = 1; j <= path.size(); ++j) next[j] = can[j - 1] && path[j - 1] == c;
    }
    can.swap(next);
  }
  if (anchored) return can[path.size()] != 0;
  for (char c : can) {
    if (c) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 8192) return 0;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  const std::size_t last_nl = in.rfind('\n');
  if (last_nl == std::string_view::npos) return 0;
  const std::string_view path = in.substr(last_nl + 1);
  std::vector<std::string> patterns;
  for (std::string_view rest = in.substr(0, last_nl + 1); !rest.empty();) {
    const std::size_t nl = rest.find('\n');
    patterns.emplace_back(rest.substr(0, nl));
    rest.remove_prefix(nl + 1);
  }
  if (hallyu::RobotsPatternMatches(patterns[0], path) != ReferenceMatches(patterns[0], path)) {
    std::abort();
  }
  std::size_t want = hallyu::RobotsMatcher::kNoMatch;
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    if (ReferenceMatches(patterns[i], path)) {
      want = i;
      break;
    }
  }
  const hallyu::RobotsMatcher::Result got = hallyu::RobotsMatcher(patterns).Match(path);
  if (!got.over_budget && got.rule != want) std::abort();
  return 0;
}
