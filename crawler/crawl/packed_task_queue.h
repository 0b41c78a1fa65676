#pragma once
// PackedTaskQueue: the crawl job's queue of URLs waiting to be fetched, stored
// compactly so that a million queued URLs cost well under 200 bytes each
// (issue 10; bench/crawl_memory_bench.cc measures it).
//
// Entries are appended to one byte buffer as
//   [varint total length][kind:1][flags:1][source:varint][depth:varint][page:varint]
//   [entry_updated_at:varint] then NUL-separated strings: url, title, published_at,
//   link_id, updated_at, from_url, entry_id
// and read back in FIFO order; the consumed prefix is released once it is more
// than half of the buffer (amortised O(1) per entry). PushFront (tasks released
// after a robots.txt fetch, few per host) goes to a small ordinary deque that is
// served first. Not thread-safe (the crawl job guards it with its mutex).

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>

namespace hallyu {

// One queued task: what the crawl job needs to fetch a URL and process the page.
struct QueuedTask {
  std::uint8_t kind = 0;     // the crawl job's task kind
  std::uint32_t source = 0;  // index of the source that led to the URL
  std::uint32_t depth = 0;   // link depth below the source
  std::string url;           // absolute URL
  std::string title;         // title the source gave the page ("" when none)
  std::string published_at;  // RFC 3339 date the source gave the page ("" when none)
  std::string link_id;       // entry id the source gave the page ("" when none)
  std::string updated_at;    // RFC 3339 update time the source gave ("" when none)
  bool root = false;         // the configured URL of a source (scheduling)
  std::uint32_t page = 0;    // result page within a source poll (social paging)
  std::string from_url;      // the source URL that listed the page ("" when none)
  // The seen-set key the page was listed under, when it has one.
  bool has_entry = false;
  std::string entry_id;
  std::optional<std::int64_t> entry_updated_at;  // Unix seconds
};

class PackedTaskQueue {
 public:
  // Appends `task` at the back.
  void PushBack(const QueuedTask& task);
  // Puts `task` before every other queued task.
  void PushFront(QueuedTask task);
  // Removes and returns the first task; nullopt when empty.
  std::optional<QueuedTask> PopFront();

  std::size_t size() const { return size_ + front_.size(); }
  bool empty() const { return size() == 0; }
  // Heap bytes held by the queue (buffer capacity plus the front deque's tasks).
  std::size_t MemoryBytes() const;

 private:
  std::string buf_;       // packed entries
  std::size_t head_ = 0;  // read offset into buf_
  std::size_t size_ = 0;  // entries in buf_ after head_
  std::deque<QueuedTask> front_;
};

}  // namespace hallyu
