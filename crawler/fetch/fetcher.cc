#include "crawler/fetch/fetcher.h"

#include <curl/curl.h>
#include <strings.h>
#include <sys/socket.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <random>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "crawler/fetch/address_filter.h"
#include "crawler/fetch/content_decoder.h"

namespace hallyu {
namespace {

using Duration = Clock::Duration;
using TimePoint = Clock::TimePoint;

// The failure kind of a DecodeContentEncoding error.
FailureKind DecodeFailureKind(const Status& s) {
  return s.code() == ErrorCode::kTooLarge ? FailureKind::kTooLarge : FailureKind::kDecode;
}

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n'))
    --e;
  return std::string(s.substr(b, e - b));
}

// Parsed pieces of an absolute URL, via libcurl's URL API.
struct ParsedUrl {
  std::string url;     // re-serialised
  std::string scheme;  // lower case
  std::string host;    // lower case, no port
};

std::string UrlPart(CURLU* u, CURLUPart part) {
  char* p = nullptr;
  if (curl_url_get(u, part, &p, 0) != CURLUE_OK) return "";
  std::string s = p ? p : "";
  curl_free(p);
  return s;
}

// Parses `url` (absolute) or, with `base`, resolves `url` against it.
Result<ParsedUrl> ParseUrl(const std::string& url, const std::string* base = nullptr) {
  CURLU* u = curl_url();
  if (u == nullptr) return Internal("curl_url failed");
  CURLUcode rc = CURLUE_OK;
  if (base != nullptr) rc = curl_url_set(u, CURLUPART_URL, base->c_str(), 0);
  if (rc == CURLUE_OK) rc = curl_url_set(u, CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME);
  if (rc != CURLUE_OK) {
    curl_url_cleanup(u);
    return InvalidArgument("bad URL '" + url + "': " + curl_url_strerror(rc));
  }
  ParsedUrl p;
  p.scheme = Lower(UrlPart(u, CURLUPART_SCHEME));
  p.host = Lower(UrlPart(u, CURLUPART_HOST));
  p.url = UrlPart(u, CURLUPART_URL);
  curl_url_cleanup(u);
  if (p.host.empty() && (p.scheme == "http" || p.scheme == "https"))
    return InvalidArgument("URL without host: " + url);
  return p;
}

int64_t UnixMs(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

}  // namespace

std::string FetchResult::Header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (IEquals(k, name)) return v;
  return "";
}

bool ContentTypeAccepted(std::string_view content_type, const std::vector<std::string>& accepted) {
  if (accepted.empty()) return true;
  std::string media = Lower(Trim(content_type.substr(0, content_type.find(';'))));
  for (const auto& a : accepted) {
    std::string want = Lower(Trim(a));
    if (want == media || want == "*/*") return true;
    if (want.size() > 2 && want.compare(want.size() - 2, 2, "/*") == 0 &&
        media.compare(0, want.size() - 1, want, 0, want.size() - 1) == 0)
      return true;
  }
  return false;
}

// ---------------------------------------------------------------------------

class Fetcher::Impl {
 public:
  Impl(FetcherOptions options, Callback callback, Clock* clock, CrawlStateStore* store,
       AddressFilter filter)
      : options_(std::move(options)),
        callback_(std::move(callback)),
        clock_(clock),
        store_(store),
        filter_(std::move(filter)),
        policy_(options_.retry),
        rng_(options_.jitter_seed ? options_.jitter_seed : std::random_device{}()) {}

  ~Impl() { Stop(); }

  Status Init();
  Status Submit(FetchRequest request, bool block);
  Status DecodeBody(FetchResult& r);
  void SetCrawlDelay(const std::string& host, std::chrono::milliseconds delay);
  bool WaitIdle(std::chrono::milliseconds timeout);
  void CancelWaiting();
  size_t Outstanding() const {
    std::lock_guard<std::mutex> lock(mu_);
    return outstanding_;
  }
  HostStats Stats(const std::string& host) const {
    std::lock_guard<std::mutex> lock(stats_mu_);
    auto it = stats_.find(Lower(host));
    return it == stats_.end() ? HostStats{} : it->second;
  }
  std::map<std::string, HostStats> AllStats() const {
    std::lock_guard<std::mutex> lock(stats_mu_);
    return {stats_.begin(), stats_.end()};
  }
  void Stop();

