#pragma once
// Fetcher: polite, robust HTTP on libcurl's multi interface.
//
// One thread runs the multi loop (curl_multi_poll); there is no thread per
// request. Requests come in through Submit (thread-safe, bounded: blocks while
// `queue_capacity` requests are outstanding); each finished request is reported
// once through the callback, on the loop thread (a slow callback slows the
// fetcher, which is the intended backpressure).
//
// Per request the fetcher: checks the scheme (http/https only), waits for its
// host's politeness slot (at most M in flight per host, a minimum delay between
// request starts raised by Crawl-delay and by 429/503), sends the stored ETag /
// Last-Modified (CrawlStateStore) as a conditional GET, refuses connections to
// non-public addresses after DNS resolution, follows redirects itself (limit,
// loop detection, chain recorded), caps the body as received AND decoded, filters content
// types, and retries retriable failures with exponential backoff + jitter
// (RetryPolicy), honouring Retry-After. Every attempt reads the injected Clock.
//
// Content-Encoding (gzip, deflate, br, zstd) is undone by content_decoder.h,
// not by libcurl: on the loop thread before the callback, or, with
// FetcherOptions::defer_content_decoding, by the caller through DecodeBody.
// The fetcher hands on raw (decoded) bytes and headers; charset conversion and
// robots.txt checks belong to other stages.

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "crawler/fetch/crawl_state_store.h"
#include "crawler/fetch/fetcher_options.h"
#include "crawler/fetch/retry_policy.h"
#include "crawler/ops/clock.h"
#include "extractors/base/status.h"

