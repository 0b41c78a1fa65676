#include "crawler/fetch/retry_policy.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace hallyu {

std::string_view FailureKindName(FailureKind kind) {
  switch (kind) {
    case FailureKind::kNone:
      return "none";
    case FailureKind::kDns:
      return "dns";
    case FailureKind::kConnect:
      return "connect";
    case FailureKind::kTls:
      return "tls";
    case FailureKind::kTimeout:
      return "timeout";
    case FailureKind::kHttp4xx:
      return "http_4xx";
    case FailureKind::kHttp5xx:
      return "http_5xx";
    case FailureKind::kTooLarge:
      return "too_large";
    case FailureKind::kRobotsDenied:
      return "robots_denied";
    case FailureKind::kBlockedAddress:
      return "blocked_address";
    case FailureKind::kRedirectLoop:
      return "redirect_loop";
    case FailureKind::kTooManyRedirects:
      return "too_many_redirects";
    case FailureKind::kBadScheme:
      return "bad_scheme";
    case FailureKind::kBadUrl:
      return "bad_url";
    case FailureKind::kContentType:
      return "content_type";
    case FailureKind::kReset:
      return "reset";
    case FailureKind::kTruncated:
      return "truncated";
    case FailureKind::kTooManyRequests:
      return "http_429";
    case FailureKind::kCancelled:
      return "cancelled";
    case FailureKind::kOther:
      return "other";
    case FailureKind::kDecode:
      return "decode";
    case FailureKind::kUnsupportedProtocol:
      return "unsupported_protocol";
  }
  return "unknown";
}

RetryPolicy::Decision RetryPolicy::Decide(CURLcode code, long status) {
  switch (code) {
    case CURLE_OK:
      break;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return {FailureKind::kDns, false};
    case CURLE_COULDNT_CONNECT:
      return {FailureKind::kConnect, true};
    case CURLE_OPERATION_TIMEDOUT:
      return {FailureKind::kTimeout, true};
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_SHUTDOWN_FAILED:
      return {FailureKind::kTls, false};
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return {FailureKind::kReset, true};
    case CURLE_PARTIAL_FILE:
      return {FailureKind::kTruncated, true};
    case CURLE_BAD_CONTENT_ENCODING:
      return {FailureKind::kDecode, false};
    case CURLE_FILESIZE_EXCEEDED:
      return {FailureKind::kTooLarge, false};
    case CURLE_UNSUPPORTED_PROTOCOL:
      return {FailureKind::kUnsupportedProtocol, false};
    case CURLE_URL_MALFORMAT:
      return {FailureKind::kBadUrl, false};
    case CURLE_ABORTED_BY_CALLBACK:
      return {FailureKind::kCancelled, false};
    default:
      return {FailureKind::kOther, false};
  }
  if (status == 429) return {FailureKind::kTooManyRequests, true};
  if (status >= 500 && status <= 599) return {FailureKind::kHttp5xx, true};
  if (status >= 400 && status <= 499) {
    // 408 Request Timeout is the server's timeout: worth another try.
    if (status == 408) return {FailureKind::kTimeout, true};
    return {FailureKind::kHttp4xx, false};
  }
  if (status >= 100 && status <= 399) return {FailureKind::kNone, false};
  return {FailureKind::kOther, false};  // no or nonsensical status with CURLE_OK
}

std::chrono::nanoseconds RetryPolicy::Backoff(int attempts_done, double unit_random) const {
  int n = std::max(1, attempts_done) - 1;
  double ms = static_cast<double>(options_.base_delay.count()) * std::pow(options_.multiplier, n);
  ms = std::min(ms, static_cast<double>(options_.max_delay.count()));
  double jitter = std::clamp(options_.jitter, 0.0, 1.0);
  double u = std::clamp(unit_random, 0.0, 1.0);
  ms *= 1.0 + jitter * (2.0 * u - 1.0);
  return std::chrono::nanoseconds(static_cast<int64_t>(ms * 1e6));
}

std::optional<std::chrono::nanoseconds> RetryPolicy::ParseRetryAfter(
    std::string_view value, std::chrono::system_clock::time_point now) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t' || value.back() == '\r'))
    value.remove_prefix(0), value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (value.size() > 9) return std::chrono::seconds(999999999);
    return std::chrono::seconds(std::stoll(std::string(value)));
  }
  std::string s(value);
  time_t t = curl_getdate(s.c_str(), nullptr);
  if (t == -1) return std::nullopt;
  auto when = std::chrono::system_clock::from_time_t(t);
  if (when <= now) return std::chrono::nanoseconds(0);
  return std::chrono::duration_cast<std::chrono::nanoseconds>(when - now);
}

}  // namespace hallyu
