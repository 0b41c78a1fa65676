#include <sqlite3.h>

#include "crawler/store/sql_conn.h"

namespace hallyu::internal {
namespace {

class SqliteConn final : public SqlConn {
 public:
  explicit SqliteConn(sqlite3* db) : db_(db) {}
  ~SqliteConn() override { sqlite3_close_v2(db_); }
  SqliteConn(const SqliteConn&) = delete;
  SqliteConn& operator=(const SqliteConn&) = delete;

  Result<int64_t> Exec(const std::string& sql, const std::vector<SqlValue>& params) override {
    auto st = Prepare(sql, params);
    if (!st.ok()) return st.status();
    int rc;
    while ((rc = sqlite3_step(*st)) == SQLITE_ROW) {
    }
    sqlite3_finalize(*st);
    if (rc != SQLITE_DONE) return Error("exec");
    return static_cast<int64_t>(sqlite3_changes(db_));
  }

  Result<std::vector<SqlRow>> Query(const std::string& sql,
                                    const std::vector<SqlValue>& params) override {
    auto st = Prepare(sql, params);
    if (!st.ok()) return st.status();
    std::vector<SqlRow> rows;
    int rc;
    while ((rc = sqlite3_step(*st)) == SQLITE_ROW) {
      int n = sqlite3_column_count(*st);
      SqlRow row;
      row.reserve(n);
      for (int i = 0; i < n; ++i) {
        if (sqlite3_column_type(*st, i) == SQLITE_NULL) {
          row.emplace_back(std::nullopt);
        } else {
          const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(*st, i));
          row.emplace_back(std::string(t, sqlite3_column_bytes(*st, i)));
        }
      }
      rows.push_back(std::move(row));
    }
    sqlite3_finalize(*st);
    if (rc != SQLITE_DONE) return Error("query");
    return rows;
  }

  Status Begin() override { return ExecScript("BEGIN IMMEDIATE"); }
  Status Commit() override { return ExecScript("COMMIT"); }
  void Rollback() override { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }
  // BEGIN IMMEDIATE already holds the database's write lock.
  Status LockForMigration() override { return Status::Ok(); }

  Status ExecScript(const std::string& sql) override {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "unknown";
      sqlite3_free(err);
      return Unavailable("sqlite: " + msg);
    }
    return Status::Ok();
  }

 private:
  Status Error(const char* what) {
    return Unavailable(std::string("sqlite ") + what + ": " + sqlite3_errmsg(db_) + " (" +
                       std::to_string(sqlite3_extended_errcode(db_)) + ")");
  }

  Result<sqlite3_stmt*> Prepare(const std::string& sql, const std::vector<SqlValue>& params) {
    std::string text = sql;
    for (char& c : text) {
      if (c == '$') c = '?';  // $N -> ?N: same numbering
    }
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, text.c_str(), -1, &st, nullptr) != SQLITE_OK) {
      return Error("prepare");
    }
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i) + 1;
      int rc = SQLITE_OK;
      if (const auto* s = std::get_if<std::string>(&params[i])) {
        rc = sqlite3_bind_text(st, idx, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
      } else if (const auto* n = std::get_if<int64_t>(&params[i])) {
        rc = sqlite3_bind_int64(st, idx, *n);
      } else if (const auto* d = std::get_if<double>(&params[i])) {
        rc = sqlite3_bind_double(st, idx, *d);
      } else {
        rc = sqlite3_bind_null(st, idx);
      }
      if (rc != SQLITE_OK) {
        sqlite3_finalize(st);
        return Error("bind");
      }
    }
    return st;
  }

  sqlite3* db_;
};

}  // namespace

Result<std::unique_ptr<SqlConn>> OpenSqliteConn(const std::string& path) {
  sqlite3* db = nullptr;
  std::string p = path.empty() ? ":memory:" : path;
  int rc = sqlite3_open_v2(
      p.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return Unavailable("sqlite open " + p + ": " + msg);
  }
  sqlite3_busy_timeout(db, 10000);
  auto conn = std::make_unique<SqliteConn>(db);
  if (p != ":memory:") {
    HALLYU_RETURN_IF_ERROR(conn->ExecScript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"));
  }
  HALLYU_RETURN_IF_ERROR(conn->ExecScript("PRAGMA foreign_keys=ON;"));
  return std::unique_ptr<SqlConn>(std::move(conn));
}

}  // namespace hallyu::internal
