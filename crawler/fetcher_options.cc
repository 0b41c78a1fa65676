#include "crawler/fetcher_options.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "crawler/address_filter.h"

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

template <typename T>
Status ReadPositive(const YAML::Node& node, const char* key, T* out, bool allow_zero = false) {
  HALLYU_RETURN_IF_ERROR(Read(node, key, out));
  if (*out < 0 || (!allow_zero && *out == 0))
    return InvalidArgument(std::string("fetcher.") + key + ": must be " +
                           (allow_zero ? ">= 0" : "> 0"));
  return Status::Ok();
}

Status ReadMs(const YAML::Node& node, const char* key, std::chrono::milliseconds* out,
              bool allow_zero) {
  int64_t v = out->count();
  HALLYU_RETURN_IF_ERROR(ReadPositive(node, key, &v, allow_zero));
  *out = std::chrono::milliseconds(v);
  return Status::Ok();
}

}  // namespace

Result<FetcherOptions> ParseFetcherOptions(const YAML::Node& node) {
  FetcherOptions o;
  if (!node.IsDefined() || node.IsNull()) return o;
  if (!node.IsMap()) return InvalidArgument("fetcher: must be a mapping");
  HALLYU_RETURN_IF_ERROR(ReadPositive(node, "max_in_flight", &o.max_in_flight));
  HALLYU_RETURN_IF_ERROR(ReadPositive(node, "max_in_flight_per_host", &o.max_in_flight_per_host));
  HALLYU_RETURN_IF_ERROR(ReadMs(node, "min_host_delay_ms", &o.min_host_delay, true));
  HALLYU_RETURN_IF_ERROR(ReadMs(node, "max_host_penalty_ms", &o.max_host_penalty, true));
  HALLYU_RETURN_IF_ERROR(ReadPositive(node, "queue_capacity", &o.queue_capacity));
  HALLYU_RETURN_IF_ERROR(Read(node, "user_agent", &o.user_agent));
  if (o.user_agent.empty()) return InvalidArgument("fetcher.user_agent: must not be empty");
  HALLYU_RETURN_IF_ERROR(ReadPositive(node, "max_redirects", &o.max_redirects, true));
  HALLYU_RETURN_IF_ERROR(Read(node, "http2", &o.http2));
  HALLYU_RETURN_IF_ERROR(Read(node, "verify_tls", &o.verify_tls));
  HALLYU_RETURN_IF_ERROR(Read(node, "ca_file", &o.ca_file));
  int64_t dns_ttl = o.dns_cache_ttl.count();
  HALLYU_RETURN_IF_ERROR(ReadPositive(node, "dns_cache_ttl_s", &dns_ttl, true));
  o.dns_cache_ttl = std::chrono::seconds(dns_ttl);
  HALLYU_RETURN_IF_ERROR(ReadMs(node, "connect_timeout_ms", &o.connect_timeout, false));
  HALLYU_RETURN_IF_ERROR(ReadMs(node, "total_timeout_ms", &o.total_timeout, false));
  HALLYU_RETURN_IF_ERROR(ReadPositive(node, "low_speed_limit", &o.low_speed_limit, true));
  int64_t lst = o.low_speed_time.count();
  HALLYU_RETURN_IF_ERROR(ReadPositive(node, "low_speed_time_s", &lst));
  o.low_speed_time = std::chrono::seconds(lst);
  HALLYU_RETURN_IF_ERROR(ReadPositive(node, "max_body_bytes", &o.max_body_bytes));
  HALLYU_RETURN_IF_ERROR(Read(node, "block_private_addresses", &o.block_private_addresses));
  HALLYU_RETURN_IF_ERROR(Read(node, "allowed_cidrs", &o.allowed_cidrs));
  for (const auto& c : o.allowed_cidrs) {
    if (auto r = CidrRange::Parse(c); !r.ok())
      return r.status().WithContext("fetcher.allowed_cidrs");
  }
  HALLYU_RETURN_IF_ERROR(Read(node, "resolve", &o.resolve));
  if (const YAML::Node r = node["retry"]; r.IsDefined() && !r.IsNull()) {
    if (!r.IsMap()) return InvalidArgument("fetcher.retry: must be a mapping");
    HALLYU_RETURN_IF_ERROR(ReadPositive(r, "max_attempts", &o.retry.max_attempts));
    HALLYU_RETURN_IF_ERROR(ReadMs(r, "base_delay_ms", &o.retry.base_delay, true));
    HALLYU_RETURN_IF_ERROR(ReadPositive(r, "multiplier", &o.retry.multiplier));
    HALLYU_RETURN_IF_ERROR(ReadMs(r, "max_delay_ms", &o.retry.max_delay, true));
    HALLYU_RETURN_IF_ERROR(ReadPositive(r, "jitter", &o.retry.jitter, true));
    if (o.retry.jitter > 1) return InvalidArgument("fetcher.retry.jitter: must be <= 1");
    HALLYU_RETURN_IF_ERROR(ReadMs(r, "max_retry_after_ms", &o.retry.max_retry_after, true));
  }
  if (const YAML::Node h = node["hosts"]; h.IsDefined() && !h.IsNull()) {
    if (!h.IsMap()) return InvalidArgument("fetcher.hosts: must be a mapping host -> policy");
    for (const auto& kv : h) {
      std::string host = kv.first.as<std::string>();
      std::transform(host.begin(), host.end(), host.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      HostPolicy p;
      if (!kv.second.IsMap())
        return InvalidArgument("fetcher.hosts." + host + ": must be a mapping");
      int mif = -1;
      HALLYU_RETURN_IF_ERROR(Read(kv.second, "max_in_flight", &mif));
      if (kv.second["max_in_flight"].IsDefined() && mif <= 0)
        return InvalidArgument("fetcher.hosts." + host + ".max_in_flight: must be > 0");
      p.max_in_flight = mif;
      if (kv.second["min_delay_ms"].IsDefined()) {
        p.min_delay = std::chrono::milliseconds(0);
        HALLYU_RETURN_IF_ERROR(ReadMs(kv.second, "min_delay_ms", &p.min_delay, true));
      }
      o.host_overrides[host] = p;
    }
  }
  return o;
}

}  // namespace hallyu
