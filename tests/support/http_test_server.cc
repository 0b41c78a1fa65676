#include "tests/support/http_test_server.h"

#include <arpa/inet.h>
#include <brotli/encode.h>
#include <errno.h>
#include <gtest/gtest.h>
#include <libdeflate.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <strings.h>
#include <algorithm>
#include <atomic>
#include <cstring>
#include <optional>

namespace hallyu::testing {
namespace {

constexpr size_t kMaxHead = 64 * 1024;
constexpr size_t kMaxRequestBody = 1024 * 1024;

std::string_view Reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 204:
      return "No Content";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 307:
      return "Temporary Redirect";
    case 308:
      return "Permanent Redirect";
    case 400:
      return "Bad Request";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 410:
      return "Gone";
    case 413:
      return "Payload Too Large";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "Status";
  }
}

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

bool HasHeader(const Headers& h, std::string_view name) {
  for (const auto& [k, v] : h)
    if (IEquals(k, name)) return true;
  return false;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

void ResetSocket(int fd) {
  linger lg{};
  lg.l_onoff = 1;
  lg.l_linger = 0;
  setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
}

}  // namespace

// ---- Response conveniences -------------------------------------------------

Response Response::Text(std::string body, std::string content_type) {
  Response r;
  r.body = std::move(body);
  r.headers.emplace_back("Content-Type", std::move(content_type));
  return r;
}

Response Response::Status(int status, std::string body) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  if (!r.body.empty()) r.headers.emplace_back("Content-Type", "text/plain");
  return r;
}

Response Response::Redirect(int status, std::string location) {
  Response r;
  r.status = status;
  r.headers.emplace_back("Location", std::move(location));
  return r;
}

Response Response::RetryAfter(int status, std::string retry_after) {
  Response r;
  r.status = status;
  r.headers.emplace_back("Retry-After", std::move(retry_after));
  return r;
}

std::string RecordedRequest::Header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (IEquals(k, name)) return v;
  return "";
}

bool RecordedRequest::HasHeader(std::string_view name) const {
  return testing::HasHeader(headers, name);
}

// ---- Compression helpers ---------------------------------------------------

std::string GzipCompress(std::string_view data) {
  z_stream zs{};
  if (deflateInit2(&zs, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return "";
  std::string out;
  out.resize(deflateBound(&zs, data.size()) + 64);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

namespace {
// Raw deflate of `n` zero bytes from a fresh stream, ended by a full flush, so
// the bytes decode the same wherever they sit on a block boundary.
std::string DeflateZerosBlock(size_t n, int flush) {
  z_stream zs{};
  if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK)
    return "";
  std::string zeros(n, '\0');
  std::string out(deflateBound(&zs, n) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(zeros.data());
  zs.avail_in = static_cast<uInt>(n);
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, flush);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}
}  // namespace

std::string GzipOfZeros(uint64_t n) {
  constexpr size_t kBlock = 1 << 20;
  std::string out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
  std::string block = DeflateZerosBlock(kBlock, Z_FULL_FLUSH);
  uLong crc_block = crc32(0L, Z_NULL, 0);
  {
    std::string zeros(kBlock, '\0');
    crc_block = crc32(crc_block, reinterpret_cast<const Bytef*>(zeros.data()), kBlock);
  }
  uLong crc = crc32(0L, Z_NULL, 0);
  for (uint64_t i = 0; i < n / kBlock; ++i) {
    out += block;
    crc = crc32_combine(crc, crc_block, kBlock);
  }
  size_t rest = static_cast<size_t>(n % kBlock);
  if (rest > 0) {
    out += DeflateZerosBlock(rest, Z_FULL_FLUSH);
    std::string zeros(rest, '\0');
    crc = crc32(crc, reinterpret_cast<const Bytef*>(zeros.data()), static_cast<uInt>(rest));
  }
  out += DeflateZerosBlock(0, Z_FINISH);  // the final (empty) block
  uint32_t isize = static_cast<uint32_t>(n & 0xffffffffu);
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((crc >> (8 * i)) & 0xff));
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((isize >> (8 * i)) & 0xff));
  return out;
}

