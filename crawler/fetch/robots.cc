#include "crawler/fetch/robots.h"

#include "extractors/url/url.h"

#include <string.h>  // memmem

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace hallyu {
namespace {

constexpr std::size_t kMaxSitemaps = 1000;
constexpr std::size_t kMaxRules = 20000;
// Longest line read, in bytes; the rest of a longer line is cut off and what remains is
// still used (a cut Allow/Disallow pattern matches by its prefix), as Google's parser
// does with its 8 * 2083-byte line buffer (which holds 16,663 bytes and a terminator).
constexpr std::size_t kMaxLineBytes = 8 * 2083 - 1;

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

enum class Key { kUserAgent, kAllow, kDisallow, kCrawlDelay, kSitemap, kUnknown };

Key ClassifyKey(std::string_view raw) {
  std::string k = Lower(Trim(raw));
  if (k == "user-agent" || k == "useragent" || k == "user agent") return Key::kUserAgent;
  if (k == "allow") return Key::kAllow;
  if (k == "disallow" || k == "dissallow" || k == "disalow" || k == "dissalow") {
    return Key::kDisallow;
  }
  if (k == "crawl-delay" || k == "crawldelay") return Key::kCrawlDelay;
  if (k == "sitemap" || k == "site-map") return Key::kSitemap;
  return Key::kUnknown;
}

}  // namespace

std::string RobotsProductToken(std::string_view user_agent) {
  user_agent = Trim(user_agent);
  std::string out;
  for (char c : user_agent) {
    bool token_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
    if (!token_char) break;
    out.push_back(AsciiLower(c));
  }
  return out;
}

std::string NormalizeRobotsPath(std::string_view in) { return NormalizePathPercentEncoding(in); }

std::string LiteralRobotsPattern(std::string_view in) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  auto upper = [](char c) { return c >= 'a' && c <= 'f' ? static_cast<char>(c - 'a' + 'A') : c; };
  auto is_hex = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  };
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (c >= 0x80) {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    } else if (c == '%' && i + 2 < in.size() && is_hex(in[i + 1]) && is_hex(in[i + 2])) {
      out.push_back('%');
      out.push_back(upper(in[i + 1]));
      out.push_back(upper(in[i + 2]));
      i += 2;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

namespace {

// First position >= from where `needle` (non-empty) occurs in `hay`, or npos. memmem is
// glibc's two-way search: linear in |hay| + |needle| whatever the bytes.
std::size_t FindFrom(std::string_view hay, std::string_view needle, std::size_t from) {
  if (from > hay.size() || needle.size() > hay.size() - from) return std::string_view::npos;
  const void* p = memmem(hay.data() + from, hay.size() - from, needle.data(), needle.size());
  return p == nullptr ? std::string_view::npos
                      : static_cast<std::size_t>(static_cast<const char*>(p) - hay.data());
}

}  // namespace

bool RobotsPatternMatches(std::string_view pattern, std::string_view path) {
  const bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  std::size_t star = pattern.find('*');
  if (star == std::string_view::npos) {  // a plain prefix (or, anchored, the whole path)
    return anchored ? path == pattern : path.substr(0, pattern.size()) == pattern;
  }
  // pattern = head * s1 * s2 * ... * tail. The head must be a prefix of the path; each
  // middle segment is taken at its leftmost occurrence after the previous one (a later
  // occurrence can only leave less room for the rest, so leftmost is never wrong); the
  // tail must occur after them, or end the path when anchored. Each segment is searched
  // once: linear in |path| + |pattern|, no backtracking.
  if (path.substr(0, star) != pattern.substr(0, star)) return false;
  std::size_t at = star;
  pattern.remove_prefix(star + 1);
  for (star = pattern.find('*'); star != std::string_view::npos; star = pattern.find('*')) {
    const std::string_view segment = pattern.substr(0, star);
    pattern.remove_prefix(star + 1);
    if (segment.empty()) continue;
    const std::size_t found = FindFrom(path, segment, at);
    if (found == std::string_view::npos) return false;
    at = found + segment.size();
  }
  if (anchored) return path.size() - at >= pattern.size() && path.ends_with(pattern);
  return pattern.empty() || FindFrom(path, pattern, at) != std::string_view::npos;
}

RobotsRules RobotsRules::AllowAll() { return RobotsRules(); }

RobotsRules RobotsRules::DisallowAll() {
  RobotsRules r;
  r.disallow_all_ = true;
  return r;
}

RobotsRules RobotsRules::Parse(std::string_view body, std::string_view user_agent) {
  const std::string ours = RobotsProductToken(user_agent);
  if (body.size() > kMaxBytes) {
    body = body.substr(0, kMaxBytes);
    // The line cut at the limit is incomplete: ignore it.
    std::size_t last_nl = body.find_last_of("\r\n");
    body = last_nl == std::string_view::npos ? std::string_view() : body.substr(0, last_nl + 1);
  }
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);

  RobotsRules result;
  std::vector<Rule> ours_rules, star_rules;
  std::vector<Rule> ours_literal, star_literal;  // the same lines, read as Google does
  std::optional<double> ours_delay, star_delay;
  bool ours_found = false;
  bool in_agent_lines = false;  // the previous significant line was a user-agent
  bool group_open = false;
  bool cur_ours = false, cur_star = false;

  std::size_t pos = 0;
  while (pos < body.size()) {
    std::size_t end = body.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(pos, end - pos);
    pos = end + 1;
    if (line.size() > kMaxLineBytes) line = line.substr(0, kMaxLineBytes);
    std::size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    Key key = Key::kUnknown;
    std::string_view value;
    std::size_t colon = line.find(':');
    if (colon != std::string_view::npos) {
      key = ClassifyKey(line.substr(0, colon));
      value = Trim(line.substr(colon + 1));
    } else {
      // A known key and a value separated by white space only ("disallow /"): the colon
      // was forgotten, and what is meant is plain. Anything else without a colon is
      // garbage or blank.
      std::string_view trimmed = Trim(line);
      std::size_t space = trimmed.find_first_of(" \t");
      if (space == std::string_view::npos) continue;
      key = ClassifyKey(trimmed.substr(0, space));
      value = Trim(trimmed.substr(space));
      if (key == Key::kUnknown || value.empty()) continue;
    }

    switch (key) {
      case Key::kUserAgent: {
        if (!in_agent_lines) {
          cur_ours = cur_star = false;
          group_open = true;
          in_agent_lines = true;
        }
        if (value == "*") {
          cur_star = true;
        } else {
          std::string token = RobotsProductToken(value);
          if (!token.empty() && token == ours) {
            cur_ours = true;
            ours_found = true;
          }
        }
        break;
      }
      case Key::kAllow:
      case Key::kDisallow: {
        in_agent_lines = false;
        if (!group_open || value.empty()) break;
        const bool allow = key == Key::kAllow;
        // One line, kept in the rule lists of each reading: `pattern` is the line's value as
        // that reading spells it. "Allow: /dir/index.html" also allows "/dir/" itself: both
        // name the same page.
        auto keep = [&](std::string pattern, std::vector<Rule>& ours, std::vector<Rule>& star) {
          if (pattern[0] != '/' && pattern[0] != '*') pattern.insert(pattern.begin(), '/');
          constexpr std::string_view kIndexPage = "/index.html";
          std::optional<Rule> directory;
          if (allow && pattern.ends_with(kIndexPage)) {
            directory = Rule{pattern.substr(0, pattern.size() - kIndexPage.size() + 1) + "$", true};
          }
          Rule rule{std::move(pattern), allow};
          for (const Rule* r : {&rule, directory ? &*directory : nullptr}) {
            if (r == nullptr) continue;
            if (cur_ours && ours.size() < kMaxRules) ours.push_back(*r);
            if (cur_star && star.size() < kMaxRules) star.push_back(*r);
          }
        };
        keep(NormalizeRobotsPath(value), ours_rules, star_rules);
        // The same line as Google's parser reads it (see LiteralRobotsPattern).
        keep(LiteralRobotsPattern(value), ours_literal, star_literal);
        break;
      }
      case Key::kCrawlDelay: {
        in_agent_lines = false;
        if (!group_open) break;
        std::string v(value);
        char* endp = nullptr;
        double d = std::strtod(v.c_str(), &endp);
        if (endp == v.c_str() || !std::isfinite(d) || d < 0) break;
        if (cur_ours && !ours_delay) ours_delay = d;
        if (cur_star && !star_delay) star_delay = d;
        break;
      }
      case Key::kSitemap:
        if (!value.empty() && result.sitemaps_.size() < kMaxSitemaps) {
          result.sitemaps_.emplace_back(value);
        }
        break;
      case Key::kUnknown:
        break;
    }
  }
  if (ours_found) {
    result.rules_ = std::move(ours_rules);
    result.literal_rules_ = std::move(ours_literal);
    result.crawl_delay_ = ours_delay;
  } else {
    result.rules_ = std::move(star_rules);
    result.literal_rules_ = std::move(star_literal);
    result.crawl_delay_ = star_delay;
  }
  bool same_both_ways = result.literal_rules_.size() == result.rules_.size();
  for (std::size_t i = 0; same_both_ways && i < result.rules_.size(); ++i) {
    same_both_ways = result.rules_[i].pattern == result.literal_rules_[i].pattern;
  }
  if (same_both_ways) result.literal_rules_.clear();
  result.matcher_ = Compile(result.rules_);
  result.literal_matcher_ = Compile(result.literal_rules_);
  return result;
}

