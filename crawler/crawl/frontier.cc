#include "crawler/crawl/frontier.h"

#include <algorithm>
#include <cstring>

namespace hallyu {
namespace {

constexpr std::size_t kMaxPathBytes = 65535;
constexpr std::size_t kCompactAfterBytes = 4096;

std::uint64_t Mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Splits a normalised absolute URL into origin and path. False when it is not
// "http(s)://host/...".
bool SplitOrigin(std::string_view url, std::string_view* origin, std::string_view* path) {
  std::size_t scheme_end;
  if (url.substr(0, 7) == "http://") {
    scheme_end = 7;
  } else if (url.substr(0, 8) == "https://") {
    scheme_end = 8;
  } else {
    return false;
  }
  std::size_t slash = url.find('/', scheme_end);
  if (slash == std::string_view::npos || slash == scheme_end) return false;
  *origin = url.substr(0, slash);
  *path = url.substr(slash);
  return true;
}

}  // namespace

std::uint64_t UrlHash(std::string_view url) {
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ (url.size() * 0xff51afd7ed558ccdULL);
  std::size_t i = 0;
  for (; i + 8 <= url.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, url.data() + i, 8);
    h = Mix(h ^ w) + 0x9E3779B97F4A7C15ULL;
  }
  std::uint64_t tail = 0;
  if (url.size() > i) std::memcpy(&tail, url.data() + i, url.size() - i);
  return Mix(h ^ tail ^ (static_cast<std::uint64_t>(url.size() - i) << 56));
}

// ---- UrlHashSet ----

bool UrlHashSet::Insert(std::uint64_t hash) {
  if (hash == 0) hash = 1;  // 0 marks an empty slot
  if ((size_ + 1) * 10 > slots_.size() * 7) Grow();
  std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    if (slots_[i] == hash) return false;
    if (slots_[i] == 0) {
      slots_[i] = hash;
      ++size_;
      return true;
    }
  }
}

bool UrlHashSet::Contains(std::uint64_t hash) const {
  if (hash == 0) hash = 1;
  if (slots_.empty()) return false;
  std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    if (slots_[i] == hash) return true;
    if (slots_[i] == 0) return false;
  }
}

void UrlHashSet::Grow() {
  std::vector<std::uint64_t> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
  slots_.shrink_to_fit();
  std::size_t mask = slots_.size() - 1;
  for (std::uint64_t h : old) {
    if (h == 0) continue;
    std::size_t i = h & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = h;
  }
}

// ---- HostQueue ----

bool HostQueue::Push(std::string_view path, UrlPriority priority) {
  if (path.size() > kMaxPathBytes) return false;
  Lane& lane = lanes_[static_cast<std::size_t>(priority)];
  std::size_t n = path.size();
  do {  // LEB128 length, 1-3 bytes
    char b = static_cast<char>(n & 0x7F);
    n >>= 7;
    if (n != 0) b = static_cast<char>(b | 0x80);
    lane.buf.push_back(b);
  } while (n != 0);
  lane.buf.append(path);
  ++size_;
  return true;
}

std::pair<std::string, UrlPriority> HostQueue::Pop() {
  for (std::size_t p = 0; p < kUrlPriorityCount; ++p) {
    Lane& lane = lanes_[p];
    if (lane.head >= lane.buf.size()) continue;
    std::size_t n = 0;
    int shift = 0;
    for (;;) {
      auto b = static_cast<unsigned char>(lane.buf[lane.head++]);
      n |= static_cast<std::size_t>(b & 0x7F) << shift;
      shift += 7;
      if ((b & 0x80) == 0) break;
    }
    std::string path = lane.buf.substr(lane.head, n);
    lane.head += n;
    --size_;
    if (lane.head == lane.buf.size()) {
      lane.head = 0;
      lane.buf.clear();
      if (lane.buf.capacity() > kCompactAfterBytes) lane.buf.shrink_to_fit();
    } else if (lane.head > kCompactAfterBytes && lane.head * 2 > lane.buf.size()) {
      lane.buf.erase(0, lane.head);
      lane.head = 0;
    }
    return {std::move(path), static_cast<UrlPriority>(p)};
  }
  return {std::string(), UrlPriority::kLink};  // REQUIRES violated: empty queue
}

std::size_t HostQueue::MemoryBytes() const {
  std::size_t n = 0;
  for (const Lane& lane : lanes_) {
    if (lane.buf.capacity() > 15) n += lane.buf.capacity() + 1;  // beyond the inline buffer
  }
  return n;
}

// ---- Frontier ----

std::string_view AddOutcomeName(AddOutcome outcome) {
  switch (outcome) {
    case AddOutcome::kAdded:
      return "added";
    case AddOutcome::kDuplicate:
      return "duplicate";
    case AddOutcome::kInvalid:
      return "invalid";
    case AddOutcome::kKnownFull:
      return "known_full";
    case AddOutcome::kQueueFull:
      return "queue_full";
    case AddOutcome::kHostFull:
      return "host_full";
    case AddOutcome::kTooManyHosts:
      return "too_many_hosts";
  }
  return "invalid";
}

Frontier::Frontier(FrontierOptions options, Clock clock)
    : options_(options), clock_(std::move(clock)) {
  if (!clock_) clock_ = [] { return std::chrono::steady_clock::now(); };
}

Frontier::Host* Frontier::FindHost(std::string_view origin) {
  auto it = host_ids_.find(origin);
  return it == host_ids_.end() ? nullptr : &hosts_[it->second];
}

