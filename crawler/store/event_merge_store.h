#pragma once
// SQLite-backed MergeStateBackend: the EventMerger's state (one row per
// event_id holding the merged event as JSON, and whether that version is still pending
// publication) survives restarts.
//
// Not thread-safe: one store per EventMerger, used from one thread.

#include <memory>
#include <optional>
#include <string>

#include "extractors/base/status.h"
#include "extractors/detect/event_merger.h"

struct sqlite3;
struct sqlite3_stmt;

namespace hallyu {

class EventMergeStore : public MergeStateBackend {
 public:
  // Opens (creating if needed) the database at `path` (":memory:" allowed)
  // and its table `event_merge_state`. Fails with kIo naming the SQLite error.
  static Result<std::unique_ptr<EventMergeStore>> Open(const std::string& path);
  ~EventMergeStore() override;
  EventMergeStore(const EventMergeStore&) = delete;
  EventMergeStore& operator=(const EventMergeStore&) = delete;

  // The stored event, nullopt when absent; kCorrupt when the row does not parse.
  Result<std::optional<Event>> Get(const std::string& event_id) override;
  // Inserts or replaces `event` as published (one transaction per call).
  Status Put(const Event& event) override;
  // Inserts or replaces `event` marked pending (see EventMerger::CommitPending).
  Status PutPending(const Event& event) override;
  // The stored event of `event_id` if it is marked pending, else nullopt; kCorrupt when
  // the row does not parse.
  Result<std::optional<Event>> GetPending(const std::string& event_id) override;
  // Clears the pending mark of `event_id` when its stored version is `version`.
  Status MarkPublished(const std::string& event_id, int version) override;
  // Number of stored events, or an error.
  Result<int64_t> Count();

 private:
  explicit EventMergeStore(sqlite3* db) : db_(db) {}
  Status Prepare();
  Status Store(const Event& event, bool pending);
  Result<std::optional<Event>> Read(sqlite3_stmt* st, const std::string& event_id);
  sqlite3* db_ = nullptr;
  sqlite3_stmt* get_ = nullptr;
  sqlite3_stmt* get_pending_ = nullptr;
  sqlite3_stmt* put_ = nullptr;
  sqlite3_stmt* mark_ = nullptr;
};

}  // namespace hallyu
