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

#include "extractors/status.h"

struct sqlite3;

namespace hallyu {

struct UrlState {
  std::string url;            // the key, as the caller normalised it
  std::string etag;           // last ETag seen, "" when none
  std::string last_modified;  // last Last-Modified seen (HTTP-date), "" when none
  std::string content_hash;   // hex hash of the last body, "" when none
  int64_t last_fetch_ms = 0;  // Unix time of the last fetch, ms
  int last_status = 0;        // HTTP status of the last fetch (0: none / transport failure)
};

class CrawlStateStore {
 public:
  // Opens (creating when missing) the database at `path`; ":memory:" gives a
  // private in-memory store. Fails with kIo when SQLite cannot open or migrate it.
  static Result<std::unique_ptr<CrawlStateStore>> Open(const std::string& path);
  ~CrawlStateStore();
  CrawlStateStore(const CrawlStateStore&) = delete;
  CrawlStateStore& operator=(const CrawlStateStore&) = delete;

  // The state of `url`; kNotFound when the store has none.
  Result<UrlState> Get(std::string_view url);
  // Inserts or replaces the state of `state.url`.
  Status Put(const UrlState& state);
  // Removes `url`'s state (no error when absent).
  Status Erase(std::string_view url);
  // Number of URLs stored.
  Result<int64_t> Count();

 private:
  explicit CrawlStateStore(sqlite3* db) : db_(db) {}
  std::mutex mu_;
  sqlite3* db_;
};

// Hex of a stable 64-bit hash of `bytes` (16 characters; not cryptographic). Fast
// (16 bytes per step): the fetch loop hashes every body it receives.
std::string ContentHash(std::string_view bytes);

}  // namespace hallyu