 private:
  struct Task {
    FetchRequest request;
    std::string url;   // current hop
    std::string host;  // current hop's host
    int hop_attempts = 0;
    FetchResult result;
  };

  struct Transfer {
    Impl* impl = nullptr;
    CURL* easy = nullptr;
    std::unique_ptr<Task> task;
    curl_slist* request_headers = nullptr;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    bool blocked = false;
    bool too_large = false;
    bool bad_type = false;
    bool checked_type = false;
    bool sent_validators = false;
    char errbuf[CURL_ERROR_SIZE] = {0};
  };

  struct HostState {
    std::deque<std::unique_ptr<Task>> queue;
    int in_flight = 0;
    TimePoint next_start{};
    TimePoint paused_until{};
    Duration crawl_delay{0};
    Duration penalty{0};
  };

  static size_t OnWrite(char* data, size_t size, size_t n, void* user) noexcept;
  static size_t OnHeader(char* data, size_t size, size_t n, void* user) noexcept;
  static curl_socket_t OnOpenSocket(void* user, curlsocktype purpose,
                                    curl_sockaddr* address) noexcept;

  void Loop();
  void Admit(std::unique_ptr<Task> task);
  void Enqueue(std::unique_ptr<Task> task, bool front);
  void StartReady(TimePoint now);
  void Start(std::unique_ptr<Task> task, HostState& host);
  void Finish(Transfer* t, CURLcode code);
  void Complete(std::unique_ptr<Task> task);
  // Reports `task` as failed; its result's body becomes `kept_body` (usually nothing).
  void Fail(std::unique_ptr<Task> task, FailureKind kind, std::string error,
            std::string kept_body = {});
  int HostLimit(const std::string& host) const;
  Duration HostDelay(const std::string& host, const HostState& h) const;
  HostState& Host(const std::string& host) { return hosts_[host]; }
  void CountStat(const std::string& host, const std::function<void(HostStats&)>& f) {
    std::lock_guard<std::mutex> lock(stats_mu_);
    f(stats_[host]);
  }
  Duration WaitBudget(TimePoint now) const;

  FetcherOptions options_;
  Callback callback_;
  Clock* clock_;
  CrawlStateStore* store_;
  AddressFilter filter_;
  RetryPolicy policy_;
  std::mt19937_64 rng_;

  // Shared with submitters.
  mutable std::mutex mu_;
  std::condition_variable cv_;  // outstanding_ changed / stop
  std::vector<std::unique_ptr<Task>> incoming_;
  std::vector<std::pair<std::string, Duration>> crawl_delay_updates_;
  size_t outstanding_ = 0;
  bool cancel_waiting_ = false;  // CancelWaiting() asked; the loop clears it
  bool stopping_ = false;
  bool stopped_ = false;

  mutable std::mutex stats_mu_;
  std::unordered_map<std::string, HostStats> stats_;

  // Loop thread only.
  CURLM* multi_ = nullptr;
  CURLSH* share_ = nullptr;
  curl_slist* resolve_ = nullptr;
  std::vector<CURL*> idle_easies_;
  std::unordered_map<std::string, HostState> hosts_;
  std::multimap<TimePoint, std::unique_ptr<Task>> delayed_;
  std::unordered_set<Transfer*> live_;  // transfers added to multi_
  int in_flight_ = 0;
  std::thread thread_;
};

Status Fetcher::Impl::Init() {
  multi_ = curl_multi_init();
  share_ = curl_share_init();
  if (multi_ == nullptr || share_ == nullptr) return Internal("curl: cannot create multi/share");
  // The share is used by the loop thread alone, so it needs no lock callbacks.
  curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
  curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
  curl_multi_setopt(multi_, CURLMOPT_PIPELINING, options_.http2 ? CURLPIPE_MULTIPLEX : 0L);
  curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS, static_cast<long>(options_.max_in_flight * 2));
  for (const auto& r : options_.resolve) resolve_ = curl_slist_append(resolve_, r.c_str());
  thread_ = std::thread([this] { Loop(); });
  return Status::Ok();
}

