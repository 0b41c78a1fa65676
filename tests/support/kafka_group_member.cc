#include "tests/support/kafka_group_member.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace hallyu::testing {
namespace {

constexpr int16_t kFindCoordinator = 10;
constexpr int16_t kJoinGroup = 11;
constexpr int16_t kHeartbeat = 12;
constexpr int16_t kSyncGroup = 14;
constexpr int16_t kMemberIdRequired = 79;
constexpr size_t kMaxAnswer = 1 << 20;
constexpr int kMaxCoordinatorMoves = 50;

// COORDINATOR_LOAD_IN_PROGRESS, COORDINATOR_NOT_AVAILABLE, NOT_COORDINATOR.
bool IsCoordinatorMoving(int16_t error) { return error == 14 || error == 15 || error == 16; }

// Big-endian writer of Kafka's non-flexible primitive types.
class Writer {
 public:
  Writer& I8(int8_t v) {
    out_.push_back(static_cast<char>(v));
    return *this;
  }
  Writer& I16(int16_t v) {
    uint16_t u = static_cast<uint16_t>(v);
    out_.push_back(static_cast<char>(u >> 8));
    out_.push_back(static_cast<char>(u & 0xff));
    return *this;
  }
  Writer& I32(int32_t v) {
    uint32_t u = static_cast<uint32_t>(v);
    for (int s = 24; s >= 0; s -= 8) out_.push_back(static_cast<char>((u >> s) & 0xff));
    return *this;
  }
  Writer& Str(const std::string& s) {
    I16(static_cast<int16_t>(s.size()));
    out_ += s;
    return *this;
  }
  Writer& NullStr() { return I16(-1); }
  Writer& Bytes(const std::string& b) {
    I32(static_cast<int32_t>(b.size()));
    out_ += b;
    return *this;
  }
  const std::string& data() const { return out_; }

 private:
  std::string out_;
};

// Bounds-checked reader; after a short read every value is zero/empty and ok() is false.
class Reader {
 public:
  explicit Reader(const std::string& in) : in_(in) {}
  int16_t I16() { return static_cast<int16_t>(Uint(2)); }
  int32_t I32() { return static_cast<int32_t>(Uint(4)); }
  std::string Str() {
    int16_t n = I16();
    return n < 0 ? std::string() : Take(static_cast<size_t>(n));
  }
  std::string Bytes() {
    int32_t n = I32();
    return n < 0 ? std::string() : Take(static_cast<size_t>(n));
  }
  bool ok() const { return ok_; }

 private:
  uint32_t Uint(size_t n) {
    std::string b = Take(n);
    uint32_t v = 0;
    for (unsigned char c : b) v = (v << 8) | c;
    return v;
  }
  std::string Take(size_t n) {
    if (!ok_ || in_.size() - pos_ < n) {
      ok_ = false;
      return std::string();
    }
    std::string s = in_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  const std::string& in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

// Connects to host:port with a bounded wait. Returns the socket or -1 (*error set).
int Dial(const std::string& host, const std::string& port, std::chrono::milliseconds timeout,
         std::string* error) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* res = nullptr;
  if (int rc = getaddrinfo(host.c_str(), port.c_str(), &hints, &res); rc != 0) {
    *error = "resolve " + host + ": " + gai_strerror(rc);
    return -1;
  }
  int fd = socket(res->ai_family, res->ai_socktype | SOCK_CLOEXEC, res->ai_protocol);
  if (fd >= 0) {
    timeval tv{};
    tv.tv_sec = static_cast<time_t>(timeout.count() / 1000);
    tv.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    if (connect(fd, res->ai_addr, res->ai_addrlen) != 0) {
      *error = "connect " + host + ":" + port + ": " + std::strerror(errno);
      close(fd);
      fd = -1;
    }
  } else {
    *error = std::string("socket: ") + std::strerror(errno);
  }
  freeaddrinfo(res);
  return fd;
}

bool SendAll(int fd, const std::string& data) {
  size_t off = 0;
  while (off < data.size()) {
    ssize_t n = send(fd, data.data() + off, data.size() - off, MSG_NOSIGNAL);
    if (n <= 0) return false;
    off += static_cast<size_t>(n);
  }
  return true;
}

// Reads exactly n bytes before `deadline`.
bool RecvAll(int fd, size_t n, std::chrono::steady_clock::time_point deadline, std::string* out) {
  out->assign(n, '\0');
  size_t off = 0;
  while (off < n) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
    ssize_t got = recv(fd, out->data() + off, n - off, 0);
    if (got <= 0) return false;
    off += static_cast<size_t>(got);
  }
  return true;
}

std::pair<std::string, std::string> FirstAddress(const std::string& bootstrap) {
  std::string first = bootstrap.substr(0, bootstrap.find(','));
  size_t colon = first.rfind(':');
  if (colon == std::string::npos) return {first, "9092"};
  return {first.substr(0, colon), first.substr(colon + 1)};
}

}  // namespace

KafkaGroupMember::KafkaGroupMember(std::string bootstrap, std::string group, std::string topic,
                                   std::chrono::milliseconds session_timeout)
    : bootstrap_(std::move(bootstrap)),
      group_(std::move(group)),
      topic_(std::move(topic)),
      session_timeout_(session_timeout) {}

KafkaGroupMember::~KafkaGroupMember() { Close(); }

void KafkaGroupMember::Close() {
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
}

