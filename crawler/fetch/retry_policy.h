#pragma once
// Fetch failure vocabulary and the one place that decides "retry or give up".
//
// Every finished transfer is classified into a FailureKind (kNone on success);
// RetryPolicy::Decide maps (CURLcode, HTTP status) to that kind plus whether it
// is worth another attempt, and Backoff gives the wait before attempt n. Pinned
// by the table-driven test in tests/crawler/retry_policy_test.cc.

#include <curl/curl.h>

#include <chrono>
#include <optional>
#include <string_view>

namespace hallyu {

// Append-only: new kinds go at the end; names are stable (metrics, logs).
enum class FailureKind : int {
  kNone = 0,
  kDns = 1,                // name did not resolve
  kConnect = 2,            // TCP connect failed / refused
  kTls = 3,                // handshake or certificate failure
  kTimeout = 4,            // connect, total or low-speed timeout
  kHttp4xx = 5,            // final 4xx other than 429
  kHttp5xx = 6,            // 5xx after the retries
  kTooLarge = 7,           // decompressed body over the limit
  kRobotsDenied = 8,       // robots.txt disallows (decided by the robots stage)
  kBlockedAddress = 9,     // resolved to a refused address range
  kRedirectLoop = 10,      // a redirect came back to a URL of the chain
  kTooManyRedirects = 11,  // more hops than allowed
  kBadScheme = 12,         // not http/https
  kBadUrl = 13,            // unparsable URL or Location
  kContentType = 14,       // content type not accepted for this request
  kReset = 15,             // connection reset / closed with nothing
  kTruncated = 16,         // body shorter than Content-Length
  kTooManyRequests = 17,   // 429 (or 503 with Retry-After) after the retries
  kCancelled = 18,         // fetcher stopped before the request finished
  kOther = 19,             // anything else curl reports
  kDecode = 20,            // bad gzip/brotli stream
  // libcurl cannot speak the protocol (CURLE_UNSUPPORTED_PROTOCOL): the scheme was checked
  // as http/https before, so this is libcurl's build or an HTTP version it lacks, not the
  // URL's scheme (it used to be labelled bad_scheme).
  kUnsupportedProtocol = 21,
};

// Stable lower-case name ("dns", "http_5xx", "blocked_address", ...).
std::string_view FailureKindName(FailureKind kind);

struct RetryPolicyOptions {
  int max_attempts = 3;                               // total tries incl. the first
  std::chrono::milliseconds base_delay{1000};         // wait before the 2nd try, ms
  double multiplier = 2.0;                            // growth per further try
  std::chrono::milliseconds max_delay{60000};         // cap of one wait, ms
  double jitter = 0.2;                                // +-fraction of the delay, 0..1
  std::chrono::milliseconds max_retry_after{600000};  // longer Retry-After = give up, ms
};

class RetryPolicy {
 public:
  struct Decision {
    FailureKind kind = FailureKind::kNone;
    bool retriable = false;
  };

  explicit RetryPolicy(RetryPolicyOptions options = {}) : options_(options) {}

  // Classifies a finished transfer. `curl_code` is the transfer's result,
  // `http_status` the response status (0 when none arrived). Success (2xx, 304
  // and 3xx handed to redirect logic) gives kNone. Retriable: 5xx, 429,
  // timeouts, resets, truncated bodies, connect failures; final: DNS, TLS,
  // other 4xx, policy refusals.
  static Decision Decide(CURLcode curl_code, long http_status);

  // True when attempt number `attempts_done` + 1 may run for a failure `d`.
  bool ShouldRetry(const Decision& d, int attempts_done) const {
    return d.retriable && attempts_done < options_.max_attempts;
  }

  // Wait before the next try after `attempts_done` tries (>= 1): base *
  // multiplier^(attempts_done-1), capped, then scaled by 1 + jitter*(2u-1) for
  // `unit_random` u in [0,1).
  std::chrono::nanoseconds Backoff(int attempts_done, double unit_random) const;

  // Parses a Retry-After value: delay-seconds or an HTTP-date (IMF-fixdate, RFC
  // 850 or asctime), relative to `now`. Dates in the past give 0. Returns
  // nullopt for anything unparsable.
  static std::optional<std::chrono::nanoseconds> ParseRetryAfter(
      std::string_view value, std::chrono::system_clock::time_point now);

  const RetryPolicyOptions& options() const { return options_; }

 private:
  RetryPolicyOptions options_;
};

}  // namespace hallyu
