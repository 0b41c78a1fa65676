#pragma once
// CrawlStateStore: per-URL crawl state on SQLite (WAL): HTTP validators for
// conditional GET, content hash, last fetch time and status.
//
// Small on purpose: Get / Put / Erase / Count. The fetcher reads validators
// before a request and writes them back after a 200 or 304; other stages
// (scheduler, dedup) may add their own columns through later migrations.
//
// Thread-safety: all methods are safe to call from any thread (one connection
// behind a mutex).

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "extractors/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace hallyu {

struct UrlState {
  std::string url;            // the key, as the caller normalised it
  std::string etag;           // last ETag seen, "" when none
  std::string last_modified;  // last Last-Modified seen (HTTP-date), "" when none
  // Hex hash of the last body, "" when none: of the decoded body, or of the body
  // as received when the fetcher's caller decodes it (deferred decoding).
  std::string content_hash;
  int64_t last_fetch_ms = 0;  // Unix time of the last fetch, ms
  int last_status = 0;        // HTTP status of the last fetch (0: none / transport failure)
};

struct CrawlStateStoreOptions {
  // Puts kept in memory (Get sees them) before one transaction writes them all; 1 writes
  // each Put through. A crash loses at most this many states: those URLs are fetched
  // again without validators on the next run.
  std::size_t put_batch = 1;
};

class CrawlStateStore {
 public:
  // Opens (creating when missing) the database at `path`; ":memory:" gives a
  // private in-memory store. Fails with kIo when SQLite cannot open or migrate it.
  static Result<std::unique_ptr<CrawlStateStore>> Open(const std::string& path,
                                                       CrawlStateStoreOptions options = {});
  ~CrawlStateStore();
  CrawlStateStore(const CrawlStateStore&) = delete;
  CrawlStateStore& operator=(const CrawlStateStore&) = delete;

  // The state of `url`; kNotFound when the store has none.
  Result<UrlState> Get(std::string_view url);
  // Inserts or replaces the state of `state.url` (buffered up to options.put_batch; the
  // write of a full buffer may fail with kIo, and the buffered states are then dropped).
  Status Put(const UrlState& state);
  // Removes `url`'s state (no error when absent).
  Status Erase(std::string_view url);
  // Number of URLs stored (buffered Puts are written first).
  Result<int64_t> Count();
  // Writes the buffered Puts now, in one transaction. kIo on failure (they are dropped).
  Status Flush();

 private:
  CrawlStateStore(sqlite3* db, CrawlStateStoreOptions options) : db_(db), options_(options) {}
  Status Prepare();
  Status FlushLocked();
  std::mutex mu_;
  sqlite3* db_;
  // Prepared once in Open (Get runs for every conditional request); guarded by mu_.
  sqlite3_stmt* get_ = nullptr;
  sqlite3_stmt* put_ = nullptr;
  sqlite3_stmt* erase_ = nullptr;
  const CrawlStateStoreOptions options_;
  std::unordered_map<std::string, UrlState> pending_;  // guarded by mu_; not written yet
};

// Hex of a stable 64-bit hash of `bytes` (16 characters; not cryptographic). Fast
// (16 bytes per step): the fetch loop hashes every body it receives.
std::string ContentHash(std::string_view bytes);

}  // namespace hallyu