std::shared_ptr<const RobotsMatcher> RobotsRules::Compile(std::vector<Rule>& rules) {
  // Longest pattern first, Allow before Disallow at equal length: the matching rule of
  // lowest rank decides.
  std::stable_sort(rules.begin(), rules.end(), [](const Rule& a, const Rule& b) {
    if (a.pattern.size() != b.pattern.size()) return a.pattern.size() > b.pattern.size();
    return a.allow && !b.allow;
  });
  rules.shrink_to_fit();
  if (rules.empty()) return nullptr;
  std::vector<std::string> patterns;
  patterns.reserve(rules.size());
  for (const Rule& r : rules) patterns.push_back(r.pattern);
  return std::make_shared<const RobotsMatcher>(patterns);
}

namespace {

// The path as Google's parser sees it: as given, starting with '/'.
std::string RobotsLiteralPath(std::string_view path_and_query) {
  std::string path(path_and_query);
  if (path.empty() || path[0] != '/') path.insert(path.begin(), '/');
  return path;
}

// The path as RFC 9309 rules see it: normalised, starting with '/'.
std::string RobotsMatchPath(std::string_view path_and_query) {
  return RobotsLiteralPath(NormalizeRobotsPath(path_and_query));
}

}  // namespace

RobotsRules::Decision RobotsRules::DecideWith(const std::vector<Rule>& rules,
                                              const RobotsMatcher* matcher,
                                              const std::string& path) {
  Decision d;
  if (matcher == nullptr) return d;
  const RobotsMatcher::Result m = matcher->Match(path);
  d.steps = m.steps;
  d.over_budget = m.over_budget;
  if (m.over_budget) {
    d.allowed = false;
  } else if (m.rule != RobotsMatcher::kNoMatch) {
    d.allowed = rules[m.rule].allow;
  }
  return d;
}

