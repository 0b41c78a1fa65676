#include <cctype>
#include <pqxx/pqxx>

#include "crawler/store/sql_conn.h"

namespace hallyu::internal {
namespace {

// libpqxx 6 has no dynamic parameter lists; values are inlined as quoted literals
// (connection::quote uses PQescapeLiteral), which is safe for any bytes.
class PostgresConn final : public SqlConn {
 public:
  explicit PostgresConn(std::unique_ptr<pqxx::connection> c) : conn_(std::move(c)) {}

  Result<int64_t> Exec(const std::string& sql, const std::vector<SqlValue>& params) override {
    try {
      pqxx::result r = Run(Inline(sql, params));
      return static_cast<int64_t>(r.affected_rows());
    } catch (const std::exception& e) {
      return Unavailable(std::string("postgresql exec: ") + e.what());
    }
  }

  Result<std::vector<SqlRow>> Query(const std::string& sql,
                                    const std::vector<SqlValue>& params) override {
    try {
      pqxx::result r = Run(Inline(sql, params));
      std::vector<SqlRow> rows;
      rows.reserve(r.size());
      for (const auto& row : r) {
        SqlRow out;
        for (const auto& field : row) {
          if (field.is_null()) {
            out.emplace_back(std::nullopt);
          } else {
            out.emplace_back(std::string(field.c_str(), field.size()));
          }
        }
        rows.push_back(std::move(out));
      }
      return rows;
    } catch (const std::exception& e) {
      return Unavailable(std::string("postgresql query: ") + e.what());
    }
  }

  Status Begin() override {
    try {
      txn_ = std::make_unique<pqxx::work>(*conn_);
      return Status::Ok();
    } catch (const std::exception& e) {
      return Unavailable(std::string("postgresql begin: ") + e.what());
    }
  }
  Status Commit() override {
    try {
      txn_->commit();
      txn_.reset();
      return Status::Ok();
    } catch (const std::exception& e) {
      txn_.reset();
      return Unavailable(std::string("postgresql commit: ") + e.what());
    }
  }
  void Rollback() override {
    try {
      if (txn_) txn_->abort();
    } catch (const std::exception&) {
    }
    txn_.reset();
  }

  Status LockForMigration() override {
    // Any fixed key: "hallyu" in ASCII.
    return ExecScript("SELECT pg_advisory_xact_lock(104097108108121117)");
  }

  Status ExecScript(const std::string& sql) override {
    try {
      Run(sql);
      return Status::Ok();
    } catch (const std::exception& e) {
      return Unavailable(std::string("postgresql: ") + e.what());
    }
  }

 private:
  pqxx::result Run(const std::string& sql) {
    if (txn_) return txn_->exec(sql);
    pqxx::nontransaction n(*conn_);
    return n.exec(sql);
  }

  std::string Inline(const std::string& sql, const std::vector<SqlValue>& params) {
    std::string out;
    out.reserve(sql.size() + 64 * params.size());
    for (size_t i = 0; i < sql.size(); ++i) {
      if (sql[i] == '$' && i + 1 < sql.size() &&
          std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
        size_t j = i + 1;
        size_t n = 0;
        while (j < sql.size() && std::isdigit(static_cast<unsigned char>(sql[j]))) {
          n = n * 10 + static_cast<size_t>(sql[j] - '0');
          ++j;
        }
        if (n >= 1 && n <= params.size()) {
          const SqlValue& v = params[n - 1];
          if (const auto* s = std::get_if<std::string>(&v)) {
            out += conn_->quote(*s);
          } else if (const auto* x = std::get_if<int64_t>(&v)) {
            out += std::to_string(*x);
          } else if (const auto* d = std::get_if<double>(&v)) {
            out += pqxx::to_string(*d);
          } else {
            out += "NULL";
          }
          i = j - 1;
          continue;
        }
      }
      out += sql[i];
    }
    return out;
  }

  std::unique_ptr<pqxx::connection> conn_;
  std::unique_ptr<pqxx::work> txn_;
};

}  // namespace

Result<std::unique_ptr<SqlConn>> OpenPostgresConn(const std::string& url) {
  try {
    auto c = std::make_unique<pqxx::connection>(url);
    pqxx::nontransaction n(*c);
    n.exec("SET client_min_messages = warning");
    return std::unique_ptr<SqlConn>(std::make_unique<PostgresConn>(std::move(c)));
  } catch (const std::exception& e) {
    return Unavailable(std::string("postgresql connect: ") + e.what());
  }
}

}  // namespace hallyu::internal
