#include "crawler/fetch/fetcher_options.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <sstream>
#include <string>

#include "crawler/fetch/address_filter.h"
#include "crawler/ops/config_keys.h"

namespace hallyu {
namespace {

template <typename T>
Status Read(const YAML::Node& node, const char* key, T* out) {
  const YAML::Node v = node[key];
  if (!v.IsDefined() || v.IsNull()) return Status::Ok();
  try {
    *out = v.as<T>();
  } catch (const YAML::Exception& e) {
    return InvalidArgument(std::string("fetcher.") + key + ": " + e.what());
  }
  return Status::Ok();
}

// Every number has a range: values near INT64_MAX used to overflow into no delay at all.
template <typename T>
Status ReadInRange(const YAML::Node& node, const std::string& where, const char* key, T* out, T min,
                   T max) {
  HALLYU_RETURN_IF_ERROR(Read(node, key, out));
  if (*out < min || *out > max) {
    std::ostringstream range;
    range << "must be within [" << min << ", " << max << "]";
    return InvalidArgument(where + key + ": " + range.str());
  }
  return Status::Ok();
}

constexpr int64_t kDayMs = 24 * 3600 * 1000;

Status ReadMs(const YAML::Node& node, const std::string& where, const char* key,
              std::chrono::milliseconds* out, int64_t min, int64_t max) {
  int64_t v = out->count();
  HALLYU_RETURN_IF_ERROR(ReadInRange<int64_t>(node, where, key, &v, min, max));
  *out = std::chrono::milliseconds(v);
  return Status::Ok();
}

}  // namespace

Status CheckUserAgent(std::string_view user_agent) {
  if (user_agent.empty()) return InvalidArgument("fetcher.user_agent: must not be empty");
  if (user_agent.size() > 512) return InvalidArgument("fetcher.user_agent: longer than 512 bytes");
  for (char c : user_agent) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      return InvalidArgument(
          "fetcher.user_agent: control character (CR, LF, ...) not allowed in a header value");
    }
  }
  return Status::Ok();
}