Status Fetcher::Impl::DecodeBody(FetchResult& r) {
  if (r.outcome != FetchOutcome::kOk || r.content_encoding.empty()) return Status::Ok();
  Result<std::string> decoded =
      DecodeContentEncoding(r.content_encoding, r.body, options_.max_body_bytes);
  r.content_encoding.clear();
  if (decoded.ok()) {
    r.body = std::move(*decoded);
    return Status::Ok();
  }
  r.outcome = FetchOutcome::kFailed;
  r.failure = DecodeFailureKind(decoded.status());
  r.error = decoded.status().message();
  r.body.clear();
  Result<ParsedUrl> p = ParseUrl(r.final_url);
  CountStat(p.ok() ? p->host : std::string(), [&](HostStats& s) {
    if (s.ok > 0) --s.ok;
    ++s.failures[r.failure];
  });
  r.validators.reset();
  if (store_ != nullptr) (void)store_->Erase(r.final_url);
  return decoded.status();
}

Status Fetcher::Impl::Submit(FetchRequest request, bool block) {
  auto task = std::make_unique<Task>();
  task->result.id = request.id;
  task->result.url = request.url;
  task->request = std::move(request);
  {
    std::unique_lock<std::mutex> lock(mu_);
    if (block) {
      cv_.wait(lock, [&] { return stopping_ || outstanding_ < options_.queue_capacity; });
    }
    if (stopping_) return Cancelled("fetcher stopped");
    if (outstanding_ >= options_.queue_capacity) return Unavailable("fetcher queue full");
    ++outstanding_;
    incoming_.push_back(std::move(task));
    // Under the lock: Stop() frees multi_ only after it set stopping_.
    curl_multi_wakeup(multi_);
  }
  return Status::Ok();
}

void Fetcher::Impl::SetCrawlDelay(const std::string& host, std::chrono::milliseconds delay) {
  std::lock_guard<std::mutex> lock(mu_);
  if (stopping_) return;
  crawl_delay_updates_.emplace_back(Lower(host), delay);
  curl_multi_wakeup(multi_);
}

void Fetcher::Impl::CancelWaiting() {
  std::lock_guard<std::mutex> lock(mu_);
  if (stopping_) return;
  cancel_waiting_ = true;
  curl_multi_wakeup(multi_);
}

bool Fetcher::Impl::WaitIdle(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  return cv_.wait_for(lock, timeout, [&] { return outstanding_ == 0; });
}

void Fetcher::Impl::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopped_) return;
    stopping_ = true;
    stopped_ = true;
  }
  cv_.notify_all();
  if (multi_ != nullptr) curl_multi_wakeup(multi_);
  if (thread_.joinable()) thread_.join();
  for (CURL* e : idle_easies_) curl_easy_cleanup(e);
  idle_easies_.clear();
  if (multi_ != nullptr) curl_multi_cleanup(multi_);
  if (share_ != nullptr) curl_share_cleanup(share_);
  curl_slist_free_all(resolve_);
  multi_ = nullptr;
  share_ = nullptr;
  resolve_ = nullptr;
}

int Fetcher::Impl::HostLimit(const std::string& host) const {
  auto it = options_.host_overrides.find(host);
  if (it != options_.host_overrides.end() && it->second.max_in_flight > 0)
    return it->second.max_in_flight;
  return std::max(1, options_.max_in_flight_per_host);
}

Duration Fetcher::Impl::HostDelay(const std::string& host, const HostState& h) const {
  Duration base = options_.min_host_delay;
  auto it = options_.host_overrides.find(host);
  if (it != options_.host_overrides.end() && it->second.min_delay.count() >= 0)
    base = it->second.min_delay;
  return std::max({base, h.crawl_delay, h.penalty});
}

void Fetcher::Impl::Complete(std::unique_ptr<Task> task) {
  FetchResult& r = task->result;
  CountStat(task->host, [&](HostStats& s) {
    if (r.outcome == FetchOutcome::kOk) ++s.ok;
    if (r.outcome == FetchOutcome::kNotModified) ++s.not_modified;
    if (r.outcome == FetchOutcome::kFailed) ++s.failures[r.failure];
  });
  if (callback_) callback_(std::move(r));
  {
    std::lock_guard<std::mutex> lock(mu_);
    --outstanding_;
  }
  cv_.notify_all();
}

void Fetcher::Impl::Fail(std::unique_ptr<Task> task, FailureKind kind, std::string error,
                         std::string kept_body) {
  task->result.outcome = FetchOutcome::kFailed;
  task->result.failure = kind;
  task->result.error = std::move(error);
  task->result.body = std::move(kept_body);
  Complete(std::move(task));
}

