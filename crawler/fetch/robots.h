#pragma once
// robots.txt (RFC 9309): a parser + matcher (RobotsRules) and a per-host
// policy cache (RobotsCache) that turns fetch outcomes into decisions.
//
// Matching rules implemented:
//   - groups: consecutive `user-agent` lines open a group; the groups whose
//     product token equals ours (ASCII case-insensitive) are merged; when none
//     matches, the `*` groups are merged; when there is neither, all is allowed;
//   - our product token is the leading [A-Za-z_-] run of the User-Agent
//     ("hallyu/0.1 (+https://...)" -> "hallyu"); a robots.txt user-agent value
//     is cut the same way ("Googlebot/2.1" -> "googlebot");
//   - the longest matching pattern (in octets) wins; Allow wins a tie; no
//     matching rule means allowed; /robots.txt itself is always allowed;
//   - `*` matches any run of characters, a trailing `$` anchors the end;
//     the rules are compiled once (crawler/fetch/robots_matcher.h) and a path is matched
//     without trying every rule: O(path + the rules whose literal head is a prefix of
//     it + segment occurrences), under a step budget linear in the path and the file;
//     a match that would spend it is read as "disallowed" (see Decide);
//   - percent-encoding is normalised on both sides (unreserved decoded, hex
//     upper-case, raw non-ASCII UTF-8 encoded) before comparing (RFC 9309 2.2.2);
//     a path is also matched the way Google's reference parser reads it (pattern:
//     raw non-ASCII encoded, hex upper-case, nothing decoded; path: as given), and
//     it is disallowed when either reading disallows it, so a crawler following
//     these rules never fetches what either reader forbids ("Allow: /a/%62" does
//     not open "/a/b" under Disallow: /; a raw "/a/ツ" is not the encoded one);
//   - the file is read up to 500 KiB (RobotsRules::kMaxBytes); the rest and a
//     line cut at the limit are ignored; a UTF-8 BOM is skipped; lines
//     without a known key are ignored; comments (#) are stripped; a line longer
//     than 16,663 bytes is cut there and its start still used (as Google does);
//   - a known key followed by white space instead of a colon ("disallow /") is
//     read as if the colon were there;
//   - "Allow: <dir>/index.html" also allows "<dir>/" exactly (the same page);
//   - `Crawl-delay` (seconds, of the selected group) and `Sitemap` (anywhere)
//     are exposed; common misspellings (useragent, dissallow, site-map) are
//     accepted as major crawlers do.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crawler/fetch/robots_matcher.h"

namespace hallyu {

// The product token of a User-Agent string, lower-case: "Hallyu/0.1 (+url)" -> "hallyu".
std::string RobotsProductToken(std::string_view user_agent);

// Normalises percent-encoding of a robots path or pattern: %XX of an
// unreserved character decoded, other hex upper-cased, bytes that may not
// appear raw (non-ASCII, space, control) encoded. '*' and '$' are kept.
std::string NormalizeRobotsPath(std::string_view path);

// A robots pattern as Google's reference parser compares it: raw bytes >= 0x80 percent-
// encoded, the hex digits of existing %XX upper-cased, nothing decoded. '*' and '$' kept.
std::string LiteralRobotsPattern(std::string_view pattern);

// The rules of one robots.txt that apply to one crawler (product token).
class RobotsRules {
 public:
  static constexpr std::size_t kMaxBytes = 500 * 1024;

  // Parses `body` and keeps the rules of the group(s) for `user_agent` (a full
  // User-Agent or bare product token). Never fails: garbage gives no rules,
  // i.e. everything allowed.
  static RobotsRules Parse(std::string_view body, std::string_view user_agent);
  // Everything allowed (robots.txt missing: 4xx).
  static RobotsRules AllowAll();
  // Everything disallowed (robots.txt unreachable or 5xx).
  static RobotsRules DisallowAll();

  // True when `path_and_query` (starting with '/', e.g. UrlParts::PathAndQuery())
  // may be fetched. A path not starting with '/' is treated as if it did.
  bool IsAllowed(std::string_view path_and_query) const { return Decide(path_and_query).allowed; }

  struct Decision {
    bool allowed = true;
    uint64_t steps = 0;        // matcher work (RobotsMatcher::Result::steps), for tests and benches
    bool over_budget = false;  // the match spent its step budget: read as disallowed
  };
  // IsAllowed with the work it took. A path whose match spends the matcher's step budget
  // (only a file built for it gets there) is disallowed: rules that cannot be evaluated are
  // treated like a robots.txt that cannot be read (RFC 9309 2.3.1.4), and only that
  // file's own site is affected.
  Decision Decide(std::string_view path_and_query) const;

