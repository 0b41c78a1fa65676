// Tests of the HTTP test server itself, with a raw-socket client so that each
// fault is observed byte for byte (no HTTP library in between).
#include "tests/support/http_test_server.h"

#include <arpa/inet.h>
#include <brotli/decode.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <chrono>
#include <string>
#include <thread>

namespace hallyu::testing {
namespace {

using namespace std::chrono_literals;

int Connect(uint16_t port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(port);
  if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a)) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

struct RawReply {
  std::string bytes;
  bool reset = false;    // recv failed with ECONNRESET
  bool timeout = false;  // nothing more within the wait
};

// Sends `request` and reads until EOF, reset, `max` bytes or `wait` of silence.
RawReply Exchange(uint16_t port, const std::string& request, std::chrono::milliseconds wait = 3s,
                  size_t max = 1 << 20) {
  RawReply r;
  int fd = Connect(port);
  EXPECT_GE(fd, 0);
  if (fd < 0) return r;
  EXPECT_EQ(send(fd, request.data(), request.size(), MSG_NOSIGNAL), ssize_t(request.size()));
  while (r.bytes.size() < max) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(wait.count())) == 0) {
      r.timeout = true;
      break;
    }
    char buf[16384];
    ssize_t n = recv(fd, buf, sizeof(buf), 0);
    if (n == 0) break;
    if (n < 0) {
      r.reset = errno == ECONNRESET;
      break;
    }
    r.bytes.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  return r;
}

std::string Get(const std::string& path, const std::string& extra = "") {
  return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: raw-test/1\r\n" + extra +
         "Connection: close\r\n\r\n";
}

std::string BodyOf(const std::string& reply) {
  size_t p = reply.find("\r\n\r\n");
  return p == std::string::npos ? "" : reply.substr(p + 4);
}

TEST(HttpTestServer, ServesRouteAndRecordsRequest) {
  HttpTestServer server;
  server.Route("/a", Response::Text("hello"));
  RawReply r = Exchange(server.port(), Get("/a?x=1", "If-None-Match: \"v1\"\r\n"));
  EXPECT_NE(r.bytes.find("HTTP/1.1 200 OK\r\n"), std::string::npos);
  EXPECT_NE(r.bytes.find("Content-Length: 5\r\n"), std::string::npos);
  EXPECT_EQ(BodyOf(r.bytes), "hello");
  auto log = server.Requests();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].method, "GET");
  EXPECT_EQ(log[0].path, "/a");
  EXPECT_EQ(log[0].target, "/a?x=1");
  EXPECT_EQ(log[0].Header("user-agent"), "raw-test/1");
  EXPECT_EQ(log[0].Header("If-None-Match"), "\"v1\"");
  EXPECT_TRUE(log[0].answered);
  EXPECT_GE(log[0].completed, log[0].arrived);
}

TEST(HttpTestServer, UnknownPathIs404) {
  HttpTestServer server;
  RawReply r = Exchange(server.port(), Get("/nope"));
  EXPECT_EQ(r.bytes.rfind("HTTP/1.1 404", 0), 0u);
}

TEST(HttpTestServer, SequenceRepeatsLastAndKeepAliveReusesConnection) {
  HttpTestServer server;
  server.RouteSequence("/s", {Response::Status(503), Response::Text("ok")});
  int fd = Connect(server.port());
  ASSERT_GE(fd, 0);
  std::string req = "GET /s HTTP/1.1\r\nHost: x\r\n\r\n";
  std::string all;
  for (int i = 0; i < 3; ++i) ASSERT_GT(send(fd, req.data(), req.size(), MSG_NOSIGNAL), 0);
  auto count = [&](std::string_view needle) {
    size_t n = 0;
    for (size_t p = all.find(needle); p != std::string::npos; p = all.find(needle, p + 1)) ++n;
    return n;
  };
  // Until three heads and both "ok" bodies arrived (bounded by the poll timeout).
  while (count("HTTP/1.1 ") < 3 || count("\r\n\r\nok") < 2) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 2000) <= 0) break;
    char buf[4096];
    ssize_t n = recv(fd, buf, sizeof(buf), 0);
    if (n <= 0) break;
    all.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  EXPECT_EQ(all.rfind("HTTP/1.1 503", 0), 0u);
  size_t second = all.find("HTTP/1.1 200");
  ASSERT_NE(second, std::string::npos);
  EXPECT_NE(all.find("HTTP/1.1 200", second + 1), std::string::npos);
  auto log = server.Requests();
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].connection_id, log[2].connection_id);
  EXPECT_EQ(server.ConnectionCount(), 1u);
}

