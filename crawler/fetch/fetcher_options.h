#pragma once
// FetcherOptions: every knob of the fetcher, with its default and unit, and the
// parser of the `fetcher:` section of the YAML config (configs/default.yaml).

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/fetch/retry_policy.h"
#include "extractors/base/status.h"

namespace YAML {
class Node;
}

namespace hallyu {

// Politeness settings for one host; unset fields (< 0) use the global default.
struct HostPolicy {
  int max_in_flight = -1;                   // transfers at once to this host
  std::chrono::milliseconds min_delay{-1};  // between request starts, ms
};

struct FetcherOptions {
  // --- concurrency and politeness ---
  int max_in_flight = 64;                            // transfers in flight overall
  int max_in_flight_per_host = 2;                    // transfers at once per host
  std::chrono::milliseconds min_host_delay{1000};    // between request starts to one host, ms
  std::map<std::string, HostPolicy> host_overrides;  // key: lower-case host name
  // Upper bound of the extra delay a host earns with 429/503 answers, ms.
  std::chrono::milliseconds max_host_penalty{120000};
  size_t queue_capacity = 10000;  // requests submitted and not yet reported; Submit blocks beyond

  // --- protocol ---
  std::string user_agent =
      "hallyu/0.1 (+https://github.com/hallyu/hallyu; crawler contact: hallyu-crawler@example.org)";
  int max_redirects = 5;   // hops followed before too_many_redirects
  bool http2 = true;       // negotiate HTTP/2 over TLS and multiplex on it
  bool verify_tls = true;  // verify peer certificate and host name
  std::string ca_file;     // PEM file of trusted CAs, "" = the system's store
  // How long a resolved host name is reused for new connections, s (0 = resolve
  // for every connection).
  std::chrono::seconds dns_cache_ttl{300};

  // --- timeouts and limits ---
  std::chrono::milliseconds connect_timeout{10000};  // TCP + TLS connect, ms
  std::chrono::milliseconds total_timeout{60000};    // one attempt, start to end, ms
  int64_t low_speed_limit = 100;                     // bytes/s below which ...
  std::chrono::seconds low_speed_time{20};           // ... for this long aborts, s
  // Body cap, bytes: applied to the bytes received and again to the decoded body,
  // so a compression bomb is cut off at this size.
  uint64_t max_body_bytes = 10 * 1024 * 1024;
  // Hand 2xx bodies on as sent (FetchResult::content_encoding names the coding
  // still to undo) for the caller to decode with Fetcher::DecodeBody on its own
  // threads, which keeps the fetch loop free of inflating. Off: the loop decodes.
  // Not a config key: callers with a worker pool set it.
  bool defer_content_decoding = false;

  // --- retries ---
  RetryPolicyOptions retry;  // see retry_policy.h (3 attempts, 1 s base, x2, 60 s cap, 20% jitter)

  // --- safety ---
  // Refuse loopback, private, link-local, multicast, unspecified and CGNAT
  // addresses after DNS resolution.
  bool block_private_addresses = true;
  std::vector<std::string> allowed_cidrs;  // ranges allowed anyway, e.g. "127.0.0.0/8"

  // --- testing / benchmarks ---
  // Static name resolution in curl's CURLOPT_RESOLVE form "host:port:address".
  std::vector<std::string> resolve;
  uint64_t jitter_seed = 0;  // 0: random seed; else a fixed seed for the backoff jitter
};

// Reads the `fetcher:` mapping (the node itself, not the document root).
// Absent keys keep their defaults; an undefined/null node gives all defaults.
// Returns kInvalidArgument naming the key (and its line) for an unknown or repeated key,
// a wrong type, a number out of its range, a user_agent with a control character, or a
// bad CIDR. Keys and ranges:
//   max_in_flight 1..10000, max_in_flight_per_host 1..100, min_host_delay_ms 0..86400000,
//   max_host_penalty_ms 0..86400000, queue_capacity 1..10000000, user_agent (1..512
//   bytes, no control characters), max_redirects 0..50, http2, verify_tls, ca_file,
//   dns_cache_ttl_s 0..86400, connect_timeout_ms 1..600000, total_timeout_ms 1..3600000,
//   low_speed_limit 0..2^30, low_speed_time_s 1..3600, max_body_bytes 1..2^30,
//   block_private_addresses, allowed_cidrs (address/prefix, prefix 0..32 or 0..128),
//   resolve, retry: {max_attempts 1..20, base_delay_ms 0..86400000, multiplier 1..10,
//   max_delay_ms 0..86400000, jitter 0..1, max_retry_after_ms 0..86400000},
//   hosts: {<host>: {max_in_flight 1..100, min_delay_ms 0..86400000}}.
Result<FetcherOptions> ParseFetcherOptions(const YAML::Node& node);

// OK when `user_agent` can be sent as a header value: 1..512 bytes, no control
// characters (CR/LF would inject request headers).
Status CheckUserAgent(std::string_view user_agent);

}  // namespace hallyu
