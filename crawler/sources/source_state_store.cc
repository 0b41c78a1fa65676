#include "crawler/sources/source_state_store.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <unordered_set>

namespace hallyu {
namespace {

// Owns one prepared statement.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &s_, nullptr); }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  bool ok() const { return rc_ == SQLITE_OK; }
  sqlite3_stmt* get() { return s_; }
  void Bind(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void Bind(int i, int64_t v) { sqlite3_bind_int64(s_, i, v); }
  void BindOptional(int i, const std::optional<int64_t>& v) {
    if (v) {
      sqlite3_bind_int64(s_, i, *v);
    } else {
      sqlite3_bind_null(s_, i);
    }
  }
  int Step() { return sqlite3_step(s_); }
  void Reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }

 private:
  sqlite3_stmt* s_ = nullptr;
  int rc_;
};

Status SqlError(sqlite3* db, const std::string& what) {
  return IoError("sqlite: " + what + ": " + sqlite3_errmsg(db) + " (" +
                 std::to_string(sqlite3_extended_errcode(db)) + ")");
}

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS source_schedule (
  source TEXT PRIMARY KEY,
  next_due INTEGER NOT NULL,
  interval_seconds INTEGER NOT NULL,
  last_polled INTEGER NOT NULL,
  last_new_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS source_seen (
  source TEXT NOT NULL,
  entry_id TEXT NOT NULL,
  updated_at INTEGER,
  seen_at INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (source, entry_id)
);
DROP INDEX IF EXISTS source_seen_age;
CREATE INDEX IF NOT EXISTS source_seen_seq ON source_seen (source, seq);
)sql";

}  // namespace

Result<std::unique_ptr<SourceStateStore>> SourceStateStore::Open(const std::string& path,
                                                                 SourceStateStoreOptions options) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return IoError("sqlite: open " + path + ": " + msg);
  }
  sqlite3_busy_timeout(db, 5000);
  std::unique_ptr<SourceStateStore> store(new SourceStateStore(db, options));
  HALLYU_RETURN_IF_ERROR(store->Exec("PRAGMA journal_mode=WAL"));
  HALLYU_RETURN_IF_ERROR(store->Exec("PRAGMA synchronous=NORMAL"));
  HALLYU_RETURN_IF_ERROR(store->Exec(kSchema));
  return store;
}

SourceStateStore::~SourceStateStore() {
  if (Status s = Flush(); !s.ok())
    spdlog::warn("source state: seen ids not saved: {}", s.ToString());
  sqlite3_close(db_);
}

Status SourceStateStore::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return IoError("sqlite: " + msg);
  }
  return Status::Ok();
}

Result<std::optional<SourceSchedule>> SourceStateStore::LoadSchedule(const std::string& source) {
  Stmt st(db_,
          "SELECT next_due, interval_seconds, last_polled, last_new_at FROM source_schedule "
          "WHERE source = ?");
  if (!st.ok()) return SqlError(db_, "prepare load schedule");
  st.Bind(1, source);
  int rc = st.Step();
  if (rc == SQLITE_DONE) return std::optional<SourceSchedule>();
  if (rc != SQLITE_ROW) return SqlError(db_, "load schedule");
  SourceSchedule s;
  s.next_due = sqlite3_column_int64(st.get(), 0);
  s.interval_seconds = sqlite3_column_int64(st.get(), 1);
  s.last_polled = sqlite3_column_int64(st.get(), 2);
  s.last_new_at = sqlite3_column_int64(st.get(), 3);
  return std::optional<SourceSchedule>(s);
}

Status SourceStateStore::SaveSchedule(const std::string& source, const SourceSchedule& s) {
  Stmt st(db_,
          "INSERT INTO source_schedule (source, next_due, interval_seconds, last_polled, "
          "last_new_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(source) DO UPDATE SET "
          "next_due = excluded.next_due, interval_seconds = excluded.interval_seconds, "
          "last_polled = excluded.last_polled, last_new_at = excluded.last_new_at");
  if (!st.ok()) return SqlError(db_, "prepare save schedule");
  st.Bind(1, source);
  st.Bind(2, s.next_due);
  st.Bind(3, s.interval_seconds);
  st.Bind(4, s.last_polled);
  st.Bind(5, s.last_new_at);
  if (st.Step() != SQLITE_DONE) return SqlError(db_, "save schedule");
  return Status::Ok();
}

Result<std::vector<EntryKey>> SourceStateStore::FilterUnseen(const std::string& source,
                                                             const std::vector<EntryKey>& entries) {
  HALLYU_RETURN_IF_ERROR(Flush());
  Stmt st(db_, "SELECT updated_at FROM source_seen WHERE source = ? AND entry_id = ?");
  if (!st.ok()) return SqlError(db_, "prepare filter");
  std::vector<EntryKey> out;
  std::unordered_set<std::string> reported;
  for (const EntryKey& e : entries) {
    if (e.id.empty() || reported.count(e.id)) continue;
    st.Reset();
    st.Bind(1, source);
    st.Bind(2, e.id);
    int rc = st.Step();
    bool fresh;
    if (rc == SQLITE_DONE) {
      fresh = true;
    } else if (rc == SQLITE_ROW) {
      std::optional<int64_t> stored;
      if (sqlite3_column_type(st.get(), 0) != SQLITE_NULL) {
        stored = sqlite3_column_int64(st.get(), 0);
      }
      fresh = e.updated_at.has_value() && stored != e.updated_at;
    } else {
      return SqlError(db_, "filter");
    }
    if (fresh) {
      reported.insert(e.id);
      out.push_back(e);
    }
  }
  return out;
}

