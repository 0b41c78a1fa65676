#pragma once
// CrawlStateStore: per-URL crawl state on SQLite (WAL): HTTP validators for
// conditional GET, content hash, last fetch time and status.
//
// Small on purpose: Get / Put / Erase / Count. The fetcher reads validators
// before a request and writes them back after a 200 or 304; other stages
// (scheduler, dedup) may add their own columns through later migrations.
//
// Crash-loop protection (issue 20) keeps a second table: the pages being processed
// (MarkProcessing, written through before the page is parsed, so it survives the
// process dying on it) and the pages quarantined for it. A page whose processing did
// not finish in N earlier runs is quarantined instead of being tried again forever.
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
#include <vector>

#include "extractors/base/status.h"

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

// What ProcessingOf found for a page.
struct ProcessingStart {
  // Earlier starts of its processing that never finished (the process died while it was
  // in flight); not counting the start being recorded now.
  int unfinished_runs = 0;
  bool quarantined = false;  // quarantined earlier: do not process it
  std::string reason;        // why it was quarantined ("" when not)
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

  // ---- crash-loop protection (written through: never buffered) ----

  // What is recorded about the processing of `url` (zeros when nothing). kIo on failure.
  Result<ProcessingStart> ProcessingOf(std::string_view url);
  // Records that the processing of `url` starts now (one more unfinished start). Durable
  // (committed) when it returns, so a process that dies while parsing the page leaves
  // the start behind. kIo on failure.
  Status MarkProcessing(std::string_view url);
  // The processing of `url` ended (whatever its outcome): its unfinished starts are
  // forgotten. No error when none is recorded; kIo on failure.
  Status EndProcessing(std::string_view url);
  // Quarantines `url` with `reason`: ProcessingOf reports it as quarantined from now on
  // (EndProcessing keeps it), and QuarantinedUrls lists it. kIo on failure.
  Status Quarantine(std::string_view url, std::string_view reason);
  // Quarantined URLs, at most `limit` of them (the most recently quarantined first).
  Result<std::vector<std::string>> QuarantinedUrls(std::size_t limit);

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
