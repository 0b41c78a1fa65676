#pragma once
// internal: the few SQL operations SqlStore needs, implemented once for SQLite and
// once for PostgreSQL. SQL text uses $1..$n placeholders, each at most once and in
// order; both connections accept the same SQL (SQLite >= 3.24 and PostgreSQL share
// ON CONFLICT upserts).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "extractors/base/status.h"

namespace hallyu::internal {

using SqlValue = std::variant<std::nullptr_t, int64_t, double, std::string>;
using SqlRow = std::vector<std::optional<std::string>>;  // column texts, nullopt = NULL

class SqlConn {
 public:
  virtual ~SqlConn() = default;
  // Runs a statement; returns the number of rows it changed.
  virtual Result<int64_t> Exec(const std::string& sql, const std::vector<SqlValue>& params) = 0;
  // Runs a query; returns every row as text.
  virtual Result<std::vector<SqlRow>> Query(const std::string& sql,
                                            const std::vector<SqlValue>& params) = 0;
  // Transactions: Begin, then Commit or Rollback. Not nested.
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual void Rollback() = 0;
  // Inside a transaction: blocks other processes' migrations until it ends.
  virtual Status LockForMigration() = 0;
  // Runs a multi-statement script without parameters (migrations).
  virtual Status ExecScript(const std::string& sql) = 0;
};

// Opens a SQLite file ("" or ":memory:" for in-memory). kUnavailable on failure.
Result<std::unique_ptr<SqlConn>> OpenSqliteConn(const std::string& path);
// Connects to PostgreSQL. kUnavailable on failure.
Result<std::unique_ptr<SqlConn>> OpenPostgresConn(const std::string& url);

// The migration scripts, in order; migration i (1-based) is kMigrations[i-1].
const std::vector<std::string>& StoreMigrations();

}  // namespace hallyu::internal