Status SourceStateStore::MarkSeen(const std::string& source, const std::vector<EntryKey>& entries,
                                  int64_t now) {
  pending_.push_back(PendingMark{source, entries, now});
  if (pending_.size() < std::max<size_t>(options_.mark_batch, 1)) return Status::Ok();
  return Flush();
}

Status SourceStateStore::Flush() {
  if (pending_.empty()) return Status::Ok();
  std::vector<PendingMark> marks;
  marks.swap(pending_);
  // Per source touched by this flush: its row count and newest seq, read once. Every step
  // below is an index lookup, so a flush costs the same however large the set is.
  struct SourceTally {
    int64_t count = 0;
    int64_t seq = 0;
  };
  std::unordered_map<std::string, SourceTally> tally;  // committed with the transaction
  HALLYU_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  Status result = [&]() -> Status {
    Stmt newest(db_, "SELECT COALESCE(MAX(seq), 0) FROM source_seen WHERE source = ?");
    Stmt insert(db_,
                "INSERT INTO source_seen (source, entry_id, updated_at, seen_at, seq) VALUES "
                "(?, ?, ?, ?, ?) ON CONFLICT(source, entry_id) DO NOTHING");
    Stmt update(db_,
                "UPDATE source_seen SET updated_at = ?3, seen_at = ?4, seq = ?5 "
                "WHERE source = ?1 AND entry_id = ?2");
    if (!newest.ok() || !insert.ok() || !update.ok()) return SqlError(db_, "prepare mark seen");
    for (const PendingMark& m : marks) {
      auto [it, added] = tally.try_emplace(m.source);
      SourceTally& t = it->second;
      if (added) {
        if (auto cached = seen_count_.find(m.source); cached != seen_count_.end()) {
          t.count = cached->second;
        } else {
          Result<size_t> n = CountRows(m.source);
          if (!n.ok()) return n.status();
          t.count = static_cast<int64_t>(*n);
        }
        newest.Reset();
        newest.Bind(1, m.source);
        if (newest.Step() != SQLITE_ROW) return SqlError(db_, "seq");
        t.seq = sqlite3_column_int64(newest.get(), 0);
        newest.Reset();  // done reading: no open cursor while this source's rows change
      }
      for (const EntryKey& e : m.entries) {
        if (e.id.empty()) continue;
        ++t.seq;
        // Both statements number their parameters alike: source, id, updated_at, now, seq.
        auto bind = [&](Stmt& st) {
          st.Reset();
          st.Bind(1, m.source);
          st.Bind(2, e.id);
          st.BindOptional(3, e.updated_at);
          st.Bind(4, m.now);
          st.Bind(5, t.seq);
          return st.Step();
        };
        if (bind(insert) != SQLITE_DONE) return SqlError(db_, "mark seen");
        if (sqlite3_changes(db_) == 1) {
          ++t.count;
          continue;
        }
        // Seen before: refresh its update time and make it the newest.
        if (bind(update) != SQLITE_DONE) return SqlError(db_, "mark seen again");
      }
    }
    // Trim each source to the bound: only the excess rows, least recently marked first.
    Stmt trim(db_,
              "DELETE FROM source_seen WHERE rowid IN (SELECT rowid FROM source_seen "
              "WHERE source = ? ORDER BY seq LIMIT ?)");
    if (!trim.ok()) return SqlError(db_, "prepare trim");
    for (auto& [source, t] : tally) {
      const int64_t excess = t.count - static_cast<int64_t>(options_.max_seen_per_source);
      if (excess <= 0) continue;
      trim.Reset();
      trim.Bind(1, source);
      trim.Bind(2, excess);
      if (trim.Step() != SQLITE_DONE) return SqlError(db_, "trim");
      t.count -= sqlite3_changes(db_);
    }
    return Status::Ok();
  }();
  if (result.ok()) result = Exec("COMMIT");
  if (!result.ok()) {
    (void)Exec("ROLLBACK");
    for (const auto& [source, t] : tally) seen_count_.erase(source);  // counted again later
    return result;
  }
  for (const auto& [source, t] : tally) seen_count_[source] = t.count;
  return Status::Ok();
}

Result<size_t> SourceStateStore::SeenCount(const std::string& source) {
  HALLYU_RETURN_IF_ERROR(Flush());
  return CountRows(source);
}

Result<size_t> SourceStateStore::CountRows(const std::string& source) {
  Stmt st(db_, "SELECT COUNT(*) FROM source_seen WHERE source = ?");
  if (!st.ok()) return SqlError(db_, "prepare count");
  st.Bind(1, source);
  if (st.Step() != SQLITE_ROW) return SqlError(db_, "count");
  return static_cast<size_t>(sqlite3_column_int64(st.get(), 0));
}

}  // namespace hallyu
