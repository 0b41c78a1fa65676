#pragma once
// Crawl state of sources, persisted in SQLite so a restart neither refetches
// everything nor misses what was due: per source the next due time and current
// adaptive interval, and a bounded set of seen entry ids (with their update time, so
// an entry whose update time changed counts as new again).
//
// Thread safety: not thread-safe; one owner (the scheduler thread) uses it.

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "extractors/base/status.h"

namespace hallyu {

struct SourceSchedule {
  int64_t next_due = 0;          // Unix seconds
  int64_t interval_seconds = 0;  // current adaptive interval
  int64_t last_polled = 0;       // Unix seconds, 0 = never
  int64_t last_new_at = 0;       // last poll that found new entries, 0 = never
};

// One entry as the seen-set knows it.
struct EntryKey {
  std::string id;
  std::optional<int64_t> updated_at;  // Unix seconds; changes make the entry new again
};

struct SourceStateStoreOptions {
  size_t max_seen_per_source = 5000;  // oldest seen ids beyond this are forgotten
  // MarkSeen calls buffered in memory before one transaction writes them all; 1 writes
  // each call through. A crash loses at most this many marks: their pages are fetched
  // and detected again by the next run (the event merge state makes that idempotent).
  size_t mark_batch = 1;
};

class SourceStateStore {
 public:
  // Opens (creating if needed) the SQLite file at `path` (":memory:" works).
  // Returns kIo when the file cannot be opened or the schema cannot be created.
  static Result<std::unique_ptr<SourceStateStore>> Open(const std::string& path,
                                                        SourceStateStoreOptions options = {});
  ~SourceStateStore();
  SourceStateStore(const SourceStateStore&) = delete;
  SourceStateStore& operator=(const SourceStateStore&) = delete;

  // The stored schedule of `source`, or nullopt when never saved. kIo on failure.
  Result<std::optional<SourceSchedule>> LoadSchedule(const std::string& source);
  // Stores (replaces) the schedule of `source`. kIo on failure.
  Status SaveSchedule(const std::string& source, const SourceSchedule& schedule);

  // Entries of `entries` that are new for `source`: id never seen, or seen with a
  // different update time. Order kept; duplicates within `entries` reported once.
  Result<std::vector<EntryKey>> FilterUnseen(const std::string& source,
                                             const std::vector<EntryKey>& entries);
  // Records `entries` as seen at `now` (a seen entry marked again becomes the newest), then
  // trims the source's set to max_seen_per_source, least recently marked first. The marks
  // are buffered until mark_batch calls are pending (or Flush, a read, or destruction),
  // then written in one transaction whose cost does not grow with the size of the set.
  // kIo when that write fails; the marks it carried are then not kept.
  Status MarkSeen(const std::string& source, const std::vector<EntryKey>& entries, int64_t now);
  // Writes the buffered marks now. kIo on failure (the buffered marks are dropped).
  Status Flush();
  // Number of seen ids stored for `source`.
  Result<size_t> SeenCount(const std::string& source);

 private:
  SourceStateStore(sqlite3* db, SourceStateStoreOptions options) : db_(db), options_(options) {}
  Status Exec(const char* sql);
  struct PendingMark {
    std::string source;
    std::vector<EntryKey> entries;
    int64_t now;
  };
  Result<size_t> CountRows(const std::string& source);

  sqlite3* db_;
  SourceStateStoreOptions options_;
  std::unordered_map<std::string, int64_t> seen_count_;  // rows per source, once counted
  std::vector<PendingMark> pending_;                     // marks not written yet
};

}  // namespace hallyu
