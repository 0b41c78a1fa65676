// RetryPolicy pinned by tables: what each HTTP status / CURLcode means.
#include "crawler/fetch/retry_policy.h"

#include <gtest/gtest.h>

namespace hallyu {
namespace {

using namespace std::chrono_literals;

struct Row {
  CURLcode code;
  long status;
  FailureKind kind;
  bool retriable;
};

TEST(RetryPolicy, DecideTable) {
  const Row rows[] = {
      {CURLE_OK, 200, FailureKind::kNone, false},
      {CURLE_OK, 204, FailureKind::kNone, false},
      {CURLE_OK, 301, FailureKind::kNone, false},  // redirects are handled by the fetcher
      {CURLE_OK, 304, FailureKind::kNone, false},
      {CURLE_OK, 400, FailureKind::kHttp4xx, false},
      {CURLE_OK, 401, FailureKind::kHttp4xx, false},
      {CURLE_OK, 403, FailureKind::kHttp4xx, false},
      {CURLE_OK, 404, FailureKind::kHttp4xx, false},
      {CURLE_OK, 408, FailureKind::kTimeout, true},
      {CURLE_OK, 410, FailureKind::kHttp4xx, false},
      {CURLE_OK, 429, FailureKind::kTooManyRequests, true},
      {CURLE_OK, 451, FailureKind::kHttp4xx, false},
      {CURLE_OK, 500, FailureKind::kHttp5xx, true},
      {CURLE_OK, 502, FailureKind::kHttp5xx, true},
      {CURLE_OK, 503, FailureKind::kHttp5xx, true},
      {CURLE_OK, 504, FailureKind::kHttp5xx, true},
      {CURLE_OK, 599, FailureKind::kHttp5xx, true},
      {CURLE_OK, 0, FailureKind::kOther, false},
      {CURLE_OK, 999, FailureKind::kOther, false},
      {CURLE_COULDNT_RESOLVE_HOST, 0, FailureKind::kDns, false},
      {CURLE_COULDNT_CONNECT, 0, FailureKind::kConnect, true},
      {CURLE_OPERATION_TIMEDOUT, 0, FailureKind::kTimeout, true},
      {CURLE_OPERATION_TIMEDOUT, 200, FailureKind::kTimeout, true},  // low-speed abort mid-body
      {CURLE_SSL_CONNECT_ERROR, 0, FailureKind::kTls, false},
      {CURLE_PEER_FAILED_VERIFICATION, 0, FailureKind::kTls, false},
      {CURLE_RECV_ERROR, 0, FailureKind::kReset, true},
      {CURLE_SEND_ERROR, 0, FailureKind::kReset, true},
      {CURLE_GOT_NOTHING, 0, FailureKind::kReset, true},
      {CURLE_HTTP2_STREAM, 0, FailureKind::kReset, true},
      {CURLE_PARTIAL_FILE, 200, FailureKind::kTruncated, true},
      {CURLE_BAD_CONTENT_ENCODING, 200, FailureKind::kDecode, false},
      {CURLE_FILESIZE_EXCEEDED, 200, FailureKind::kTooLarge, false},
      // The fetcher checks the scheme itself; libcurl's refusal is another matter.
      {CURLE_UNSUPPORTED_PROTOCOL, 0, FailureKind::kUnsupportedProtocol, false},
      {CURLE_URL_MALFORMAT, 0, FailureKind::kBadUrl, false},
      {CURLE_WRITE_ERROR, 200, FailureKind::kOther, false},
  };
  for (const Row& r : rows) {
    RetryPolicy::Decision d = RetryPolicy::Decide(r.code, r.status);
    EXPECT_EQ(d.kind, r.kind) << "curl " << r.code << " status " << r.status << " got "
                              << FailureKindName(d.kind);
    EXPECT_EQ(d.retriable, r.retriable) << "curl " << r.code << " status " << r.status;
  }
}

TEST(RetryPolicy, ShouldRetryCountsAttempts) {
  RetryPolicyOptions o;
  o.max_attempts = 3;
  RetryPolicy p(o);
  RetryPolicy::Decision five = RetryPolicy::Decide(CURLE_OK, 503);
  RetryPolicy::Decision four = RetryPolicy::Decide(CURLE_OK, 404);
  EXPECT_TRUE(p.ShouldRetry(five, 1));
  EXPECT_TRUE(p.ShouldRetry(five, 2));
  EXPECT_FALSE(p.ShouldRetry(five, 3));
  EXPECT_FALSE(p.ShouldRetry(four, 1));
}

TEST(RetryPolicy, BackoffIsExponentialCappedAndJittered) {
  RetryPolicyOptions o;
  o.base_delay = 500ms;
  o.multiplier = 2;
  o.max_delay = 5000ms;
  o.jitter = 0.2;
  RetryPolicy p(o);
  struct {
    int attempts;
    double u;
    std::chrono::milliseconds want;
  } rows[] = {
      {1, 0.5, 500ms},  {2, 0.5, 1000ms}, {3, 0.5, 2000ms}, {4, 0.5, 4000ms},
      {5, 0.5, 5000ms}, {9, 0.5, 5000ms}, {1, 0.0, 400ms},  {1, 1.0, 600ms},
      {3, 0.0, 1600ms}, {3, 1.0, 2400ms}, {5, 1.0, 6000ms}, {0, 0.5, 500ms},
  };
  for (const auto& r : rows) {
    EXPECT_EQ(std::chrono::duration_cast<std::chrono::milliseconds>(p.Backoff(r.attempts, r.u)),
              r.want)
        << "attempts " << r.attempts << " u " << r.u;
  }
}

TEST(RetryPolicy, ParsesRetryAfter) {
  auto now = std::chrono::system_clock::from_time_t(1445412480);  // Wed, 21 Oct 2015 07:28:00 GMT
  EXPECT_EQ(RetryPolicy::ParseRetryAfter("120", now), std::chrono::nanoseconds(120s));
  EXPECT_EQ(RetryPolicy::ParseRetryAfter(" 0 ", now), std::chrono::nanoseconds(0));
  EXPECT_EQ(RetryPolicy::ParseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now),
            std::chrono::nanoseconds(30s));
  EXPECT_EQ(RetryPolicy::ParseRetryAfter("Wednesday, 21-Oct-15 07:29:00 GMT", now),
            std::chrono::nanoseconds(60s));
  EXPECT_EQ(RetryPolicy::ParseRetryAfter("Wed Oct 21 07:28:10 2015", now),
            std::chrono::nanoseconds(10s));
  EXPECT_EQ(RetryPolicy::ParseRetryAfter("Tue, 20 Oct 2015 07:28:00 GMT", now),
            std::chrono::nanoseconds(0));  // in the past
  EXPECT_FALSE(RetryPolicy::ParseRetryAfter("", now).has_value());
  EXPECT_FALSE(RetryPolicy::ParseRetryAfter("soon", now).has_value());
  EXPECT_FALSE(RetryPolicy::ParseRetryAfter("-5", now).has_value());
}

TEST(RetryPolicy, KindNamesAreStable) {
  EXPECT_EQ(FailureKindName(FailureKind::kDns), "dns");
  EXPECT_EQ(FailureKindName(FailureKind::kBlockedAddress), "blocked_address");
  EXPECT_EQ(FailureKindName(FailureKind::kRedirectLoop), "redirect_loop");
  EXPECT_EQ(FailureKindName(FailureKind::kTooManyRedirects), "too_many_redirects");
  EXPECT_EQ(FailureKindName(FailureKind::kRobotsDenied), "robots_denied");
  EXPECT_EQ(FailureKindName(FailureKind::kHttp5xx), "http_5xx");
  EXPECT_EQ(FailureKindName(FailureKind::kUnsupportedProtocol), "unsupported_protocol");
  EXPECT_EQ(FailureKindName(FailureKind::kTooLarge), "too_large");
}

}  // namespace
}  // namespace hallyu
