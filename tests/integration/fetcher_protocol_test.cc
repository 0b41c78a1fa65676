// The fetcher's connection layer against real servers: HTTP/2 multiplexing over
// TLS with nginx, connection reuse, and the DNS cache (lookups counted at the
// system resolver, see getaddrinfo_counter.h).
#include <gtest/gtest.h>

#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>

#include "crawler/fetch/fetcher.h"
#include "tests/integration/getaddrinfo_counter.h"
#include "tests/support/http_test_server.h"
#include "tests/support/nginx_server.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

using namespace std::chrono_literals;

class Results {
 public:
  Fetcher::Callback Callback() {
    return [this](FetchResult r) {
      std::lock_guard<std::mutex> lock(mu_);
      by_id_[r.id] = std::move(r);
      cv_.notify_all();
    };
  }
  std::map<uint64_t, FetchResult> WaitAll(size_t n) {
    std::unique_lock<std::mutex> lock(mu_);
    EXPECT_TRUE(cv_.wait_for(lock, 30s, [&] { return by_id_.size() >= n; }))
        << by_id_.size() << " of " << n << " results";
    return by_id_;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::map<uint64_t, FetchResult> by_id_;
};

FetcherOptions LoopbackOptions() {
  FetcherOptions o;
  o.allowed_cidrs = {"127.0.0.0/8"};
  o.min_host_delay = 0ms;
  o.connect_timeout = 5s;
  o.total_timeout = 20s;
  return o;
}

std::string PagesDir(int n) {
  std::string root = testing::MakeTempDir("h2site");
  for (int i = 0; i < n; ++i) {
    std::ofstream(root + "/p" + std::to_string(i) + ".html")
        << "<html><body><p>page " << i << "</p></body></html>";
  }
  return root;
}

// Fetches /p0.html .. /p{n-1}.html of https://h2.test:<port> (resolved to the
// nginx on loopback) with `options`, all submitted at once.
std::map<uint64_t, FetchResult> FetchAll(const testing::NginxServer& nginx, FetcherOptions options,
                                         int n) {
  options.ca_file = nginx.ca_file();
  options.resolve = {"h2.test:" + std::to_string(nginx.port()) + ":127.0.0.1"};
  Results results;
  auto f = Fetcher::Create(options, results.Callback());
  EXPECT_TRUE(f.ok()) << f.status().ToString();
  if (!f.ok()) return {};
  for (int i = 0; i < n; ++i) {
    FetchRequest r;
    r.id = static_cast<uint64_t>(i);
    r.url = "https://h2.test:" + std::to_string(nginx.port()) + "/p" + std::to_string(i) + ".html";
    EXPECT_TRUE((*f)->Submit(r).ok());
  }
  return results.WaitAll(static_cast<size_t>(n));
}

TEST(FetcherProtocol, Http2OverTlsMultiplexesEveryRequestOnOneConnection) {
  testing::NginxServer nginx(PagesDir(24), "h2.test");
  FetcherOptions o = LoopbackOptions();
  o.max_in_flight_per_host = 8;
  auto results = FetchAll(nginx, o, 24);
  ASSERT_EQ(results.size(), 24u);
  for (const auto& [id, r] : results) {
    ASSERT_TRUE(r.ok()) << r.url << ": " << r.error;
    EXPECT_EQ(r.http_version, 20) << r.url;
    EXPECT_NE(r.body.find("page " + std::to_string(id)), std::string::npos);
  }
  auto log = nginx.AccessLog();
  ASSERT_EQ(log.size(), 24u);
  std::set<std::string> connections;
  for (const auto& a : log) {
    EXPECT_EQ(a.protocol, "HTTP/2.0") << a.uri;
    connections.insert(a.connection);
  }
  EXPECT_EQ(connections.size(), 1u) << "requests were spread over several connections";
}

TEST(FetcherProtocol, WithHttp2OffTheSameServerIsSpokenToInHttp11) {
  testing::NginxServer nginx(PagesDir(6), "h2.test");
  FetcherOptions o = LoopbackOptions();
  o.http2 = false;
  o.max_in_flight_per_host = 1;
  auto results = FetchAll(nginx, o, 6);
  ASSERT_EQ(results.size(), 6u);
  for (const auto& [id, r] : results) {
    ASSERT_TRUE(r.ok()) << r.url << ": " << r.error;
    EXPECT_EQ(r.http_version, 11);
  }
  auto log = nginx.AccessLog();
  ASSERT_EQ(log.size(), 6u);
  std::set<std::string> connections;
  for (const auto& a : log) {
    EXPECT_EQ(a.protocol, "HTTP/1.1");
    connections.insert(a.connection);
  }
  // One at a time on a kept-alive connection: still a single TLS handshake.
  EXPECT_EQ(connections.size(), 1u);
}

TEST(FetcherProtocol, UntrustedCertificateIsATlsFailure) {
  testing::NginxServer nginx(PagesDir(1), "h2.test");
  FetcherOptions o = LoopbackOptions();
  o.resolve = {"h2.test:" + std::to_string(nginx.port()) + ":127.0.0.1"};
  o.retry.max_attempts = 1;
  Results results;
  auto f = Fetcher::Create(o, results.Callback());  // no ca_file: the system store
  ASSERT_TRUE(f.ok());
  FetchRequest r;
  r.id = 1;
  r.url = "https://h2.test:" + std::to_string(nginx.port()) + "/p0.html";
  ASSERT_TRUE((*f)->Submit(r).ok());
  auto got = results.WaitAll(1);
  EXPECT_FALSE(got[1].ok());
  EXPECT_EQ(got[1].failure, FailureKind::kTls) << got[1].error;
}

// Each request on its own connection (the server closes after every reply), so
// every connection needs the host's address: the DNS cache answers all but the first.
int LookupsForSequentialFetches(const std::string& host, std::chrono::seconds dns_ttl) {
  testing::HttpTestServer server;
  testing::Response close = testing::Response::Text("x");
  close.close_after = true;
  server.Route("/c", close);
  FetcherOptions o = LoopbackOptions();
  o.max_in_flight_per_host = 1;
  o.dns_cache_ttl = dns_ttl;
  Results results;
  auto f = Fetcher::Create(o, results.Callback());
  EXPECT_TRUE(f.ok()) << f.status().ToString();
  if (!f.ok()) return -1;
  for (uint64_t i = 0; i < 4; ++i) {
    FetchRequest r;
    r.id = i;
    r.url = server.UrlFor(host, "/c");
    EXPECT_TRUE((*f)->Submit(r).ok());
  }
  auto got = results.WaitAll(4);
  for (const auto& [id, r] : got) EXPECT_TRUE(r.ok()) << r.error;
  std::set<uint64_t> connections;
  for (const auto& req : server.Requests()) connections.insert(req.connection_id);
  EXPECT_EQ(connections.size(), 4u) << "the test needs a new connection per request";
  return testing::DnsLookups(host);
}

TEST(FetcherProtocol, DnsCacheResolvesAHostOnceForManyConnections) {
  EXPECT_EQ(LookupsForSequentialFetches("cached.dnscount.test", 300s), 1);
  // Without the cache every connection resolves again: the count above is the cache.
  EXPECT_EQ(LookupsForSequentialFetches("uncached.dnscount.test", 0s), 4);
}

}  // namespace
}  // namespace hallyu
