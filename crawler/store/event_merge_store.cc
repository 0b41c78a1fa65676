#include "crawler/store/event_merge_store.h"

#include <sqlite3.h>

namespace hallyu {
namespace {

Status SqliteError(sqlite3* db, const std::string& what, int rc) {
  return IoError("sqlite: " + what + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)) + " (" +
                 std::to_string(rc) + ")");
}

}  // namespace

Result<std::unique_ptr<EventMergeStore>> EventMergeStore::Open(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    Status s = SqliteError(db, "open " + path, rc);
    sqlite3_close(db);
    return s;
  }
  std::unique_ptr<EventMergeStore> store(new EventMergeStore(db));
  sqlite3_busy_timeout(db, 5000);
  char* err = nullptr;
  const char* kSchema =
      "PRAGMA journal_mode=WAL;"
      // A commit no longer waits for fsync (it happened under the pipeline's merge
      // lock, once per event: ~250 fsyncs in a 5,000-page crawl, both workers
      // waiting). WAL + NORMAL still survives a crash of the process; an OS crash
      // may roll back the last merges, and re-detection then republishes an
      // (event_id, version) the sink already ignores as a repeat.
      "PRAGMA synchronous=NORMAL;"
      "CREATE TABLE IF NOT EXISTS event_merge_state ("
      "  event_id TEXT PRIMARY KEY,"
      "  version INTEGER NOT NULL,"
      "  status TEXT NOT NULL,"
      "  event_json TEXT NOT NULL,"
      "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
      // 1 while the stored version may not have reached the publisher (see
      // EventMerger::CommitPending): it is published again, with the same payload.
      "  pending INTEGER NOT NULL DEFAULT 0);";
  if (sqlite3_exec(db, kSchema, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "?";
    sqlite3_free(err);
    return IoError("sqlite: create event_merge_state: " + msg);
  }
  // A database from before the pending column gets it (every row published).
  sqlite3_stmt* probe = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT pending FROM event_merge_state LIMIT 0", -1, &probe,
                         nullptr) != SQLITE_OK) {
    if (sqlite3_exec(db,
                     "ALTER TABLE event_merge_state ADD COLUMN pending INTEGER NOT NULL "
                     "DEFAULT 0",
                     nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "?";
      sqlite3_free(err);
      return IoError("sqlite: add event_merge_state.pending: " + msg);
    }
  }
  sqlite3_finalize(probe);
  HALLYU_RETURN_IF_ERROR(store->Prepare());
  return store;
}

Status EventMergeStore::Prepare() {
  int rc = sqlite3_prepare_v2(db_, "SELECT event_json FROM event_merge_state WHERE event_id = ?1",
                              -1, &get_, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db_, "prepare get", rc);
  rc = sqlite3_prepare_v2(
      db_, "SELECT event_json FROM event_merge_state WHERE event_id = ?1 AND pending = 1", -1,
      &get_pending_, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db_, "prepare get pending", rc);
  rc = sqlite3_prepare_v2(
      db_,
      "INSERT INTO event_merge_state(event_id, version, status, event_json, pending) "
      "VALUES(?1, ?2, ?3, ?4, ?5) ON CONFLICT(event_id) DO UPDATE SET "
      "version = excluded.version, status = excluded.status, "
      "event_json = excluded.event_json, pending = excluded.pending, "
      "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')",
      -1, &put_, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db_, "prepare put", rc);
  rc = sqlite3_prepare_v2(
      db_,
      "UPDATE event_merge_state SET pending = 0 WHERE event_id = ?1 AND version = ?2 AND "
      "pending = 1",
      -1, &mark_, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db_, "prepare mark published", rc);
  return Status::Ok();
}

EventMergeStore::~EventMergeStore() {
  sqlite3_finalize(get_);
  sqlite3_finalize(get_pending_);
  sqlite3_finalize(put_);
  sqlite3_finalize(mark_);
  sqlite3_close(db_);
}

Result<std::optional<Event>> EventMergeStore::Get(const std::string& event_id) {
  return Read(get_, event_id);
}

Result<std::optional<Event>> EventMergeStore::GetPending(const std::string& event_id) {
  return Read(get_pending_, event_id);
}

Result<std::optional<Event>> EventMergeStore::Read(sqlite3_stmt* st, const std::string& event_id) {
  sqlite3_reset(st);
  sqlite3_bind_text(st, 1, event_id.data(), static_cast<int>(event_id.size()), SQLITE_TRANSIENT);
  const int rc = sqlite3_step(st);
  if (rc == SQLITE_DONE) return std::optional<Event>();
  if (rc != SQLITE_ROW) return SqliteError(db_, "get " + event_id, rc);
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  const std::string json_text = text ? text : "";
  sqlite3_reset(st);
  auto j = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Corrupt("event_merge_state row " + event_id + " is not JSON");
  auto e = EventFromJson(j);
  if (!e.ok()) return Corrupt("event_merge_state row " + event_id + ": " + e.status().message());
  return std::optional<Event>(std::move(*e));
}

Status EventMergeStore::Put(const Event& event) { return Store(event, false); }

Status EventMergeStore::PutPending(const Event& event) { return Store(event, true); }

Status EventMergeStore::MarkPublished(const std::string& event_id, int version) {
  sqlite3_reset(mark_);
  sqlite3_bind_text(mark_, 1, event_id.data(), static_cast<int>(event_id.size()), SQLITE_TRANSIENT);
  sqlite3_bind_int(mark_, 2, version);
  const int rc = sqlite3_step(mark_);
  sqlite3_reset(mark_);
  if (rc != SQLITE_DONE) return SqliteError(db_, "mark published " + event_id, rc);
  return Status::Ok();
}

Status EventMergeStore::Store(const Event& event, bool pending) {
  const std::string json_text = ToJson(event).dump();
  sqlite3_reset(put_);
  sqlite3_bind_text(put_, 1, event.event_id.data(), static_cast<int>(event.event_id.size()),
                    SQLITE_TRANSIENT);
  sqlite3_bind_int(put_, 2, event.version);
  sqlite3_bind_text(put_, 3, event.status.data(), static_cast<int>(event.status.size()),
                    SQLITE_TRANSIENT);
  sqlite3_bind_text(put_, 4, json_text.data(), static_cast<int>(json_text.size()),
                    SQLITE_TRANSIENT);
  sqlite3_bind_int(put_, 5, pending ? 1 : 0);
  const int rc = sqlite3_step(put_);
  sqlite3_reset(put_);
  if (rc != SQLITE_DONE) return SqliteError(db_, "put " + event.event_id, rc);
  return Status::Ok();
}

Result<int64_t> EventMergeStore::Count() {
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v2(db_, "SELECT COUNT(*) FROM event_merge_state", -1, &st, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db_, "count", rc);
  rc = sqlite3_step(st);
  const int64_t n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
  sqlite3_finalize(st);
  if (n < 0) return SqliteError(db_, "count", rc);
  return n;
}

}  // namespace hallyu