RobotsRules::Decision RobotsRules::Decide(std::string_view path_and_query) const {
  const std::string path = RobotsMatchPath(path_and_query);
  if (path == "/robots.txt") return Decision{};
  if (disallow_all_) return Decision{false, 0, false};
  Decision d = DecideWith(rules_, matcher_.get(), path);
  if (!d.allowed) return d;
  // The second reading only when it can differ: other patterns, or another path.
  const std::string literal = RobotsLiteralPath(path_and_query);
  if (literal_rules_.empty() && literal == path) return d;
  const Decision g = literal_rules_.empty()
                         ? DecideWith(rules_, matcher_.get(), literal)
                         : DecideWith(literal_rules_, literal_matcher_.get(), literal);
  d.steps += g.steps;
  d.over_budget = g.over_budget;
  d.allowed = g.allowed;
  return d;
}

bool RobotsRules::AllowedTryingEveryRule(const std::vector<Rule>& rules, const std::string& path,
                                         uint64_t* work) {
  // `rules` is sorted by precedence (Compile): the first match is the longest, Allow on a tie.
  for (const Rule& rule : rules) {
    // A pattern with a star searches the path for its segments; a plain one compares.
    *work += rule.pattern.size() +
             (rule.pattern.find('*') != std::string::npos ? path.size() : std::size_t{0});
    if (RobotsPatternMatches(rule.pattern, path)) return rule.allow;
  }
  return true;
}