void Fetcher::Impl::Admit(std::unique_ptr<Task> task) {
  Result<ParsedUrl> p = ParseUrl(task->request.url);
  if (!p.ok()) {
    Fail(std::move(task), FailureKind::kBadUrl, p.status().message());
    return;
  }
  task->host = p->host;
  if (p->scheme != "http" && p->scheme != "https") {
    Fail(std::move(task), FailureKind::kBadScheme, "scheme not allowed: " + p->scheme);
    return;
  }
  task->url = p->url;
  task->result.redirect_chain.push_back(task->url);
  Enqueue(std::move(task), false);
}

void Fetcher::Impl::Enqueue(std::unique_ptr<Task> task, bool front) {
  HostState& h = Host(task->host);
  if (front)
    h.queue.push_front(std::move(task));
  else
    h.queue.push_back(std::move(task));
}

void Fetcher::Impl::StartReady(TimePoint now) {
  // Due retries go to the front of their host's queue.
  while (!delayed_.empty() && delayed_.begin()->first <= now) {
    auto node = delayed_.extract(delayed_.begin());
    Enqueue(std::move(node.mapped()), true);
  }
  if (in_flight_ >= options_.max_in_flight) return;
  for (auto& [name, h] : hosts_) {
    int limit = HostLimit(name);
    while (!h.queue.empty() && in_flight_ < options_.max_in_flight && h.in_flight < limit &&
           now >= h.next_start && now >= h.paused_until) {
      std::unique_ptr<Task> task = std::move(h.queue.front());
      h.queue.pop_front();
      h.next_start = now + HostDelay(name, h);
      Start(std::move(task), h);
    }
    if (in_flight_ >= options_.max_in_flight) break;
  }
}

Duration Fetcher::Impl::WaitBudget(TimePoint now) const {
  Duration wait = std::chrono::milliseconds(1000);
  if (!delayed_.empty()) wait = std::min(wait, delayed_.begin()->first - now);
  if (in_flight_ < options_.max_in_flight) {
    for (const auto& [name, h] : hosts_) {
      if (h.queue.empty() || h.in_flight >= HostLimit(name)) continue;
      wait = std::min(wait, std::max(h.next_start, h.paused_until) - now);
    }
  }
  return std::max(Duration(0), clock_->MaxRealWait(std::max(Duration(0), wait)));
}

void Fetcher::Impl::Start(std::unique_ptr<Task> task, HostState& host) {
  CURL* easy;
  if (!idle_easies_.empty()) {
    easy = idle_easies_.back();
    idle_easies_.pop_back();
    curl_easy_reset(easy);
  } else {
    easy = curl_easy_init();
  }
  if (easy == nullptr) {
    Fail(std::move(task), FailureKind::kOther, "curl_easy_init failed");
    return;
  }
  auto* t = new Transfer;
  t->impl = this;
  t->easy = easy;
  Task& k = *task;
  t->task = std::move(task);

  k.result.attempts++;
  k.hop_attempts++;
  k.result.attempt_starts.push_back(clock_->Now());
  CountStat(k.host, [](HostStats& s) { ++s.requests; });

  if (k.request.conditional && store_ != nullptr) {
    Result<UrlState> st = store_->Get(k.url);
    if (st.ok()) {
      if (!st->etag.empty()) {
        t->request_headers =
            curl_slist_append(t->request_headers, ("If-None-Match: " + st->etag).c_str());
        t->sent_validators = true;
      }
      if (!st->last_modified.empty()) {
        t->request_headers = curl_slist_append(t->request_headers,
                                               ("If-Modified-Since: " + st->last_modified).c_str());
        t->sent_validators = true;
      }
    }
  }

  curl_easy_setopt(easy, CURLOPT_URL, k.url.c_str());
  curl_easy_setopt(easy, CURLOPT_PRIVATE, t);
  curl_easy_setopt(easy, CURLOPT_SHARE, share_);
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(easy, CURLOPT_USERAGENT, options_.user_agent.c_str());
  // Advertise what content_decoder.h decodes; the body arrives as sent and is
  // decoded after the transfer (Finish or DecodeBody), not by libcurl.
  curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, kAcceptedContentEncodings);
  curl_easy_setopt(easy, CURLOPT_HTTP_CONTENT_DECODING, 0L);
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, t->request_headers);
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(options_.connect_timeout.count()));
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.total_timeout.count()));
  curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, static_cast<long>(options_.low_speed_limit));
  curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME,
                   static_cast<long>(options_.low_speed_time.count()));
  curl_easy_setopt(easy, CURLOPT_PROXY, "");  // ignore *_proxy environment variables
  curl_easy_setopt(easy, CURLOPT_HTTP_VERSION,
                   options_.http2 ? CURL_HTTP_VERSION_2TLS : CURL_HTTP_VERSION_1_1);
  // Waiting for a connection that may turn out multiplexable only pays on
  // https (HTTP/2 is negotiated by ALPN); on plain http it would serialise
  // requests to one host behind a single HTTP/1.1 connection.
  if (options_.http2 && k.url.compare(0, 8, "https://") == 0)
    curl_easy_setopt(easy, CURLOPT_PIPEWAIT, 1L);
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, options_.verify_tls ? 1L : 0L);
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, options_.verify_tls ? 2L : 0L);
  if (!options_.ca_file.empty()) curl_easy_setopt(easy, CURLOPT_CAINFO, options_.ca_file.c_str());
  curl_easy_setopt(easy, CURLOPT_DNS_CACHE_TIMEOUT,
                   static_cast<long>(options_.dns_cache_ttl.count()));
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &Impl::OnWrite);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, t);
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &Impl::OnHeader);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, t);
  curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, &Impl::OnOpenSocket);
  curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, t);
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, t->errbuf);
  if (resolve_ != nullptr) curl_easy_setopt(easy, CURLOPT_RESOLVE, resolve_);

  if (curl_multi_add_handle(multi_, easy) != CURLM_OK) {
    curl_slist_free_all(t->request_headers);
    std::unique_ptr<Task> back = std::move(t->task);
    idle_easies_.push_back(easy);
    delete t;
    Fail(std::move(back), FailureKind::kOther, "curl_multi_add_handle failed");
    return;
  }
  live_.insert(t);
  ++in_flight_;
  ++host.in_flight;
}