TEST(HttpTestServer, HandlerSeesRequest) {
  HttpTestServer server;
  server.RouteHandler("/h", [](const RecordedRequest& r) {
    if (r.Header("If-None-Match") == "\"e1\"") return Response::Status(304);
    Response resp = Response::Text("fresh");
    resp.headers.emplace_back("ETag", "\"e1\"");
    return resp;
  });
  EXPECT_EQ(Exchange(server.port(), Get("/h")).bytes.rfind("HTTP/1.1 200", 0), 0u);
  RawReply r = Exchange(server.port(), Get("/h", "If-None-Match: \"e1\"\r\n"));
  EXPECT_EQ(r.bytes.rfind("HTTP/1.1 304", 0), 0u);
  EXPECT_EQ(BodyOf(r.bytes), "");
}

TEST(HttpTestServer, DelayHoldsTheReply) {
  HttpTestServer server;
  Response slow = Response::Text("late");
  slow.delay = 300ms;
  server.Route("/d", slow);
  auto t0 = std::chrono::steady_clock::now();
  RawReply r = Exchange(server.port(), Get("/d"));
  EXPECT_GE(std::chrono::steady_clock::now() - t0, 300ms);
  EXPECT_EQ(BodyOf(r.bytes), "late");
  auto log = server.Requests();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_GE(log[0].completed - log[0].arrived, 300ms);
}

TEST(HttpTestServer, TrickleSendsPiecesApart) {
  HttpTestServer server;
  Response r = Response::Text("abcdef");
  r.trickle_bytes = 2;
  r.trickle_interval = 100ms;
  server.Route("/t", r);
  auto t0 = std::chrono::steady_clock::now();
  RawReply got = Exchange(server.port(), Get("/t"));
  EXPECT_GE(std::chrono::steady_clock::now() - t0, 200ms);  // two pauses between 3 pieces
  EXPECT_EQ(BodyOf(got.bytes), "abcdef");
}

TEST(HttpTestServer, RetryAfterAndRedirect) {
  HttpTestServer server;
  server.Route("/busy", Response::RetryAfter(429, "7"));
  server.Route("/r", Response::Redirect(302, "/final"));
  RawReply a = Exchange(server.port(), Get("/busy"));
  EXPECT_EQ(a.bytes.rfind("HTTP/1.1 429 Too Many Requests", 0), 0u);
  EXPECT_NE(a.bytes.find("Retry-After: 7\r\n"), std::string::npos);
  RawReply b = Exchange(server.port(), Get("/r"));
  EXPECT_EQ(b.bytes.rfind("HTTP/1.1 302", 0), 0u);
  EXPECT_NE(b.bytes.find("Location: /final\r\n"), std::string::npos);
}

TEST(HttpTestServer, GzipAndBrotliBodiesDecodeToOriginal) {
  HttpTestServer server;
  std::string text(5000, 'k');
  Response g = Response::Text(text);
  g.encoding = BodyEncoding::kGzip;
  server.Route("/gz", g);
  Response b = Response::Text(text);
  b.encoding = BodyEncoding::kBrotli;
  server.Route("/br", b);

  RawReply rg = Exchange(server.port(), Get("/gz"));
  EXPECT_NE(rg.bytes.find("Content-Encoding: gzip"), std::string::npos);
  std::string gz = BodyOf(rg.bytes);
  EXPECT_LT(gz.size(), text.size());
  std::string inflated(text.size() + 10, '\0');
  z_stream zs{};
  ASSERT_EQ(inflateInit2(&zs, 15 + 16), Z_OK);
  zs.next_in = reinterpret_cast<Bytef*>(gz.data());
  zs.avail_in = static_cast<uInt>(gz.size());
  zs.next_out = reinterpret_cast<Bytef*>(inflated.data());
  zs.avail_out = static_cast<uInt>(inflated.size());
  EXPECT_EQ(inflate(&zs, Z_FINISH), Z_STREAM_END);
  inflated.resize(zs.total_out);
  inflateEnd(&zs);
  EXPECT_EQ(inflated, text);

  RawReply rb = Exchange(server.port(), Get("/br"));
  EXPECT_NE(rb.bytes.find("Content-Encoding: br"), std::string::npos);
  std::string br = BodyOf(rb.bytes);
  std::string decoded(text.size() + 10, '\0');
  size_t decoded_size = decoded.size();
  ASSERT_EQ(BrotliDecoderDecompress(br.size(), reinterpret_cast<const uint8_t*>(br.data()),
                                    &decoded_size, reinterpret_cast<uint8_t*>(decoded.data())),
            BROTLI_DECODER_RESULT_SUCCESS);
  decoded.resize(decoded_size);
  EXPECT_EQ(decoded, text);
}