std::string BrotliCompress(std::string_view data) {
  size_t size = BrotliEncoderMaxCompressedSize(data.size());
  if (size == 0) size = data.size() + 1024;
  std::string out(size, '\0');
  if (!BrotliEncoderCompress(5, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, data.size(),
                             reinterpret_cast<const uint8_t*>(data.data()), &size,
                             reinterpret_cast<uint8_t*>(out.data()))) {
    return "";
  }
  out.resize(size);
  return out;
}

std::string DeflateCompress(std::string_view data, bool zlib_wrapped) {
  libdeflate_compressor* c = libdeflate_alloc_compressor(6);
  std::string out(libdeflate_deflate_compress_bound(c, data.size()) + 16, '\0');
  size_t n = zlib_wrapped
                 ? libdeflate_zlib_compress(c, data.data(), data.size(), out.data(), out.size())
                 : libdeflate_deflate_compress(c, data.data(), data.size(), out.data(), out.size());
  libdeflate_free_compressor(c);
  out.resize(n);
  return out;
}

Response Encoded(std::string encoded, std::string coding) {
  Response r = Response::Text(std::move(encoded));
  r.headers.emplace_back("Content-Encoding", std::move(coding));
  return r;
}

std::string ZstdCompress(std::string_view data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  size_t n = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3);
  out.resize(ZSTD_isError(n) ? 0 : n);
  return out;
}

// ---- Server ----------------------------------------------------------------

struct HttpTestServer::Connection {
  int fd = -1;
  uint64_t id = 0;
  uint16_t peer_port = 0;
  std::thread thread;
  std::atomic<bool> done{false};
};

HttpTestServer::HttpTestServer() {
  stop_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  listen_fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int one = 1;
  setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (stop_fd_ < 0 || listen_fd_ < 0 ||
      bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 ||
      listen(listen_fd_, 1024) != 0) {
    ADD_FAILURE() << "HttpTestServer: cannot listen: " << strerror(errno);
    return;
  }
  socklen_t len = sizeof(addr);
  getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  accept_thread_ = std::thread([this] { AcceptLoop(); });
}

HttpTestServer::~HttpTestServer() {
  uint64_t one = 1;
  if (stop_fd_ >= 0) (void)!write(stop_fd_, &one, sizeof(one));
  if (accept_thread_.joinable()) accept_thread_.join();
  std::vector<std::unique_ptr<Connection>> live;
  {
    std::lock_guard<std::mutex> lock(mu_);
    live.swap(live_);
  }
  for (auto& c : live) {
    if (c->thread.joinable()) c->thread.join();
  }
  if (listen_fd_ >= 0) close(listen_fd_);
  if (stop_fd_ >= 0) close(stop_fd_);
}

std::string HttpTestServer::Url(std::string_view path) const { return UrlFor("127.0.0.1", path); }

std::string HttpTestServer::UrlFor(std::string_view host, std::string_view path) const {
  return "http://" + std::string(host) + ":" + std::to_string(port_) + std::string(path);
}

void HttpTestServer::Route(std::string path, Response response) {
  RouteSequence(std::move(path), {std::move(response)});
}

void HttpTestServer::RouteSequence(std::string path, std::vector<Response> sequence) {
  std::lock_guard<std::mutex> lock(mu_);
  RouteEntry e;
  e.sequence = std::move(sequence);
  routes_[std::move(path)] = std::move(e);
}

void HttpTestServer::RouteHandler(std::string path, Handler handler) {
  std::lock_guard<std::mutex> lock(mu_);
  RouteEntry e;
  e.handler = std::move(handler);
  routes_[std::move(path)] = std::move(e);
}

std::vector<RecordedRequest> HttpTestServer::Requests() const {
  std::lock_guard<std::mutex> lock(mu_);
  return log_;
}

std::vector<RecordedRequest> HttpTestServer::RequestsFor(std::string_view path) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<RecordedRequest> out;
  for (const auto& r : log_)
    if (r.path == path) out.push_back(r);
  return out;
}

size_t HttpTestServer::RequestCount() const {
  std::lock_guard<std::mutex> lock(mu_);
  return log_.size();
}

size_t HttpTestServer::WaitForRequests(size_t n, std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait_for(lock, timeout, [&] { return log_.size() >= n; });
  return log_.size();
}