size_t Fetcher::Impl::OnWrite(char* data, size_t size, size_t n, void* user) noexcept {
  auto* t = static_cast<Transfer*>(user);
  size_t len = size * n;
  long status = 0;
  curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
  if (status >= 300 && status < 400) return len;  // redirect / 304 bodies are dropped
  if (!t->checked_type) {
    t->checked_type = true;
    if (status >= 200 && status < 300) {
      char* ct = nullptr;
      curl_easy_getinfo(t->easy, CURLINFO_CONTENT_TYPE, &ct);
      if (!ContentTypeAccepted(ct ? ct : "", t->task->request.accept_content_types)) {
        t->bad_type = true;
        return 0;  // abort the transfer: CURLE_WRITE_ERROR
      }
    }
  }
  const FetchRequest& request = t->task->request;
  const uint64_t cap =
      request.max_body_bytes > 0 ? request.max_body_bytes : t->impl->options_.max_body_bytes;
  if (t->body.size() + len > cap) {
    t->too_large = true;
    if (request.keep_body_prefix && t->body.size() < cap) {
      try {
        t->body.append(data, cap - t->body.size());
      } catch (...) {
        t->body.clear();
      }
    }
    return 0;
  }
  try {
    t->body.append(data, len);
  } catch (...) {
    t->too_large = true;
    return 0;
  }
  return len;
}

size_t Fetcher::Impl::OnHeader(char* data, size_t size, size_t n, void* user) noexcept {
  auto* t = static_cast<Transfer*>(user);
  size_t len = size * n;
  std::string_view line(data, len);
  if (line.size() >= 5 && line.substr(0, 5) == "HTTP/") {
    t->headers.clear();  // a new response head (after 100-continue, say)
    return len;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos || t->headers.size() >= 256) return len;
  try {
    t->headers.emplace_back(Trim(line.substr(0, colon)), Trim(line.substr(colon + 1)));
  } catch (...) {
    return 0;
  }
  return len;
}