namespace hallyu {

// A 429/503 whose Retry-After is longer than RetryPolicyOptions::max_retry_after fails at
// once (kTooManyRequests, "longer than allowed"); the host's penalty (the extra delay
// between its request starts) then grows as for a 429 without Retry-After - doubling,
// from at least 1 s - but never beyond this cap (nor max_host_penalty). An honoured
// Retry-After raises the penalty up to max_host_penalty (120 s by default).
inline constexpr std::chrono::milliseconds kRefusedRetryAfterPenaltyCap{10'000};

struct FetchRequest {
  std::string url;  // absolute http(s) URL, ideally already normalised
  uint64_t id = 0;  // caller's tag, echoed in the result
  // Accepted media types ("text/html", "application/rss+xml", "text/*"),
  // compared case-insensitively without parameters. Empty: anything.
  std::vector<std::string> accept_content_types;
  // Send the stored validators (needs a CrawlStateStore) and report 304 as
  // kNotModified.
  bool conditional = true;
  // Do not store the new validators of a 2xx answer: hand them back in
  // FetchResult::validators and let the caller store them once what the body
  // leads to is durable (issue 19: validators stored at fetch time made a page
  // or a listing answer 304 after a crash, before its events were published).
  bool defer_validators = false;
  // Largest body accepted for this request, in bytes (received and decoded); 0: the
  // fetcher's FetcherOptions::max_body_bytes.
  uint64_t max_body_bytes = 0;
  // A body over the cap fails as kTooLarge; with this set the failed result keeps the
  // first cap bytes in FetchResult::body instead of clearing them (robots.txt: RFC 9309
  // 2.5 reads the first 500 KiB of a larger file). Kept only for an identity-coded body:
  // the prefix of a compressed one cannot be read.
  bool keep_body_prefix = false;
};

enum class FetchOutcome { kOk, kNotModified, kFailed };

struct FetchResult {
  uint64_t id = 0;
  std::string url;        // as requested
  std::string final_url;  // the URL that gave the final answer
  // Every URL requested, in order: the request URL, then each redirect target
  // (so size() - 1 redirects were followed).
  std::vector<std::string> redirect_chain;
  FetchOutcome outcome = FetchOutcome::kFailed;
  FailureKind failure = FailureKind::kNone;                  // kNone unless outcome == kFailed
  std::string error;                                         // human-readable cause of a failure
  long http_status = 0;                                      // final response status, 0 when none
  std::vector<std::pair<std::string, std::string>> headers;  // final response headers
  std::string content_type;  // final Content-Type header as sent, "" when none
  std::string body;          // decoded body (empty on 304 and most failures)
  // Content coding still applied to `body` (only with deferred decoding, until
  // Fetcher::DecodeBody), "" when `body` is decoded.
  std::string content_encoding;
  int attempts = 0;                              // requests made in total (all hops, all retries)
  std::vector<Clock::TimePoint> attempt_starts;  // Clock time of each request start
  std::string remote_ip;                         // peer of the final request
  int http_version = 0;  // of the final response: 10, 11, 20 or 30; 0 when none
  // With FetchRequest::defer_validators: the state to store for a 2xx answer (its
  // ETag, Last-Modified, hash), keyed by the final URL; unset otherwise and when a
  // deferred decoding fails.
  std::optional<UrlState> validators;

  bool ok() const { return outcome == FetchOutcome::kOk; }
  // Value of the first header `name` (case-insensitive), "" when absent.
  std::string Header(std::string_view name) const;
};

// Counters per host (lower-case host name).
struct HostStats {
  uint64_t requests = 0;                     // requests started (every attempt, every hop)
  uint64_t ok = 0;                           // results with outcome kOk
  uint64_t not_modified = 0;                 // results with outcome kNotModified
  uint64_t retries = 0;                      // attempts scheduled again after a failure
  std::map<FailureKind, uint64_t> failures;  // final failures by kind
};

class Fetcher {
 public:
  using Callback = std::function<void(FetchResult)>;

  // Validates `options` and starts the loop thread. `clock` (default: the
  // steady clock) and `store` (optional; without it no conditional GET) must
  // outlive the fetcher. kInvalidArgument on bad options (e.g. a bad CIDR),
  // kInternal when libcurl cannot be set up.
  static Result<std::unique_ptr<Fetcher>> Create(FetcherOptions options, Callback callback,
                                                 Clock* clock = nullptr,
                                                 CrawlStateStore* store = nullptr);
  // Stop()s.
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // Queues `request`; blocks while `queue_capacity` requests are outstanding.
  // kCancelled after Stop(). Every accepted request gets exactly one callback.
  Status Submit(FetchRequest request);
  // Like Submit but never blocks: kUnavailable when the queue is full.
  Status TrySubmit(FetchRequest request);

  // Sets `host`'s Crawl-delay (robots.txt); the host's delay becomes the
  // largest of its configured delay, this and its 429/503 penalty.
  void SetCrawlDelay(const std::string& host, std::chrono::milliseconds delay);

  // Undoes `result`'s content coding in place (deferred decoding; thread-safe,
  // meant for the caller's worker threads). No-op when `result` is not a kOk with
  // a content coding. A body that cannot be decoded turns `result` into a failure
  // (kTooLarge over max_body_bytes, kDecode when corrupt or of an unknown coding):
  // the host's counters move it from ok to failed and the stored validators of its
  // URL are erased, so the next fetch is not a conditional GET answered by 304.
  // Returns the failure as a Status too (OK when decoded or nothing to do).
  Status DecodeBody(FetchResult& result);

  // Reports every accepted request that has not started yet (just submitted, waiting for
  // its host's politeness slot or for a retry) as failed with kCancelled ("cancelled
  // before it started"), on the loop thread, soon after the call; transfers already running
  // go on. Later submissions are served as usual. No-op after Stop(). Thread-safe.
  void CancelWaiting();

  // Blocks until no request is outstanding or `timeout` passes; true when idle.
  bool WaitIdle(std::chrono::milliseconds timeout);
  // Requests submitted and not yet reported.
  size_t Outstanding() const;

  // Counters of one host (zeros when unknown) and of all hosts.
  HostStats Stats(const std::string& host) const;
  std::map<std::string, HostStats> AllStats() const;

  // Stops the loop: unfinished requests are reported with kCancelled, then the
  // thread is joined. Idempotent.
  void Stop();

  class Impl;

 private:
  explicit Fetcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// True when `content_type` (a Content-Type header value) matches one of
// `accepted` (see FetchRequest::accept_content_types); true when `accepted` is
// empty.
bool ContentTypeAccepted(std::string_view content_type, const std::vector<std::string>& accepted);

}  // namespace hallyu
