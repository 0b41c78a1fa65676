#include "crawler/sources/source_config.h"

#include <algorithm>
#include <cctype>
#include <exception>
#include <filesystem>
#include <set>

#include "crawler/ops/config_keys.h"
#include "extractors/html/listing_filter.h"
#include "extractors/text/datetime.h"

namespace hallyu {
namespace {

constexpr int64_t kMaxIntervalSeconds = int64_t{366} * 86400;    // interval, min/max_interval
constexpr int64_t kMaxHorizonSeconds = int64_t{100000} * 86400;  // horizon

struct KindName {
  SourceKind kind;
  std::string_view name;
};
constexpr KindName kKinds[] = {
    {SourceKind::kFeed, "feed"},         {SourceKind::kSitemap, "sitemap"},
    {SourceKind::kListing, "listing"},   {SourceKind::kReddit, "reddit"},
    {SourceKind::kMastodon, "mastodon"}, {SourceKind::kBluesky, "bluesky"},
    {SourceKind::kYouTube, "youtube"},
};

Result<int> ParseOffset(const std::string& s) {
  if (s == "UTC" || s == "utc" || s == "Z") return 0;
  if (s == "KST" || s == "kst" || s == "Asia/Seoul") return kKstOffsetMinutes;
  if (s.size() >= 3 && (s[0] == '+' || s[0] == '-')) {
    std::string digits;
    for (char c : s.substr(1)) {
      if (c == ':') continue;
      if (c < '0' || c > '9') return InvalidArgument("bad timezone '" + s + "'");
      digits += c;
    }
    if (digits.size() == 2 || digits.size() == 4) {
      int h = std::stoi(digits.substr(0, 2));
      int m = digits.size() == 4 ? std::stoi(digits.substr(2)) : 0;
      if (h <= 14 && m < 60) return (s[0] == '-' ? -1 : 1) * (h * 60 + m);
    }
  }
  return InvalidArgument("bad timezone '" + s + "' (want UTC, KST or +HH:MM)");
}

Result<std::vector<std::string>> StringList(const YAML::Node& n, const char* field) {
  std::vector<std::string> out;
  if (!n) return out;
  if (n.IsScalar()) {
    out.push_back(n.as<std::string>());
    return out;
  }
  if (!n.IsSequence()) return InvalidArgument(std::string(field) + " must be a list of strings");
  for (const YAML::Node& x : n) {
    if (!x.IsScalar()) return InvalidArgument(std::string(field) + " must be a list of strings");
    out.push_back(x.as<std::string>());
  }
  return out;
}

Result<SourceConfig> ParseOne(const YAML::Node& n) {
  if (!n.IsMap()) return InvalidArgument("entry is not a mapping");
  // Unknown keys name their line and the nearest valid key; a repeated key is an error.
  HALLYU_RETURN_IF_ERROR(
      CheckKeys(n, "",
                {"name", "kind", "url", "interval", "cron", "min_interval", "max_interval",
                 "horizon", "include", "exclude", "lang", "site", "timezone", "max_pages"}));
  SourceConfig s;
  if (!n["name"] || !n["name"].IsScalar() || n["name"].as<std::string>().empty()) {
    return InvalidArgument("missing name");
  }
  s.name = n["name"].as<std::string>();
  if (s.name.size() > 128) return InvalidArgument("name longer than 128 bytes");
  for (char c : s.name) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.')) {
      return InvalidArgument("name '" + s.name + "' may only hold letters, digits, _ - .");
    }
  }
  if (!n["kind"]) return InvalidArgument("missing kind");
  std::string kind = n["kind"].as<std::string>();
  bool found = false;
  for (const KindName& k : kKinds) {
    if (kind == k.name) {
      s.kind = k.kind;
      found = true;
    }
  }
  if (!found) {
    return InvalidArgument("unknown kind '" + kind +
                           "' (want feed|sitemap|listing|reddit|mastodon|bluesky|youtube)");
  }
  if (!n["url"]) return InvalidArgument("missing url");
  s.url = n["url"].as<std::string>();
  if (!(s.url.starts_with("http://") || s.url.starts_with("https://"))) {
    return InvalidArgument("url '" + s.url + "' is not http(s)");
  }
  if (s.url.size() > 4096) return InvalidArgument("url longer than 4096 bytes");
  s.lang = n["lang"] ? n["lang"].as<std::string>() : "";
  s.site = n["site"] ? n["site"].as<std::string>() : "";
  // The site name goes into every event of the source: bounded, no control characters.
  if (s.site.size() > 256) return InvalidArgument("site longer than 256 bytes");
  for (const std::string* text : {&s.url, &s.site, &s.lang}) {
    for (char c : *text) {
      const auto u = static_cast<unsigned char>(c);
      if (u < 0x20 || u == 0x7f) {
        return InvalidArgument("control character (CR, LF, ...) in url, site or lang");
      }
    }
  }
  s.default_offset_minutes = s.lang == "ko" ? kKstOffsetMinutes : 0;
  if (n["timezone"]) {
    Result<int> off = ParseOffset(n["timezone"].as<std::string>());
    if (!off.ok()) return off.status();
    s.default_offset_minutes = *off;
  }
  if (n["interval"] && n["cron"]) return InvalidArgument("give interval or cron, not both");
  if (n["interval"]) {
    Result<int64_t> d = ParseDurationSeconds(n["interval"].as<std::string>());
    if (!d.ok()) return d.status().WithContext("interval");
    if (*d < 10) return InvalidArgument("interval below 10s");
    if (*d > kMaxIntervalSeconds) return InvalidArgument("interval above 366d");
    s.interval_seconds = *d;
  }
  if (n["cron"]) {
    Result<CronSchedule> c = CronSchedule::Parse(n["cron"].as<std::string>());
    if (!c.ok()) return c.status();
    s.cron = *c;
  }
  s.min_interval_seconds = std::max<int64_t>(10, s.interval_seconds / 4);
  s.max_interval_seconds = s.interval_seconds * 8;
  for (const char* f : {"min_interval", "max_interval", "horizon"}) {
    if (!n[f]) continue;
    Result<int64_t> d = ParseDurationSeconds(n[f].as<std::string>());
    if (!d.ok()) return d.status().WithContext(f);
    // Bounded so that no later arithmetic on the schedule (x 8, in nanoseconds) overflows.
    const int64_t max = std::string_view(f) == "horizon" ? kMaxHorizonSeconds : kMaxIntervalSeconds;
    if (*d > max) {
      return InvalidArgument(std::string(f) + " must be within [0, " + std::to_string(max) +
                             "] seconds");
    }
    if (std::string_view(f) == "min_interval") s.min_interval_seconds = *d;
    if (std::string_view(f) == "max_interval") s.max_interval_seconds = *d;
    if (std::string_view(f) == "horizon") s.horizon_seconds = *d;
  }
  if (s.min_interval_seconds > s.max_interval_seconds) {
    return InvalidArgument("min_interval is above max_interval");
  }
  if (!s.cron && (s.interval_seconds < s.min_interval_seconds ||
                  s.interval_seconds > s.max_interval_seconds)) {
    return InvalidArgument("interval is outside [min_interval, max_interval]");
  }
  if (n["max_pages"]) {
    int v = 0;
    try {
      v = n["max_pages"].as<int>();
    } catch (const YAML::Exception&) {
      return InvalidArgument("max_pages is not a number");
    }
    if (v < 1 || v > 100) return InvalidArgument("max_pages must be within [1, 100]");
    s.max_pages_per_poll = v;
  }
  Result<std::vector<std::string>> inc = StringList(n["include"], "include");
  if (!inc.ok()) return inc.status();
  Result<std::vector<std::string>> exc = StringList(n["exclude"], "exclude");
  if (!exc.ok()) return exc.status();
  s.include = *inc;
  s.exclude = *exc;
  Result<ListingLinkFilter> filter = ListingLinkFilter::Create(s.include, s.exclude);
  if (!filter.ok()) return filter.status();
  return s;
}

}  // namespace