  // The plain reference of IsAllowed for tests and benchmarks: every rule tried in
  // precedence order with RobotsPatternMatches, O(rules x path); `steps` (optional) gets
  // the bytes it compared or searched. No step budget.
  bool IsAllowedTryingEveryRule(std::string_view path_and_query, uint64_t* steps = nullptr) const;

  // Crawl-delay of the selected group in seconds, if given and valid (>= 0).
  std::optional<double> crawl_delay() const { return crawl_delay_; }
  // Every Sitemap URL in the file, in order (at most 1000 kept).
  const std::vector<std::string>& sitemaps() const { return sitemaps_; }
  // Number of Allow/Disallow rules kept for our agent.
  std::size_t rule_count() const { return rules_.size(); }
  // Approximate heap bytes held (for cache accounting).
  std::size_t MemoryBytes() const;

 private:
  struct Rule {
    std::string pattern;  // normalised; may contain '*' and a trailing '$'
    bool allow = false;
  };
  // Sorts `rules` into precedence order and compiles them (null matcher when empty).
  static std::shared_ptr<const RobotsMatcher> Compile(std::vector<Rule>& rules);
  // The decision of `rules` (compiled as `matcher`) for an already prepared `path`.
  static Decision DecideWith(const std::vector<Rule>& rules, const RobotsMatcher* matcher,
                             const std::string& path);
  // The first rule of `rules` (precedence order) matching `path`, tried one by one.
  static bool AllowedTryingEveryRule(const std::vector<Rule>& rules, const std::string& path,
                                     uint64_t* work);

  std::vector<Rule> rules_;  // precedence order: longest first, Allow first at equal length
  std::shared_ptr<const RobotsMatcher> matcher_;  // rules_ compiled; null when there are none
  // The same rules as Google's parser reads them (LiteralRobotsPattern), in their own
  // precedence order; empty when every pattern reads the same both ways (rules_ serve).
  std::vector<Rule> literal_rules_;
  std::shared_ptr<const RobotsMatcher> literal_matcher_;
  bool disallow_all_ = false;
  std::optional<double> crawl_delay_;
  std::vector<std::string> sitemaps_;
};

// True when `path` matches robots `pattern` ('*' wildcards, trailing '$').
// Both must already be normalised. O(|pattern| + |path|).
bool RobotsPatternMatches(std::string_view pattern, std::string_view path);

struct RobotsCacheOptions {
  std::string user_agent = "hallyu";       // our User-Agent; its product token selects the group
  std::chrono::seconds ttl{24 * 3600};     // how long a fetched robots.txt (2xx or 4xx) is trusted
  std::chrono::seconds retry_initial{60};  // after 5xx/unreachable: first retry delay; doubles
  std::chrono::seconds retry_max{6 * 3600};  // cap of that backoff
  std::chrono::seconds fetch_timeout{300};   // a fetch handed out and never reported is retried
  std::size_t max_hosts = 10000;             // cached hosts; least recently used evicted
};

// How the body of a robots.txt response arrived.
enum class RobotsBody {
  kComplete,    // the whole body
  kCutAtLimit,  // larger than the fetch's size cap: `body` is its first part (may be empty)
  kFailed,      // the transfer failed after the status line (cut short, corrupt content
                // coding, timeout mid-body): `body` is not the file
};

// Per-host robots.txt state. Key: the URL origin (scheme://host[:port]), as
// UrlParts::Origin() gives. Not thread-safe: owned by the fetch loop (under its lock); the
// rules it hands out (Find, Snapshot) are immutable and may be matched on any thread.
//
// Outcome policy: 2xx -> parse the body (a failed transfer: as unreachable); 3xx left after
// redirects and 4xx (except 429) -> allow all; 429, 5xx or network failure -> disallow all and
// retry after retry_initial, doubling per consecutive failure up to retry_max.
// 429 is treated like 5xx (the server is overloaded, not saying "no file").
class RobotsCache {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;
  using Clock = std::function<TimePoint()>;

  enum class Verdict {
    kAllowed,
    kDisallowed,
    kNeedsFetch,  // no fresh robots.txt: the caller fetches origin + "/robots.txt" and reports
    kPending,     // a fetch was handed out and has not been reported yet
  };