Result<FetcherOptions> ParseFetcherOptions(const YAML::Node& node) {
  FetcherOptions o;
  if (!node.IsDefined() || node.IsNull()) return o;
  if (!node.IsMap()) return InvalidArgument("fetcher: must be a mapping");
  HALLYU_RETURN_IF_ERROR(CheckKeys(node, "fetcher",
                                   {"max_in_flight",
                                    "max_in_flight_per_host",
                                    "min_host_delay_ms",
                                    "max_host_penalty_ms",
                                    "queue_capacity",
                                    "user_agent",
                                    "max_redirects",
                                    "http2",
                                    "verify_tls",
                                    "ca_file",
                                    "dns_cache_ttl_s",
                                    "connect_timeout_ms",
                                    "total_timeout_ms",
                                    "low_speed_limit",
                                    "low_speed_time_s",
                                    "max_body_bytes",
                                    "block_private_addresses",
                                    "allowed_cidrs",
                                    "resolve",
                                    "retry",
                                    "hosts"}));
  const std::string f = "fetcher.";
  HALLYU_RETURN_IF_ERROR(ReadInRange(node, f, "max_in_flight", &o.max_in_flight, 1, 10000));
  HALLYU_RETURN_IF_ERROR(
      ReadInRange(node, f, "max_in_flight_per_host", &o.max_in_flight_per_host, 1, 100));
  HALLYU_RETURN_IF_ERROR(ReadMs(node, f, "min_host_delay_ms", &o.min_host_delay, 0, kDayMs));
  HALLYU_RETURN_IF_ERROR(ReadMs(node, f, "max_host_penalty_ms", &o.max_host_penalty, 0, kDayMs));
  HALLYU_RETURN_IF_ERROR(
      ReadInRange<std::size_t>(node, f, "queue_capacity", &o.queue_capacity, 1, 10'000'000));
  HALLYU_RETURN_IF_ERROR(Read(node, "user_agent", &o.user_agent));
  HALLYU_RETURN_IF_ERROR(CheckUserAgent(o.user_agent));
  HALLYU_RETURN_IF_ERROR(ReadInRange(node, f, "max_redirects", &o.max_redirects, 0, 50));
  HALLYU_RETURN_IF_ERROR(Read(node, "http2", &o.http2));
  HALLYU_RETURN_IF_ERROR(Read(node, "verify_tls", &o.verify_tls));
  HALLYU_RETURN_IF_ERROR(Read(node, "ca_file", &o.ca_file));
  int64_t dns_ttl = o.dns_cache_ttl.count();
  HALLYU_RETURN_IF_ERROR(ReadInRange<int64_t>(node, f, "dns_cache_ttl_s", &dns_ttl, 0, 86400));
  o.dns_cache_ttl = std::chrono::seconds(dns_ttl);
  HALLYU_RETURN_IF_ERROR(ReadMs(node, f, "connect_timeout_ms", &o.connect_timeout, 1, 600'000));
  HALLYU_RETURN_IF_ERROR(ReadMs(node, f, "total_timeout_ms", &o.total_timeout, 1, 3'600'000));
  HALLYU_RETURN_IF_ERROR(
      ReadInRange<int64_t>(node, f, "low_speed_limit", &o.low_speed_limit, 0, int64_t{1} << 30));
  int64_t lst = o.low_speed_time.count();
  HALLYU_RETURN_IF_ERROR(ReadInRange<int64_t>(node, f, "low_speed_time_s", &lst, 1, 3600));
  o.low_speed_time = std::chrono::seconds(lst);
  HALLYU_RETURN_IF_ERROR(
      ReadInRange<uint64_t>(node, f, "max_body_bytes", &o.max_body_bytes, 1, uint64_t{1} << 30));
  HALLYU_RETURN_IF_ERROR(Read(node, "block_private_addresses", &o.block_private_addresses));
  HALLYU_RETURN_IF_ERROR(Read(node, "allowed_cidrs", &o.allowed_cidrs));
  for (const auto& c : o.allowed_cidrs) {
    if (auto r = CidrRange::Parse(c); !r.ok())
      return r.status().WithContext("fetcher.allowed_cidrs");
  }
  HALLYU_RETURN_IF_ERROR(Read(node, "resolve", &o.resolve));
  if (const YAML::Node r = node["retry"]; r.IsDefined() && !r.IsNull()) {
    if (!r.IsMap()) return InvalidArgument("fetcher.retry: must be a mapping");
    HALLYU_RETURN_IF_ERROR(CheckKeys(r, "fetcher.retry",
                                     {"max_attempts", "base_delay_ms", "multiplier", "max_delay_ms",
                                      "jitter", "max_retry_after_ms"}));
    const std::string w = "fetcher.retry.";
    HALLYU_RETURN_IF_ERROR(ReadInRange(r, w, "max_attempts", &o.retry.max_attempts, 1, 20));
    HALLYU_RETURN_IF_ERROR(ReadMs(r, w, "base_delay_ms", &o.retry.base_delay, 0, kDayMs));
    HALLYU_RETURN_IF_ERROR(ReadInRange(r, w, "multiplier", &o.retry.multiplier, 1.0, 10.0));
    HALLYU_RETURN_IF_ERROR(ReadMs(r, w, "max_delay_ms", &o.retry.max_delay, 0, kDayMs));
    HALLYU_RETURN_IF_ERROR(ReadInRange(r, w, "jitter", &o.retry.jitter, 0.0, 1.0));
    HALLYU_RETURN_IF_ERROR(ReadMs(r, w, "max_retry_after_ms", &o.retry.max_retry_after, 0, kDayMs));
  }
  if (const YAML::Node h = node["hosts"]; h.IsDefined() && !h.IsNull()) {
    if (!h.IsMap()) return InvalidArgument("fetcher.hosts: must be a mapping host -> policy");
    HALLYU_RETURN_IF_ERROR(CheckKeys(h, "fetcher.hosts", {}));  // duplicates only
    for (const auto& kv : h) {
      std::string host = kv.first.as<std::string>();
      std::transform(host.begin(), host.end(), host.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      HostPolicy p;
      if (!kv.second.IsMap())
        return InvalidArgument("fetcher.hosts." + host + ": must be a mapping");
      HALLYU_RETURN_IF_ERROR(
          CheckKeys(kv.second, "fetcher.hosts." + host, {"max_in_flight", "min_delay_ms"}));
      const std::string w = "fetcher.hosts." + host + ".";
      int mif = 1;
      HALLYU_RETURN_IF_ERROR(ReadInRange(kv.second, w, "max_in_flight", &mif, 1, 100));
      p.max_in_flight = kv.second["max_in_flight"].IsDefined() ? mif : -1;
      if (kv.second["min_delay_ms"].IsDefined()) {
        p.min_delay = std::chrono::milliseconds(0);
        HALLYU_RETURN_IF_ERROR(ReadMs(kv.second, w, "min_delay_ms", &p.min_delay, 0, kDayMs));
      }
      o.host_overrides[host] = p;
    }
  }
  return o;
}

}  // namespace hallyu