curl_socket_t Fetcher::Impl::OnOpenSocket(void* user, curlsocktype purpose,
                                          curl_sockaddr* address) noexcept {
  auto* t = static_cast<Transfer*>(user);
  if (purpose == CURLSOCKTYPE_IPCXN && !t->impl->filter_.Allowed(&address->addr)) {
    t->blocked = true;
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
}

void Fetcher::Impl::Finish(Transfer* t, CURLcode code) {
  std::unique_ptr<Task> task = std::move(t->task);
  long status = 0;
  curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
  char* ip = nullptr;
  curl_easy_getinfo(t->easy, CURLINFO_PRIMARY_IP, &ip);
  std::string remote_ip = ip ? ip : "";
  long version = 0;
  curl_easy_getinfo(t->easy, CURLINFO_HTTP_VERSION, &version);
  curl_multi_remove_handle(multi_, t->easy);
  live_.erase(t);
  curl_slist_free_all(t->request_headers);
  if (idle_easies_.size() < static_cast<size_t>(options_.max_in_flight))
    idle_easies_.push_back(t->easy);
  else
    curl_easy_cleanup(t->easy);
  --in_flight_;
  HostState& host = Host(task->host);
  --host.in_flight;
  TimePoint now = clock_->Now();

  FetchResult& r = task->result;
  r.http_status = status;
  r.remote_ip = remote_ip;
  switch (version) {
    case CURL_HTTP_VERSION_1_0:
      r.http_version = 10;
      break;
    case CURL_HTTP_VERSION_1_1:
      r.http_version = 11;
      break;
    case CURL_HTTP_VERSION_2_0:
      r.http_version = 20;
      break;
    case CURL_HTTP_VERSION_3:
      r.http_version = 30;
      break;
    default:
      r.http_version = 0;
  }
  r.final_url = task->url;
  r.headers = std::move(t->headers);
  r.content_type = r.Header("Content-Type");
  std::string errbuf = t->errbuf[0] ? t->errbuf : curl_easy_strerror(code);
  std::string curl_error = "curl: " + errbuf + " (" + std::to_string(code) + ")";
  bool blocked = t->blocked, too_large = t->too_large, bad_type = t->bad_type;
  r.body = std::move(t->body);
  delete t;

  // A refused address only matters when no other address of the host worked.
  if (blocked && code != CURLE_OK) {
    std::string why = "refused address for " + task->host + " (" + curl_error + ")";
    Fail(std::move(task), FailureKind::kBlockedAddress, std::move(why));
    return;
  }
  if (too_large) {
    const uint64_t cap =
        task->request.max_body_bytes > 0 ? task->request.max_body_bytes : options_.max_body_bytes;
    const std::string coding = r.Header("Content-Encoding");
    std::string prefix;
    if (task->request.keep_body_prefix && (coding.empty() || coding == "identity"))
      prefix = std::move(r.body);
    Fail(std::move(task), FailureKind::kTooLarge, "body over " + std::to_string(cap) + " bytes",
         std::move(prefix));
    return;
  }
  if (bad_type) {
    std::string ct = r.content_type;
    Fail(std::move(task), FailureKind::kContentType, "content type not accepted: " + ct);
    return;
  }

  RetryPolicy::Decision d = RetryPolicy::Decide(code, status);
  if (d.kind == FailureKind::kNone) {
    if (status == 304) {
      r.outcome = FetchOutcome::kNotModified;
      r.body.clear();
      if (store_ != nullptr) {
        UrlState st = store_->Get(task->url).value_or(UrlState{});
        st.url = task->url;
        if (std::string etag = r.Header("ETag"); !etag.empty()) st.etag = etag;
        st.last_fetch_ms = UnixMs(clock_->WallNow());
        st.last_status = 304;
        (void)store_->Put(st);
      }
      Complete(std::move(task));
      return;
    }
    if (status >= 300 && status < 400) {
      std::string location = r.Header("Location");
      if (location.empty() || status == 300 || status == 305 || status == 306) {
        Fail(std::move(task), FailureKind::kOther,
             "HTTP " + std::to_string(status) + " without a usable Location");
        return;
      }
      Result<ParsedUrl> next = ParseUrl(location, &task->url);
      if (!next.ok()) {
        Fail(std::move(task), FailureKind::kBadUrl, "bad Location: " + next.status().message());
        return;
      }
      if (next->scheme != "http" && next->scheme != "https") {
        Fail(std::move(task), FailureKind::kBadScheme,
             "redirect to scheme not allowed: " + next->url);
        return;
      }
      auto& chain = r.redirect_chain;
      if (std::find(chain.begin(), chain.end(), next->url) != chain.end()) {
        chain.push_back(next->url);
        Fail(std::move(task), FailureKind::kRedirectLoop, "redirect loop back to " + next->url);
        return;
      }
      if (static_cast<int>(chain.size()) > options_.max_redirects) {
        chain.push_back(next->url);
        Fail(std::move(task), FailureKind::kTooManyRedirects,
             "more than " + std::to_string(options_.max_redirects) + " redirects");
        return;
      }
      chain.push_back(next->url);
      task->url = next->url;
      task->host = next->host;
      task->hop_attempts = 0;
      r.headers.clear();
      r.body.clear();
      Enqueue(std::move(task), false);
      return;
    }
    // 2xx (and anything else curl calls a success).
    if (std::string coding = r.Header("Content-Encoding"); !coding.empty()) {
      if (options_.defer_content_decoding) {
        r.content_encoding = std::move(coding);
      } else {
        Result<std::string> decoded =
            DecodeContentEncoding(coding, r.body, options_.max_body_bytes);
        if (!decoded.ok()) {
          Fail(std::move(task), DecodeFailureKind(decoded.status()), decoded.status().message());
          return;
        }
        r.body = std::move(*decoded);
      }
    }
    r.outcome = FetchOutcome::kOk;
    if (host.penalty.count() > 0) host.penalty /= 2;
    if (store_ != nullptr) {
      UrlState st;
      st.url = task->url;
      st.etag = r.Header("ETag");
      st.last_modified = r.Header("Last-Modified");
      st.content_hash = ContentHash(r.body);
      st.last_fetch_ms = UnixMs(clock_->WallNow());
      st.last_status = static_cast<int>(status);
      if (task->request.defer_validators) {
        r.validators = std::move(st);
      } else {
        (void)store_->Put(st);
      }
    }
    Complete(std::move(task));
    return;
  }

  // A failure. 429 and 503 slow the whole host.
  std::string error = code != CURLE_OK ? curl_error : "HTTP " + std::to_string(status);
  std::optional<Duration> retry_after;
  if (status == 429 || status == 503) {
    std::string ra = r.Header("Retry-After");
    if (!ra.empty()) retry_after = RetryPolicy::ParseRetryAfter(ra, clock_->WallNow());
    Duration base = HostDelay(task->host, host);
    Duration raised = std::max<Duration>({host.penalty * 2, base * 2, std::chrono::seconds(1)});
    const bool refused = retry_after && *retry_after > options_.retry.max_retry_after;
    if (refused) {
      // We do not wait that long: the request fails now, and the host's penalty grows as
      // for a 429 without Retry-After but only up to kRefusedRetryAfterPenaltyCap, so a
      // host asking for days cannot hold the crawl (issue 20, case 6).
      host.penalty =
          std::min<Duration>({raised, options_.max_host_penalty,
                              std::chrono::duration_cast<Duration>(kRefusedRetryAfterPenaltyCap)});
      Fail(std::move(task), d.kind, error + ", Retry-After " + ra + " is longer than allowed");
      return;
    }
    if (retry_after) raised = std::max(raised, *retry_after);
    host.penalty = std::min<Duration>(raised, options_.max_host_penalty);
  }
  if (policy_.ShouldRetry(d, task->hop_attempts)) {
    double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng_);
    Duration wait = policy_.Backoff(task->hop_attempts, u);
    if (retry_after) wait = std::max(wait, *retry_after);
    if (status == 429 || status == 503) host.paused_until = std::max(host.paused_until, now + wait);
    CountStat(task->host, [](HostStats& s) { ++s.retries; });
    r.body.clear();
    r.headers.clear();
    delayed_.emplace(now + wait, std::move(task));
    return;
  }
  Fail(std::move(task), d.kind, error);
}