bool RobotsRules::IsAllowedTryingEveryRule(std::string_view path_and_query, uint64_t* steps) const {
  const std::string path = RobotsMatchPath(path_and_query);
  if (path == "/robots.txt") return true;
  if (disallow_all_) return false;
  uint64_t work = 0;
  bool allowed = AllowedTryingEveryRule(rules_, path, &work);
  const std::string literal = RobotsLiteralPath(path_and_query);
  if (allowed && (!literal_rules_.empty() || literal != path)) {
    allowed =
        AllowedTryingEveryRule(literal_rules_.empty() ? rules_ : literal_rules_, literal, &work);
  }
  if (steps != nullptr) *steps = work;
  return allowed;
}

std::size_t RobotsRules::MemoryBytes() const {
  std::size_t n = sizeof(*this) + (rules_.capacity() + literal_rules_.capacity()) * sizeof(Rule);
  if (matcher_ != nullptr) n += matcher_->MemoryBytes();
  if (literal_matcher_ != nullptr) n += literal_matcher_->MemoryBytes();
  for (const Rule& r : rules_) n += r.pattern.capacity();
  for (const Rule& r : literal_rules_) n += r.pattern.capacity();
  for (const std::string& s : sitemaps_) n += sizeof(s) + s.capacity();
  return n;
}

RobotsCache::RobotsCache(RobotsCacheOptions options, Clock clock)
    : options_(std::move(options)), clock_(std::move(clock)) {
  if (!clock_) clock_ = [] { return std::chrono::steady_clock::now(); };
  if (options_.max_hosts == 0) options_.max_hosts = 1;
}

RobotsCache::Entry& RobotsCache::Touch(const std::string& origin) {
  auto it = map_.find(origin);
  if (it != map_.end()) {
    lru_.splice(lru_.begin(), lru_, it->second);
    return *it->second;
  }
  while (map_.size() >= options_.max_hosts) {
    map_.erase(lru_.back().origin);
    lru_.pop_back();
  }
  lru_.push_front(Entry{});
  lru_.front().origin = origin;
  map_.emplace(origin, lru_.begin());
  return lru_.front();
}

RobotsCache::Lookup RobotsCache::Find(const std::string& origin, std::string_view path_and_query) {
  const TimePoint now = clock_();
  Entry& e = Touch(origin);
  Lookup out;
  if (e.rules && now < e.expires_at) {
    out.rules = e.rules;
    out.failure = e.failure;
    return out;
  }
  if (path_and_query == "/robots.txt") return out;  // kAllowed
  if (e.fetching && now - e.fetch_started < options_.fetch_timeout) {
    out.verdict = Verdict::kPending;
    return out;
  }
  e.fetching = true;
  e.fetch_started = now;
  out.verdict = Verdict::kNeedsFetch;
  return out;
}

RobotsCache::Verdict RobotsCache::Check(const std::string& origin,
                                        std::string_view path_and_query) {
  const Lookup found = Find(origin, path_and_query);
  if (found.rules == nullptr) return found.verdict;
  return found.rules->IsAllowed(path_and_query) ? Verdict::kAllowed : Verdict::kDisallowed;
}

