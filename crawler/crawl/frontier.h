#pragma once
// The frontier: which URL to fetch next.
//
//   - dedup: every URL ever added is remembered as a 64-bit hash in an
//     open-addressing table (8 bytes per slot, load <= 0.7). Two different URLs
//     collide with probability ~n^2/2^65 (about 3e-8 at one million URLs); a
//     collision makes the second one look already known;
//   - per-host queues (HostQueue): URLs waiting for one origin, stored as
//     length-prefixed paths in one byte buffer per priority (the origin is kept
//     once per host), so a queued URL costs its path length plus 1-2 bytes;
//   - priorities: feeds, then sitemaps, then seeds, then discovered links;
//     within a priority, first in first out;
//   - hosts: a host is ready when it has URLs and its next-allowed time has
//     come. Next() picks the ready host that has waited longest (ties broken
//     in round-robin order), hands out one URL and moves the host's
//     next-allowed time by its delay. The fetcher adjusts delays (robots.txt
//     Crawl-delay, 429/503) with SetHostDelay / DeferHost;
//   - every size is bounded; Add refuses with a named outcome when full and
//     does not remember a refused URL.
//
// Memory target (issue 10): <= 200 bytes per known URL at one million URLs;
// see bench/frontier_bench.cc and bench/RESULTS-web.md.
//
// Not thread-safe: owned by the fetch loop.

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <queue>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hallyu {

// Lower value = fetched first.
enum class UrlPriority : std::uint8_t { kFeed = 0, kSitemap = 1, kSeed = 2, kLink = 3 };
inline constexpr std::size_t kUrlPriorityCount = 4;

// A compact set of 64-bit URL hashes (open addressing, linear probing).
class UrlHashSet {
 public:
  // Inserts `hash`; returns false when it was already present.
  bool Insert(std::uint64_t hash);
  bool Contains(std::uint64_t hash) const;
  std::size_t size() const { return size_; }
  std::size_t MemoryBytes() const { return slots_.capacity() * sizeof(std::uint64_t); }

 private:
  void Grow();
  std::vector<std::uint64_t> slots_;  // 0 = empty
  std::size_t size_ = 0;
};

// 64-bit hash of a URL's bytes (fast, well mixed; not cryptographic).
std::uint64_t UrlHash(std::string_view url);

// The URLs waiting for one host, per priority.
class HostQueue {
 public:
  // Appends `path` (at most 65535 bytes) to the lane of `priority`.
  // Returns false when `path` is too long.
  bool Push(std::string_view path, UrlPriority priority);
  // Removes and returns the first path of the highest non-empty priority.
  // REQUIRES: !empty().
  std::pair<std::string, UrlPriority> Pop();
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::size_t MemoryBytes() const;

 private:
  struct Lane {
    std::string buf;       // [varint length][bytes]...
    std::size_t head = 0;  // read offset
  };
  std::array<Lane, kUrlPriorityCount> lanes_;
  std::uint32_t size_ = 0;
};

struct FrontierOptions {
  std::size_t max_known_urls = 20'000'000;        // URLs remembered for dedup
  std::size_t max_queued_urls = 5'000'000;        // URLs waiting, all hosts together
  std::size_t max_queued_per_host = 200'000;      // URLs waiting for one host
  std::size_t max_hosts = 200'000;                // distinct origins
  std::chrono::milliseconds default_delay{1000};  // between two URLs of one host
};

enum class AddOutcome {
  kAdded,
  kDuplicate,     // already known (added before, or MarkKnown)
  kInvalid,       // not an absolute http(s) URL in normal form
  kKnownFull,     // max_known_urls reached
  kQueueFull,     // max_queued_urls reached
  kHostFull,      // max_queued_per_host reached for this host
  kTooManyHosts,  // max_hosts reached and this is a new host
};

// "added", "duplicate", "invalid", "known_full", "queue_full", "host_full", "too_many_hosts".
std::string_view AddOutcomeName(AddOutcome outcome);

struct FrontierItem {
  std::string url;     // origin + path
  std::string origin;  // scheme://host[:port]
  UrlPriority priority = UrlPriority::kLink;
};

class Frontier {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;
  using Clock = std::function<TimePoint()>;

  explicit Frontier(FrontierOptions options = {}, Clock clock = nullptr);

  // Queues `url` (already normalised: NormalizeUrl/ResolveUrl output) unless
  // it is known or a limit is reached. A refused URL is not remembered.
  AddOutcome Add(std::string_view url, UrlPriority priority);
  // Queues `url` again although it is known (a retry after a failure).
  // Same limits as Add, except dedup.
  AddOutcome Requeue(std::string_view url, UrlPriority priority);
  // Remembers `url` as known without queueing it (restored crawl state).
  // Returns false when it was already known or max_known_urls is reached.
  bool MarkKnown(std::string_view url);
  bool IsKnown(std::string_view url) const;

  // The next URL of the ready host that has waited longest, or nullopt when
  // no host is ready now. Moves that host's next-allowed time by its delay.
  std::optional<FrontierItem> Next();
  // When the next host becomes ready (nullopt when nothing is queued).
  std::optional<TimePoint> NextReadyTime();

  // Sets the minimum delay between two URLs of `origin` (e.g. Crawl-delay).
  void SetHostDelay(std::string_view origin, std::chrono::milliseconds delay);
  // Holds `origin` back until `until` at least (Retry-After, backoff).
  void DeferHost(std::string_view origin, TimePoint until);

  std::size_t known() const { return known_.size(); }
  std::size_t queued() const { return queued_; }
  std::size_t hosts() const { return hosts_.size(); }
  std::size_t QueuedForHost(std::string_view origin) const;
  // Bytes held by the frontier's own structures (tables, queues, host names).
  std::size_t MemoryBytes() const;

 private:
  struct Host {
    std::string origin;
    HostQueue queue;
    TimePoint next_allowed{};
    std::chrono::milliseconds delay{0};
    std::uint32_t generation = 0;  // bumps when a heap entry for it goes stale
    bool in_heap = false;
  };
  struct ReadyEntry {
    TimePoint at;
    std::uint64_t seq;  // FIFO among equal times: round-robin fairness
    std::uint32_t host;
    std::uint32_t generation;
    bool operator>(const ReadyEntry& o) const { return at != o.at ? at > o.at : seq > o.seq; }
  };

  AddOutcome Enqueue(std::string_view url, UrlPriority priority, bool dedup);
  Host* FindHost(std::string_view origin);
  void Schedule(std::uint32_t host_id);

  FrontierOptions options_;
  Clock clock_;
  UrlHashSet known_;
  std::deque<Host> hosts_;  // stable addresses: host_ids_ keys view into them
  std::unordered_map<std::string_view, std::uint32_t> host_ids_;  // views into hosts_[i].origin
  std::priority_queue<ReadyEntry, std::vector<ReadyEntry>, std::greater<>> ready_;
  std::uint64_t seq_ = 0;
  std::size_t queued_ = 0;
};

}  // namespace hallyu