std::string_view SourceKindName(SourceKind kind) {
  for (const KindName& k : kKinds) {
    if (k.kind == kind) return k.name;
  }
  return "feed";
}

bool IsAdaptiveKind(SourceKind kind) {
  return kind != SourceKind::kSitemap && kind != SourceKind::kListing;
}

Result<int64_t> ParseDurationSeconds(std::string_view text) {
  std::string_view t = text;
  while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  if (t.empty()) return InvalidArgument("empty duration");
  int64_t mult = 1;
  char unit = t.back();
  if (unit == 's' || unit == 'm' || unit == 'h' || unit == 'd') {
    mult = unit == 's' ? 1 : unit == 'm' ? 60 : unit == 'h' ? 3600 : 86400;
    t.remove_suffix(1);
  }
  if (t.empty() || t.size() > 9) return InvalidArgument("bad duration '" + std::string(text) + "'");
  int64_t v = 0;
  for (char c : t) {
    if (c < '0' || c > '9') {
      return InvalidArgument("bad duration '" + std::string(text) +
                             "' (want e.g. 30s, 15m, 2h, 1d)");
    }
    v = v * 10 + (c - '0');
  }
  return v * mult;
}

Result<std::vector<SourceConfig>> ParseSourceConfigs(const YAML::Node& root) {
  try {
    YAML::Node list = root.IsMap() ? root["sources"] : root;
    if (!list || !list.IsSequence()) {
      return InvalidArgument("sources: want a list under 'sources:'");
    }
    std::vector<SourceConfig> out;
    std::set<std::string> names;
    for (size_t i = 0; i < list.size(); ++i) {
      std::string label = "sources[" + std::to_string(i) + "]";
      if (list[i].IsMap() && list[i]["name"] && list[i]["name"].IsScalar()) {
        label += " (" + list[i]["name"].as<std::string>() + ")";
      }
      Result<SourceConfig> s = ParseOne(list[i]);
      if (!s.ok()) return InvalidArgument(label + ": " + s.status().message());
      if (!names.insert(s->name).second) {
        return InvalidArgument(label + ": duplicate name '" + s->name + "'");
      }
      out.push_back(std::move(*s));
    }
    return out;
  } catch (const YAML::Exception& e) {
    return InvalidArgument(std::string("sources: ") + e.what());
  }
}

Result<std::vector<SourceConfig>> LoadSourceConfigs(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return NotFound("sources file " + path + " does not exist");
  }
  if (std::filesystem::is_directory(path, ec)) {
    return InvalidArgument("sources file " + path + " is a directory");
  }
  try {
    YAML::Node root = YAML::LoadFile(path);
    Result<std::vector<SourceConfig>> r = ParseSourceConfigs(root);
    if (!r.ok()) return r.status().WithContext(path);
    return r;
  } catch (const YAML::Exception& e) {
    return ParseError(path + ": " + e.what());
  } catch (const std::exception& e) {  // a read error (std::ios_failure from the stream)
    return IoError(path + ": " + e.what());
  }
}

}  // namespace hallyu