void RobotsCache::Store(const std::string& origin, std::shared_ptr<const RobotsRules> rules,
                        std::string failure) {
  const TimePoint now = clock_();
  Entry& e = Touch(origin);
  e.fetching = false;
  e.rules = std::move(rules);
  e.failure = std::move(failure);
  if (e.failure.empty()) {
    e.failures = 0;
    e.expires_at = now + options_.ttl;
    return;
  }
  ++e.failures;
  auto delay = options_.retry_initial;
  for (int i = 1; i < e.failures && delay < options_.retry_max; ++i) delay *= 2;
  e.expires_at = now + std::min(delay, options_.retry_max);
}

RobotsCache::Outcome RobotsCache::Interpret(int http_status, std::string_view body,
                                            RobotsBody body_state, std::string_view user_agent) {
  const std::string status = "HTTP " + std::to_string(http_status);
  if (http_status >= 200 && http_status < 300) {
    switch (body_state) {
      case RobotsBody::kComplete:
        break;
      case RobotsBody::kCutAtLimit:
        // The file is larger than we fetch: its first part is read (RFC 9309 2.5) and the
        // line cut at the limit ignored. Without a body there is nothing to read.
        if (!body.empty()) break;
        return Outcome{RobotsRules::DisallowAll(),
                       status + ", body over the size limit and not kept"};
      case RobotsBody::kFailed:
        // A transfer that failed after the status line (cut short, corrupt encoding,
        // timeout mid-body) is "unreachable", not an empty file.
        return Outcome{RobotsRules::DisallowAll(), status + ", transfer failed in the body"};
    }
    std::string_view readable = body;
    if (body_state == RobotsBody::kCutAtLimit && body.size() <= RobotsRules::kMaxBytes) {
      const std::size_t last_nl = readable.find_last_of("\r\n");
      readable =
          last_nl == std::string_view::npos ? std::string_view() : body.substr(0, last_nl + 1);
    }
    return Outcome{RobotsRules::Parse(readable, user_agent), ""};
  }
  if (http_status == 429 || http_status >= 500 || http_status < 200) {
    return Outcome{RobotsRules::DisallowAll(), status};
  }
  return Outcome{RobotsRules::AllowAll(), ""};  // 3xx left after redirects, 4xx
}

RobotsCache::Outcome RobotsCache::Unreachable(std::string_view why) {
  return Outcome{RobotsRules::DisallowAll(),
                 why.empty() ? std::string("unreachable") : std::string(why)};
}

void RobotsCache::Record(const std::string& origin, Outcome outcome) {
  Store(origin, std::make_shared<const RobotsRules>(std::move(outcome.rules)),
        std::move(outcome.failure));
}

void RobotsCache::RecordResponse(const std::string& origin, int http_status, std::string_view body,
                                 RobotsBody body_state) {
  Record(origin, Interpret(http_status, body, body_state, options_.user_agent));
}

void RobotsCache::RecordUnreachable(const std::string& origin, std::string_view why) {
  Record(origin, Unreachable(why));
}

std::string RobotsCache::FailureOf(const std::string& origin) const {
  auto it = map_.find(origin);
  return it == map_.end() ? std::string() : it->second->failure;
}

std::shared_ptr<const RobotsRules> RobotsCache::Snapshot(const std::string& origin) {
  auto it = map_.find(origin);
  if (it == map_.end() || !it->second->rules || clock_() >= it->second->expires_at) {
    return nullptr;
  }
  return it->second->rules;
}

const RobotsRules* RobotsCache::Rules(const std::string& origin) {
  auto it = map_.find(origin);
  if (it == map_.end() || !it->second->rules || clock_() >= it->second->expires_at) {
    return nullptr;
  }
  return it->second->rules.get();
}

std::optional<RobotsCache::TimePoint> RobotsCache::ExpiresAt(const std::string& origin) const {
  auto it = map_.find(origin);
  if (it == map_.end() || !it->second->rules) return std::nullopt;
  return it->second->expires_at;
}

}  // namespace hallyu