TEST(HttpTestServer, GzipOfZerosIsSmall) {
  std::string bomb = GzipOfZeros((64ull << 20) + 12345);
  EXPECT_LT(bomb.size(), 200u * 1024);
  z_stream zs{};
  ASSERT_EQ(inflateInit2(&zs, 15 + 16), Z_OK);
  zs.next_in = reinterpret_cast<Bytef*>(bomb.data());
  zs.avail_in = static_cast<uInt>(bomb.size());
  std::string out(1 << 20, '\1');
  uint64_t total = 0;
  int rc;
  do {
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    rc = inflate(&zs, Z_NO_FLUSH);
    total += out.size() - zs.avail_out;
  } while (rc == Z_OK);
  inflateEnd(&zs);
  EXPECT_EQ(rc, Z_STREAM_END);
  EXPECT_EQ(total, (64ull << 20) + 12345);
}

TEST(HttpTestServer, TruncatedBodyClosesEarly) {
  HttpTestServer server;
  Response r = Response::Text(std::string(1000, 'a'));
  r.truncate_after = 100;
  server.Route("/trunc", r);
  RawReply got = Exchange(server.port(), Get("/trunc"));
  EXPECT_NE(got.bytes.find("Content-Length: 1000\r\n"), std::string::npos);
  EXPECT_EQ(BodyOf(got.bytes).size(), 100u);
  EXPECT_FALSE(got.timeout);
}

TEST(HttpTestServer, ResetSendsRst) {
  HttpTestServer server;
  Response r = Response::Text("x");
  r.reset_before_head = true;
  server.Route("/rst", r);
  RawReply got = Exchange(server.port(), Get("/rst"));
  EXPECT_TRUE(got.reset);
  EXPECT_TRUE(got.bytes.empty());
  Response mid = Response::Text(std::string(100000, 'b'));
  mid.reset_after = 10;
  server.Route("/rst-mid", mid);
  RawReply got2 = Exchange(server.port(), Get("/rst-mid"));
  EXPECT_TRUE(got2.reset || BodyOf(got2.bytes).size() == 10u);
  EXPECT_LE(BodyOf(got2.bytes).size(), 10u);
}

TEST(HttpTestServer, EndlessBodyKeepsGoing) {
  HttpTestServer server;
  Response r = Response::Text("");
  r.endless = true;
  server.Route("/endless", r);
  RawReply got = Exchange(server.port(), Get("/endless"), 3s, 4 << 20);
  EXPECT_EQ(got.bytes.find("Content-Length"), std::string::npos);
  EXPECT_GE(got.bytes.size(), size_t{4} << 20);
}

TEST(HttpTestServer, NeverAnswerStaysSilentAndShutdownIsPrompt) {
  auto t0 = std::chrono::steady_clock::now();
  {
    HttpTestServer server;
    Response r;
    r.never_answer = true;
    server.Route("/silent", r);
    RawReply got = Exchange(server.port(), Get("/silent"), 300ms);
    EXPECT_TRUE(got.timeout);
    EXPECT_TRUE(got.bytes.empty());
    // A second silent connection left open while the server is destroyed.
    int fd = Connect(server.port());
    std::string req = Get("/silent");
    ASSERT_GT(send(fd, req.data(), req.size(), MSG_NOSIGNAL), 0);
    server.WaitForRequests(2, 2s);
    close(fd);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 5s);
}

TEST(HttpTestServer, CharsetIsWhatTheRouteSays) {
  HttpTestServer server;
  server.Route("/euckr", Response::Text("\xc7\xd1", "text/html; charset=euc-kr"));
  Response none;
  none.body = "<html></html>";
  none.headers.emplace_back("Content-Type", "text/html");
  server.Route("/none", none);
  EXPECT_NE(Exchange(server.port(), Get("/euckr")).bytes.find("charset=euc-kr"), std::string::npos);
  EXPECT_EQ(Exchange(server.port(), Get("/none")).bytes.find("charset"), std::string::npos);
}

TEST(HttpTestServer, MaxOverlapCountsConcurrentRequests) {
  HttpTestServer server;
  Response slow = Response::Text("x");
  slow.delay = 600ms;  // long enough that both threads' requests overlap on a loaded machine
  server.Route("/slow", slow);
  std::thread a([&] { Exchange(server.port(), Get("/slow")); });
  std::thread b([&] { Exchange(server.port(), Get("/slow")); });
  a.join();
  b.join();
  Exchange(server.port(), Get("/slow"));
  EXPECT_EQ(HttpTestServer::MaxOverlap(server.Requests()), 2);
}

}  // namespace
}  // namespace hallyu::testing
