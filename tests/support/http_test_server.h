#pragma once
// HttpTestServer: an in-process HTTP/1.1 server on 127.0.0.1 (random port) that
// serves scripted routes and records every request it receives, so tests can
// assert on what a client SENT (headers, timing, concurrency) as well as on how
// it coped with what it got back.
//
// Built on plain sockets + poll (no HTTP library) because the faults below need
// control over every byte and over how the connection ends:
//   - fixed delay before answering            Response::delay
//   - slow trickle (N bytes every T)          Response::trickle_bytes / trickle_interval
//   - any status (5xx, 429/503 + Retry-After) Response::status / headers
//   - redirect chains and loops               HttpTestServer::Redirect
//   - gzip / brotli bodies                    Response::encoding (or GzipOfZeros)
//   - truncated body                          Response::truncate_after
//   - huge / endless body                     Response::endless
//   - wrong or missing charset                just the Content-Type header you set
//   - connection reset (RST, SO_LINGER 0)     Response::reset_after
//   - never answer                            Response::never_answer
//
// Threading: one accept thread plus one thread per connection (at most
// kMaxConnections at once; further connections are closed at once). Every wait
// (delay, trickle, never-answer) also watches a stop descriptor, so the
// destructor returns promptly and joins every thread. Buffers are bounded: a
// request head over 64 KiB or a request body over 1 MiB gets a 413 and a close.
// All public methods are thread-safe.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace hallyu::testing {

using SteadyTime = std::chrono::steady_clock::time_point;
using Headers = std::vector<std::pair<std::string, std::string>>;

enum class BodyEncoding { kIdentity, kGzip, kBrotli };

// One scripted reply and the faults applied while sending it.
struct Response {
  int status = 200;
  Headers headers;   // sent as given; Content-Length is added unless set or endless
  std::string body;  // identity bytes; compressed on the way out when `encoding` asks
  BodyEncoding encoding = BodyEncoding::kIdentity;  // adds Content-Encoding

  std::chrono::milliseconds delay{0};             // wait this long before sending anything
  size_t trickle_bytes = 0;                       // > 0: send the body this many bytes at a time
  std::chrono::milliseconds trickle_interval{0};  // pause between trickled pieces
  // Send the full Content-Length header but only this many body bytes, then close.
  std::optional<size_t> truncate_after;
  // Send the head and this many body bytes, then reset the connection (RST via
  // SO_LINGER 0). 0 with `reset_before_head` resets without sending anything.
  std::optional<size_t> reset_after;
  bool reset_before_head = false;  // RST right after reading the request
  bool never_answer = false;       // read the request, then wait until peer or server stops
  // Endless body: no Content-Length, `body` (or filler) repeated until the client
  // goes away, the server stops or `endless_cap` bytes were sent.
  bool endless = false;
  uint64_t endless_cap = uint64_t{4} << 30;  // bytes, 4 GiB
  bool close_after = false;                  // Connection: close after this reply

  // Conveniences.
  static Response Text(std::string body, std::string content_type = "text/html; charset=utf-8");
  static Response Status(int status, std::string body = "");
  static Response Redirect(int status, std::string location);
  // 429/503 (or any status) with a Retry-After header value ("2" or an HTTP-date).
  static Response RetryAfter(int status, std::string retry_after);
};

// A request as the server saw it.
struct RecordedRequest {
  uint64_t index = 0;          // 0-based order of arrival
  uint64_t connection_id = 0;  // 1-based; same id = same TCP connection (reuse)
  uint16_t peer_port = 0;
  std::string method;
  std::string target;  // as sent: path + query
  std::string path;    // target without the query
  Headers headers;
  std::string body;
  SteadyTime arrived;     // when the request head was complete
  SteadyTime completed;   // answered: when the last send of the reply began; else when it ended
  bool answered = false;  // the reply was sent completely

  // Value of the first header named `name` (case-insensitive), or "" when absent.
  std::string Header(std::string_view name) const;
  bool HasHeader(std::string_view name) const;
};

class HttpTestServer {
 public:
  using Handler = std::function<Response(const RecordedRequest&)>;
  static constexpr int kMaxConnections = 512;

  // Binds 127.0.0.1 on a random port and starts serving. Aborts the test
  // (FAIL via ADD_FAILURE + port 0) when the socket cannot be set up.
  HttpTestServer();
  // Stops accepting, ends every connection and joins all threads.
  ~HttpTestServer();
  HttpTestServer(const HttpTestServer&) = delete;
  HttpTestServer& operator=(const HttpTestServer&) = delete;

  uint16_t port() const { return port_; }
  // "http://127.0.0.1:<port><path>".
  std::string Url(std::string_view path) const;
  // "http://<host>:<port><path>" for a host name that the client maps to 127.0.0.1.
  std::string UrlFor(std::string_view host, std::string_view path) const;

  // Routes match the path without the query first, then the full target.
  // Unknown paths get 404. Re-adding a path replaces the route.
  void Route(std::string path, Response response);
  // The n-th request to `path` gets sequence[n]; the last one repeats.
  void RouteSequence(std::string path, std::vector<Response> sequence);
  // The reply is computed per request (e.g. 304 when If-None-Match matches).
  void RouteHandler(std::string path, Handler handler);

  // Every request received so far, in arrival order.
  std::vector<RecordedRequest> Requests() const;
  // Requests whose path equals `path`.
  std::vector<RecordedRequest> RequestsFor(std::string_view path) const;
  size_t RequestCount() const;
  // Blocks until at least `n` requests arrived or `timeout` passed; returns the count.
  size_t WaitForRequests(size_t n, std::chrono::milliseconds timeout) const;
  void ClearLog();
  // Number of TCP connections accepted so far.
  uint64_t ConnectionCount() const;

  // Largest number of requests being served at the same time, from the log
  // (intervals [arrived, completed]).
  static int MaxOverlap(const std::vector<RecordedRequest>& requests);

 private:
  struct RouteEntry {
    std::vector<Response> sequence;
    Handler handler;
    size_t hits = 0;
  };
  struct Connection;

  void AcceptLoop();
  void Serve(Connection* conn);
  Response Pick(const RecordedRequest& req);
  void ReapFinished();

  int listen_fd_ = -1;
  int stop_fd_ = -1;  // eventfd, readable once Stop began
  uint16_t port_ = 0;
  std::thread accept_thread_;

  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  std::map<std::string, RouteEntry> routes_;
  std::vector<RecordedRequest> log_;
  uint64_t next_index_ = 0;
  uint64_t connections_ = 0;
  std::vector<std::unique_ptr<Connection>> live_;
};

// gzip (RFC 1952) of `data`.
std::string GzipCompress(std::string_view data);
// gzip of `n` zero bytes, built from one repeated deflate block, so even a
// 1 GiB "gzip bomb" (~1 MiB) is made in milliseconds.
std::string GzipOfZeros(uint64_t n);
// Brotli of `data` (quality 5).
std::string BrotliCompress(std::string_view data);
// DEFLATE of `data` (level 6), zlib-wrapped or raw.
std::string DeflateCompress(std::string_view data, bool zlib_wrapped);
// zstd of `data` (level 3, one frame); "" when zstd fails.
std::string ZstdCompress(std::string_view data);
// A text/html response whose body is `encoded` as given, labelled with `coding` as
// its Content-Encoding (for bodies the server cannot encode itself, or corrupt ones).
Response Encoded(std::string encoded, std::string coding);

}  // namespace hallyu::testing