void Frontier::Schedule(std::uint32_t host_id) {
  Host& h = hosts_[host_id];
  ++h.generation;
  h.in_heap = true;
  ready_.push(ReadyEntry{h.next_allowed, seq_++, host_id, h.generation});
  // Stale entries (from DeferHost) are dropped lazily; rebuild if they pile up.
  if (ready_.size() > 2 * hosts_.size() + 1024) {
    std::vector<ReadyEntry> live;
    while (!ready_.empty()) {
      const ReadyEntry& e = ready_.top();
      if (e.generation == hosts_[e.host].generation && hosts_[e.host].in_heap) live.push_back(e);
      ready_.pop();
    }
    for (const ReadyEntry& e : live) ready_.push(e);
  }
}

AddOutcome Frontier::Enqueue(std::string_view url, UrlPriority priority, bool dedup) {
  std::string_view origin, path;
  if (!SplitOrigin(url, &origin, &path) || path.size() > kMaxPathBytes) {
    return AddOutcome::kInvalid;
  }
  std::uint64_t hash = UrlHash(url);
  if (dedup && known_.Contains(hash)) return AddOutcome::kDuplicate;
  if (dedup && known_.size() >= options_.max_known_urls) return AddOutcome::kKnownFull;
  if (queued_ >= options_.max_queued_urls) return AddOutcome::kQueueFull;
  auto found = host_ids_.find(origin);
  if (found == host_ids_.end()) {
    if (hosts_.size() >= options_.max_hosts) return AddOutcome::kTooManyHosts;
  } else if (hosts_[found->second].queue.size() >= options_.max_queued_per_host) {
    return AddOutcome::kHostFull;
  }
  std::uint32_t id;
  if (found == host_ids_.end()) {
    id = static_cast<std::uint32_t>(hosts_.size());
    Host& created = hosts_.emplace_back();
    created.origin.assign(origin);
    created.delay = options_.default_delay;
    host_ids_.emplace(created.origin, id);
  } else {
    id = found->second;
  }
  Host& host = hosts_[id];
  if (dedup) known_.Insert(hash);
  host.queue.Push(path, priority);
  ++queued_;
  if (!host.in_heap) Schedule(id);
  return AddOutcome::kAdded;
}

AddOutcome Frontier::Add(std::string_view url, UrlPriority priority) {
  return Enqueue(url, priority, true);
}

AddOutcome Frontier::Requeue(std::string_view url, UrlPriority priority) {
  return Enqueue(url, priority, false);
}

bool Frontier::MarkKnown(std::string_view url) {
  if (known_.size() >= options_.max_known_urls) return false;
  return known_.Insert(UrlHash(url));
}

bool Frontier::IsKnown(std::string_view url) const { return known_.Contains(UrlHash(url)); }

std::optional<FrontierItem> Frontier::Next() {
  const TimePoint now = clock_();
  while (!ready_.empty()) {
    ReadyEntry e = ready_.top();
    Host& h = hosts_[e.host];
    if (e.generation != h.generation || !h.in_heap || h.queue.empty()) {
      ready_.pop();
      if (e.generation == h.generation) h.in_heap = false;
      continue;
    }
    if (e.at > now) return std::nullopt;
    ready_.pop();
    h.in_heap = false;
    auto [path, priority] = h.queue.Pop();
    --queued_;
    h.next_allowed = std::max(h.next_allowed, now + h.delay);
    if (!h.queue.empty()) Schedule(e.host);
    FrontierItem item;
    item.url.reserve(h.origin.size() + path.size());
    item.url.append(h.origin).append(path);
    item.origin = h.origin;
    item.priority = priority;
    return item;
  }
  return std::nullopt;
}

std::optional<Frontier::TimePoint> Frontier::NextReadyTime() {
  while (!ready_.empty()) {
    const ReadyEntry& e = ready_.top();
    const Host& h = hosts_[e.host];
    if (e.generation == h.generation && h.in_heap && !h.queue.empty()) return e.at;
    ready_.pop();
  }
  return std::nullopt;
}

void Frontier::SetHostDelay(std::string_view origin, std::chrono::milliseconds delay) {
  Host* h = FindHost(origin);
  if (h == nullptr) return;
  h->delay = std::max(delay, std::chrono::milliseconds(0));
}

void Frontier::DeferHost(std::string_view origin, TimePoint until) {
  auto it = host_ids_.find(origin);
  if (it == host_ids_.end()) return;
  Host& h = hosts_[it->second];
  if (until <= h.next_allowed) return;
  h.next_allowed = until;
  if (h.in_heap) Schedule(it->second);
}

std::size_t Frontier::QueuedForHost(std::string_view origin) const {
  auto it = host_ids_.find(origin);
  return it == host_ids_.end() ? 0 : hosts_[it->second].queue.size();
}

std::size_t Frontier::MemoryBytes() const {
  std::size_t n = known_.MemoryBytes();
  for (const Host& h : hosts_) {
    n += sizeof(Host) + h.queue.MemoryBytes();
    if (h.origin.capacity() > 15) n += h.origin.capacity() + 1;
  }
  // unordered_map: one bucket pointer plus a node (key view, value, next, hash) per host.
  n += host_ids_.bucket_count() * sizeof(void*) +
       host_ids_.size() * (sizeof(std::string_view) + 4 * sizeof(void*));
  n += ready_.size() * sizeof(ReadyEntry);
  return n;
}

}  // namespace hallyu