std::string KafkaGroupMember::RoundTrip(int16_t api_key, int16_t version,
                                        const std::string& request,
                                        std::chrono::milliseconds timeout, std::string* body) {
  if (fd_ < 0) return "not connected";
  int32_t id = ++correlation_;
  Writer header;
  header.I16(api_key).I16(version).I32(id).Str("hallyu-test-group-member");
  Writer frame;
  frame.I32(static_cast<int32_t>(header.data().size() + request.size()));
  if (!SendAll(fd_, frame.data() + header.data() + request)) {
    return std::string("send: ") + std::strerror(errno);
  }
  auto deadline = std::chrono::steady_clock::now() + timeout;
  std::string size_bytes;
  if (!RecvAll(fd_, 4, deadline, &size_bytes)) return "no answer in time";
  Reader size_reader(size_bytes);
  int32_t size = size_reader.I32();
  if (size < 4 || static_cast<size_t>(size) > kMaxAnswer) return "bad answer size";
  std::string answer;
  if (!RecvAll(fd_, static_cast<size_t>(size), deadline, &answer)) return "short answer";
  Reader r(answer);
  if (r.I32() != id) return "answer to another request";
  *body = answer.substr(4);
  return "";
}

std::string KafkaGroupMember::Connect(std::chrono::milliseconds timeout) {
  Close();
  auto [host, port] = FirstAddress(bootstrap_);
  std::string error;
  fd_ = Dial(host, port, timeout, &error);
  if (fd_ < 0) return error;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  // The coordinator may not be known yet just after the group's first use: ask again.
  while (true) {
    Writer req;
    req.Str(group_).I8(0);
    std::string body;
    if (std::string e = RoundTrip(kFindCoordinator, 2, req.data(), timeout, &body); !e.empty()) {
      return "FindCoordinator: " + e;
    }
    Reader r(body);
    r.I32();  // throttle
    int16_t err = r.I16();
    r.Str();  // error message
    r.I32();  // node id
    std::string chost = r.Str();
    int32_t cport = r.I32();
    if (!r.ok()) return "FindCoordinator: malformed answer";
    if (err == 0) {
      Close();
      fd_ = Dial(chost, std::to_string(cport), timeout, &error);
      return fd_ < 0 ? error : "";
    }
    if (std::chrono::steady_clock::now() > deadline) {
      return "FindCoordinator: error " + std::to_string(err);
    }
    usleep(200 * 1000);  // COORDINATOR_NOT_AVAILABLE just after start: bounded retry
  }
}

JoinGroupAnswer KafkaGroupMember::Join(std::chrono::milliseconds timeout) {
  JoinGroupAnswer a;
  int moves = 0;
  for (int attempt = 0; attempt < 2; ++attempt) {
    Writer subscription;  // ConsumerProtocolSubscription v0
    subscription.I16(0).I32(1).Str(topic_).I32(-1);
    Writer req;
    req.Str(group_)
        .I32(static_cast<int32_t>(session_timeout_.count()))
        .I32(static_cast<int32_t>(timeout.count()))
        .Str(member_id_)
        .NullStr()
        .Str("consumer")
        .I32(1)
        .Str("cooperative-sticky")
        .Bytes(subscription.data());
    std::string body;
    if (!RoundTrip(kJoinGroup, 5, req.data(), timeout + std::chrono::seconds(5), &body).empty()) {
      return a;
    }
    Reader r(body);
    r.I32();  // throttle
    a.error = r.I16();
    a.generation = r.I32();
    r.Str();  // protocol name
    a.leader = r.Str();
    a.member_id = r.Str();
    int32_t n = r.I32();
    a.member_ids.clear();
    for (int32_t i = 0; i < n && r.ok(); ++i) {
      a.member_ids.push_back(r.Str());
      r.Str();    // group instance id
      r.Bytes();  // metadata
    }
    if (!r.ok()) {
      a.error = -1;
      return a;
    }
    if (IsCoordinatorMoving(a.error) && moves < kMaxCoordinatorMoves) {
      // Just after the offsets topic is created its leaders settle: find it again.
      ++moves;
      --attempt;
      usleep(200 * 1000);
      if (!Connect(timeout).empty()) return a;
      continue;
    }
    member_id_ = a.member_id;
    if (a.error != kMemberIdRequired) return a;
  }
  return a;
}

int16_t KafkaGroupMember::Sync(int32_t generation, const std::vector<std::string>& members,
                               std::chrono::milliseconds timeout) {
  Writer assignment;  // ConsumerProtocolAssignment v0 with no partitions
  assignment.I16(0).I32(0).I32(-1);
  Writer req;
  req.Str(group_)
      .I32(generation)
      .Str(member_id_)
      .NullStr()
      .I32(static_cast<int32_t>(members.size()));
  for (const std::string& m : members) req.Str(m).Bytes(assignment.data());
  std::string body;
  if (!RoundTrip(kSyncGroup, 3, req.data(), timeout, &body).empty()) return -1;
  Reader r(body);
  r.I32();
  int16_t err = r.I16();
  return r.ok() ? err : -1;
}

int16_t KafkaGroupMember::Heartbeat(int32_t generation, std::chrono::milliseconds timeout) {
  Writer req;
  req.Str(group_).I32(generation).Str(member_id_).NullStr();
  std::string body;
  if (!RoundTrip(kHeartbeat, 3, req.data(), timeout, &body).empty()) return -1;
  Reader r(body);
  r.I32();
  int16_t err = r.I16();
  return r.ok() ? err : -1;
}

}  // namespace hallyu::testing