  explicit RobotsCache(RobotsCacheOptions options, Clock clock = nullptr);

  // Decision for `path_and_query` on `origin`. Returns kNeedsFetch once per
  // needed fetch (then kPending until Record* is called or fetch_timeout passes).
  Verdict Check(const std::string& origin, std::string_view path_and_query);

  // What Check knows before matching, so that the caller can match outside its lock.
  struct Lookup {
    // origin's fresh rules (shared and immutable: safe to match on any thread after the
    // cache changed); null when there are none, then `verdict` says what to do.
    std::shared_ptr<const RobotsRules> rules;
    Verdict verdict = Verdict::kAllowed;  // meaningful only without `rules`
    std::string failure;                  // FailureOf(origin) when `rules` were taken
  };
  // Check without the match: the fresh rules of `origin`, or (none fresh) the verdict Check
  // gives (kNeedsFetch once per needed fetch, kPending, kAllowed for /robots.txt).
  Lookup Find(const std::string& origin, std::string_view path_and_query);

  // A robots.txt fetch outcome turned into rules, before it is recorded.
  struct Outcome {
    RobotsRules rules;
    std::string failure;  // "" when the fetch succeeded (rules read, or 4xx: allow all)
  };
  // The rules RecordResponse stores for this answer (it parses the body: call it outside
  // any lock and hand the result to Record). `user_agent` selects the group.
  static Outcome Interpret(int http_status, std::string_view body, RobotsBody body_state,
                           std::string_view user_agent);
  // The rules RecordUnreachable stores.
  static Outcome Unreachable(std::string_view why);
  // Stores `outcome` as origin's robots.txt (backoff when it is a failure).
  void Record(const std::string& origin, Outcome outcome);
  // Our User-Agent (options.user_agent), for Interpret.
  const std::string& user_agent() const { return options_.user_agent; }

  // Reports the outcome of fetching origin/robots.txt: final HTTP status and body. For a
  // 2xx, `body_state` says whether the body is the file: kCutAtLimit parses the part
  // given (at most RobotsRules::kMaxBytes are read; the line cut is ignored), kFailed —
  // and kCutAtLimit with no body — count as unreachable (disallow all, retry with
  // backoff), never as an empty file that allows everything.
  void RecordResponse(const std::string& origin, int http_status, std::string_view body,
                      RobotsBody body_state = RobotsBody::kComplete);
  // Reports that origin/robots.txt could not be fetched (DNS, connect, timeout...);
  // `why` (e.g. the fetch error) is kept for FailureOf.
  void RecordUnreachable(const std::string& origin, std::string_view why = {});

  // Why origin's last robots.txt fetch counted as a failure (disallow all, retried with
  // backoff): "HTTP 503", "HTTP 200, transfer failed in the body", the RecordUnreachable
  // reason...; "" when it succeeded (rules read, or 4xx: allow all) or is unknown. The
  // crawl logs it, and must not settle pages denied because of it: they are retried.
  std::string FailureOf(const std::string& origin) const;

  // The fresh rules for `origin` as a shared immutable snapshot, or nullptr when none.
  std::shared_ptr<const RobotsRules> Snapshot(const std::string& origin);

  // The fresh rules for `origin`, or nullptr when none (expired or unknown).
  const RobotsRules* Rules(const std::string& origin);

  // When the next fetch of origin's robots.txt is due (meaningful after a Record*).
  std::optional<TimePoint> ExpiresAt(const std::string& origin) const;

  std::size_t size() const { return map_.size(); }

 private:
  struct Entry {
    std::string origin;
    std::shared_ptr<const RobotsRules> rules;  // set once a fetch was reported
    TimePoint expires_at{};
    TimePoint fetch_started{};
    bool fetching = false;
    int failures = 0;     // consecutive 5xx / unreachable
    std::string failure;  // why the last fetch failed, "" when it did not
  };
  Entry& Touch(const std::string& origin);
  // `failure` is "" for a successful fetch, else why it failed (backoff applies).
  void Store(const std::string& origin, std::shared_ptr<const RobotsRules> rules,
             std::string failure);

  RobotsCacheOptions options_;
  Clock clock_;
  std::list<Entry> lru_;  // front = most recently used
  std::unordered_map<std::string, std::list<Entry>::iterator> map_;
};

}  // namespace hallyu