void Fetcher::Impl::Loop() {
  std::vector<std::unique_ptr<Task>> incoming;
  std::vector<std::pair<std::string, Duration>> delays;
  bool cancel_waiting = false;
  while (true) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stopping_) break;
      incoming.swap(incoming_);
      delays.swap(crawl_delay_updates_);
      cancel_waiting = cancel_waiting_;
      cancel_waiting_ = false;
    }
    if (cancel_waiting) {
      // Everything not started yet: just submitted, waiting for its host, or for a retry.
      std::vector<std::unique_ptr<Task>> waiting = std::move(incoming);
      incoming.clear();
      for (auto& [name, h] : hosts_) {
        for (auto& task : h.queue) waiting.push_back(std::move(task));
        h.queue.clear();
      }
      for (auto& [when, task] : delayed_) waiting.push_back(std::move(task));
      delayed_.clear();
      for (auto& task : waiting)
        Fail(std::move(task), FailureKind::kCancelled, "cancelled before it started");
    }
    for (auto& [host, d] : delays) Host(host).crawl_delay = d;
    delays.clear();
    for (auto& task : incoming) Admit(std::move(task));
    incoming.clear();

    StartReady(clock_->Now());
    int running = 0;
    curl_multi_perform(multi_, &running);
    int left = 0;
    bool finished = false;
    while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      Transfer* t = nullptr;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &t);
      CURLcode code = msg->data.result;
      Finish(t, code);
      finished = true;
    }
    if (finished) continue;  // slots freed: start more before waiting
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(WaitBudget(clock_->Now()));
    curl_multi_poll(multi_, nullptr, 0, static_cast<int>(wait.count()), nullptr);
  }

  // Stopping: report everything unfinished as cancelled.
  std::vector<std::unique_ptr<Task>> cancelled;
  for (Transfer* t : live_) {
    curl_multi_remove_handle(multi_, t->easy);
    curl_easy_cleanup(t->easy);
    curl_slist_free_all(t->request_headers);
    cancelled.push_back(std::move(t->task));
    delete t;
  }
  live_.clear();
  for (auto& [name, h] : hosts_)
    for (auto& task : h.queue) cancelled.push_back(std::move(task));
  for (auto& [when, task] : delayed_) cancelled.push_back(std::move(task));
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto& task : incoming_) cancelled.push_back(std::move(task));
    incoming_.clear();
  }
  hosts_.clear();
  delayed_.clear();
  for (auto& task : cancelled) Fail(std::move(task), FailureKind::kCancelled, "fetcher stopped");
}