void HttpTestServer::ClearLog() {
  std::lock_guard<std::mutex> lock(mu_);
  log_.clear();
}

uint64_t HttpTestServer::ConnectionCount() const {
  std::lock_guard<std::mutex> lock(mu_);
  return connections_;
}

int HttpTestServer::MaxOverlap(const std::vector<RecordedRequest>& requests) {
  std::vector<std::pair<SteadyTime, int>> events;
  for (const auto& r : requests) {
    events.emplace_back(r.arrived, +1);
    events.emplace_back(std::max(r.completed, r.arrived), -1);
  }
  // Ends before starts at the same instant: touching intervals do not overlap.
  std::sort(events.begin(), events.end());
  int cur = 0, best = 0;
  for (const auto& [t, d] : events) {
    cur += d;
    best = std::max(best, cur);
  }
  return best;
}

void HttpTestServer::ReapFinished() {
  std::vector<std::unique_ptr<Connection>> finished;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = std::partition(live_.begin(), live_.end(),
                             [](const std::unique_ptr<Connection>& c) { return !c->done.load(); });
    for (auto j = it; j != live_.end(); ++j) finished.push_back(std::move(*j));
    live_.erase(it, live_.end());
  }
  for (auto& c : finished)
    if (c->thread.joinable()) c->thread.join();
}

void HttpTestServer::AcceptLoop() {
  while (true) {
    pollfd fds[2] = {{listen_fd_, POLLIN, 0}, {stop_fd_, POLLIN, 0}};
    int rc = poll(fds, 2, 200);
    if (rc < 0 && errno != EINTR) return;
    if (fds[1].revents) return;
    ReapFinished();
    if (!(fds[0].revents & POLLIN)) continue;
    sockaddr_in peer{};
    socklen_t len = sizeof(peer);
    int fd = accept4(listen_fd_, reinterpret_cast<sockaddr*>(&peer), &len, SOCK_CLOEXEC);
    if (fd < 0) continue;
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    std::lock_guard<std::mutex> lock(mu_);
    if (live_.size() >= static_cast<size_t>(kMaxConnections)) {
      close(fd);
      continue;
    }
    auto conn = std::make_unique<Connection>();
    conn->fd = fd;
    conn->id = ++connections_;
    conn->peer_port = ntohs(peer.sin_port);
    Connection* raw = conn.get();
    live_.push_back(std::move(conn));
    raw->thread = std::thread([this, raw] {
      Serve(raw);
      close(raw->fd);
      raw->done = true;
    });
  }
}

Response HttpTestServer::Pick(const RecordedRequest& req) {
  Handler handler;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = routes_.find(req.path);
    if (it == routes_.end()) it = routes_.find(req.target);
    if (it == routes_.end()) return Response::Status(404, "not found\n");
    RouteEntry& e = it->second;
    size_t hit = e.hits++;
    if (!e.handler)
      return e.sequence.empty() ? Response::Status(500)
                                : e.sequence[std::min(hit, e.sequence.size() - 1)];
    handler = e.handler;
  }
  return handler(req);
}