// ---------------------------------------------------------------------------

Result<std::unique_ptr<Fetcher>> Fetcher::Create(FetcherOptions options, Callback callback,
                                                 Clock* clock, CrawlStateStore* store) {
  static std::once_flag curl_once;
  std::call_once(curl_once, [] { curl_global_init(CURL_GLOBAL_ALL); });
  if (options.max_in_flight <= 0) return InvalidArgument("fetcher.max_in_flight must be > 0");
  if (options.queue_capacity == 0) return InvalidArgument("fetcher.queue_capacity must be > 0");
  std::vector<CidrRange> allowed;
  for (const auto& c : options.allowed_cidrs) {
    Result<CidrRange> r = CidrRange::Parse(c);
    if (!r.ok()) return r.status().WithContext("fetcher.allowed_cidrs");
    allowed.push_back(*r);
  }
  std::map<std::string, HostPolicy> lowered;
  for (auto& [h, p] : options.host_overrides) lowered[Lower(h)] = p;
  options.host_overrides = std::move(lowered);
  AddressFilter filter(std::move(allowed), options.block_private_addresses);
  auto impl =
      std::make_unique<Impl>(std::move(options), std::move(callback),
                             clock ? clock : SteadyClock::Default(), store, std::move(filter));
  HALLYU_RETURN_IF_ERROR(impl->Init());
  return std::unique_ptr<Fetcher>(new Fetcher(std::move(impl)));
}

Fetcher::Fetcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Fetcher::~Fetcher() { Stop(); }
Status Fetcher::Submit(FetchRequest request) { return impl_->Submit(std::move(request), true); }
Status Fetcher::TrySubmit(FetchRequest request) { return impl_->Submit(std::move(request), false); }
void Fetcher::SetCrawlDelay(const std::string& host, std::chrono::milliseconds delay) {
  impl_->SetCrawlDelay(host, delay);
}
Status Fetcher::DecodeBody(FetchResult& result) { return impl_->DecodeBody(result); }
bool Fetcher::WaitIdle(std::chrono::milliseconds timeout) { return impl_->WaitIdle(timeout); }
void Fetcher::CancelWaiting() { impl_->CancelWaiting(); }
size_t Fetcher::Outstanding() const { return impl_->Outstanding(); }
HostStats Fetcher::Stats(const std::string& host) const { return impl_->Stats(host); }
std::map<std::string, HostStats> Fetcher::AllStats() const { return impl_->AllStats(); }
void Fetcher::Stop() { impl_->Stop(); }

}  // namespace hallyu