namespace {

// Waits until `fd` is ready for `events`, the stop fd fires, or `timeout_ms`
// passes (-1 = no limit). Returns 1 ready, 0 timeout, -1 stop / error / hangup.
int WaitFd(int fd, short events, int stop_fd, int timeout_ms) {
  pollfd fds[2] = {{fd, events, 0}, {stop_fd, POLLIN, 0}};
  while (true) {
    int rc = poll(fds, 2, timeout_ms);
    if (rc < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (fds[1].revents) return -1;
    if (rc == 0) return 0;
    if (fds[0].revents & (POLLERR | POLLNVAL)) return -1;
    if (fds[0].revents & events) return 1;
    if (fds[0].revents & POLLHUP) return -1;
  }
}

// Sleeps `ms`, returning false early when the server stops.
bool Pause(int stop_fd, std::chrono::milliseconds ms) {
  if (ms.count() <= 0) return true;
  pollfd p{stop_fd, POLLIN, 0};
  auto until = std::chrono::steady_clock::now() + ms;
  while (true) {
    // Round up: poll's millisecond timeout must not end the pause early.
    auto left =
        std::chrono::ceil<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
    if (left.count() <= 0) return true;
    int rc = poll(&p, 1, static_cast<int>(left.count()));
    if (rc > 0) return false;
  }
}

// Writes all of `data`; false when the peer went away or the server stops.
bool SendAll(int fd, int stop_fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = send(fd, data.data(), data.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0) {
      data.remove_prefix(static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
      if (WaitFd(fd, POLLOUT, stop_fd, -1) != 1) return false;
      continue;
    }
    return false;
  }
  return true;
}

}  // namespace

void HttpTestServer::Serve(Connection* conn) {
  std::string buf;
  while (true) {
    // Read one request head (bounded).
    size_t head_end;
    while ((head_end = buf.find("\r\n\r\n")) == std::string::npos) {
      if (buf.size() > kMaxHead) {
        SendAll(conn->fd, stop_fd_, "HTTP/1.1 413 Payload Too Large\r\nContent-Length: 0\r\n\r\n");
        return;
      }
      if (WaitFd(conn->fd, POLLIN, stop_fd_, -1) != 1) return;
      char tmp[8192];
      ssize_t n = recv(conn->fd, tmp, sizeof(tmp), MSG_DONTWAIT);
      if (n == 0) return;
      if (n < 0) {
        if (errno == EAGAIN || errno == EINTR) continue;
        return;
      }
      buf.append(tmp, static_cast<size_t>(n));
    }
    RecordedRequest req;
    req.connection_id = conn->id;
    req.peer_port = conn->peer_port;
    std::string_view head(buf.data(), head_end);
    size_t line_end = head.find("\r\n");
    std::string_view request_line = head.substr(0, line_end);
    size_t sp1 = request_line.find(' ');
    size_t sp2 = request_line.rfind(' ');
    if (sp1 == std::string_view::npos || sp2 == sp1) return;
    req.method = std::string(request_line.substr(0, sp1));
    req.target = std::string(request_line.substr(sp1 + 1, sp2 - sp1 - 1));
    req.path = req.target.substr(0, req.target.find('?'));
    size_t pos = line_end == std::string_view::npos ? head.size() : line_end + 2;
    while (pos < head.size()) {
      size_t e = head.find("\r\n", pos);
      if (e == std::string_view::npos) e = head.size();
      std::string_view line = head.substr(pos, e - pos);
      size_t colon = line.find(':');
      if (colon != std::string_view::npos)
        req.headers.emplace_back(Trim(line.substr(0, colon)), Trim(line.substr(colon + 1)));
      pos = e + 2;
    }
    buf.erase(0, head_end + 4);
    size_t content_length = 0;
    if (std::string cl = req.Header("Content-Length"); !cl.empty())
      content_length = std::strtoull(cl.c_str(), nullptr, 10);
    if (content_length > kMaxRequestBody) {
      SendAll(conn->fd, stop_fd_, "HTTP/1.1 413 Payload Too Large\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    while (buf.size() < content_length) {
      if (WaitFd(conn->fd, POLLIN, stop_fd_, -1) != 1) return;
      char tmp[8192];
      ssize_t n = recv(conn->fd, tmp, sizeof(tmp), MSG_DONTWAIT);
      if (n == 0) return;
      if (n < 0) continue;
      buf.append(tmp, static_cast<size_t>(n));
    }
    req.body = buf.substr(0, content_length);
    buf.erase(0, content_length);
    req.arrived = std::chrono::steady_clock::now();
    req.completed = req.arrived;

    uint64_t index;
    {
      std::lock_guard<std::mutex> lock(mu_);
      index = next_index_++;
      req.index = index;
      log_.push_back(req);
    }
    cv_.notify_all();
    // Stamped just before each send: the client cannot see the reply complete before its last
    // send began, so a request it starts afterwards never appears to overlap this one.
    std::optional<SteadyTime> last_send;
    auto finish = [&](bool answered) {
      SteadyTime done = answered && last_send ? *last_send : std::chrono::steady_clock::now();
      std::lock_guard<std::mutex> lock(mu_);
      for (auto it = log_.rbegin(); it != log_.rend(); ++it) {
        if (it->index == index) {
          it->completed = done;
          it->answered = answered;
          break;
        }
      }
    };

    Response resp = Pick(req);
    if (resp.reset_before_head) {
      ResetSocket(conn->fd);
      finish(false);
      return;
    }
    if (resp.never_answer) {
      // Wait for the peer to hang up or the server to stop; discard input.
      while (WaitFd(conn->fd, POLLIN, stop_fd_, -1) == 1) {
        char tmp[4096];
        if (recv(conn->fd, tmp, sizeof(tmp), MSG_DONTWAIT) == 0) break;
      }
      finish(false);
      return;
    }
    if (!Pause(stop_fd_, resp.delay)) {
      finish(false);
      return;
    }

    std::string body;
    switch (resp.encoding) {
      case BodyEncoding::kIdentity:
        body = std::move(resp.body);
        break;
      case BodyEncoding::kGzip:
        body = GzipCompress(resp.body);
        resp.headers.emplace_back("Content-Encoding", "gzip");
        break;
      case BodyEncoding::kBrotli:
        body = BrotliCompress(resp.body);
        resp.headers.emplace_back("Content-Encoding", "br");
        break;
    }
    bool close_after = resp.close_after || resp.endless || resp.truncate_after.has_value() ||
                       IEquals(req.Header("Connection"), "close");
    std::string out =
        "HTTP/1.1 " + std::to_string(resp.status) + " " + std::string(Reason(resp.status)) + "\r\n";
    for (const auto& [k, v] : resp.headers) out += k + ": " + v + "\r\n";
    bool no_body = resp.status == 304 || resp.status == 204 || req.method == "HEAD";
    if (!resp.endless && !testing::HasHeader(resp.headers, "Content-Length") &&
        !(resp.status == 304 || resp.status == 204))
      out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    if (close_after) out += "Connection: close\r\n";
    out += "\r\n";

    last_send = std::chrono::steady_clock::now();
    if (!SendAll(conn->fd, stop_fd_, out)) {
      finish(false);
      return;
    }
    if (no_body) body.clear();

    if (resp.endless) {
      std::string chunk = body.empty() ? std::string(64 * 1024, 'x') : body;
      uint64_t sent = 0;
      while (sent < resp.endless_cap) {
        if (resp.trickle_bytes > 0) {
          std::string_view piece(chunk.data(), std::min(chunk.size(), resp.trickle_bytes));
          if (!SendAll(conn->fd, stop_fd_, piece) || !Pause(stop_fd_, resp.trickle_interval)) break;
          sent += piece.size();
        } else {
          if (!SendAll(conn->fd, stop_fd_, chunk)) break;
          sent += chunk.size();
        }
      }
      finish(false);
      return;
    }

    size_t limit = body.size();
    if (resp.truncate_after) limit = std::min(limit, *resp.truncate_after);
    if (resp.reset_after) limit = std::min(limit, *resp.reset_after);
    std::string_view rest(body.data(), limit);
    bool ok = true;
    if (resp.trickle_bytes > 0) {
      while (ok && !rest.empty()) {
        size_t n = std::min(rest.size(), resp.trickle_bytes);
        last_send = std::chrono::steady_clock::now();
        ok = SendAll(conn->fd, stop_fd_, rest.substr(0, n));
        rest.remove_prefix(n);
        if (ok && !rest.empty()) ok = Pause(stop_fd_, resp.trickle_interval);
      }
    } else if (!rest.empty()) {
      last_send = std::chrono::steady_clock::now();
      ok = SendAll(conn->fd, stop_fd_, rest);
    }
    if (resp.reset_after) {
      ResetSocket(conn->fd);
      finish(false);
      return;
    }
    finish(ok && !resp.truncate_after);
    if (!ok || close_after) {
      if (ok) {
        // Let the client read everything before the FIN: half-close, then drain.
        shutdown(conn->fd, SHUT_WR);
        while (WaitFd(conn->fd, POLLIN, stop_fd_, 2000) == 1) {
          char tmp[4096];
          if (recv(conn->fd, tmp, sizeof(tmp), MSG_DONTWAIT) <= 0) break;
        }
      }
      return;
    }
  }
}

}  // namespace hallyu::testing
